/**
 * Stand-in for Meta's customer-chat SDK (connect.facebook.net/<locale>/sdk/
 * xfbml.customerchat.js), served by the browser tests in place of the real
 * one. It lies the way the real 2019 and 2021 builds lie (see
 * shared/reference/sdk-facts.md):
 *
 * - FB.init, FB.XFBML.parse of .fb-customerchat, FB.CustomerChat.show/hide/
 *   showDialog/hideDialog/update, FB.Event.subscribe with the customerchat.*
 *   events; every call recorded in window.__sdk for assertions.
 * - Parsing an element appends the chat <iframe> (in a <span>) at
 *   1000 × 1000 px for about 250 ms while it "measures", then sets it to
 *   0 × 0, marks the element fb-xfbml-state="rendered" and fires
 *   customerchat.load, customerchat.show and xfbml.render, whatever happens
 *   next. A real size comes only from a message that the frame's own content
 *   posts, so the chat shows only when its frame
 *   (https://www.facebook.com/<version>/plugins/customerchat.php?…) really
 *   loads. The tests decide that by how they answer the frame's request:
 *   its stand-in page, an aborted request, or a refusal (X-Frame-Options /
 *   frame-ancestors), or a page that later reports 0 × 0 (a chat that
 *   collapses).
 * - window.__ccfmSdkBuild "2019" (default) also adds the off-screen helper
 *   frame name="fb_xdm_frame_https" (300 × 150) outside the element;
 *   "2021" first requests …/plugins/customer_chat/facade_gating/ and adds a
 *   …/plugins/customer_chat/SDK/ frame.
 * - window.__ccfmSdkMode "plain": a plain sdk.js without FB.CustomerChat.
 */
