/**
 * Settings → Messenger Chat → Conversations, as the site owner sees it:
 * conversation starts that reached the real webhook as signed events (the way
 * Meta sends them), counted per day, per ref and per page with the Chat
 * Plugin / m.me link share; the empty state; the retention setting; and no
 * report for anyone who may not manage options.
 */
import crypto from 'crypto';
import type { Locator, Page } from '@playwright/test';

import { ADMIN, expect, test } from '../fixtures';

const APP_SECRET = 'fedcba9876543210fedcba9876543210';
// Days far from "now", so other tests' events never fall in them; the test
// keeps records for 3650 days while it runs, so the daily pruning keeps them.
const FROM = '2025-03-10';
const TO = '2025-03-12';
const SHOP = 'https://shop.example.org';

type Event = Record< string, unknown >;

/**
 * A conversation start as Meta sends it: a referral (the Chat Plugin or an
 * m.me link), or a Get Started postback carrying the referral.
 * @param sender
 * @param time
 * @param ref
 * @param where  A page address for the Chat Plugin, 'link' for an m.me link.
 * @param as
 */
function start(
	sender: string,
	time: string,
	ref: string,
	where: string,
	as: 'referral' | 'postback' = 'referral'
): Event {
	const referral: Record< string, string > = {
		source: where === 'link' ? 'SHORTLINK' : 'CUSTOMER_CHAT_PLUGIN',
		type: 'OPEN_THREAD',
	};
	if ( ref ) {
		referral.ref = ref;
	}
	if ( where !== 'link' ) {
		referral.referer_uri = where;
	}
	return {
		sender: { id: sender },
		recipient: { id: '1234567890' },
		timestamp: Date.parse( time ),
		...( as === 'referral'
			? { referral }
			: {
					postback: {
						title: 'Get Started',
						payload: 'GET_STARTED',
						referral,
					},
			  } ),
	};
}

const EVENTS: Event[] = [
	// 10 March: six starts.
	start( 'e2e-c1', '2025-03-10T09:00:00Z', 'pricing', `${ SHOP }/pricing/` ),
	start(
		'e2e-c2',
		'2025-03-10T10:00:00Z',
		'pricing',
		// Query string and fragment are never stored.
		`${ SHOP }/pricing/?utm_source=mail&email=a@b.example#plans`
	),
	start( 'e2e-c3', '2025-03-10T11:00:00Z', 'home', `${ SHOP }/` ),
	start( 'e2e-c4', '2025-03-10T12:00:00Z', 'newsletter', 'link' ),
	start( 'e2e-c5', '2025-03-10T13:00:00Z', 'newsletter', 'link' ),
	start( 'e2e-c6', '2025-03-10T23:59:59Z', 'home', `${ SHOP }/` ),
	// 11 March: none. 12 March: four starts.
	start( 'e2e-c7', '2025-03-12T00:00:00Z', 'pricing', `${ SHOP }/pricing/` ),
	start(
		'e2e-c8',
		'2025-03-12T08:00:00Z',
		'pricing',
		`${ SHOP }/blog/hello/`
	),
	start( 'e2e-c9', '2025-03-12T09:00:00Z', 'newsletter', 'link', 'postback' ),
	start( 'e2e-c10', '2025-03-12T10:00:00Z', '', 'link', 'postback' ),
	// Outside the range.
	start( 'e2e-c11', '2025-03-09T23:59:59Z', 'pricing', `${ SHOP }/pricing/` ),
	start( 'e2e-c12', '2025-03-13T00:00:00Z', 'pricing', `${ SHOP }/pricing/` ),
	// Not starts: a chat ended, a message from the Chat Plugin, an echo.
	{
		sender: { id: 'e2e-c1' },
		recipient: { id: '1234567890' },
		timestamp: Date.parse( '2025-03-10T09:30:00Z' ),
		referral: {
			source: 'CUSTOMER_CHAT_PLUGIN',
			type: 'END_CHAT',
			ref: 'pricing',
		},
	},
	{
		sender: { id: 'e2e-c3' },
		recipient: { id: '1234567890' },
		timestamp: Date.parse( '2025-03-10T11:01:00Z' ),
		message: {
			mid: 'm_e2e-conversations-1',
			text: 'Hello',
			tags: { source: 'customer_chat_plugin' },
		},
	},
	{
		sender: { id: '1234567890' },
		recipient: { id: 'e2e-c3' },
		timestamp: Date.parse( '2025-03-10T11:02:00Z' ),
		message: { mid: 'm_e2e-conversations-2', is_echo: true, text: 'Hi!' },
	},
];

const panel = ( page: Page ) => page.locator( '.ccfm-report' );

/**
 * The rows of one of the report's tables, as [ name, starts ] pairs.
 * @param list
 */
