/**
 * "Page": the first field (whatever the owner has of their Facebook Page),
 * the Chat Plugin's numeric Page ID, and the mode.
 */
import { PanelBody, TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import { modeLabels } from '../../shared/labels';
import type { Settings } from '../../shared/settings-schema.generated';
import { ChoiceField } from '../form/choice-field';
import { useSettingsForm } from '../form/context';
import { Field, TextField } from '../form/field';
import type { PanelToggle } from '../form/panels';
import { messengerLink, type PageInput } from '../page-input';

/**
 * What the first field was understood as, and the link visitors open.
 * @param input    The parsed field.
 * @param settings The form's values.
 */
function understoodAs( input: PageInput, settings: Settings ): string {
	if ( input.kind !== 'id' && input.kind !== 'username' ) {
		return '';
	}
	return sprintf(
		/* translators: 1: what the field understood ("Page ID 123" or "username acme"), 2: the m.me link. */
		__(
			'Understood as the %1$s: visitors open %2$s',
			'customer-chat-for-messenger'
		),
		input.kind === 'id'
			? sprintf(
					/* translators: %s: a numeric Page ID. */
					__( 'Page ID %s', 'customer-chat-for-messenger' ),
					input.page_id
			  )
			: sprintf(
					/* translators: %s: a Page username. */
					__( 'Page username %s', 'customer-chat-for-messenger' ),
					input.page_username
			  ),
		messengerLink( settings )
	);
}

export function PagePanel( props: PanelToggle ) {
	const { settings, errorOf, page } = useSettingsForm();
	const isLink = settings.mode === 'link';
	const understood = understoodAs( page.input, settings );
	return (
		<PanelBody
			title={ __( 'Page', 'customer-chat-for-messenger' ) }
			{ ...props }
		>
			<Field
				name="page_username"
				hasHelp
				describedBy={ understood ? [ 'ccfm-page-understood' ] : [] }
			>
				{ ( control ) => (
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __(
							'Your Facebook Page',
							'customer-chat-for-messenger'
						) }
						help={ __(
							'Paste your Page’s link (facebook.com/… or m.me/…), its username or its numeric Page ID.',
							'customer-chat-for-messenger'
						) }
						value={ page.value }
						onChange={ page.set }
						placeholder="https://www.facebook.com/yourpage"
						autoComplete="off"
						spellCheck={ false }
						{ ...control }
					/>
				) }
			</Field>
			{ understood && (
				<p id="ccfm-page-understood" className="ccfm-understood">
					{ understood }
				</p>
			) }
			{ ! isLink &&
				( settings.page_username !== '' ||
					!! errorOf( 'page_id' ) ) && (
					<TextField
						name="page_id"
						label={ __(
							'Facebook Page ID (for the Chat Plugin)',
							'customer-chat-for-messenger'
						) }
						help={ __(
							'The Chat Plugin needs the numeric ID. Find it on your Page: About → Page transparency, or in Meta Business Suite → Settings.',
							'customer-chat-for-messenger'
						) }
						inputMode="numeric"
					/>
				) }
			<ChoiceField
				name="mode"
				as="radio"
				label={ __( 'Mode', 'customer-chat-for-messenger' ) }
				help={ __(
					'Meta switched its Chat Plugin off on 9 May 2024; m.me links still work. That is why new sites start with the Messenger link.',
					'customer-chat-for-messenger'
				) }
				labels={ modeLabels() }
			/>
			{ isLink && (
				<p className="ccfm-mode-note">
					{ __(
						'Settings that only Meta’s Chat Plugin uses (chat language, when to load it, the greeting for people logged in to Facebook, the domain whitelist and the Get Started button) are hidden in this mode. Choose the Chat Plugin to see them.',
						'customer-chat-for-messenger'
					) }
				</p>
			) }
		</PanelBody>
	);
}
