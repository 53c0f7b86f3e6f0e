/**
 * The click funnel as a visitor's browser and the site owner see it: one
 * beacon per click on the bubble or a "Message us" button, counted under the
 * page and ref in Settings → Messenger Chat → Funnel; no cookie on the
 * beacon's answer; a client's daily cap; no beacon without consent or with
 * counting off; the chart and the CSV of the same table.
 *
 * Each test is its own client (its own user agent): the cap is per IP address
 * and user agent, and every test runs from 127.0.0.1 (under that address's
 * higher ceiling, emptied before the tests).
 */
import fs from 'fs';
import type { Browser, BrowserContext, Page, Request } from '@playwright/test';

import {
	ADMIN,
	expect,
	guard,
	openPanel,
	routeMeta,
	test,
	type Sdk,
	wpEval,
} from '../fixtures';

const PAGE_ID = '1234567890';
const PANEL = 'Funnel: clicks → conversations';
const CAP = 30; // Click_Route::DAILY_CAP

const bubble = ( page: Page ) =>
	page.getByRole( 'link', { name: 'Chat with us on Messenger' } );

/**
 * A ref no other run used.
 * @param what
 */
const uniqueRef = ( what: string ) =>
	`${ what }${ Date.now().toString( 36 ) }${ Math.floor(
		Math.random() * 1e6
	).toString( 36 ) }`;

/**
 * A fresh visitor with a user agent of its own (so its own daily cap).
 * @param browser
 * @param sdk
 * @param errors
 */
async function client(
	browser: Browser,
	sdk: Sdk,
	errors: string[]
): Promise< { context: BrowserContext; page: Page; beacons: Request[] } > {
	const context = await browser.newContext( {
		storageState: { cookies: [], origins: [] },
		userAgent: `Mozilla/5.0 (X11; Linux x86_64) FunnelTest/${ uniqueRef(
			'ua'
		) }`,
	} );
	await routeMeta( context, sdk );
	const page = await context.newPage();
	guard( page, sdk, errors );
	const beacons: Request[] = [];
	page.on( 'request', ( r ) => {
		if ( r.url().includes( '/ccfm/v1/click' ) ) {
			beacons.push( r );
		}
	} );
	// The m.me tabs the bubble opens are not needed.
	context.on( 'page', ( p ) => {
		if ( p !== page ) {
			p.close().catch( () => {} );
		}
	} );
	return { context, page, beacons };
}

/**
 * Clicks and waits for the beacon's answer.
 * @param page
 * @param target
 */
async function clickCounted(
	page: Page,
	target: ReturnType< Page[ 'locator' ] >
) {
	const answer = page.waitForResponse( ( r ) =>
		r.url().includes( '/ccfm/v1/click' )
	);
	await target.click();
	const response = await answer;
	expect( response.status() ).toBe( 204 );
	return response;
}

/**
 * The funnel table's rows in the admin, as text per column header.
 * @param page
 */
async function tableRows( page: Page ): Promise< Record< string, string >[] > {
	const table = page.locator( '.ccfm-funnel__table' );
	await expect( table ).toBeVisible();
	const heads = await table.locator( 'thead th' ).allTextContents();
	const rows = await table.locator( 'tbody tr' ).all();
	const out: Record< string, string >[] = [];
	for ( const row of rows ) {
		const cells = await row.locator( 'td' ).allTextContents();
		out.push(
			Object.fromEntries( heads.map( ( h, i ) => [ h, cells[ i ] ] ) )
		);
	}
	return out;
}

/**
 * Opens the funnel panel (today is in its default range) and returns its rows.
 * @param page
 */
async function report( page: Page ) {
	await page.goto( ADMIN );
	await openPanel( page, PANEL );
	await expect(
		page.getByText( 'counts reported by visitors’ browsers', {
			exact: false,
		} )
	).toBeVisible();
	return tableRows( page );
}

function today(): string {
	// The site runs in UTC (the local stack's default time zone).
	return new Date().toISOString().slice( 0, 10 );
}

