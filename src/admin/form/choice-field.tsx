/**
 * A setting with a fixed set of values, chosen from radio buttons or a
 * select, each value shown with its label from the shared label maps.
 */
import { RadioControl, SelectControl } from '@wordpress/components';

import { options, type Labels } from '../../shared/labels';
import type {
	SettingName,
	Settings,
} from '../../shared/settings-schema.generated';
import { useSettingsForm } from './context';
import { Field } from './field';

/** The settings whose value is one of a few strings. */
type ChoiceName = {
	[ K in SettingName ]: Settings[ K ] extends string
		? string extends Settings[ K ]
			? never
			: K
		: never;
}[ SettingName ];

interface ChoiceFieldProps< K extends ChoiceName > {
	name: K;
	as: 'radio' | 'select';
	label: string;
	help?: string;
	labels: Labels< Settings[ K ] >;
}

export function ChoiceField< K extends ChoiceName >( {
	name,
	as,
	label,
	help,
	labels,
}: ChoiceFieldProps< K > ) {
	const { settings, set } = useSettingsForm();
	const choose = ( value: string ) => set( name, value as Settings[ K ] );
	return (
		<Field name={ name }>
			{ ( { id, 'aria-invalid': invalid } ) =>
				as === 'select' ? (
					<SelectControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						id={ id }
						aria-invalid={ invalid }
						label={ label }
						help={ help }
						value={ settings[ name ] }
						onChange={ choose }
						options={ options( labels ) }
					/>
				) : (
					<RadioControl
						label={ label }
						help={ help }
						selected={ settings[ name ] }
						onChange={ choose }
						options={ options( labels ) }
					/>
				)
			}
		</Field>
	);
}
