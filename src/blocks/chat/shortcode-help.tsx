/**
 * The block sidebar's "Shortcode" panel: the same placement in classic
 * content, widgets or theme files, and the attributes the shortcode knows.
 */
import { PanelBody } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { greetingDisplayShortLabels } from '../../shared/labels';

/** The shortcode's attributes, as the sidebar lists them. */
function attributes(): [ string, string ][] {
	const displays = Object.keys( greetingDisplayShortLabels() ).join( '|' );
	return [
		[
			'type="button"',
			__(
				'an inline “Message us” button; without it, the page’s chat settings',
				'customer-chat-for-messenger'
			),
		],
		[
			'text="…"',
			__( 'the button’s text', 'customer-chat-for-messenger' ),
		],
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
			`greeting_dialog_display="${ displays }"`,
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
}

export function ShortcodeHelp() {
	return (
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
				{ attributes().map( ( [ name, what ] ) => (
					<li key={ name }>
						{ /* Long attributes wrap inside the sidebar. */ }
						<code style={ { overflowWrap: 'anywhere' } }>
							{ name }
						</code>{ ' ' }
						{ what }
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
	);
}