test.describe( 'Click funnel', () => {
	let postLink = '';
	let postPath = '';
	let postId = 0;
	const pageRef = uniqueRef( 'page' );
	const buttonRef = uniqueRef( 'button' );

	test.beforeAll( async ( { requestUtils } ) => {
		// Today's caps start empty: every test runs from 127.0.0.1, whose
		// per-IP ceiling (Click_Route::IP_DAILY_CAP) earlier runs would use up.
		wpEval(
			'global $wpdb; $wpdb->query( "TRUNCATE TABLE {$wpdb->prefix}ccfm_click_clients" );'
		);
		const post = await requestUtils.rest< { id: number; link: string } >( {
			method: 'POST',
			path: '/wp/v2/posts',
			data: {
				status: 'publish',
				title: 'Funnel page',
				content: `<!-- wp:shortcode -->[messenger_chat type="button" text="Message us" ref="${ buttonRef }"]<!-- /wp:shortcode -->`,
			},
		} );
		postId = post.id;
		postLink = post.link;
		postPath = new URL( post.link ).pathname;
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'DELETE',
			path: `/wp/v2/posts/${ postId }`,
			params: { force: true },
		} );
	} );

	test( 'three bubble clicks on one page with one ref, and a button click under its own ref, appear in the report for today', async ( {
		browser,
		sdk,
		consoleErrors,
		settings,
		page,
	} ) => {
		await settings( { page_id: PAGE_ID, ref: pageRef } );
		const visitor = await client( browser, sdk, consoleErrors );
		await visitor.page.goto( postLink );
		await expect( bubble( visitor.page ) ).toBeVisible();
		// Nothing before intent.
		await visitor.page.waitForLoadState( 'networkidle' );
		expect( visitor.beacons ).toEqual( [] );
		for ( let i = 0; i < 3; i++ ) {
			await clickCounted( visitor.page, bubble( visitor.page ) );
		}
		await clickCounted(
			visitor.page,
			visitor.page.getByRole( 'link', { name: 'Message us' } )
		);
		expect( visitor.beacons ).toHaveLength( 4 );
		expect( visitor.beacons[ 0 ].postData() ).toBe(
			`https://m.me/${ PAGE_ID }?ref=${ pageRef }`
		);
		expect( visitor.beacons[ 3 ].postData() ).toBe(
			`https://m.me/${ PAGE_ID }?ref=${ buttonRef }`
		);
		await visitor.context.close();

		const rows = await report( page );
		const bubbleRow = rows.filter(
			( r ) => r.Ref === pageRef && r.Page === postPath
		);
		expect( bubbleRow ).toHaveLength( 1 );
		expect( bubbleRow[ 0 ] ).toMatchObject( {
			Day: today(),
			Title: 'Funnel page',
			Clicks: '3',
			'To the m.me link': '3',
			'To the chat': '0',
		} );
		const buttonRow = rows.filter( ( r ) => r.Ref === buttonRef );
		expect( buttonRow ).toHaveLength( 1 );
		expect( buttonRow[ 0 ] ).toMatchObject( {
			Day: today(),
			Page: postPath,
			Clicks: '1',
		} );
	} );

	test( 'the beacon answer carries no Set-Cookie, even when something on the site sets one', async ( {
		browser,
		sdk,
		consoleErrors,
		settings,
		scenario,
	} ) => {
		await scenario( { set_cookie: true } );
		await settings( { page_id: PAGE_ID, ref: uniqueRef( 'cookie' ) } );
		const visitor = await client( browser, sdk, consoleErrors );
		const pageResponse = await visitor.page.goto( postLink );
		// The scenario does set a cookie on the page itself.
		expect(
			( await pageResponse?.headersArray() )?.some(
				( h ) => h.name.toLowerCase() === 'set-cookie'
			)
		).toBe( true );
		await visitor.context.clearCookies();
		const response = await clickCounted(
			visitor.page,
			bubble( visitor.page )
		);
		const headers = await response.headersArray();
		expect(
			headers.filter( ( h ) => h.name.toLowerCase() === 'set-cookie' )
		).toEqual( [] );
		expect( await visitor.context.cookies() ).toEqual( [] );
		await visitor.context.close();
	} );

	test( 'a client sending hundreds of beacons is capped for the day', async ( {
		browser,
		sdk,
		consoleErrors,
		settings,
		page,
	} ) => {
		const ref = uniqueRef( 'flood' );
		await settings( { page_id: PAGE_ID, ref } );
		const visitor = await client( browser, sdk, consoleErrors );
		await visitor.page.goto( postLink );
		await clickCounted( visitor.page, bubble( visitor.page ) );
		const beaconUrl = visitor.beacons[ 0 ].url();
		// The same beacon, 300 times, from the same client (IP address and
		// user agent), ten at a time.
		test.setTimeout( 180000 );
		const statuses: number[] = [];
		for ( let i = 0; i < 30; i++ ) {
			const batch = await Promise.all(
				Array.from( { length: 10 }, () =>
					visitor.context.request.post( beaconUrl, {
						data: `https://m.me/${ PAGE_ID }?ref=${ ref }`,
						headers: { 'content-type': 'text/plain;charset=UTF-8' },
					} )
				)
			);
			statuses.push( ...batch.map( ( r ) => r.status() ) );
		}
		expect( statuses.filter( ( s ) => s === 204 ) ).toHaveLength( CAP - 1 );
		expect( statuses.filter( ( s ) => s === 429 ) ).toHaveLength(
			300 - ( CAP - 1 )
		);
		await visitor.context.close();

		const rows = await report( page );
		expect( rows.filter( ( r ) => r.Ref === ref ) ).toEqual( [
			expect.objectContaining( { Clicks: String( CAP ) } ),
		] );
	} );

	test( 'with the WP Consent API, no beacon without statistics consent; one once it is given', async ( {
		browser,
		sdk,
		consoleErrors,
		settings,
		scenario,
	} ) => {
		await scenario( { consent_api: true } );
		await settings( { page_id: PAGE_ID, ref: uniqueRef( 'consent' ) } );
		const visitor = await client( browser, sdk, consoleErrors );
		await visitor.page.goto( postLink );
		const tab = visitor.context.waitForEvent( 'page' );
		await bubble( visitor.page ).click();
		await tab;
		// The visitor reached Messenger; the site heard nothing.
		await visitor.page.waitForTimeout( 1000 );
		expect( visitor.beacons ).toEqual( [] );

		await visitor.page.evaluate( () =>
			(
				window as unknown as {
					wp_set_consent: ( c: string, v: string ) => void;
				}
			 ).wp_set_consent( 'statistics-anonymous', 'allow' )
		);
		await clickCounted( visitor.page, bubble( visitor.page ) );
		expect( visitor.beacons ).toHaveLength( 1 );
		await visitor.context.close();
	} );

	test( 'with counting off, no beacon and no beacon URL on the page', async ( {
		browser,
		sdk,
		consoleErrors,
		settings,
	} ) => {
		await settings( { page_id: PAGE_ID, click_counting: 'off' } );
		const visitor = await client( browser, sdk, consoleErrors );
		await visitor.page.goto( postLink );
		expect(
			await visitor.page.locator( '#ccfm-boot' ).textContent()
		).not.toContain( '/ccfm/v1/click' );
		const tab = visitor.context.waitForEvent( 'page' );
		await visitor.page.getByRole( 'link', { name: 'Message us' } ).click();
		await tab;
		await bubble( visitor.page ).click();
		await visitor.page.waitForTimeout( 1000 );
		expect( visitor.beacons ).toEqual( [] );
		await visitor.context.close();
	} );

	test( 'the owner turns counting off on the settings screen', async ( {
		page,
		requestUtils,
	} ) => {
		await page.goto( ADMIN );
		const panel = await openPanel( page, PANEL );
		await panel
			.getByLabel( 'Click counting', { exact: true } )
			.selectOption( 'off' );
		await page
			.getByRole( 'button', { name: 'Save settings', exact: true } )
			.click();
		await expect
			.poll( async () => {
				const s = await requestUtils.rest< {
					ccfm_settings: { click_counting: string };
				} >( { path: '/wp/v2/settings' } );
				return s.ccfm_settings.click_counting;
			} )
			.toBe( 'off' );
	} );

	test( 'the chart is visible and the CSV download has the rows of the table', async ( {
		browser,
		sdk,
		consoleErrors,
		settings,
		page,
	} ) => {
		const ref = uniqueRef( 'csv' );
		await settings( { page_id: PAGE_ID, ref } );
		const visitor = await client( browser, sdk, consoleErrors );
		await visitor.page.goto( postLink );
		await clickCounted( visitor.page, bubble( visitor.page ) );
		await visitor.context.close();

		const rows = await report( page );
		expect( rows.some( ( r ) => r.Ref === ref ) ).toBe( true );
		const chart = page.locator( '.ccfm-funnel__chart svg[role="img"]' );
		await expect( chart ).toBeVisible();
		await expect( chart ).toHaveAttribute(
			'aria-label',
			/Clicks and conversations started per day/
		);
		// Today's bar has a height.
		const bar = page.locator(
			`.ccfm-funnel__chart g[data-day="${ today() }"] .ccfm-funnel__bar--clicks`
		);
		expect( Number( await bar.getAttribute( 'height' ) ) ).toBeGreaterThan(
			0
		);

		const download = page.waitForEvent( 'download' );
		await page.getByRole( 'button', { name: 'Download CSV' } ).click();
		const file = await ( await download ).path();
		const lines = fs
			.readFileSync( file, 'utf8' )
			.trim()
			.split( '\r\n' )
			.map( ( l ) => l.split( ',' ) );
		const heads = await page
			.locator( '.ccfm-funnel__table thead th' )
			.allTextContents();
		expect( lines[ 0 ] ).toHaveLength( heads.length );
		// Same rows, same order, same cells (no cell here holds a comma or quote).
		expect( lines.slice( 1 ) ).toEqual(
			rows.map( ( r ) => heads.map( ( h ) => r[ h ] ) )
		);
	} );
} );
