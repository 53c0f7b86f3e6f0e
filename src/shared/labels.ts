/**
 * What each enum value of the settings is called on screen, written once for
 * the admin, the block and the post-editor panel. Each map is typed by the
 * generated settings type: a value added to the schema without a label here
 * (or a label for a value the schema does not have) fails `tsc`.
 */
import { __ } from '@wordpress/i18n';
import type { Settings } from './settings-schema.generated';

/** A label for every value of one enum. */
export type Labels< T extends string > = Record< T, string >;

/** The value of one element of an array setting. */
type Item< T > = T extends ( infer U )[] ? U : never;

/**
 * The options of a SelectControl or RadioControl, in the map's order, or in
 * the given order (JavaScript lists a key like "404" before all others).
 *
 * @param labels A label for every value.
 * @param order  The values in the order to show them.
 */
export function options< T extends string >(
	labels: Labels< T >,
	order: readonly T[] = Object.keys( labels ) as T[]
): { value: T; label: string }[] {
	return order.map( ( value ) => ( {
		value,
		label: labels[ value ],
	} ) );
}

export const modeLabels = (): Labels< Settings[ 'mode' ] > => ( {
	link: __(
		'Messenger link (recommended): works today and never loads Meta’s code; the bubble opens your Page in Messenger (m.me). Best for privacy and speed.',
		'customer-chat-for-messenger'
	),
	chat_plugin: __(
		'Chat Plugin with Messenger-link fallback: tries Meta’s Chat Plugin when a visitor clicks; since Meta stopped serving it, the visitor gets the Messenger link at once while it tries.',
		'customer-chat-for-messenger'
	),
} );

export const alignmentLabels = (): Labels< Settings[ 'alignment' ] > => ( {
	right: __( 'Bottom right (recommended)', 'customer-chat-for-messenger' ),
	left: __( 'Bottom left', 'customer-chat-for-messenger' ),
} );

/** The greeting display, described (the settings screen). */
export const greetingDisplayLabels = (): Labels<
	Settings[ 'greeting_dialog_display' ]
> => ( {
	show: __(
		'Show: opens after the delay and stays open',
		'customer-chat-for-messenger'
	),
	fade: __(
		'Fade: opens after the delay, then fades away',
		'customer-chat-for-messenger'
	),
	hide: __(
		'Hide: stays closed until the visitor clicks',
		'customer-chat-for-messenger'
	),
	icon: __(
		'Icon: only the chat icon, no greeting',
		'customer-chat-for-messenger'
	),
} );

/** The greeting display, in a word (the block's sidebar). */
export const greetingDisplayShortLabels = (): Labels<
	Settings[ 'greeting_dialog_display' ]
> => ( {
	show: __( 'Show', 'customer-chat-for-messenger' ),
	fade: __( 'Fade', 'customer-chat-for-messenger' ),
	hide: __( 'Hide', 'customer-chat-for-messenger' ),
	icon: __( 'Icon only', 'customer-chat-for-messenger' ),
} );

export const phoneGreetingLabels = (
	mode: Settings[ 'mode' ] = 'chat_plugin'
): Labels< Settings[ 'phone_greeting' ] > => ( {
	// In link mode a tap on the bubble opens Messenger, never the greeting.
	hide:
		mode === 'link'
			? __(
					'Not shown on phones (recommended): a tap on the bubble opens Messenger',
					'customer-chat-for-messenger'
			  )
			: __(
					'Closed until the bubble is tapped (recommended)',
					'customer-chat-for-messenger'
			  ),
	delay: __(
		'Opens after the delay, at the earliest after 10 seconds',
		'customer-chat-for-messenger'
	),
	same: __( 'As on larger screens', 'customer-chat-for-messenger' ),
} );

export const loadStrategyLabels = (): Labels<
	Settings[ 'load_strategy' ]
> => ( {
	interaction: __(
		'On interaction (recommended): nothing from Meta until the visitor clicks; fastest pages.',
		'customer-chat-for-messenger'
	),
	idle: __(
		'When the page is idle: ready sooner, costs some bandwidth on every page.',
		'customer-chat-for-messenger'
	),
	immediate: __(
		'Immediately: like the official plugin; slowest pages.',
		'customer-chat-for-messenger'
	),
} );

export const displayOnLabels = (): Labels< Settings[ 'display_on' ] > => ( {
	everywhere: __( 'Everywhere', 'customer-chat-for-messenger' ),
	placed: __(
		'Only on content with the Messenger Chat block or [messenger_chat] shortcode',
		'customer-chat-for-messenger'
	),
	chosen: __( 'On the places chosen below', 'customer-chat-for-messenger' ),
} );

export const displayPlaceLabels = (): Labels<
	Item< Settings[ 'display_places' ] >
> => ( {
	front_page: __( 'Front page', 'customer-chat-for-messenger' ),
	posts: __( 'Posts', 'customer-chat-for-messenger' ),
	pages: __( 'Pages', 'customer-chat-for-messenger' ),
	other_types: __( 'Other public post types', 'customer-chat-for-messenger' ),
	archives: __(
		'Archives and the blog index',
		'customer-chat-for-messenger'
	),
	search: __( 'Search results', 'customer-chat-for-messenger' ),
	404: __( 'Page not found (404)', 'customer-chat-for-messenger' ),
} );

export const devicesLabels = (): Labels< Settings[ 'devices' ] > => ( {
	all: __( 'All devices', 'customer-chat-for-messenger' ),
	desktop: __( 'Desktop only', 'customer-chat-for-messenger' ),
	mobile: __( 'Mobile only', 'customer-chat-for-messenger' ),
} );

/** The post's own choice, stored as the post meta _ccfm_visibility (the post-editor panel). */
export type PostVisibility = '' | 'show' | 'hide';

export const postVisibilityLabels = (): Labels< PostVisibility > => ( {
	'': __( 'Follow the site rules', 'customer-chat-for-messenger' ),
	show: __( 'Show the chat', 'customer-chat-for-messenger' ),
	hide: __( 'Hide the chat', 'customer-chat-for-messenger' ),
} );

export const clickCountingLabels = (): Labels<
	Settings[ 'click_counting' ]
> => ( {
	on: __(
		'On: count clicks on the bubble and buttons per day, page and ref (no cookies, no IP addresses)',
		'customer-chat-for-messenger'
	),
	off: __( 'Off: send no click beacons', 'customer-chat-for-messenger' ),
} );
