/**
 * Visitor-side diagnostics, loaded only for users who can manage options
 * where the chat shows: a small chip (and console lines) saying why the chat
 * shows or not. It shows what this page's loader saw (diagnostics/live.ts)
 * and the server's own checks (diagnostics/checks.ts); it checks nothing
 * itself.
 */
import { __ } from '@wordpress/i18n';

import { serverFindings, type Finding } from './diagnostics/checks';
import { liveFindings } from './diagnostics/live';

const ICONS: Record< Finding[ 'status' ], string > = {
	good: '✓ ',
	info: 'ⓘ ',
	warning: '✗ ',
	critical: '✗ ',
};

/** The server's lines once they have arrived. */
let server: Finding[] | null = null;

function item( finding: Finding ): HTMLLIElement {
	const li = document.createElement( 'li' );
	li.dataset.status = finding.status;
	if ( finding.check ) {
		li.dataset.check = finding.check;
	}
	li.textContent = ICONS[ finding.status ] + finding.text;
	return li;
}

function log( findings: Finding[] ): void {
	for ( const { status, text } of findings ) {
		if ( status === 'warning' || status === 'critical' ) {
			// eslint-disable-next-line no-console
			console.info( '[Messenger chat diagnostics] ' + text );
		}
	}
}

function render( panel: HTMLElement ): void {
	const live = liveFindings();
	const pending = document.createElement( 'li' );
	pending.className = 'ccfm-diag__pending';
	pending.textContent = __(
		'Checking the site…',
		'customer-chat-for-messenger'
	);
	panel.replaceChildren(
		...live.map( item ),
		...( server ? server.map( item ) : [ pending ] )
	);
	panel.setAttribute( 'aria-busy', String( ! server ) );
	log( live );
}

function start(): void {
	// At the bottom, on the side away from the bubble: never over the site's
	// header (or the admin bar), on phones too: at most 60 % of the screen
	// high, scrolling when the checks need more.
	const bubbleLeft = !! document.querySelector( '.ccfm-chat--left' );
	const box = document.createElement( 'div' );
	box.className = 'ccfm-diag';
	box.setAttribute(
		'style',
		'position:fixed;bottom:8px;' +
			( bubbleLeft ? 'right' : 'left' ) +
			':8px;z-index:99998;display:flex;flex-direction:column-reverse;max-width:min(420px,calc(100vw - 112px));max-height:60vh;overflow:auto;font:13px/1.4 sans-serif;background:#fff;color:#1e1e1e;border:1px solid #ccc;border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.2)'
	);
	const toggle = document.createElement( 'button' );
	toggle.type = 'button';
	toggle.className = 'ccfm-diag__toggle';
	toggle.textContent = __(
		'Chat diagnostics',
		'customer-chat-for-messenger'
	);
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
		if ( ! panel.hidden && ! server ) {
			serverFindings().then( ( findings ) => {
				if ( ! server ) {
					server = findings;
					log( findings );
				}
				render( panel );
			} );
		}
	} );
	box.append( toggle, panel );
	document.body.appendChild( box );
	render( panel );
	for ( const name of [ 'fallback', 'rendered', 'load' ] ) {
		document.addEventListener( 'ccfm:' + name, () => render( panel ) );
	}
}

start();
