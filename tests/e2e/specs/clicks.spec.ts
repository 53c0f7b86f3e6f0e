/**
 * Click counting as a stranger meets it: a visitor's bubble click counted on
 * Plain permalinks (the `?rest_route=` beacon) and on pretty permalinks; a
 * beacon with a made-up page or ref, or a wrong key, refused with 400 and
 * nothing written; a burst of 200 distinct visitors (distinct client IP
 * addresses behind a "reverse proxy", tests/mu-plugins/e2e-client-ip.php)
 * sent at once and counted exactly.
 */
import { request, type APIRequestContext } from '@playwright/test';

import { expect, guard, routeMeta, test, wpEval } from '../fixtures';

const PAGE_ID = '1234567890';
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) ClicksSpec/1.0';

/**
 * A ref no other run used.
 * @param what
 */
const uniqueRef = ( what: string ) =>
	`${ what }${ Date.now().toString( 36 ) }${ Math.floor(
		Math.random() * 1e6
	).toString( 36 ) }`;

/**
 * The clicks the site stored today for a page and ref (read from its database).
 * @param page
 * @param ref
 */
function stored( page: string, ref: string ): number {
	return Number(
		wpEval(
			`global $wpdb; echo (int) $wpdb->get_var( $wpdb->prepare( "SELECT COALESCE(SUM(clicks), 0) FROM {$wpdb->prefix}ccfm_clicks WHERE page = %s AND ref = %s", ${ JSON.stringify(
				page
			) }, ${ JSON.stringify( ref ) } ) );`
		)
	);
}

/** Rows of the clicks table. */
const rowCount = () =>
	Number(
		wpEval(
			'global $wpdb; echo (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$wpdb->prefix}ccfm_clicks" );'
		)
	);

/**
 * Sets the permalink structure ('' is Plain).
 * @param structure
 */
const permalinks = ( structure: string ) =>
	wpEval(
		`update_option( 'permalink_structure', ${ JSON.stringify(
			structure
		) } ); flush_rewrite_rules();`
	);

/**
 * What the home page printed for the beacon: its URL and key.
 * @param stranger
 */
async function printed(
	stranger: APIRequestContext
): Promise< { beacon: string; key: string } > {
	const html = await ( await stranger.get( '/' ) ).text();
	const config = JSON.parse(
		/window\.ccfmConfig=(\{.*?\});/.exec( html )?.[ 1 ] || '{}'
	) as { beacon?: string; key?: string };
	expect( config.beacon ).toBeTruthy();
	expect( config.key ).toMatch( /^[\w-]{16}$/ );
	return { beacon: config.beacon as string, key: config.key as string };
}