async function rows( list: Locator ): Promise< string[][] > {
	return list
		.locator( 'tbody tr' )
		.evaluateAll( ( trs ) =>
			trs.map( ( tr ) =>
				Array.from( tr.querySelectorAll( 'td' ), ( td ) =>
					( td.textContent || '' ).trim()
				)
			)
		);
}

function table( page: Page, heading: string ): Locator {
	return panel( page )
		.locator( 'table' )
		.filter( {
			has: page.getByRole( 'columnheader', {
				name: heading,
				exact: true,
			} ),
		} );
}

async function showRange(
	page: Page,
	from: string,
	to: string,
	status = 200
): Promise< void > {
	await panel( page ).getByLabel( 'From', { exact: true } ).fill( from );
	await panel( page ).getByLabel( 'To', { exact: true } ).fill( to );
	const answer = page.waitForResponse(
		( r ) =>
			r.url().includes( 'conversations' ) &&
			r.url().includes( encodeURIComponent( from ) ) &&
			r.request().method() === 'GET'
	);
	await panel( page ).getByRole( 'button', { name: 'Show' } ).click();
	expect( ( await answer ).status() ).toBe( status );
}

test.describe( 'conversations report', () => {
	test.beforeEach( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: '/ccfm/v1/platform',
			data: { app_secret: APP_SECRET },
		} );
	} );

	test.afterEach( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: '/ccfm/v1/platform',
			data: { clear: [ 'app_secret' ], retention_days: 90 },
		} );
	} );

	test( 'the owner sees the starts per day, ref and page, the link share, an empty range and the retention', async ( {
		page,
		request,
		requestUtils,
		sdk,
	} ) => {
		// The site's time zone decides which day a start belongs to.
		const site = ( await requestUtils.rest( {
			path: '/wp/v2/settings',
		} ) ) as { timezone: string };
		expect( [ '', 'UTC', 'UTC+0' ] ).toContain( site.timezone );

		// The owner keeps records long enough for these days.
		await page.goto( ADMIN );
		const platformToggle = page.getByRole( 'button', {
			name: 'Messenger Platform',
			exact: true,
		} );
		if (
			( await platformToggle.getAttribute( 'aria-expanded' ) ) !== 'true'
		) {
			await platformToggle.click();
		}
		const retention = page.getByLabel(
			'Keep conversation records for (days)'
		);
		await expect( retention ).toHaveValue( '90' );
		await retention.fill( '3650' );
		await page.getByRole( 'button', { name: 'Save connection' } ).click();
		await expect(
			page.locator( '.ccfm-platform__secrets' ).getByText( 'Saved.' )
		).toBeVisible();
		expect(
			(
				( await requestUtils.rest( {
					path: '/ccfm/v1/platform',
				} ) ) as { retention_days: number }
			 ).retention_days
		).toBe( 3650 );

		// Meta delivers the events, signed with the App Secret; a retry
		// stores nothing twice.
		const body = JSON.stringify( {
			object: 'page',
			entry: [
				{ id: '1234567890', time: Date.now(), messaging: EVENTS },
			],
		} );
		const deliver = () =>
			request.post( '/wp-json/ccfm/v1/webhook', {
				data: body,
				headers: {
					'content-type': 'application/json',
					'X-Hub-Signature-256': `sha256=${ crypto
						.createHmac( 'sha256', APP_SECRET )
						.update( body )
						.digest( 'hex' ) }`,
				},
			} );
		const first = await deliver();
		expect( first.status() ).toBe( 200 );
		// Twelve starts, the end and the message; not the echo. Nothing when
		// an earlier run of this test stored them already.
		expect( [ 0, 14 ] ).toContain( ( await first.json() ).stored );
		const retry = await deliver();
		expect( await retry.json() ).toEqual( { stored: 0 } );

		// The panel opens closed and loads the report when opened.
		await page.reload();
		const toggle = page.getByRole( 'button', {
			name: 'Conversations',
			exact: true,
		} );
		await expect( toggle ).toHaveAttribute( 'aria-expanded', 'false' );
		const firstLoad = page.waitForResponse(
			( r ) =>
				r.url().includes( 'conversations' ) &&
				r.request().method() === 'GET'
		);
		await toggle.click();
		expect( ( await firstLoad ).status() ).toBe( 200 );
		await expect(
			panel( page ).getByLabel( 'To', { exact: true } )
		).toHaveValue( /^\d{4}-\d{2}-\d{2}$/ );

		await showRange( page, FROM, TO );
		await expect( panel( page ) ).toContainText(
			'10 conversations started: 60% in the Chat Plugin, 40% from m.me links.'
		);
		expect( await rows( table( page, 'Day' ) ) ).toEqual( [
			[ '2025-03-10', '6' ],
			[ '2025-03-11', '0' ],
			[ '2025-03-12', '4' ],
		] );
		expect( await rows( table( page, 'Ref' ) ) ).toEqual( [
			[ 'pricing', '4' ],
			[ 'newsletter', '3' ],
			[ 'home', '2' ],
			[ '(none)', '1' ],
		] );
		expect( await rows( table( page, 'Page' ) ) ).toEqual( [
			[ '(unknown — m.me link)', '4' ],
			[ `${ SHOP }/pricing/`, '3' ],
			[ `${ SHOP }/`, '2' ],
			[ `${ SHOP }/blog/hello/`, '1' ],
		] );
		await expect( panel( page ) ).not.toContainText( 'utm_source' );
		await expect( panel( page ) ).not.toContainText( 'a@b.example' );

		// One day: only its starts.
		await showRange( page, TO, TO );
		await expect( panel( page ) ).toContainText(
			'4 conversations started: 50% in the Chat Plugin, 50% from m.me links.'
		);
		expect( await rows( table( page, 'Day' ) ) ).toEqual( [
			[ '2025-03-12', '4' ],
		] );

		// One start is one conversation, not "1 conversations"; the last
		// second of the day before the range belongs to that day.
		await showRange( page, '2025-03-09', '2025-03-09' );
		await expect( panel( page ) ).toContainText(
			'1 conversation started: 100% in the Chat Plugin, 0% from m.me links.'
		);
		expect( await rows( table( page, 'Ref' ) ) ).toEqual( [
			[ 'pricing', '1' ],
		] );

		// A range with no conversation says so instead of empty tables.
		await showRange( page, '2025-02-01', '2025-02-07' );
		await expect( panel( page ) ).toContainText(
			'No conversation started between 2025-02-01 and 2025-02-07.'
		);
		await expect( panel( page ).locator( 'table' ) ).toHaveCount( 0 );
		await expect( panel( page ) ).not.toContainText( 'NaN' );

		// A range the server refuses shows why, and no stale report.
		sdk.allowConsoleErrors.push(
			'the server responded with a status of 400 (Bad Request)'
		);
		await showRange( page, TO, FROM, 400 );
		await expect(
			panel( page ).locator( '.components-notice' )
		).toContainText( 'The first day must not be after the last day.' );
		await expect( panel( page ).locator( 'table' ) ).toHaveCount( 0 );
	} );

	test( 'no report for a visitor or a user who may not manage options', async ( {
		browser,
		requestUtils,
	} ) => {
		const path = `/wp-json/ccfm/v1/conversations?from=${ FROM }&to=${ TO }`;
		const username = `e2e-editor-${ Date.now() }`;
		const password = 'e2e-editor-password-42';
		const user = ( await requestUtils.createUser( {
			username,
			email: `${ username }@example.org`,
			password,
			roles: [ 'editor' ],
		} ) ) as { id: number };
		const context = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		// The machine is offline: nothing but this site is asked for.
		await context.route(
			( url ) => url.hostname !== 'localhost',
			( route ) => route.fulfill( { status: 204, body: '' } )
		);
		try {
			const anonymous = await context.request.get( path );
			expect( anonymous.status() ).toBe( 401 );
			expect( JSON.stringify( await anonymous.json() ) ).not.toContain(
				'per_day'
			);

			const page = await context.newPage();
			await page.goto( '/wp-login.php' );
			await page
				.getByLabel( 'Username or Email Address' )
				.fill( username );
			await page
				.getByLabel( 'Password', { exact: true } )
				.fill( password );
			await page.getByRole( 'button', { name: 'Log In' } ).click();
			await expect( page ).toHaveURL( /\/wp-admin\/?$/ );
			const nonce = await (
				await context.request.get(
					'/wp-admin/admin-ajax.php?action=rest-nonce'
				)
			).text();
			expect( nonce ).toMatch( /^[0-9a-f]{10}$/ );

			const editor = await context.request.get( path, {
				headers: { 'X-WP-Nonce': nonce },
			} );
			expect( editor.status() ).toBe( 403 );
			const answer = await editor.json();
			expect( answer.code ).toBe( 'rest_forbidden' );
			expect( JSON.stringify( answer ) ).not.toContain( 'per_day' );

			// Nor the settings page that shows it.
			const screen = await page.goto( ADMIN );
			expect( screen?.status() ).toBe( 403 );
			await expect( page.locator( '#ccfm-admin-root' ) ).toHaveCount( 0 );
		} finally {
			await context.close();
			await requestUtils.rest( {
				method: 'DELETE',
				path: `/wp/v2/users/${ user.id }`,
				params: { force: true, reassign: 1 },
			} );
		}
	} );
} );
