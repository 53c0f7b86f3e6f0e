/**
 * The visitor-side loader: a tiny facade bubble first, the Chat Plugin SDK on
 * intent (or idle / at once, per the load strategy), and a Messenger link
 * whenever the SDK cannot give the visitor a working chat.
 */
import * as sdk from './sdk';
import './front.css';

export type Reason =
	| 'blocked'
	| 'csp'
	| 'timeout'
	| 'unsupported'
	| 'other-sdk'
	| 'remembered'
	| 'link-mode';

export interface FrontConfig {
	sdk: string;
	version: string;
	link: string;
	mode: 'chat_plugin' | 'link';
	strategy: 'interaction' | 'idle' | 'immediate';
	display: 'show' | 'fade' | 'hide' | 'icon';
	delay: number;
	timeout: number;
	consent: boolean;
	text: { loading: string; fallback: string };
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
	render: 'none' | 'waiting' | 'rendered' | 'timeout';
	reason: Reason | '';
	live: boolean;
}

type Update = {
	logged_in_greeting?: string;
	logged_out_greeting?: string;
	ref?: string;
};

declare global {
	interface Window {
		ccfm?: Record< string, unknown >;
		wp_has_consent?: ( category: string ) => boolean;
	}
}

const FALLBACK_KEY = 'ccfm:fallback';
const GREETING_KEY = 'ccfm:greeting-closed';
const UNSUPPORTED =
	/MSIE |Trident\/|FBAN|FBAV|FB_IAB|FBIOS|Messenger|Orca-Android/;

