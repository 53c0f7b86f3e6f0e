/**
 * What only intent needs (front.js, loaded by the inline boot script on a
 * click, an API call or the load strategy): Meta's SDK behind the Messenger
 * link the visitor already has, an honest watch of whether its chat is really
 * visible, and the full `window.ccfm` API.
 */
import * as sdk from './sdk';
import {
	BOOT,
	FALLBACK_KEY,
	messengerLink,
	store,
	updateLink,
	type Boot,
	type Reason,
	type Update,
} from './common';

export type { ChatState, FrontConfig, Reason } from './common';

/** The only SDK the loader ever adds to a page. */
const SDK_URL =
	/^https:\/\/connect\.facebook\.net\/[a-z]{2,3}_[A-Z]{2}\/sdk\/xfbml\.customerchat\.js$/;
/**
 * How long the chat must stay visible before it is trusted. The real SDK
 * shows a 1000 × 1000 measuring frame for about 250 ms before it collapses
 * it to 0 × 0 when its content cannot load.
 */
const STABLE_MS = 1000;
const SAMPLE_MS = 100;
/** Samples in a row without a visible chat before a live chat counts as gone. */
const GONE_SAMPLES = 3;

/**
 * Whether a frame is something a person can see: a real size, on screen,
 * not hidden or transparent.
 * @param frame
 */
function seen( frame: HTMLIFrameElement ): boolean {
	const r = frame.getBoundingClientRect();
	const style = getComputedStyle( frame );
	return (
		r.width >= 40 &&
		r.height >= 40 &&
		r.bottom > 0 &&
		r.right > 0 &&
		r.top < window.innerHeight &&
		r.left < window.innerWidth &&
		style.visibility !== 'hidden' &&
		Number( style.opacity ) > 0.1
	);
}

