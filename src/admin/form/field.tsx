/**
 * One field of the settings form: its wrapper (`data-ccfm-field`, the ref
 * the focus moves through), the ids and ARIA that tie the control to its
 * help and its error, and the error itself.
 */
import type { ReactNode } from 'react';

import { TextControl } from '@wordpress/components';

import type {
	SettingName,
	Settings,
} from '../../shared/settings-schema.generated';
import { useSettingsForm } from './context';

/** What a control spreads to be tied to its help and error. */
export interface ControlProps {
	id: string;
	'aria-invalid': boolean;
	'aria-describedby'?: string;
}

interface FieldProps {
	name: SettingName;
	/** Whether the control shows a help text (WordPress ids it `<id>__help`). */
	hasHelp?: boolean;
	/** More ids that describe the control, after its help and error. */
	describedBy?: string[];
	/** An error of this screen's own, in place of the setting's. */
	error?: string | null;
	children: ( control: ControlProps ) => ReactNode;
}

export function Field( {
	name,
	hasHelp = false,
	describedBy = [],
	error: ownError,
	children,
}: FieldProps ) {
	const { errorOf, register } = useSettingsForm();
	const id = 'ccfm-' + name;
	const error = ownError === undefined ? errorOf( name ) : ownError;
	const describes =
		[
			hasHelp ? id + '__help' : '',
			error ? id + '-error' : '',
			...describedBy,
		]
			.filter( Boolean )
			.join( ' ' ) || undefined;
	return (
		<div data-ccfm-field={ name } ref={ register( name ) }>
			{ children( {
				id,
				'aria-invalid': !! error,
				'aria-describedby': describes,
			} ) }
			{ error && (
				<p
					id={ id + '-error' }
					className="ccfm-field-error"
					role="alert"
				>
					{ error }
				</p>
			) }
		</div>
	);
}

type TextName = {
	[ K in SettingName ]: Settings[ K ] extends string | number | ''
		? K
		: never;
}[ SettingName ];

interface TextFieldProps {
	name: TextName;
	label: string;
	help?: string;
	type?: 'text' | 'number';
	min?: number;
	max?: number;
	placeholder?: string;
	inputMode?: 'numeric';
	/** The stored value of what is typed (numbers are stored as numbers). */
	parse?: ( text: string ) => Settings[ TextName ];
}

/**
 * A setting typed into a text box.
 * @param root0
 * @param root0.name
 * @param root0.label
 * @param root0.help
 * @param root0.parse
 */
export function TextField( {
	name,
	label,
	help,
	parse,
	...input
}: TextFieldProps ) {
	const { settings, set } = useSettingsForm();
	return (
		<Field name={ name } hasHelp={ !! help }>
			{ ( control ) => (
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ label }
					help={ help }
					value={ String( settings[ name ] ?? '' ) }
					onChange={ ( v: string ) =>
						set( name, ( parse ? parse( v ) : v ) as never )
					}
					{ ...input }
					{ ...control }
				/>
			) }
		</Field>
	);
}