function store(
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

function start( root: HTMLElement ): void {
	const cfg = JSON.parse( root.dataset.ccfm || '{}' ) as FrontConfig;
	const state: ChatState = {
		sdk: 'idle',
		render: 'none',
		reason: '',
		live: false,
	};
	const template = root.querySelector( 'template' );
	const greeting = root.querySelector< HTMLElement >( '.ccfm-greeting' );
	let bubble = root.querySelector< HTMLElement >(
		'.ccfm-bubble'
	) as HTMLElement;
	let wantOpen = false;
	let cspBlocked = false;
	let timer = 0;

	const emit = ( name: string, detail?: unknown ) =>
		document.dispatchEvent( new CustomEvent( 'ccfm:' + name, { detail } ) );

	const showGreeting = ( on: boolean ) => {
		if ( greeting ) {
			greeting.hidden = ! on;
		}
	};

	/**
	 * Turns the bubble into a Messenger link; tells a waiting visitor where to go.
	 * @param reason
	 */
	const toLink = ( reason: Reason ) => {
		if ( state.live || state.reason ) {
			return;
		}
		clearTimeout( timer );
		state.reason = reason;
		if ( reason !== 'link-mode' ) {
			store( 'session', FALLBACK_KEY, reason );
		}
		const a = document.createElement( 'a' );
		a.className = bubble.className;
		a.innerHTML = bubble.innerHTML;
		a.setAttribute(
			'aria-label',
			bubble.getAttribute( 'aria-label' ) || ''
		);
		a.href = cfg.link;
		a.target = '_blank';
		a.rel = 'noopener';
		bubble.replaceWith( a );
		bubble = a;
		if ( wantOpen && greeting ) {
			greeting.classList.add( 'ccfm-greeting--fallback' );
			const link = a.cloneNode( false ) as HTMLAnchorElement;
			link.className = 'ccfm-greeting__link';
			link.removeAttribute( 'aria-label' );
			link.textContent = cfg.text.fallback;
			greeting.querySelector( 'p' )?.replaceChildren( link );
			showGreeting( true );
			link.focus();
		} else if ( wantOpen ) {
			a.focus();
		}
		emit( 'fallback', { reason } );
	};

	const rendered = () => {
		const frame = document.querySelector(
			'.fb-customerchat iframe'
		) as HTMLElement | null;
		return !! frame && frame.offsetWidth > 0 && frame.offsetHeight > 0;
	};

	/** Waits, bounded, until the Chat Plugin is really visible (not just "loaded"). */
	const watchRender = () => {
		state.render = 'waiting';
		const began = Date.now();
		const tick = () => {
			if ( state.reason ) {
				return;
			}
			if ( rendered() ) {
				state.render = 'rendered';
				state.live = true;
				root.classList.add( 'ccfm-chat--live' );
				bubble.removeAttribute( 'aria-busy' );
				if ( wantOpen ) {
					sdk.chat( 'showDialog' );
				}
				emit( 'rendered' );
			} else if ( Date.now() - began > cfg.timeout ) {
				state.render = 'timeout';
				toLink( 'timeout' );
			} else {
				timer = window.setTimeout( tick, 150 );
			}
		};
		tick();
	};

	const mount = () => {
		if ( ! document.getElementById( 'fb-root' ) ) {
			const fbRoot = document.createElement( 'div' );
			fbRoot.id = 'fb-root';
			document.body.appendChild( fbRoot );
		}
		if ( template && ! document.querySelector( '.fb-customerchat' ) ) {
			document.body.appendChild( template.content.cloneNode( true ) );
		}
	};

	const onSdk = () => {
		for ( const name of [
			'load',
			'show',
			'hide',
			'dialogShow',
			'dialogHide',
		] ) {
			sdk.subscribe( 'customerchat.' + name, () =>
				emit( 'sdk', { event: name } )
			);
		}
		watchRender();
	};

	const load = () => {
		if ( state.sdk !== 'idle' || state.reason ) {
			return;
		}
		const present = sdk.presence();
		if ( present === 'plain' ) {
			// Meta's advice: never add a second SDK; the site owner swaps the other include.
			state.sdk = 'other-sdk';
			return toLink( 'other-sdk' );
		}
		state.sdk = 'loading';
		emit( 'load' );
		mount();
		if ( present === 'chat' ) {
			state.sdk = 'reused';
			document
				.querySelectorAll( '.fb-customerchat' )
				.forEach( ( n ) => sdk.parse( n.parentElement as Element ) );
			return onSdk();
		}
		if ( present === 'pending' ) {
			// Another script tag is still loading the SDK: wait for it, bounded.
			const began = Date.now();
			const wait = () => {
				if ( window.FB ) {
					state.sdk = 'idle';
					load();
				} else if ( Date.now() - began > cfg.timeout ) {
					state.sdk = 'timeout';
					toLink( 'timeout' );
				} else {
					timer = window.setTimeout( wait, 150 );
				}
			};
			return wait();
		}
		timer = window.setTimeout( () => {
			state.sdk = 'timeout';
			toLink( 'timeout' );
		}, cfg.timeout );
		sdk.load(
			cfg.sdk,
			cfg.version,
			() => {
				clearTimeout( timer );
				state.sdk = 'loaded';
				onSdk();
			},
			() =>
				// The CSP violation event may arrive just after the error.
				setTimeout( () => {
					state.sdk = cspBlocked ? 'csp' : 'blocked';
					toLink( state.sdk );
				}, 50 )
		);
	};

	const consented = () =>
		! cfg.consent ||
		! window.wp_has_consent ||
		window.wp_has_consent( 'marketing' );

	const autoLoad = () => {
		// Hidden on this device by the display rules: load nothing unasked.
		if ( getComputedStyle( root ).display === 'none' ) {
			return;
		}
		if ( cfg.strategy === 'immediate' ) {
			load();
		} else if ( cfg.strategy === 'idle' ) {
			( window.requestIdleCallback || setTimeout )( load );
		}
	};

	const open = () => {
		emit( 'open' );
		if ( state.live ) {
			sdk.chat( 'showDialog' );
		} else if ( state.reason ) {
			window.open(
				( bubble as HTMLAnchorElement ).href,
				'_blank',
				'noopener'
			);
		} else {
			wantOpen = true;
			bubble.setAttribute( 'aria-busy', 'true' );
			bubble.title = cfg.text.loading;
			load();
		}
	};

	const api = {
		state,
		open,
		close: () =>
			state.live ? sdk.chat( 'hideDialog' ) : showGreeting( false ),
		show: () =>
			state.live ? sdk.chat( 'show', false ) : ( root.hidden = false ),
		hide: () =>
			state.live ? sdk.chat( 'hide' ) : ( root.hidden = true ),
		update: ( o: Update ) => {
			if ( o.ref !== undefined ) {
				const link =
					cfg.link.split( '?' )[ 0 ] +
					( o.ref ? '?ref=' + encodeURIComponent( o.ref ) : '' );
				cfg.link = link;
				if ( bubble instanceof HTMLAnchorElement ) {
					bubble.href = link;
				}
			}
			for ( const [ key, value ] of Object.entries( o ) ) {
				template?.content.firstElementChild?.setAttribute(
					key,
					String( value )
				);
			}
			if ( o.logged_out_greeting !== undefined && greeting ) {
				( greeting.querySelector( 'p' ) as HTMLElement ).textContent =
					o.logged_out_greeting;
			}
			return state.live ? sdk.chat( 'update', o ) : false;
		},
		on: ( name: string, cb: ( detail: unknown ) => void ) =>
			document.addEventListener( 'ccfm:' + name, ( e ) =>
				cb( ( e as CustomEvent ).detail )
			),
	};
	window.ccfm = api;

	document.addEventListener( 'securitypolicyviolation', ( e ) => {
		cspBlocked =
			cspBlocked || e.blockedURI.indexOf( 'connect.facebook.net' ) > -1;
	} );
	document.addEventListener( 'click', ( e ) => {
		const target = ( e.target as Element ).closest(
			'[data-ccfm-open], .ccfm-bubble, .ccfm-greeting__text'
		);
		if (
			! target ||
			( target instanceof HTMLAnchorElement && state.reason )
		) {
			return; // A Messenger link by now: let the browser follow it.
		}
		e.preventDefault();
		open();
	} );
	greeting?.querySelector( 'button' )?.addEventListener( 'click', () => {
		showGreeting( false );
		store( 'local', GREETING_KEY, '1' );
	} );
	bubble.addEventListener( 'pointerenter', sdk.preconnect, { once: true } );
	bubble.addEventListener( 'focus', sdk.preconnect, { once: true } );
	bubble.hidden = false;

	const remembered = store( 'session', FALLBACK_KEY );
	if ( cfg.mode === 'link' ) {
		state.sdk = 'skipped';
		toLink( 'link-mode' );
	} else if ( UNSUPPORTED.test( navigator.userAgent ) ) {
		state.sdk = 'skipped';
		toLink( 'unsupported' );
	} else if ( remembered ) {
		state.sdk = 'skipped';
		toLink( 'remembered' );
	} else if ( consented() ) {
		autoLoad();
	} else {
		document.addEventListener( 'wp_listen_for_consent_change', ( e ) => {
			if ( ( e as CustomEvent ).detail?.marketing === 'allow' ) {
				autoLoad();
			}
		} );
	}

	if (
		greeting?.textContent &&
		( cfg.display === 'show' || cfg.display === 'fade' ) &&
		! store( 'local', GREETING_KEY )
	) {
		setTimeout( () => {
			if ( state.live || wantOpen ) {
				return;
			}
			showGreeting( true );
			if ( cfg.display === 'fade' ) {
				setTimeout( () => showGreeting( false ), 6000 );
			}
		}, cfg.delay * 1000 );
	}
	emit( 'ready', { state } );
}

const el = document.getElementById( 'ccfm-chat' );
if ( el ) {
	start( el );
} else {
	// A page with only inline buttons: they are plain m.me links.
}