function start( boot: Boot ): void {
	const { cfg, root, state, emit } = boot;
	const api = window.ccfm as Record< string, unknown >;
	const greeting = root.querySelector< HTMLElement >( '.ccfm-greeting' );
	const attributes: Record< string, string > = { ...( cfg.element || {} ) };
	let holder: HTMLElement | null = null;
	let wantOpen = false;
	let openLink = cfg.link;
	let cspBlocked = false;
	let timer = 0;

	const fail = ( reason: Reason ) => {
		if ( state.reason ) {
			return;
		}
		clearTimeout( timer );
		state.reason = reason;
		state.live = false;
		store( 'session', FALLBACK_KEY, reason );
		root.classList.remove( 'ccfm-chat--live' );
		emit( 'fallback', { reason } );
	};

	/** Our own chat element's frames: nothing else in the page counts. */
	const visible = () =>
		!! holder &&
		holder.isConnected &&
		Array.from( holder.querySelectorAll( 'iframe' ) ).some( seen );

	const goLive = () => {
		state.render = 'rendered';
		state.live = true;
		root.classList.add( 'ccfm-chat--live' );
		if ( wantOpen ) {
			sdk.chat( 'showDialog' );
		}
		emit( 'rendered' );
	};

	/**
	 * Samples what a person would see until the chat has been visible for
	 * STABLE_MS in a row; afterwards keeps looking, and brings the Messenger
	 * path back if the chat shrinks to nothing or disappears.
	 */
	const watch = () => {
		state.render = 'waiting';
		const began = Date.now();
		let since = 0;
		let gone = 0;
		const tick = () => {
			const now = Date.now();
			if ( visible() ) {
				gone = 0;
				since = since || now;
				if ( ! state.live && now - since >= STABLE_MS ) {
					goLive();
				}
			} else {
				since = 0;
				if ( state.live && ++gone >= GONE_SAMPLES ) {
					state.render = 'collapsed';
					fail( 'collapsed' );
					if ( boot.opened() ) {
						boot.panel?.( openLink );
					}
					return;
				}
			}
			if ( ! state.live && now - began > ( cfg.timeout || 0 ) ) {
				state.render = 'timeout';
				return fail( 'timeout' );
			}
			timer = window.setTimeout(
				tick,
				state.live ? SAMPLE_MS * 2.5 : SAMPLE_MS
			);
		};
		tick();
	};

	const refOf = ( link: string ) => {
		try {
			return new URL( link ).searchParams.get( 'ref' ) || '';
		} catch {
			return '';
		}
	};

	/** Our fb-customerchat element, built from the settings PHP printed. */
	const mount = () => {
		if ( holder ) {
			return;
		}
		if ( ! document.getElementById( 'fb-root' ) ) {
			const fbRoot = document.createElement( 'div' );
			fbRoot.id = 'fb-root';
			document.body.appendChild( fbRoot );
		}
		const ref = wantOpen ? refOf( openLink ) : '';
		if ( ref ) {
			attributes.ref = ref; // A button's own ref reaches the chat too.
		}
		const el = document.createElement( 'div' );
		el.className = 'fb-customerchat';
		for ( const [ name, value ] of Object.entries( attributes ) ) {
			el.setAttribute( name, value );
		}
		holder = document.createElement( 'div' );
		holder.className = 'ccfm-sdk';
		holder.appendChild( el );
		document.body.appendChild( holder );
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
		watch();
	};

	const load = () => {
		if ( state.sdk !== 'idle' || state.reason ) {
			return;
		}
		const src = cfg.sdk || '';
		if ( ! SDK_URL.test( src ) ) {
			state.sdk = 'blocked';
			return fail( 'blocked' );
		}
		const present = sdk.presence();
		if ( present === 'plain' ) {
			// Meta's advice: never add a second SDK; the site owner swaps the other include.
			state.sdk = 'other-sdk';
			return fail( 'other-sdk' );
		}
		state.sdk = 'loading';
		emit( 'load' );
		mount();
		if ( present === 'chat' ) {
			state.sdk = 'reused';
			sdk.parse( holder as Element );
			return onSdk();
		}
		const began = Date.now();
		if ( present === 'pending' ) {
			// Another script tag is still loading the SDK: wait for it, bounded.
			const wait = () => {
				if ( window.FB ) {
					state.sdk = 'idle';
					load();
				} else if ( Date.now() - began > ( cfg.timeout || 0 ) ) {
					state.sdk = 'timeout';
					fail( 'timeout' );
				} else {
					timer = window.setTimeout( wait, SAMPLE_MS );
				}
			};
			return wait();
		}
		timer = window.setTimeout( () => {
			state.sdk = 'timeout';
			fail( 'timeout' );
		}, cfg.timeout );
		sdk.load(
			src,
			cfg.version || '',
			() => {
				clearTimeout( timer );
				state.sdk = 'loaded';
				sdk.parse( holder as Element );
				onSdk();
			},
			() =>
				// The CSP violation event may arrive just after the error.
				setTimeout( () => {
					state.sdk = cspBlocked ? 'csp' : 'blocked';
					fail( state.sdk );
				}, 50 )
		);
	};

	const showGreeting = ( on: boolean ) => {
		if ( greeting ) {
			greeting.hidden = ! on;
		}
	};

	const calls: Record< string, ( ...args: never[] ) => unknown > = {
		load,
		open: ( link?: string ) => {
			wantOpen = true;
			openLink = messengerLink( link || '' ) || cfg.link;
			if ( state.live ) {
				const ref = refOf( openLink );
				if ( ref && ref !== attributes.ref ) {
					attributes.ref = ref;
					sdk.chat( 'update', { ref } );
				}
				sdk.chat( 'showDialog' );
			} else {
				load();
			}
		},
		close: () =>
			state.live ? sdk.chat( 'hideDialog' ) : showGreeting( false ),
		show: () =>
			state.live
				? sdk.chat( 'show', false )
				: ( ( root as HTMLElement ).hidden = false ),
		hide: () =>
			state.live
				? sdk.chat( 'hide' )
				: ( ( root as HTMLElement ).hidden = true ),
		on: ( name: string, cb: ( detail: unknown ) => void ) =>
			document.addEventListener( 'ccfm:' + name, ( e ) =>
				cb( ( e as CustomEvent ).detail )
			),
		update: ( o: Update ) => {
			updateLink( cfg, root, o );
			for ( const key of [
				'logged_in_greeting',
				'logged_out_greeting',
				'ref',
			] as const ) {
				if ( typeof o[ key ] === 'string' ) {
					attributes[ key ] = o[ key ] as string;
					holder
						?.querySelector( '.fb-customerchat' )
						?.setAttribute( key, o[ key ] as string );
				}
			}
			return state.live ? sdk.chat( 'update', o ) : false;
		},
	};
	for ( const name of [ 'close', 'show', 'hide', 'update', 'on' ] ) {
		api[ name ] = calls[ name ];
	}
	document.addEventListener( 'securitypolicyviolation', ( e ) => {
		cspBlocked =
			cspBlocked || e.blockedURI.indexOf( 'connect.facebook.net' ) > -1;
	} );
	boot.run = ( name, args ) => calls[ name ]?.( ...( args as never[] ) );
	for ( const [ name, args ] of boot.queue.splice( 0 ) ) {
		boot.run( name, args );
	}
}

const boot = window.ccfm?.[ BOOT ] as Boot | undefined;
if ( boot && ! boot.run ) {
	start( boot );
}
