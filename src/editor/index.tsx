/**
 * The post editor's document panel: show / hide the chat on this post and a
 * per-post ref and pre-filled message, stored as registered post meta.
 */
import { RadioControl, TextControl } from '@wordpress/components';
import { useEntityProp } from '@wordpress/core-data';
import { useSelect } from '@wordpress/data';
import { PluginDocumentSettingPanel } from '@wordpress/editor';
import { __ } from '@wordpress/i18n';
import { registerPlugin } from '@wordpress/plugins';

import { options, postVisibilityLabels } from '../shared/labels';
import { settingError } from '../shared/messages';
import './shortcode-notes';

function ChatPanel() {
	const postType = useSelect(
		( select ) =>
			(
				select( 'core/editor' ) as {
					getCurrentPostType: () => string;
				}
			 ).getCurrentPostType(),
		[]
	);
	const [ meta, setMeta ] = useEntityProp( 'postType', postType, 'meta' );
	if ( ! meta || ! ( '_ccfm_visibility' in meta ) ) {
		return null;
	}
	const refError = meta._ccfm_ref
		? settingError( 'ref', meta._ccfm_ref )
		: null;
	return (
		<PluginDocumentSettingPanel
			name="ccfm-chat"
			title={ __( 'Messenger chat', 'customer-chat-for-messenger' ) }
		>
			<RadioControl
				label={ __( 'On this post', 'customer-chat-for-messenger' ) }
				selected={ meta._ccfm_visibility || '' }
				options={ options( postVisibilityLabels() ) }
				onChange={ ( v: string ) =>
					setMeta( { ...meta, _ccfm_visibility: v } )
				}
			/>
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __( 'Reference (ref)', 'customer-chat-for-messenger' ) }
				help={
					refError ||
					__(
						'Used for conversations started on this post, by the chat bubble and by every Messenger Chat block or shortcode on it. Letters, digits, -, _ and =.',
						'customer-chat-for-messenger'
					)
				}
				value={ meta._ccfm_ref || '' }
				onChange={ ( v: string ) =>
					setMeta( { ...meta, _ccfm_ref: v } )
				}
			/>
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				label={ __(
					'Pre-filled message',
					'customer-chat-for-messenger'
				) }
				help={
					( meta._ccfm_message_text &&
						settingError(
							'message_text',
							meta._ccfm_message_text
						) ) ||
					__(
						'The visitor’s first message on this post (variables: {title}, {url}, {site}). Empty: the site’s message.',
						'customer-chat-for-messenger'
					)
				}
				value={ meta._ccfm_message_text || '' }
				onChange={ ( v: string ) =>
					setMeta( { ...meta, _ccfm_message_text: v } )
				}
			/>
		</PluginDocumentSettingPanel>
	);
}

registerPlugin( 'customer-chat-for-messenger', { render: ChatPanel } );
