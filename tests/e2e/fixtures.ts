/**
 * Shared fixtures: the stand-in SDK routed in place of connect.facebook.net,
 * a logged-out visitor, settings over REST, and guards that fail a test on
 * any browser console error or any new PHP notice/warning/deprecation.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { test as base, expect } from '@wordpress/e2e-test-utils-playwright';

const root = path.resolve( __dirname, '../..' );
const DEBUG_LOG = path.join( root, '.wp/logs/debug.log' );
const SCHEMA = JSON.parse(
	fs.readFileSync(
		path.join( root, 'plugin/data/settings-schema.json' ),
		'utf8'
	)
) as { properties: Record< string, { default: unknown } > };
const DEFAULTS = Object.fromEntries(
	Object.entries( SCHEMA.properties ).map( ( [ k, v ] ) => [ k, v.default ] )
);
const STAND_IN = fs.readFileSync(
	path.join( root, 'tests/stand-ins/sdk.js' ),
	'utf8'
);
const CHAT_FRAME = fs.readFileSync(
	path.join( root, 'tests/stand-ins/chat-frame.html' ),
	'utf8'
);

/** How the SDK script request is answered ('plain': a plain sdk.js). */
export type SdkMode = 'ok' | 'plain' | 'blocked' | 'hang';
/**
 * How the chat frame's request (www.facebook.com/…/plugins/customerchat.php)
 * is answered: its stand-in page; aborted (what every page gets since Meta's
 * shutdown); refused with X-Frame-Options: DENY or frame-ancestors 'none';
 * or a page that reports 0 × 0 three seconds after it showed (collapse).
 */
export type FrameMode =
	| 'ok'
	| 'abort'
	| 'refuse-xfo'
	| 'refuse-csp'
	| 'collapse';

export interface Sdk {
	/** How the next SDK request is answered. */
	mode: SdkMode;
	/** Which real build the stand-in behaves like. */
	build: '2019' | '2021';
	/** How the chat frame's request is answered. */
	frame: FrameMode;
	/** Every URL requested from a Meta host, in order. */
	requests: string[];
	/** The SDK script requests (connect.facebook.net) among them. */
	scripts: () => string[];
	/** Console errors the test expects (matched as substrings). */
	allowConsoleErrors: string[];
	/** What the stand-in recorded in a page. */
	record: ( page: Page ) => Promise< {
		calls: { method: string; args: unknown[] }[];
		rendered: Record< string, string >[];
		src: string[];
	} | null >;
}

export type Settings = Record< string, unknown >;

const META =
	/^https?:\/\/([a-z0-9-]+\.)*(facebook\.(net|com)|fbcdn\.net|m\.me|messenger\.com)\//;

export async function routeMeta(
	context: BrowserContext,
	sdk: Sdk
): Promise< void > {
	// The machine is offline: anything not local (avatars, …) gets an empty answer.
	await context.route(
		( url ) => url.hostname !== 'localhost' && url.hostname !== '127.0.0.1',
		( route ) => route.fulfill( { status: 204, body: '' } )
	);
	await context.route( META, async ( route ) => {
		const url = route.request().url();
		sdk.requests.push( url );
		if ( url.startsWith( 'https://connect.facebook.net/' ) ) {
			if ( sdk.mode === 'blocked' ) {
				return route.abort( 'blockedbyclient' );
			}
			if ( sdk.mode === 'hang' ) {
				return; // Never answered: a network that stalls.
			}
			return route.fulfill( {
				status: 200,
				contentType: 'application/javascript',
				body: `window.__ccfmSdkMode=${ JSON.stringify(
					sdk.mode
				) };window.__ccfmSdkBuild=${ JSON.stringify(
					sdk.build
				) };\n${ STAND_IN }`,
			} );
		}
		if ( url.includes( '/plugins/customerchat.php' ) ) {
			if ( sdk.frame === 'abort' ) {
				return route.abort( 'failed' );
			}
			const headers: Record< string, string > =
				sdk.frame === 'refuse-xfo' ? { 'X-Frame-Options': 'DENY' } : {};
			if ( sdk.frame === 'refuse-csp' ) {
				headers[ 'Content-Security-Policy' ] = "frame-ancestors 'none'";
			}
			return route.fulfill( {
				status: 200,
				contentType: 'text/html',
				headers,
				body: CHAT_FRAME.replace(
					'COLLAPSE_AFTER = 0',
					`COLLAPSE_AFTER = ${ sdk.frame === 'collapse' ? 3000 : 0 }`
				),
			} );
		}
		// Nothing may reach Meta: m.me and facebook.com get a local stand-in page.
		return route.fulfill( {
			status: 200,
			contentType: 'text/html',
			body: '<title>Messenger stand-in</title><p>m.me stand-in</p>',
		} );
	} );
}

export function guard( page: Page, sdk: Sdk, errors: string[] ): void {
	page.on( 'console', ( msg ) => {
		if (
			msg.type() === 'error' &&
			! sdk.allowConsoleErrors.some( ( s ) => msg.text().includes( s ) )
		) {
			errors.push( `console error on ${ page.url() }: ${ msg.text() }` );
		}
	} );
	page.on( 'pageerror', ( err ) =>
		errors.push( `page error on ${ page.url() }: ${ err.message }` )
	);
}

