/**
 * What the inline boot script and front.js share: the settings PHP prints,
 * the loader's state, storage keys and the URL allow-list.
 */
import type { Settings } from '../shared/settings-schema.generated';

export type Reason =
	| 'blocked'
	| 'csp'
	| 'timeout'
	| 'collapsed'
	| 'unsupported'
	| 'other-sdk'
	| 'remembered'
	| 'link-mode';

/**
 * Printed by PHP (Renderer::config) with wp_json_encode, never read from the
 * DOM. The settings it carries have the settings' own types.
 */
export interface FrontConfig {
	/** front.js, loaded on intent (a click in Chat Plugin mode, an API call). */
	front: string;
	link: string;
	/** While click counting is on: the beacon's URL without its key (`…?page=…`; `&k=` and the key follow). */
	beacon?: string;
	/** While click counting is on: the key of this page and the bubble's printed ref. */
	key?: string;
	/** With the WP Consent API: the consent category the beacon waits for. */
	stats?: string;
	/** Where there is a greeting. */
	display?: Settings[ 'greeting_dialog_display' ];
	delay?: number;
	phone?: Settings[ 'phone_greeting' ];
	/** Chat Plugin mode only. */
	strategy?: Settings[ 'load_strategy' ];
	consent?: boolean;
	text?: { fallback: string };
	sdk?: string;
	version?: string;
	timeout?: number;
	element?: Record< string, string >;
	/** Where the site has opening hours (CCFM\Chat\Away_Hours::config). */
	hours?: Hours;
	/** Set by hours.js outside the opening hours. */
	away?: boolean;
}

/** The opening hours: [ weekday 1-7, from minute, to minute ] in the site's timezone. */
export interface Hours {
	tz?: string;
	offset?: number;
	ranges: [ number, number, number ][];
	hide: boolean;
	text: string;
}

export interface ChatState {
	sdk:
		| 'idle'
		| 'loading'
		| 'loaded'
		| 'reused'
		| 'blocked'
		| 'csp'
		| 'timeout'
		| 'other-sdk'
		| 'skipped';
	render: 'none' | 'waiting' | 'rendered' | 'timeout' | 'collapsed';
	reason: Reason | '';
	live: boolean;
}

/** What the boot script hands to front.js. */
export interface Boot {
	cfg: FrontConfig;
	root: Element;
	state: ChatState;
	queue: [ string, unknown[] ][];
	emit: ( name: string, detail?: unknown ) => void;
	/** Chat Plugin mode: the instant Messenger link in the greeting box. */
	panel?: ( link: string ) => void;
	opened: () => boolean;
	/** Set by front.js once it runs: takes the calls the boot script queued. */
	run?: ( name: string, args: unknown[] ) => void;
}

/** Where the boot script keeps its internals on window.ccfm (no DOM id can clobber a symbol). */
export const BOOT = Symbol.for( 'ccfm.boot' );
export const FALLBACK_KEY = 'ccfm:fallback';
export const GREETING_KEY = 'ccfm:greeting-closed';

/**
 * The URL when it is an m.me link, otherwise ''. The only links the code
 * ever follows or prints.
 * @param url
 */
export function messengerLink( url: string ): string {
	// The host is what matters: nothing after "https://m.me/" can leave m.me.
	return /^https:\/\/m\.me\//.test( url ) ? url : '';
}

export function store(
	area: 'local' | 'session',
	key: string,
	value?: string
): string | null {
	try {
		const s = area === 'local' ? localStorage : sessionStorage;
		if ( value !== undefined ) {
			s.setItem( key, value );
		}
		return s.getItem( key );
	} catch {
		return null; // Storage can be disabled; then nothing is remembered.
	}
}

export type Update = {
	logged_in_greeting?: string;
	logged_out_greeting?: string;
	ref?: string;
};

/**
 * ccfm.update() on what the page shows: the ref of the m.me link (the bubble
 * and the link the visitor gets) and the greeting text.
 * @param cfg  Settings (cfg.link is rewritten).
 * @param root The bubble's container.
 * @param o    The update.
 */
export function updateLink( cfg: FrontConfig, root: Element, o: Update ): void {
	if ( typeof o.ref === 'string' && /^[\w=-]*$/.test( o.ref ) ) {
		const url = new URL( cfg.link );
		url.searchParams.delete( 'ref' );
		if ( o.ref ) {
			url.searchParams.set( 'ref', o.ref );
		}
		// URLSearchParams writes a space as +: m.me gets %20, as the server writes it.
		cfg.link = url.href.replace( /\+/g, '%20' );
		const bubble =
			root.querySelector< HTMLAnchorElement >( '.ccfm-bubble' );
		if ( bubble ) {
			bubble.href = cfg.link;
		}
	}
	const text = root.querySelector( '.ccfm-greeting__text' );
	if ( typeof o.logged_out_greeting === 'string' && text ) {
		text.textContent = o.logged_out_greeting;
	}
}