test.describe( 'Click counting on every WordPress', () => {
	let saved = '';
	let stranger: APIRequestContext;

	test.beforeAll( async () => {
		saved = wpEval( "echo get_option( 'permalink_structure' );" );
		// Today's caps start empty (every test here runs from 127.0.0.1).
		wpEval(
			'global $wpdb; $wpdb->query( "TRUNCATE TABLE {$wpdb->prefix}ccfm_click_clients" );'
		);
		stranger = await request.newContext( {
			baseURL: process.env.WP_BASE_URL,
			storageState: { cookies: [], origins: [] },
			extraHTTPHeaders: { 'User-Agent': BROWSER_UA },
		} );
	} );

	test.afterAll( async () => {
		permalinks( saved );
		await stranger.dispose();
	} );

	for ( const [ name, structure ] of [
		[ 'Plain', '' ],
		[ 'pretty', '/%postname%/' ],
	] ) {
		test( `a visitor's bubble click is counted on ${ name } permalinks`, async ( {
			browser,
			sdk,
			consoleErrors,
			settings,
		} ) => {
			const ref = uniqueRef( 'bubble' );
			await settings( { page_id: PAGE_ID, ref } );
			try {
				permalinks( structure );
				const context = await browser.newContext( {
					storageState: { cookies: [], origins: [] },
					userAgent: `${ BROWSER_UA } ${ uniqueRef( 'ua' ) }`,
				} );
				await routeMeta( context, sdk );
				const page = await context.newPage();
				guard( page, sdk, consoleErrors );
				// The m.me tab the bubble opens is not needed.
				context.on( 'page', ( p ) => {
					if ( p !== page ) {
						p.close().catch( () => {} );
					}
				} );
				await page.goto( '/' );
				const answer = page.waitForResponse( ( r ) =>
					/ccfm(%2F|\/)v1(%2F|\/)click/.test( r.url() )
				);
				await page
					.getByRole( 'link', { name: 'Chat with us on Messenger' } )
					.click();
				const response = await answer;
				expect( response.status() ).toBe( 204 );
				if ( structure === '' ) {
					expect( response.url() ).toContain( 'rest_route=' );
				} else {
					expect( response.url() ).toContain(
						'/wp-json/ccfm/v1/click'
					);
				}
				expect( response.request().postData() ).toBe(
					`https://m.me/${ PAGE_ID }?ref=${ ref }`
				);
				await context.close();
				expect( stored( '/', ref ) ).toBe( 1 );
			} finally {
				permalinks( saved );
			}
		} );
	}

	test( 'a forged page or ref, or a wrong key, is refused with 400 and nothing is written', async ( {
		settings,
	} ) => {
		const ref = uniqueRef( 'real' );
		await settings( { page_id: PAGE_ID, ref } );
		const { beacon, key } = await printed( stranger );
		const before = rowCount();
		const send = ( url: string, body: string ) =>
			stranger.post( url, {
				headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
				data: body,
			} );
		const link = `https://m.me/${ PAGE_ID }?ref=${ ref }`;
		const forged = [
			// A made-up page with the home page's key.
			[
				beacon.replace( 'page=%2F', 'page=%2Fmade-up-17' ) +
					'&k=' +
					key,
				link,
			],
			// A made-up ref.
			[ beacon + '&k=' + key, `https://m.me/${ PAGE_ID }?ref=junk17` ],
			// A wrong key.
			[ beacon + '&k=AAAAAAAAAAAAAAAA', link ],
			// No key.
			[ beacon, link ],
		];
		for ( const [ url, body ] of forged ) {
			const response = await send( url, body );
			expect( response.status(), `${ url } ${ body }` ).toBe( 400 );
		}
		expect( rowCount() ).toBe( before );
		expect( stored( '/', ref ) ).toBe( 0 );
		// The printed page and ref, with their key, count.
		expect( ( await send( beacon + '&k=' + key, link ) ).status() ).toBe(
			204
		);
		expect( stored( '/', ref ) ).toBe( 1 );
	} );

	test( 'a burst of 200 distinct visitors behind a reverse proxy is counted exactly', async ( {
		settings,
		scenario,
	} ) => {
		test.setTimeout( 120_000 );
		const ref = uniqueRef( 'burst' );
		await settings( { page_id: PAGE_ID, ref } );
		await scenario( { client_ip_header: 'HTTP_X_E2E_CLIENT_IP' } );
		const { beacon, key } = await printed( stranger );
		const link = `https://m.me/${ PAGE_ID }?ref=${ ref }`;
		const statuses = await Promise.all(
			Array.from( { length: 200 }, ( _, i ) =>
				stranger
					.post( beacon + '&k=' + key, {
						headers: {
							'Content-Type': 'text/plain;charset=UTF-8',
							// One browser build, 200 addresses: only the proxy header tells them apart.
							'X-E2E-Client-IP': `198.18.${ Math.floor(
								i / 250
							) }.${ ( i % 250 ) + 1 }`,
						},
						data: link,
						timeout: 100_000,
					} )
					.then( ( r ) => r.status() )
			)
		);
		expect( statuses ).toEqual( Array( 200 ).fill( 204 ) );
		expect( stored( '/', ref ) ).toBe( 200 );
	} );
} );
