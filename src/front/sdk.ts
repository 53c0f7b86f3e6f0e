/**
 * The one adapter between the plugin and Meta's SDK. Nothing else touches
 * `window.FB`, so the rest of the code and the tests see a small surface.
 */

export type ChatMethod =
	| 'show'
	| 'hide'
	| 'showDialog'
	| 'hideDialog'
	| 'update';

interface FacebookSdk {
	init: ( options: { xfbml: boolean; version: string } ) => void;
	XFBML?: { parse: ( node?: Element ) => void };
	CustomerChat?: Record< ChatMethod, ( ...args: unknown[] ) => void >;
	Event?: {
		subscribe: ( name: string, cb: ( ...args: unknown[] ) => void ) => void;
	};
}

declare global {
	interface Window {
		FB?: FacebookSdk;
		fbAsyncInit?: () => void;
	}
}

const HOST = 'connect.facebook.net';

/**
 * What is already on the page: nothing, a Customer Chat build, a plain SDK, or a foreign script tag still loading.
 * @param ours
 */
export function presence(
	ours?: HTMLScriptElement
): 'none' | 'chat' | 'plain' | 'pending' {
	const fb = window.FB;
	if ( fb ) {
		return fb.CustomerChat ? 'chat' : 'plain';
	}
	const foreign = Array.from( document.scripts ).some(
		( s ) => s !== ours && s.src.indexOf( HOST ) > -1
	);
	return foreign ? 'pending' : 'none';
}

/**
 * Adds the SDK script tag, chaining any fbAsyncInit already defined.
 * @param src
 * @param version
 * @param onInit
 * @param onError
 */
export function load(
	src: string,
	version: string,
	onInit: () => void,
	onError: () => void
): HTMLScriptElement {
	const previous = window.fbAsyncInit;
	window.fbAsyncInit = () => {
		// No page-wide parse: only the element the loader built is rendered
		// (FB.XFBML.parse on it), never an fb-customerchat from post content.
		window.FB?.init( { xfbml: false, version } );
		if ( previous ) {
			previous();
		}
		onInit();
	};
	const script = document.createElement( 'script' );
	script.id = 'facebook-jssdk';
	script.async = true;
	script.crossOrigin = 'anonymous';
	script.src = src;
	script.onerror = onError;
	document.body.appendChild( script );
	return script;
}

export function parse( node: Element ): void {
	window.FB?.XFBML?.parse( node );
}

export function subscribe( name: string, cb: () => void ): void {
	window.FB?.Event?.subscribe( name, cb );
}

export function chat( method: ChatMethod, arg?: unknown ): boolean {
	const api = window.FB?.CustomerChat;
	if ( ! api ) {
		return false;
	}
	if ( arg === undefined ) {
		api[ method ]();
	} else {
		api[ method ]( arg );
	}
	return true;
}
