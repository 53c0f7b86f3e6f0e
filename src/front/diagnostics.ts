/**
 * Visitor-side diagnostics, loaded only for users who can manage options:
 * a small panel (and console lines) saying why the chat shows or not.
 */
import type { ChatState } from './index';

declare global {
	interface Window {
		ccfmServer?: { referrerPolicy: string; homeUrl: string; mode?: string };
	}
}

type Status = 'good' | 'warning' | 'critical' | 'info';
type Finding = [ Status, string ];

const BREAKING = [ 'no-referrer', 'same-origin' ];

/** The mode the page's bubble runs in, as the server printed it (never read from the page). */
function mode(): string {
	return window.ccfmServer?.mode || '';
}

/**
 * The findings, told which mode needs them: in Messenger-link mode what only
 * the Chat Plugin needs is information, never a warning or critical.
 */
function findings(): Finding[] {
	const all = chatPluginFindings();
	if ( mode() !== 'link' ) {
		return all;
	}
	return [
		[
			'good',
			'Messenger-link mode: the bubble opens your Page in Messenger',
		],
		...all.map(
			( [ status, text ] ): Finding =>
				status === 'good'
					? [ status, text ]
					: [ 'info', text + ' (only the Chat Plugin needs this)' ]
		),
	];
}

function chatPluginFindings(): Finding[] {
	const out: Finding[] = [];
	const host = location.hostname;
	out.push(
		location.protocol === 'https:'
			? [ 'good', 'HTTPS: yes' ]
			: [
					'critical',
					'HTTPS: no — the Chat Plugin renders only on whitelisted HTTPS domains',
			  ]
	);
	const badHost =
		/^[\d.]+$|:|^localhost$|(^|\.)(localhost|local|test|example|invalid)$/.test(
			host
		) || host.indexOf( '.' ) < 0;
	out.push(
		badHost
			? [
					'critical',
					`Domain: ${ host } cannot be whitelisted (IP, localhost or a reserved name)`,
			  ]
			: [
					'good',
					`Domain: whitelist https://${ host.replace(
						/^www\./,
						''
					) } and https://www.${ host.replace( /^www\./, '' ) }`,
			  ]
	);
	const meta =
		document
			.querySelector( 'meta[name="referrer"]' )
			?.getAttribute( 'content' ) || '';
	const header = window.ccfmServer?.referrerPolicy || '';
	for ( const [ where, value ] of [
		[ 'Referrer-Policy header', header ],
		[ '<meta name="referrer">', meta ],
	] ) {
		const last =
			value
				.split( ',' )
				.map( ( s ) => s.trim().toLowerCase() )
				.filter( Boolean )
				.pop() || '';
		out.push(
			BREAKING.includes( last )
				? [
						'critical',
						`${ where }: "${ value }" breaks the Chat Plugin`,
				  ]
				: [ 'good', `${ where }: ${ value || 'not set' }` ]
		);
	}
	const sdks = Array.from( document.scripts ).filter(
		( s ) => s.src.indexOf( 'connect.facebook.net' ) > -1
	);
	const others = sdks.filter(
		( s ) => s.src.indexOf( 'xfbml.customerchat.js' ) < 0
	);
	if ( sdks.length > 1 || others.length ) {
		out.push( [
			'warning',
			`Another Facebook SDK is on the page (${
				others.map( ( s ) => s.src ).join( ', ' ) ||
				sdks.length + ' includes'
			})`,
		] );
	}
	const state = ( window.ccfm?.state || {} ) as Partial< ChatState >;
	out.push( [
		state.sdk === 'blocked' ||
		state.sdk === 'csp' ||
		state.sdk === 'timeout'
			? 'critical'
			: 'good',
		`SDK: ${ state.sdk || 'not started' }`,
	] );
	out.push( [
		state.render === 'timeout' ? 'critical' : 'good',
		`Chat Plugin render: ${ state.render || 'none' }`,
	] );
	if ( state.reason ) {
		out.push( [
			'warning',
			`Messenger-link fallback engaged: ${ state.reason }`,
		] );
	}
	return out;
}

function render( panel: HTMLElement ): void {
	const list = findings();
	panel.replaceChildren(
		...list.map( ( [ status, text ] ) => {
			const li = document.createElement( 'li' );
			li.dataset.status = status;
			li.textContent =
				{ good: '✓ ', info: 'ⓘ ', warning: '✗ ', critical: '✗ ' }[
					status
				] + text;
			return li;
		} )
	);
	for ( const [ status, text ] of list ) {
		if ( status === 'warning' || status === 'critical' ) {
			// eslint-disable-next-line no-console
			console.info( '[Messenger chat diagnostics] ' + text );
		}
	}
}

function start(): void {
	// At the bottom, on the side away from the bubble: never over the site's
	// header (or the admin bar), on phones too.
	const bubbleLeft = !! document.querySelector( '.ccfm-chat--left' );
	const box = document.createElement( 'div' );
	box.className = 'ccfm-diag';
	box.setAttribute(
		'style',
		'position:fixed;bottom:8px;' +
			( bubbleLeft ? 'right' : 'left' ) +
			':8px;z-index:99998;display:flex;flex-direction:column-reverse;max-width:min(420px,calc(100vw - 112px));max-height:calc(100vh - 16px);overflow:auto;font:13px/1.4 sans-serif;background:#fff;color:#1e1e1e;border:1px solid #ccc;border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.2)'
	);
	const toggle = document.createElement( 'button' );
	toggle.type = 'button';
	toggle.className = 'ccfm-diag__toggle';
	toggle.textContent = 'Chat diagnostics';
	toggle.setAttribute( 'aria-expanded', 'false' );
	toggle.setAttribute(
		'style',
		'padding:4px 8px;border:0;background:none;cursor:pointer'
	);
	const panel = document.createElement( 'ul' );
	panel.className = 'ccfm-diag__list';
	panel.hidden = true;
	panel.setAttribute( 'style', 'margin:0;padding:8px 12px;list-style:none' );
	toggle.addEventListener( 'click', () => {
		panel.hidden = ! panel.hidden;
		toggle.setAttribute( 'aria-expanded', String( ! panel.hidden ) );
		render( panel );
	} );
	box.append( toggle, panel );
	document.body.appendChild( box );
	render( panel );
	for ( const name of [ 'fallback', 'rendered', 'load' ] ) {
		document.addEventListener( 'ccfm:' + name, () => render( panel ) );
	}
}

start();
