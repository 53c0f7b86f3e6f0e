/**
 * The customer-chat-for-messenger/chat block: the page-settings variation and
 * the "Message us" button, rendered on the server (render.php).
 */
import {
	InspectorControls,
	RichText,
	useBlockProps,
} from '@wordpress/block-editor';
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';
import {
	PanelBody,
	SelectControl,
	TextControl,
	Notice,
} from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import metadata from '../../plugin/blocks/chat/block.json';
import { validateSetting } from '../shared/validate';

interface Attributes {
	type: 'settings' | 'button';
	text: string;
	ref: string;
	logged_in_greeting: string;
	logged_out_greeting: string;
	greeting_dialog_display: string;
	greeting_dialog_delay: string;
	[ key: string ]: unknown;
}

function Edit( {
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
	const delay =
		attributes.greeting_dialog_delay === ''
			? ''
			: Number( attributes.greeting_dialog_delay );
	const errors = {
		ref: attributes.ref && validateSetting( 'ref', attributes.ref ),
		logged_in_greeting:
			attributes.logged_in_greeting &&
			validateSetting(
				'logged_in_greeting',
				attributes.logged_in_greeting
			),
		logged_out_greeting:
			attributes.logged_out_greeting &&
			validateSetting(
				'logged_out_greeting',
				attributes.logged_out_greeting
			),
		greeting_dialog_delay:
			delay !== '' && validateSetting( 'greeting_dialog_delay', delay ),
	};
	const field = (
		name: keyof typeof errors,
		label: string,
		help?: string
	) => (
		<TextControl
			__nextHasNoMarginBottom
			__next40pxDefaultSize
			label={ label }
			help={ errors[ name ] || help }
			value={ String( attributes[ name ] ?? '' ) }
			onChange={ ( v: string ) => setAttributes( { [ name ]: v } ) }
		/>
	);
	return (
		<>
			<InspectorControls>
				<PanelBody
					title={ __(
						'Chat on this page',
						'customer-chat-for-messenger'
					) }
				>
					<p>
						{ __(
							'Empty fields use the site settings. Invalid values are ignored on the site.',
							'customer-chat-for-messenger'
						) }
					</p>
					{ field(
						'ref',
						__( 'Reference (ref)', 'customer-chat-for-messenger' ),
						__(
							'Letters, digits, -, _ and =. Tells your webhook where the conversation started.',
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
								value={
									attributes.greeting_dialog_display as
										| ''
										| 'show'
										| 'fade'
										| 'hide'
										| 'icon'
								}
								options={ [
									{
										value: '',
										label: __(
											'Site setting',
											'customer-chat-for-messenger'
										),
									},
									{
										value: 'show',
										label: __(
											'Show',
											'customer-chat-for-messenger'
										),
									},
									{
										value: 'fade',
										label: __(
											'Fade',
											'customer-chat-for-messenger'
										),
									},
									{
										value: 'hide',
										label: __(
											'Hide',
											'customer-chat-for-messenger'
										),
									},
									{
										value: 'icon',
										label: __(
											'Icon only',
											'customer-chat-for-messenger'
										),
									},
								] }
								onChange={ ( v: string ) =>
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
					<Notice status="info" isDismissible={ false }>
						<strong>
							{ __(
								'Messenger chat settings for this page',
								'customer-chat-for-messenger'
							) }
						</strong>{ ' ' }
						{ attributes.ref
							? sprintf(
									/* translators: %s: ref value. */
									__(
										'ref: %s',
										'customer-chat-for-messenger'
									),
									attributes.ref
							  )
							: __(
									'Shows nothing here; the chat bubble uses these settings on this page.',
									'customer-chat-for-messenger'
							  ) }
					</Notice>
				</div>
			) }
		</>
	);
}

registerBlockType(
	metadata as unknown as BlockConfiguration< Attributes >,
	{
		edit: Edit,
		save: () => null,
	} as unknown as Partial< BlockConfiguration< Attributes > >
);
