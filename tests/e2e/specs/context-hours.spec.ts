/**
 * Away hours: decided in the visitor's browser against the site's timezone
 * (Settings → General), so the same cached HTML is right at any time.
 */
import type { Page } from '@playwright/test';

import { expect, test, wpEval } from '../fixtures';

const PAGE = '1234567890';
const OPEN_GREETING = 'Hi! How can we help?';
const AWAY = 'We’re away — leave a message, we reply from 9 am';
// Monday to Friday, 09:00-17:00 site time.
const WEEKDAYS = [ 1, 2, 3, 4, 5 ].map( ( d ) => `${ d } 09:00-17:00` );

const bubble = ( page: Page ) =>
	page.getByRole( 'link', { name: 'Chat with us on Messenger' } );
const greeting = ( page: Page ) => page.locator( '#ccfm-chat .ccfm-greeting' );

async function visitAt( page: Page, iso: string, url = '/' ) {
	await page.clock.setFixedTime( new Date( iso ) );
	await page.goto( url );
}

test.describe( 'away hours', () => {
	let timezone = '';
	test.beforeEach( () => {
		timezone = wpEval(
			"echo wp_json_encode( array( get_option( 'timezone_string' ), get_option( 'gmt_offset' ) ) );"
		);
	} );
	test.afterEach( () => {
		wpEval(
			`$t = json_decode( '${ timezone }', true ); update_option( 'timezone_string', $t[0] ); update_option( 'gmt_offset', $t[1] );`
		);
	} );
	const siteTimezone = ( name: string, offset = 0 ) =>
		wpEval(
			`update_option( 'timezone_string', '${ name }' ); update_option( 'gmt_offset', ${ offset } );`
		);

	test( 'inside the hours the usual greeting, outside them the away greeting (Europe/Berlin)', async ( {
		settings,
		visitor,
	} ) => {
		siteTimezone( 'Europe/Berlin' );
		await settings( {
			page_id: PAGE,
			logged_out_greeting: OPEN_GREETING,
			away_hours: WEEKDAYS,
			away_greeting: AWAY,
		} );
		// Wednesday 2026-01-14 10:00 in Berlin (UTC+1).
		await visitAt( visitor, '2026-01-14T09:00:00Z' );
		await expect( greeting( visitor ) ).toBeVisible();
		await expect( greeting( visitor ) ).toContainText( OPEN_GREETING );
		// Wednesday 20:00 in Berlin.
		await visitAt( visitor, '2026-01-14T19:00:00Z' );
		await expect( greeting( visitor ) ).toBeVisible();
		await expect( greeting( visitor ) ).toContainText( AWAY );
		await expect( bubble( visitor ) ).toBeVisible();
		// Saturday noon: no range that day.
		await visitAt( visitor, '2026-01-17T11:00:00Z' );
		await expect( greeting( visitor ) ).toContainText( AWAY );
	} );

	test( 'the same UTC time is away before and open after the DST change in America/New_York', async ( {
		settings,
		visitor,
	} ) => {
		siteTimezone( 'America/New_York' );
		await settings( {
			page_id: PAGE,
			away_hours: WEEKDAYS,
			away_action: 'hide',
		} );
		// Monday 2026-03-02 13:30 UTC is 08:30 EST: away, the bubble is hidden.
		await visitAt( visitor, '2026-03-02T13:30:00Z' );
		await expect( visitor.locator( '#ccfm-chat' ) ).toBeAttached();
		await expect( bubble( visitor ) ).toBeHidden();
		// Monday 2026-03-09 13:30 UTC is 09:30 EDT (clocks went forward on 03-08): open.
		await visitAt( visitor, '2026-03-09T13:30:00Z' );
		await expect( bubble( visitor ) ).toBeVisible();
		// 16:59 EDT is 20:59 UTC: still open; 17:00 EDT is away.
		await visitAt( visitor, '2026-03-09T20:59:00Z' );
		await expect( bubble( visitor ) ).toBeVisible();
		await visitAt( visitor, '2026-03-09T21:00:00Z' );
		await expect( bubble( visitor ) ).toBeHidden();
	} );

	test( 'a site on a fixed UTC offset (UTC+5:30)', async ( {
		settings,
		visitor,
	} ) => {
		siteTimezone( '', 5.5 );
		await settings( {
			page_id: PAGE,
			away_hours: WEEKDAYS,
			away_action: 'hide',
		} );
		// Monday 2026-03-02 03:15 UTC is 08:45 at the site: away.
		await visitAt( visitor, '2026-03-02T03:15:00Z' );
		await expect( bubble( visitor ) ).toBeHidden();
		// 03:45 UTC is 09:15: open.
		await visitAt( visitor, '2026-03-02T03:45:00Z' );
		await expect( bubble( visitor ) ).toBeVisible();
		// Friday 2026-03-06 18:45 UTC is Saturday 00:15 at the site: away.
		await visitAt( visitor, '2026-03-06T18:45:00Z' );
		await expect( bubble( visitor ) ).toBeHidden();
	} );

	test( 'a cached page: the same HTML is open at one time and away at another', async ( {
		settings,
		visitor,
		request,
	} ) => {
		siteTimezone( 'Europe/Berlin' );
		await settings( {
			page_id: PAGE,
			logged_out_greeting: OPEN_GREETING,
			away_hours: WEEKDAYS,
			away_greeting: AWAY,
		} );
		const url = new URL( '/', test.info().project.use.baseURL ).href;
		const html = await ( await request.get( url ) ).text();
		expect( html ).toContain( 'ccfm-chat' );
		let served = 0;
		await visitor.route( url, ( route ) => {
			served++;
			return route.fulfill( { contentType: 'text/html', body: html } );
		} );
		// After the change to summer time (2026-03-29): Monday 09:30 in Berlin is 07:30 UTC.
		await visitAt( visitor, '2026-03-30T07:30:00Z', url );
		await expect( greeting( visitor ) ).toContainText( OPEN_GREETING );
		await visitAt( visitor, '2026-03-30T15:30:00Z', url );
		await expect( greeting( visitor ) ).toContainText( AWAY );
		expect( served ).toBe( 2 );
	} );

	test( 'without a schedule the chat is always open and no hours code is printed', async ( {
		settings,
		visitor,
	} ) => {
		siteTimezone( 'Europe/Berlin' );
		await settings( {
			page_id: PAGE,
			logged_out_greeting: OPEN_GREETING,
			away_greeting: AWAY,
			away_action: 'hide',
		} );
		await visitAt( visitor, '2026-01-17T23:00:00Z' );
		await expect( bubble( visitor ) ).toBeVisible();
		await expect( greeting( visitor ) ).toContainText( OPEN_GREETING );
		const boot =
			( await visitor.locator( '#ccfm-boot' ).textContent() ) || '';
		expect( boot ).not.toContain( '"hours"' );
		expect( boot ).not.toContain( 'formatToParts' );
	} );

	test( 'a schedule whose range ends before it starts is refused and nothing is stored', async ( {
		requestUtils,
		settings,
	} ) => {
		await settings( { page_id: PAGE, away_hours: WEEKDAYS } );
		const before = wpEval(
			"echo wp_json_encode( get_option( 'ccfm_settings' ) );"
		);
		const error = await requestUtils
			.rest( {
				method: 'POST',
				path: '/wp/v2/settings',
				data: { ccfm_settings: { away_hours: [ '1 18:00-09:00' ] } },
			} )
			.then(
				() => null,
				( e: Error ) => e.message
			);
		expect( error ).toContain( 'away_hours: The opening hours must be' );
		expect( error ).toContain(
			'“1 18:00-09:00” does not end after it starts'
		);
		expect(
			wpEval( "echo wp_json_encode( get_option( 'ccfm_settings' ) );" )
		).toBe( before );
	} );
} );
