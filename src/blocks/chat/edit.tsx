/**
 * The block in the editor: the page-settings variation (a placeholder, its
 * greeting fields in the sidebar) or the inline "Message us" button.
 */
import {
	InspectorControls,
	RichText,
	useBlockProps,
} from '@wordpress/block-editor';
import {
	PanelBody,
	Placeholder,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { greetingDisplayShortLabels, options } from '../../shared/labels';
import { settingError } from '../../shared/messages';
import type { Settings } from '../../shared/settings-schema.generated';
import { LegacyRef } from './legacy-ref';
import { ShortcodeHelp } from './shortcode-help';

/** The attributes of block.json; empty means "the site setting". */
export interface Attributes {
	type: 'settings' | 'button';
	text: string;
	ref: string;
	logged_in_greeting: string;
	logged_out_greeting: string;
	greeting_dialog_display: '' | Settings[ 'greeting_dialog_display' ];
	greeting_dialog_delay: string;
	message_text: string;
	[ key: string ]: unknown;
}

/** The text fields of the block, checked with the settings' rules. */
type GreetingField =
	| 'logged_in_greeting'
	| 'logged_out_greeting'
	| 'greeting_dialog_delay'
	| 'message_text'
	| 'ref';

/**
 * The translated message of a filled field whose value breaks its rule.
 *
 * @param name       The field.
 * @param attributes The block's attributes.
 */
function errorOf( name: GreetingField, attributes: Attributes ): string {
	// A delay is checked as typed: "5" is 5 seconds, "1e3" is refused, as on the server.
	const value = attributes[ name ];
	return value === '' ? '' : settingError( name, value ) || '';
}

export function Edit( {
	attributes,
	setAttributes,
}: {
	attributes: Attributes;
	setAttributes: ( a: Partial< Attributes > ) => void;
} ) {
	const blockProps = useBlockProps(
		attributes.type === 'button'
			? { className: 'ccfm-button-wrap' }
			: { className: 'ccfm-block-settings' }
	);
	const field = ( name: GreetingField, label: string, hint?: string ) => (
		<TextControl
			__nextHasNoMarginBottom
			__next40pxDefaultSize
			label={ label }
			help={ errorOf( name, attributes ) || hint }
			value={ attributes[ name ] }
			onChange={ ( v: string ) => setAttributes( { [ name ]: v } ) }
		/>
	);
	return (
		<>
			<InspectorControls>
				<PanelBody
					title={
						attributes.type === 'button'
							? __(
									'Message us button',
									'customer-chat-for-messenger'
							  )
							: __(
									'Chat on this page',
									'customer-chat-for-messenger'
							  )
					}
				>
					<p>
						{ attributes.type === 'button'
							? __(
									'Empty fields use the page’s and the site’s settings. Invalid values are ignored on the site.',
									'customer-chat-for-messenger'
							  )
							: __(
									'Empty fields use the site settings. Invalid values are ignored on the site. The ref of this page is set in the post’s “Messenger chat” panel.',
									'customer-chat-for-messenger'
							  ) }
					</p>
					{ attributes.type === 'button' &&
						field(
							'ref',
							__(
								'This button’s ref',
								'customer-chat-for-messenger'
							),
							__(
								'Where conversations from this button start (letters, digits, -, _ and =). Empty: the page’s ref.',
								'customer-chat-for-messenger'
							)
						) }
					{ attributes.type === 'settings' && attributes.ref && (
						<LegacyRef
							blockRef={ attributes.ref }
							onMoved={ () => setAttributes( { ref: '' } ) }
						/>
					) }
					{ field(
						'message_text',
						__(
							'Pre-filled message',
							'customer-chat-for-messenger'
						),
						__(
							'Variables: {title}, {url}, {site}. Empty: the site’s message.',
							'customer-chat-for-messenger'
						)
					) }
					{ attributes.type === 'settings' && (
						<>
							{ field(
								'logged_in_greeting',
								__(
									'Greeting for people logged in to Facebook',
									'customer-chat-for-messenger'
								)
							) }
							{ field(
								'logged_out_greeting',
								__(
									'Greeting for everyone else',
									'customer-chat-for-messenger'
								)
							) }
							<SelectControl
								__nextHasNoMarginBottom
								__next40pxDefaultSize
								label={ __(
									'Greeting display',
									'customer-chat-for-messenger'
								) }
								value={ attributes.greeting_dialog_display }
								options={ [
									{
										value: '' as const,
										label: __(
											'Site setting',
											'customer-chat-for-messenger'
										),
									},
									...options( greetingDisplayShortLabels() ),
								] }
								onChange={ (
									v: Attributes[ 'greeting_dialog_display' ]
								) =>
									setAttributes( {
										greeting_dialog_display: v,
									} )
								}
							/>
							{ field(
								'greeting_dialog_delay',
								__(
									'Greeting delay (seconds)',
									'customer-chat-for-messenger'
								)
							) }
						</>
					) }
				</PanelBody>
				<ShortcodeHelp />
			</InspectorControls>
			{ attributes.type === 'button' ? (
				<div { ...blockProps }>
					<RichText
						tagName="span"
						className="ccfm-button wp-element-button"
						allowedFormats={ [] }
						withoutInteractiveFormatting
						placeholder={ __(
							'Message us',
							'customer-chat-for-messenger'
						) }
						aria-label={ __(
							'Button text',
							'customer-chat-for-messenger'
						) }
						value={ attributes.text }
						onChange={ ( v: string ) =>
							setAttributes( { text: v } )
						}
					/>
				</div>
			) : (
				<div { ...blockProps }>
					<Placeholder
						icon="admin-settings"
						label={ __(
							'Messenger chat settings for this page',
							'customer-chat-for-messenger'
						) }
						instructions={ __(
							'Shows nothing here. The chat bubble uses this block’s greeting settings on this page (set them in the block sidebar).',
							'customer-chat-for-messenger'
						) }
					>
						{ attributes.logged_out_greeting && (
							<p className="ccfm-block-settings__greeting">
								{ attributes.logged_out_greeting }
							</p>
						) }
					</Placeholder>
				</div>
			) }
		</>
	);
}
