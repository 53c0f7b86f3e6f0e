/**
 * Stand-in for Meta's customer-chat SDK (connect.facebook.net/<locale>/sdk/
 * xfbml.customerchat.js), served by the browser tests in place of the real
 * one. It implements the documented surface — FB.init, FB.XFBML.parse of
 * .fb-customerchat, FB.CustomerChat.show/hide/showDialog/hideDialog/update,
 * FB.Event.subscribe with the customerchat.* events — renders a visible
 * stand-in chat, and records every call in window.__sdk for assertions.
 *
 * window.__ccfmSdkMode (set by the test's route) makes it fail the ways the
 * real one fails:
 * - "ok":           renders a visible chat frame.
 * - "never-render": fires customerchat.load / xfbml.render and marks the
 *                   element rendered, but the frame stays 0×0 (what the real
 *                   SDK does when its facebook.com frame cannot load, and
 *                   what every page sees since Meta's shutdown).
 * - "plain":        a plain sdk.js without FB.CustomerChat.
 */
( function () {
	const mode = window.__ccfmSdkMode || 'ok';
	const record = ( window.__sdk = window.__sdk || {
		calls: [],
		rendered: [],
		src: [],
	} );
	const listeners = {};
	const script = document.currentScript;
	record.src.push( script ? script.src : '' );

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
	function frameOf() {
		return document.querySelector( '.fb-customerchat iframe' );
	}
	function render( el ) {
		if ( el.getAttribute( 'fb-xfbml-state' ) ) {
			return;
		}
		const attrs = {};
		Array.prototype.forEach.call( el.attributes, function ( a ) {
			attrs[ a.name ] = a.value;
		} );
		record.rendered.push( attrs );
		const frame = document.createElement( 'iframe' );
		frame.title = 'Stand-in chat';
		frame.setAttribute( 'data-stand-in', mode );
		const visible = mode === 'ok';
		frame.style.cssText =
			'position:fixed;bottom:24px;right:24px;border:0;z-index:2147483000;background:#fff;' +
			( visible ? 'width:64px;height:64px;' : 'width:0;height:0;' );
		frame.srcdoc =
			'<p>Stand-in chat for page ' +
			( attrs.page_id || '' ).replace( /[^0-9]/g, '' ) +
			'</p>';
		el.appendChild( frame );
		el.setAttribute( 'fb-xfbml-state', 'rendered' );
		setTimeout( function () {
			fire( 'customerchat.load' );
			fire( 'xfbml.render' );
			if ( visible ) {
				fire( 'customerchat.show' );
			}
		}, 50 );
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
				const f = frameOf();
				if ( f && mode === 'ok' ) {
					f.style.height = '360px';
					f.style.width = '300px';
					f.setAttribute( 'data-dialog', 'open' );
					fire( 'customerchat.dialogShow' );
				}
			} ),
			hideDialog: chatMethod( 'hideDialog', function () {
				const f = frameOf();
				if ( f ) {
					f.removeAttribute( 'data-dialog' );
					fire( 'customerchat.dialogHide' );
				}
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