( function () {
	const mode = window.__ccfmSdkMode || 'ok';
	const build = window.__ccfmSdkBuild || '2019';
	const FB_HOST = 'https://www.facebook.com';
	const record = ( window.__sdk = window.__sdk || {
		calls: [],
		rendered: [],
		src: [],
	} );
	const listeners = {};
	const script = document.currentScript;
	record.src.push( script ? script.src : '' );
	let version = 'v18.0';

	function call( method, args ) {
		record.calls.push( {
			method,
			args: JSON.parse( JSON.stringify( args || [] ) ),
		} );
	}
	function fire( name ) {
		( listeners[ name ] || [] ).forEach( function ( cb ) {
			cb();
		} );
	}
	function frames() {
		return Array.prototype.slice.call(
			document.querySelectorAll( '.fb-customerchat iframe[data-chat]' )
		);
	}
	function size( frame, width, height ) {
		frame.style.width = width + 'px';
		frame.style.height = height + 'px';
	}
	function fbRoot() {
		let root = document.getElementById( 'fb-root' );
		if ( ! root ) {
			root = document.createElement( 'div' );
			root.id = 'fb-root';
			document.body.appendChild( root );
		}
		return root;
	}
	// Sizes come only from the chat frame's own content.
	window.addEventListener( 'message', function ( e ) {
		if ( e.origin !== FB_HOST || ! e.data || ! e.data.ccfmFrame ) {
			return;
		}
		frames().forEach( function ( frame ) {
			if ( frame.contentWindow !== e.source ) {
				return;
			}
			size( frame, e.data.width, e.data.height );
			if ( e.data.dialog ) {
				frame.setAttribute( 'data-dialog', 'open' );
				fire( 'customerchat.dialogShow' );
			} else if ( frame.hasAttribute( 'data-dialog' ) ) {
				frame.removeAttribute( 'data-dialog' );
				fire( 'customerchat.dialogHide' );
			}
		} );
	} );
	function post( message ) {
		frames().forEach( function ( frame ) {
			if ( frame.contentWindow ) {
				frame.contentWindow.postMessage( message, FB_HOST );
			}
		} );
	}
	function render( el ) {
		if ( el.getAttribute( 'fb-xfbml-state' ) ) {
			return;
		}
		const attrs = {};
		const query = new URLSearchParams();
		Array.prototype.forEach.call( el.attributes, function ( a ) {
			attrs[ a.name ] = a.value;
			if ( a.name !== 'class' ) {
				query.set( a.name, a.value );
			}
		} );
		record.rendered.push( attrs );
		query.set( 'app_id', '' );
		query.set( 'channel', FB_HOST + '/x/connect/xd_arbiter/' );
		query.set( 'container_width', '0' );
		query.set( 'locale', 'en_US' );
		query.set( 'sdk', 'joey' );
		el.setAttribute( 'fb-xfbml-state', 'parsed' );

		const start = function () {
			const span = document.createElement( 'span' );
			span.style.cssText =
				'position:fixed;bottom:24px;right:24px;z-index:2147483000;display:block';
			const frame = document.createElement( 'iframe' );
			frame.title = 'Stand-in chat';
			frame.setAttribute( 'data-chat', build );
			frame.style.cssText = 'border:0;display:block;background:#fff;';
			size( frame, 1000, 1000 ); // Step 1: measuring.
			frame.src =
				FB_HOST +
				'/' +
				version +
				'/plugins/customerchat.php?' +
				query.toString();
			span.appendChild( frame );
			el.appendChild( span );
			if ( build === '2021' ) {
				const helper = document.createElement( 'iframe' );
				helper.src =
					FB_HOST +
					'/plugins/customer_chat/SDK/?page_id=' +
					encodeURIComponent( attrs.page_id || '' );
				helper.style.cssText = 'border:0;width:0;height:0';
				span.appendChild( helper );
			}
			setTimeout( function () {
				// Step 2: 0 × 0 until the frame's content says otherwise
				// (unless it already did), and success signals regardless.
				if ( frame.style.width === '1000px' ) {
					size( frame, 0, 0 );
				}
				el.setAttribute( 'fb-xfbml-state', 'rendered' );
				fire( 'customerchat.load' );
				fire( 'customerchat.show' );
				fire( 'xfbml.render' );
			}, 250 );
		};
		if ( build === '2021' ) {
			fetch(
				FB_HOST +
					'/plugins/customer_chat/facade_gating/?page_id=' +
					encodeURIComponent( attrs.page_id || '' ),
				{ mode: 'no-cors', credentials: 'include' }
			)
				.catch( function () {} )
				.then( start );
		} else {
			const xdm = document.createElement( 'iframe' );
			xdm.name = 'fb_xdm_frame_https';
			xdm.title = 'Facebook Cross Domain Communication Frame';
			xdm.src = FB_HOST + '/x/connect/xd_arbiter/';
			xdm.style.cssText = 'position:absolute;top:-10000px;border:0';
			fbRoot().appendChild( xdm );
			start();
		}
	}
	function parse( node ) {
		call( 'XFBML.parse', [] );
		const root = node || document.body;
		const found =
			root.matches && root.matches( '.fb-customerchat' )
				? [ root ]
				: root.querySelectorAll( '.fb-customerchat' );
		Array.prototype.forEach.call( found, render );
	}
	function chatMethod( name, apply ) {
		return function () {
			call(
				'CustomerChat.' + name,
				Array.prototype.slice.call( arguments )
			);
			if ( apply ) {
				apply.apply( null, arguments );
			}
		};
	}
	const FB = {
		init( options ) {
			call( 'init', [ options ] );
			version = ( options && options.version ) || version;
			if ( options && options.xfbml ) {
				setTimeout( function () {
					parse( document.body );
				}, 20 );
			}
		},
		XFBML: { parse },
		Event: {
			subscribe( name, cb ) {
				call( 'Event.subscribe', [ name ] );
				( listeners[ name ] = listeners[ name ] || [] ).push( cb );
			},
		},
	};
	if ( mode !== 'plain' ) {
		FB.CustomerChat = {
			show: chatMethod( 'show' ),
			hide: chatMethod( 'hide' ),
			showDialog: chatMethod( 'showDialog', function () {
				post( 'showDialog' );
			} ),
			hideDialog: chatMethod( 'hideDialog', function () {
				post( 'hideDialog' );
			} ),
			update: chatMethod( 'update' ),
		};
	}
	window.FB = FB;
	setTimeout( function () {
		if ( typeof window.fbAsyncInit === 'function' ) {
			window.fbAsyncInit();
		}
	}, 0 );
} )();
