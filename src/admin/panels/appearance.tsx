/**
 * "Appearance": the theme colour (typed or picked, with a contrast warning),
 * the side of the screen and the distance from its bottom.
 */
import { ColorPalette, Notice, PanelBody } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import { alignmentLabels } from '../../shared/labels';
import { contrastWithWhite } from '../../shared/validate';
import { ChoiceField } from '../form/choice-field';
import { useSettingsForm } from '../form/context';
import { TextField } from '../form/field';
import type { PanelToggle } from '../form/panels';

const palette = () => [
	{
		name: __( 'Messenger blue', 'customer-chat-for-messenger' ),
		color: '#0084ff',
	},
	{ name: __( 'Purple', 'customer-chat-for-messenger' ), color: '#a334fa' },
	{ name: __( 'Green', 'customer-chat-for-messenger' ), color: '#13cf13' },
	{ name: __( 'Dark', 'customer-chat-for-messenger' ), color: '#1e1e1e' },
];

/**
 * A warning when white on this colour is hard to read (below 3:1).
 * @param props
 * @param props.color The theme colour, valid.
 */
function ContrastWarning( { color }: { color: string } ) {
	if ( ! /^#[0-9a-fA-F]{6}$/.test( color ) ) {
		return null;
	}
	const contrast = contrastWithWhite( color );
	return contrast < 3 ? (
		<Notice status="warning" isDismissible={ false }>
			{ sprintf(
				/* translators: %s: contrast ratio. */
				__(
					'Low contrast against white (%s:1, below 3:1): the bubble icon and visitors’ messages may be hard to read.',
					'customer-chat-for-messenger'
				),
				contrast.toFixed( 2 )
			) }
		</Notice>
	) : null;
}

export function AppearancePanel( props: PanelToggle ) {
	const { settings, set, errorOf } = useSettingsForm();
	return (
		<PanelBody
			title={ __( 'Appearance', 'customer-chat-for-messenger' ) }
			{ ...props }
		>
			<TextField
				name="theme_color"
				label={ __( 'Theme colour', 'customer-chat-for-messenger' ) }
				help={ __(
					'A #rrggbb colour; any colour but white. Leave empty for Messenger blue.',
					'customer-chat-for-messenger'
				) }
				placeholder="#0084ff"
			/>
			<ColorPalette
				colors={ palette() }
				aria-label={ __(
					'Theme colour palette',
					'customer-chat-for-messenger'
				) }
				// A value the site would refuse (`blue`) shows no swatch as chosen.
				value={
					errorOf( 'theme_color' )
						? undefined
						: settings.theme_color || undefined
				}
				onChange={ ( c?: string ) =>
					set( 'theme_color', ( c || '' ).toLowerCase() )
				}
				enableAlpha={ false }
			/>
			{ ! errorOf( 'theme_color' ) && (
				<ContrastWarning color={ settings.theme_color } />
			) }
			<ChoiceField
				name="alignment"
				as="radio"
				label={ __( 'Side', 'customer-chat-for-messenger' ) }
				help={ __(
					'Meta advises keeping the chat in the bottom-right corner, where visitors expect it.',
					'customer-chat-for-messenger'
				) }
				labels={ alignmentLabels() }
			/>
			<TextField
				name="bottom_spacing"
				label={ __(
					'Distance from the bottom of the screen (px)',
					'customer-chat-for-messenger'
				) }
				type="number"
				min={ 0 }
				max={ 500 }
				parse={ ( v ) => ( v === '' ? 0 : Number( v ) ) }
			/>
		</PanelBody>
	);
}
