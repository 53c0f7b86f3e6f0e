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
	Button,
	Notice,
	PanelBody,
	Placeholder,
	SelectControl,
	TextControl,
} from '@wordpress/components';
import { useEntityProp } from '@wordpress/core-data';
import { useSelect } from '@wordpress/data';
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
	message_text: string;
	[ key: string ]: unknown;
}

/** The shortcode's attributes, as the sidebar lists them. */
const SHORTCODE_ATTRIBUTES: [ string, string ][] = [
	[
		'type="button"',
		__(
			'an inline “Message us” button; without it, the page’s chat settings',
			'customer-chat-for-messenger'
		),
	],
	[ 'text="…"', __( 'the button’s text', 'customer-chat-for-messenger' ) ],
	[
		'ref="…"',
		__(
			'where conversations start (letters, digits, -, _ and =)',
			'customer-chat-for-messenger'
		),
	],
	[
		'logged_in_greeting="…"',
		__(
			'greeting for people logged in to Facebook (Chat Plugin)',
			'customer-chat-for-messenger'
		),
	],
	[
		'logged_out_greeting="…"',
		__( 'greeting for everyone else', 'customer-chat-for-messenger' ),
	],
	[
		'greeting_dialog_display="show|fade|hide|icon"',
		__( 'how the greeting opens', 'customer-chat-for-messenger' ),
	],
	[
		'greeting_dialog_delay="5"',
		__(
			'seconds before the greeting opens',
			'customer-chat-for-messenger'
		),
	],
	[
		'message_text="…"',
		__(
			'the pre-filled message ({title}, {url}, {site})',
			'customer-chat-for-messenger'
		),
	],
];

/**
 * A ref stored on the block by an earlier version: the per-page ref now
 * lives in one place, the post's "Messenger chat" panel. It still applies;
 * one click moves it there.
 * @param props
 * @param props.blockRef
 * @param props.onMoved
 */
function LegacyRef( {
	blockRef,
	onMoved,
}: {
	blockRef: string;
	onMoved: () => void;
} ) {
	const postType = useSelect(
		( select ) =>
			(
				select( 'core/editor' ) as
					| { getCurrentPostType: () => string }
					| undefined
			 )?.getCurrentPostType() || 'post',
		[]
	);
	const [ meta, setMeta ] = useEntityProp( 'postType', postType, 'meta' );
	return (
		<Notice status="warning" isDismissible={ false }>
			{ sprintf(
				/* translators: %s: ref value. */
				__(
					'This block has its own ref (%s) from an earlier version; it still applies. The ref of a page is now set in one place: the post’s “Messenger chat” panel.',
					'customer-chat-for-messenger'
				),
				blockRef
			) }{ ' ' }
			{ meta && '_ccfm_ref' in meta && (
				<Button
					variant="secondary"
					size="compact"
					onClick={ () => {
						setMeta( { ...meta, _ccfm_ref: blockRef } );
						onMoved();
					} }
				>
					{ __(
						'Move it to the post’s panel',
						'customer-chat-for-messenger'
					) }
				</Button>
			) }
		</Notice>
	);
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
		message_text:
			attributes.message_text &&
			validateSetting( 'message_text', attributes.message_text ),
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
							'Empty fields use the site settings. Invalid values are ignored on the site. The ref of this page is set in the post’s “Messenger chat” panel.',
							'customer-chat-for-messenger'
						) }
					</p>
					{ attributes.ref && (
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
				<PanelBody
					title={ __( 'Shortcode', 'customer-chat-for-messenger' ) }
					initialOpen={ false }
				>
					<p>
						{ __(
							'The same in classic content, widgets or theme files:',
							'customer-chat-for-messenger'
						) }{ ' ' }
						<code>[messenger_chat type=&quot;button&quot;]</code>
					</p>
					<ul className="ccfm-shortcode-attributes">
						{ SHORTCODE_ATTRIBUTES.map( ( [ name, what ] ) => (
							<li key={ name }>
								<code>{ name }</code> { what }
							</li>
						) ) }
					</ul>
					<p>
						{ __(
							'Other attributes are ignored; people who can edit the post see a note about them on the page.',
							'customer-chat-for-messenger'
						) }
					</p>
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

registerBlockType(
	metadata as unknown as BlockConfiguration< Attributes >,
	{
		edit: Edit,
		save: () => null,
	} as unknown as Partial< BlockConfiguration< Attributes > >
);
