/**
 * "Where it shows": the display rules of the ccfm_settings schema.
 */
import { CheckboxControl, PanelBody, TextControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import {
	devicesLabels,
	displayOnLabels,
	displayPlaceLabels,
	options,
} from '../../shared/labels';
import {
	settingsSchema,
	type Settings,
} from '../../shared/settings-schema.generated';
import { ChoiceField } from '../form/choice-field';
import { useSettingsForm } from '../form/context';
import { Field } from '../form/field';

/**
 * Parses "12, 40 7" into [12, 40, 7]; returns null when a part is not a post ID.
 * @param text
 */
export function parseIds( text: string ): number[] | null {
	const parts = text.split( /[\s,]+/ ).filter( Boolean );
	if ( parts.some( ( p ) => ! /^[1-9][0-9]{0,18}$/.test( p ) ) ) {
		return null;
	}
	return Array.from( new Set( parts.map( Number ) ) );
}

type Place = Settings[ 'display_places' ][ number ];

/** The places in the schema's order. */
const PLACES = settingsSchema.properties.display_places.items?.enum as Place[];

function Places() {
	const { settings, set } = useSettingsForm();
	return (
		<fieldset className="ccfm-places">
			<legend>
				{ __(
					'Show it on these places',
					'customer-chat-for-messenger'
				) }
			</legend>
			{ options( displayPlaceLabels(), PLACES ).map(
				( { value, label } ) => (
					<CheckboxControl
						__nextHasNoMarginBottom
						key={ value }
						label={ label }
						checked={ settings.display_places.includes( value ) }
						onChange={ ( on: boolean ) =>
							set(
								'display_places',
								on
									? [ ...settings.display_places, value ]
									: settings.display_places.filter(
											( p ) => p !== value
									  )
							)
						}
					/>
				)
			) }
		</fieldset>
	);
}

function ExcludedIds() {
	const { settings, set, errorOf, draft, savedCount } = useSettingsForm();
	const [ idsText, setIdsText ] = useState(
		settings.exclude_ids.join( ', ' )
	);
	// Once saved, the field shows what the server stored.
	useEffect( () => {
		if ( savedCount ) {
			setIdsText( settings.exclude_ids.join( ', ' ) );
		}
		// Only a new save re-reads the stored list, not each edit.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ savedCount ] );
	const help = __(
		'Post, page or product IDs, separated by commas. Each post also has a show / hide switch in the editor.',
		'customer-chat-for-messenger'
	);
	return (
		<Field name="exclude_ids" hasHelp error={ errorOf( 'exclude_ids' ) }>
			{ ( control ) => (
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ __(
						'Never show on these posts (IDs)',
						'customer-chat-for-messenger'
					) }
					help={ help }
					value={ idsText }
					onChange={ ( v: string ) => {
						setIdsText( v );
						const ids = parseIds( v );
						draft(
							'exclude_ids',
							ids === null
								? __(
										'Enter post IDs (whole numbers) separated by commas.',
										'customer-chat-for-messenger'
								  )
								: null
						);
						if ( ids !== null ) {
							set( 'exclude_ids', ids );
						}
					} }
					{ ...control }
				/>
			) }
		</Field>
	);
}

export function DisplayRulesPanel() {
	const { settings } = useSettingsForm();
	return (
		<PanelBody
			title={ __( 'Where it shows', 'customer-chat-for-messenger' ) }
			initialOpen={ false }
		>
			<ChoiceField
				name="display_on"
				as="radio"
				label={ __( 'Show the chat', 'customer-chat-for-messenger' ) }
				labels={ displayOnLabels() }
			/>
			{ settings.display_on === 'chosen' && <Places /> }
			<ExcludedIds />
			<ChoiceField
				name="devices"
				as="radio"
				label={ __( 'Devices', 'customer-chat-for-messenger' ) }
				help={ __(
					'Decided in the browser by screen width (768 px), so page caches keep working.',
					'customer-chat-for-messenger'
				) }
				labels={ devicesLabels() }
			/>
		</PanelBody>
	);
}
