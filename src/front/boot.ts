/**
 * The part of the visitor-side code every page with the bubble gets, printed
 * inline by PHP right after the bubble's markup together with its settings
 * (`window.ccfmConfig`, assigned in the same script, so nothing in the page
 * can forge it; the bubble is found as this script's previous sibling, never
 * by id). Built twice: `boot-link.js` is all a link-mode page needs (the
 * bubble itself is an m.me link); `boot-chat.js` (CCFM_CHAT) also gives the
 * visitor who clicks a Messenger link at once and loads the rest (`front.js`:
 * SDK, render watch) behind it. The rest of the `window.ccfm` API is in front.js;
 * until it has loaded, calls wait in a queue. The greeting's timing is
 * greeting.ts, printed after this where there is a greeting box.
 */
import {
	BOOT,
	FALLBACK_KEY,
	messengerLink,
	store,
	type Boot,
	type ChatState,
	type FrontConfig,
} from './common';

declare const CCFM_CHAT: boolean;

declare global {
	interface Window {
		ccfm?: Record< string | symbol, unknown >;
		ccfmConfig?: FrontConfig;
		wp_has_consent?: ( category: string ) => boolean;
	}
}

( () => {
	const doc = document;
	const cfg = window.ccfmConfig;
	const root = doc.currentScript?.previousElementSibling;
	delete window.ccfmConfig;
	if ( ! cfg || root?.id !== 'ccfm-chat' ) {
		return;
	}
	cfg.link = messengerLink( cfg.link );
	// The link the page printed: what a click without a key of its own reports (ccfm.update() may change cfg.link).
	const printed = cfg.link;
	const state: ChatState = {
		sdk: CCFM_CHAT ? 'idle' : 'skipped',
		render: 'none',
		reason: CCFM_CHAT ? '' : 'link-mode',
		live: false,
	};
	const queue: Boot[ 'queue' ] = [];
	let rest: HTMLScriptElement | undefined;
	let opened = false;

	const emit = ( name: string, detail?: unknown ) =>
		doc.dispatchEvent( new CustomEvent( 'ccfm:' + name, { detail } ) );
	/**
	 * Hands a call to front.js, loading it (once) first.
	 * @param name
	 * @param args
	 */
	const later = ( name: string, args: unknown[] ) => {
		// (In link mode front.js replaces the queued methods themselves.)
		if ( CCFM_CHAT && boot.run ) {
			return boot.run( name, args );
		}
		queue.push( [ name, args ] );
		rest ||= doc.body.appendChild(
			Object.assign( doc.createElement( 'script' ), { src: cfg.front } )
		);
	};
	/**
	 * Chat Plugin mode: a Messenger path the visitor can see and follow, at
	 * once; the greeting box turns into a focused "Continue in Messenger" link.
	 * @param link
	 */
	const panel = ( link: string ) => {
		const greeting = root.querySelector< HTMLElement >( '.ccfm-greeting' );
		const text = greeting?.firstElementChild;
		if ( greeting && text ) {
			const a = Object.assign( doc.createElement( 'a' ), {
				className: 'ccfm-greeting__link',
				href: link,
				target: '_blank',
				rel: 'noopener',
				textContent: cfg.text?.fallback || '',
			} );
			text.replaceChildren( a );
			greeting.hidden = false;
			a.focus();
			greeting.lastElementChild?.addEventListener(
				'click',
				() => ( greeting.hidden = true )
			);
		}
	};
	/**
	 * Opens the chat for a click or an API call: the Messenger path first;
	 * in Chat Plugin mode the SDK tries behind it.
	 * @param link   The m.me link this trigger stands for.
	 * @param follow Whether the browser follows the link itself.
	 */
	const open = ( link: string, follow?: boolean ) => {
		opened = true;
		emit( 'open' );
		if ( CCFM_CHAT && state.live ) {
			later( 'open', [ link ] );
		} else if ( CCFM_CHAT && ! state.reason ) {
			panel( link );
			later( 'open', [ link ] );
		} else if ( ! follow ) {
			window.open( link, '_blank', 'noopener' );
		}
	};

	doc.addEventListener( 'click', ( e ) => {
		const el = e.target as Element;
		const target = el.closest(
			CCFM_CHAT
				? '[data-ccfm-open],.ccfm-bubble,.ccfm-greeting__text'
				: '[data-ccfm-open],.ccfm-bubble' // greeting.ts opens from the greeting.
		);
		// (A look-alike of the bubble in post content only ever opens our own link.)
		if (
			target &&
			! ( CCFM_CHAT && el.closest( '.ccfm-greeting__link' ) )
		) {
			// A trigger keeps its own href (and so its ref) only when it is an m.me link.
			const own = messengerLink( ( target as HTMLAnchorElement ).href );
			const follow = CCFM_CHAT ? !! own && !! state.reason : !! own;
			if ( ! follow ) {
				e.preventDefault();
			}
			const link = own || cfg.link;
			open( link, follow );
			// The click beacon (counting on; with the WP Consent API, its consent):
			// a printed button's own ref with its key, anything else the page's printed ref.
			const key = own && target.getAttribute( 'data-ccfm-k' );
			if (
				cfg.beacon &&
				( ! cfg.stats || window.wp_has_consent?.( cfg.stats ) )
			) {
				navigator.sendBeacon(
					cfg.beacon +
						'&k=' +
						( key || cfg.key ) +
						( CCFM_CHAT
							? '&path=' + ( state.live ? 'chat' : 'link' )
							: '' ),
					( key && own ) || printed
				);
			}
		}
	} );

	const api: Window[ 'ccfm' ] = {
		state,
		open: () => open( cfg.link ),
	};
	// ccfm.on() too: what it would miss in the meantime is on document as ccfm:<name>.
	for ( const name of [ 'close', 'show', 'hide', 'update', 'on' ] ) {
		api[ name ] = ( ...args: unknown[] ) => later( name, args );
	}
	const boot: Boot = {
		cfg,
		root,
		state,
		queue,
		emit,
		opened: () => opened,
	};
	if ( CCFM_CHAT ) {
		boot.panel = panel;
	}
	api[ BOOT ] = boot;
	window.ccfm = api;

	if ( CCFM_CHAT ) {
		const remembered = store( 'session', FALLBACK_KEY );
		if (
			/MSIE |Trident\/|FBAN|FBAV|FB_IAB|FBIOS|Messenger|Orca-Android/.test(
				navigator.userAgent
			) ||
			remembered
		) {
			state.sdk = 'skipped';
			state.reason = remembered ? 'remembered' : 'unsupported';
		} else if ( cfg.strategy !== 'interaction' ) {
			const auto = () =>
				// Hidden on this device by the display rules: load nothing unasked.
				getComputedStyle( root ).display !== 'none' &&
				( cfg.strategy === 'immediate'
					? later( 'load', [] )
					: ( window.requestIdleCallback || setTimeout )( () =>
							later( 'load', [] )
					  ) );
			if (
				! cfg.consent ||
				! window.wp_has_consent ||
				window.wp_has_consent( 'marketing' )
			) {
				auto();
			} else {
				doc.addEventListener(
					'wp_listen_for_consent_change',
					( e ) =>
						( e as CustomEvent ).detail?.marketing === 'allow' &&
						auto()
				);
			}
		}
	}
	emit( 'ready', { state } );
} )();
