/**
 * Messenger Platform connection over real HTTP: the webhook handshake as Meta
 * sends it (hub.* names, raw text/plain answer), signed events, and secrets
 * that never reach a page or a REST answer.
 */
import crypto from 'crypto';
import { expect, test } from '../fixtures';

const TOKEN = 'EAAGBrowserTestToken0123456789abcdef';
const APP_SECRET = 'abcdef0123456789abcdef0123456789';
const VERIFY = 'e2e-verify-token-42';

test.describe( 'platform', () => {
	test.beforeEach( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: '/ccfm/v1/platform',
			data: {
				page_access_token: TOKEN,
				app_secret: APP_SECRET,
				verify_token: VERIFY,
			},
		} );
	} );

	test.afterEach( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'POST',
			path: '/ccfm/v1/platform',
			data: {
				clear: [ 'page_access_token', 'app_secret', 'verify_token' ],
			},
		} );
	} );

	test( 'the handshake answers the challenge verbatim as plain text, and a wrong token gets 403', async ( {
		request,
	} ) => {
		const ok = await request.get(
			`/wp-json/ccfm/v1/webhook?hub.mode=subscribe&hub.verify_token=${ VERIFY }&hub.challenge=1158201444`
		);
		expect( ok.status() ).toBe( 200 );
		expect( ok.headers()[ 'content-type' ] ).toContain( 'text/plain' );
		expect( await ok.text() ).toBe( '1158201444' );

		const wrong = await request.get(
			'/wp-json/ccfm/v1/webhook?hub.mode=subscribe&hub.verify_token=nope-nope-nope&hub.challenge=1158201444'
		);
		expect( wrong.status() ).toBe( 403 );
		expect( await wrong.text() ).not.toContain( '1158201444' );
	} );

	test( 'a signed event is accepted and an unsigned or SHA-1-only one gets 401', async ( {
		request,
	} ) => {
		const body = JSON.stringify( {
			object: 'page',
			entry: [
				{
					id: '1',
					time: Date.now(),
					messaging: [
						{
							sender: { user_ref: `e2e-${ Date.now() }` },
							recipient: { id: '1' },
							timestamp: Date.now(),
							referral: {
								ref: 'e2e',
								source: 'CUSTOMER_CHAT_PLUGIN',
								type: 'OPEN_THREAD',
								referer_uri: 'https://shop.example.org/é',
							},
						},
					],
				},
			],
		} );
		const sign = ( algo: string ) =>
			crypto
				.createHmac( algo, APP_SECRET )
				.update( body )
				.digest( 'hex' );
		const post = ( headers: Record< string, string > ) =>
			request.post( '/wp-json/ccfm/v1/webhook', {
				data: body,
				headers: { 'content-type': 'application/json', ...headers },
			} );

		expect( ( await post( {} ) ).status() ).toBe( 401 );
		expect(
			(
				await post( { 'X-Hub-Signature': `sha1=${ sign( 'sha1' ) }` } )
			).status()
		).toBe( 401 );
		const good = await post( {
			'X-Hub-Signature-256': `sha256=${ sign( 'sha256' ) }`,
		} );
		expect( good.status() ).toBe( 200 );
		expect( await good.json() ).toEqual( { stored: 1 } );
		const retry = await post( {
			'X-Hub-Signature-256': `sha256=${ sign( 'sha256' ) }`,
		} );
		expect( await retry.json() ).toEqual( { stored: 0 } );
	} );

	test( 'the secrets are reported as set and never appear in the admin page or a REST answer', async ( {
		page,
		requestUtils,
	} ) => {
		const state = ( await requestUtils.rest( {
			path: '/ccfm/v1/platform',
		} ) ) as { secrets: Record< string, boolean > };
		expect( state.secrets ).toEqual( {
			page_access_token: true,
			app_secret: true,
			verify_token: true,
		} );
		await page.goto(
			'/wp-admin/options-general.php?page=customer-chat-for-messenger'
		);
		await expect( page.locator( '#ccfm-admin-root' ) ).not.toBeEmpty();
		const html = await page.content();
		const answers = JSON.stringify( [
			state,
			await requestUtils.rest( { path: '/wp/v2/settings' } ),
			await requestUtils.rest( { path: '/ccfm/v1/conversations' } ),
		] );
		for ( const secret of [ TOKEN, APP_SECRET, VERIFY ] ) {
			expect( html ).not.toContain( secret );
			expect( answers ).not.toContain( secret );
		}
	} );
} );