export const test = base.extend< {
	sdk: Sdk;
	visitor: Page;
	settings: ( values: Settings ) => Promise< void >;
	scenario: ( values: Record< string, string | boolean > ) => Promise< void >;
	guards: void;
	consoleErrors: string[];
} >( {
	consoleErrors: async ( {}, use ) => {
		await use( [] );
	},
	sdk: async ( { context }, use ) => {
		const sdk: Sdk = {
			mode: 'ok',
			build: '2019',
			frame: 'ok',
			requests: [],
			scripts: () =>
				sdk.requests.filter( ( u ) =>
					u.startsWith( 'https://connect.facebook.net/' )
				),
			allowConsoleErrors: [],
			record: ( page ) =>
				page.evaluate(
					() =>
						( window as unknown as { __sdk?: never } ).__sdk ?? null
				),
		};
		await routeMeta( context, sdk );
		await use( sdk );
	},
	visitor: async ( { browser, sdk, consoleErrors }, use ) => {
		const context = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		await routeMeta( context, sdk );
		const page = await context.newPage();
		guard( page, sdk, consoleErrors );
		await use( page );
		await context.close();
	},
	settings: async ( { requestUtils }, use ) => {
		await use( async ( values ) => {
			await requestUtils.rest( {
				method: 'POST',
				path: '/wp/v2/settings',
				data: { ccfm_settings: values },
			} );
		} );
	},
	scenario: async ( { requestUtils }, use ) => {
		await use( async ( values ) => {
			await requestUtils.rest( {
				method: 'POST',
				path: '/e2e/v1/scenario',
				data: values,
			} );
		} );
	},
	guards: [
		async ( { page, sdk, consoleErrors, requestUtils }, use ) => {
			await requestUtils.rest( {
				method: 'POST',
				path: '/e2e/v1/scenario',
				data: {},
			} );
			// Every test starts from the defaults (read from the one schema).
			await requestUtils.rest( {
				method: 'POST',
				path: '/wp/v2/settings',
				data: { ccfm_settings: DEFAULTS },
			} );
			guard( page, sdk, consoleErrors );
			const start = fs.existsSync( DEBUG_LOG )
				? fs.statSync( DEBUG_LOG ).size
				: 0;
			await use();
			const now = fs.existsSync( DEBUG_LOG )
				? fs.statSync( DEBUG_LOG ).size
				: 0;
			let php = '';
			if ( now > start ) {
				const fd = fs.openSync( DEBUG_LOG, 'r' );
				const buf = Buffer.alloc( now - start );
				fs.readSync( fd, buf, 0, now - start, start );
				fs.closeSync( fd );
				php = buf.toString( 'utf8' );
			}
			expect(
				php,
				'PHP notices, warnings or deprecations during the test'
			).toBe( '' );
			expect(
				consoleErrors,
				'browser console errors during the test'
			).toEqual( [] );
		},
		{ auto: true },
	],
} );

export { expect };

/**
 * Runs PHP inside the local WordPress (bin/stack/wp-eval.php, with this run's
 * ports) and returns what it echoes. With { multisite: true } it runs on the
 * multisite test network's main site (bin/stack/network.sh).
 * @param code              PHP code.
 * @param options
 * @param options.multisite
 */
export function wpEval(
	code: string,
	{ multisite = false }: { multisite?: boolean } = {}
): string {
	return execFileSync(
		'php',
		[ path.join( root, 'bin/stack/wp-eval.php' ), code ],
		{
			env: multisite
				? { ...process.env, CCFM_WP_TESTS: 'multisite' }
				: { ...process.env },
			encoding: 'utf8',
		}
	).trim();
}

/**
 * A visible Messenger link carrying the expected href.
 * @param page
 * @param href
 */
export async function expectMessengerLink(
	page: Page,
	href: string
): Promise< void > {
	// Ours is the one the boot script follows (post content can copy the id and class).
	const link = page
		.locator(
			'#ccfm-chat:has(+ #ccfm-boot) a.ccfm-bubble, noscript + #ccfm-chat a.ccfm-bubble'
		)
		.first();
	await expect( link ).toBeVisible();
	await expect( link ).toHaveAttribute( 'href', href );
	await expect( link ).toHaveAttribute( 'target', '_blank' );
}

/**
 * The settings the server printed for the front end (the boot script's
 * window.ccfmConfig), as the loader reads them.
 * @param page
 */
export async function chatConfig(
	page: Page
): Promise<
	Record< string, unknown > & { element?: Record< string, string > }
> {
	const text = ( await page.locator( '#ccfm-boot' ).textContent() ) || '';
	const found = /^window\.ccfmConfig=(.*);$/m.exec( text );
	return found ? JSON.parse( found[ 1 ] ) : {};
}

/** The plugin's settings screen. */
export const ADMIN =
	'/wp-admin/options-general.php?page=customer-chat-for-messenger';

/**
 * The settings app's root.
 * @param page
 */
export const form = ( page: Page ) => page.locator( '#ccfm-admin-root' );

/**
 * Opens the settings screen and waits until it is usable (the first field
 * shown, the panels' own requests settled).
 * @param page
 */
export async function openSettings( page: Page ): Promise< void > {
	await page.goto( ADMIN );
	await expect(
		page.getByLabel( 'Your Facebook Page', { exact: true } )
	).toBeVisible();
	await page.waitForLoadState( 'networkidle' );
}

/**
 * Opens a panel by its title, as a user would (its toggle is a button with
 * aria-expanded), and returns the panel.
 * @param page
 * @param title
 */
export async function openPanel(
	page: Page,
	title: string
): Promise< Locator > {
	const toggle = form( page ).getByRole( 'button', {
		name: title,
		exact: true,
	} );
	if ( ( await toggle.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
		await toggle.click();
	}
	await expect( toggle ).toHaveAttribute( 'aria-expanded', 'true' );
	return toggle.locator(
		'xpath=ancestor::div[contains(@class,"components-panel__body")][1]'
	);
}
