/**
 * The visitor-side loader: facade first, the SDK on intent, and a Messenger
 * link whenever the Chat Plugin cannot give the visitor a working chat.
 */
import type { Page } from '@playwright/test';

import { expect, expectMessengerLink, test } from '../fixtures';

const PAGE = '1234567890';
const SDK_STATE: Record< string, string > = {
	blocked: 'blocked',
	'never-render': 'loaded',
	hang: 'timeout',
};
const SDK_URL = 'https://connect.facebook.net/en_US/sdk/xfbml.customerchat.js';
const popupUrl = async ( popup: Promise< Page > ) => {
	const p = await popup;
	await p.waitForLoadState();
	return p.url();
};
const bubble = ( page: Page ) =>
	page.getByRole( 'button', { name: 'Chat with us on Messenger' } );

/**
 * What the loader says about itself (window.ccfm.state).
 * @param page
 */
const ccfmState = ( page: Page ) =>
	page.evaluate(
		() =>
			(
				window as unknown as {
					ccfm: { state: { sdk: string; reason: string } };
				}
			 ).ccfm.state
	);

test.describe( 'front-end loader', () => {
	test( 'default: nothing third-party before interaction; a click loads the SDK once, renders, opens the dialog, and the facade steps aside', async ( {
		visitor,
		settings,
		sdk,
	} ) => {
		await settings( { page_id: PAGE, ref: 'home' } );
		await visitor.goto( '/' );
		await expect( bubble( visitor ) ).toBeVisible();
		await visitor.waitForLoadState( 'networkidle' );
		expect( sdk.requests ).toEqual( [] );
		await bubble( visitor ).hover();
		await bubble( visitor ).click();
		const frame = visitor.locator(
			'.fb-customerchat iframe[data-stand-in="ok"]'
		);
		await expect( frame ).toBeVisible();
		await expect( frame ).toHaveAttribute( 'data-dialog', 'open' );
		await expect(
			visitor.locator( '#ccfm-chat .ccfm-bubble' )
		).toBeHidden();
		expect( sdk.requests ).toEqual( [ SDK_URL ] );
		const record = await sdk.record( visitor );
		expect( record?.rendered ).toEqual( [
			{
				class: 'fb-customerchat',
				page_id: PAGE,
				ref: 'home',
				greeting_dialog_display: 'show',
				attribution: 'wordpress',
			},
		] );
		expect( record?.calls.map( ( c ) => c.method ) ).toContain(
			'CustomerChat.showDialog'
		);
		expect(
			record?.calls
				.filter( ( c ) => c.method === 'Event.subscribe' )
				.map( ( c ) => c.args[ 0 ] )
		).toEqual( [
			'customerchat.load',
			'customerchat.show',
			'customerchat.hide',
			'customerchat.dialogShow',
			'customerchat.dialogHide',
		] );
	} );

	const failures: {
		name: string;
		mode?: 'blocked' | 'never-render' | 'hang';
		csp?: boolean;
		allow: string[];
	}[] = [
		{
			name: 'the SDK is blocked by an extension',
			mode: 'blocked',
			allow: [ 'ERR_BLOCKED_BY_CLIENT' ],
		},
		{
			name: 'the SDK loads but never renders',
			mode: 'never-render',
			allow: [],
		},
		{ name: 'the SDK request stalls', mode: 'hang', allow: [] },
		{
			name: 'a Content-Security-Policy refuses the SDK',
			csp: true,
			allow: [ 'Content Security Policy' ],
		},
	];
	for ( const f of failures ) {
		test( `${ f.name }: the visitor who clicked gets a visible, working Messenger link with the ref`, async ( {
			visitor,
			settings,
			sdk,
			scenario,
		} ) => {
			sdk.mode = f.mode || 'ok';
			sdk.allowConsoleErrors.push( ...f.allow );
			await settings( { page_id: PAGE, ref: 'pricing' } );
			if ( f.csp ) {
				await scenario( { csp: "script-src 'self' 'unsafe-inline'" } );
			}
			await visitor.goto( '/' );
			const started = Date.now();
			await bubble( visitor ).click();
			const link = visitor.getByRole( 'link', {
				name: 'Continue in Messenger',
			} );
			await expect( link ).toBeVisible( { timeout: 9000 } );
			expect( Date.now() - started ).toBeLessThan( 9000 );
			await expect( link ).toBeFocused();
			await expect( link ).toHaveAttribute(
				'href',
				`https://m.me/${ PAGE }?ref=pricing`
			);
			await expectMessengerLink(
				visitor,
				`https://m.me/${ PAGE }?ref=pricing`
			);
			expect( await ccfmState( visitor ) ).toEqual(
				expect.objectContaining( {
					sdk: f.csp ? 'csp' : SDK_STATE[ f.mode || 'ok' ],
				} )
			);
			const popup = visitor.waitForEvent( 'popup' );
			await link.click();
			expect( await popupUrl( popup ) ).toBe(
				`https://m.me/${ PAGE }?ref=pricing`
			);

			// The failure is remembered for the session: the next page goes straight to the link.
			const sdkRequests = () =>
				sdk.requests.filter( ( u ) =>
					u.startsWith( 'https://connect.facebook.net/' )
				).length;
			const before = sdkRequests();
			await visitor.goto( '/?p=1' );
			await expectMessengerLink(
				visitor,
				`https://m.me/${ PAGE }?ref=pricing`
			);
			await visitor.waitForLoadState( 'networkidle' );
			expect( sdkRequests() ).toBe( before );
		} );
	}

	for ( const [ name, ua ] of [
		[
			'Internet Explorer',
			'Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko',
		],
		[
			'the Messenger in-app browser',
			'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/MessengerForiOS;FBAV/450.0]',
		],
	] ) {
		test( `${ name }: goes straight to the Messenger link, no SDK`, async ( {
			browser,
			settings,
			sdk,
		} ) => {
			await settings( {
				page_id: PAGE,
				page_username: 'acme.shop',
				ref: 'ua',
			} );
			const context = await browser.newContext( {
				userAgent: ua,
				storageState: { cookies: [], origins: [] },
			} );
			const requests: string[] = [];
			await context.route(
				( url ) => url.hostname !== 'localhost',
				( route ) => {
					requests.push( route.request().url() );
					return route.fulfill( { status: 204, body: '' } );
				}
			);
			const page = await context.newPage();
			await page.goto( '/' );
			await expectMessengerLink( page, 'https://m.me/acme.shop?ref=ua' );
			await page.waitForLoadState( 'networkidle' );
			expect( requests ).toEqual( [] );
			expect( sdk.requests ).toEqual( [] );
			await context.close();
		} );
	}

	test( 'link mode: the SDK is never requested and the bubble is an m.me link', async ( {
		visitor,
		settings,
		sdk,
	} ) => {
		await settings( {
			page_id: PAGE,
			mode: 'link',
			load_strategy: 'immediate',
		} );
		await visitor.goto( '/' );
		await expectMessengerLink( visitor, `https://m.me/${ PAGE }` );
		await expect(
			visitor.locator( 'template.ccfm-sdk-markup' )
		).toHaveCount( 0 );
		const popup = visitor.waitForEvent( 'popup' );
		await visitor.locator( '#ccfm-chat a.ccfm-bubble' ).click();
		expect( await popupUrl( popup ) ).toBe( `https://m.me/${ PAGE }` );
		expect(
			sdk.requests.filter( ( u ) => u.includes( 'connect.facebook.net' ) )
		).toEqual( [] );
	} );

	test( 'immediate and idle strategies load the SDK without interaction', async ( {
		visitor,
		settings,
		sdk,
	} ) => {
		for ( const strategy of [ 'immediate', 'idle' ] ) {
			sdk.requests.length = 0;
			await settings( { page_id: PAGE, load_strategy: strategy } );
			await visitor.goto( '/' );
			await expect(
				visitor.locator( '.fb-customerchat iframe[data-stand-in="ok"]' )
			).toBeVisible();
			expect( sdk.requests ).toEqual( [ SDK_URL ] );
			const record = await sdk.record( visitor );
			expect( record?.calls.map( ( c ) => c.method ) ).not.toContain(
				'CustomerChat.showDialog'
			);
		}
	} );

	test( 'consent: nothing loads without marketing consent until a click; consent granted later loads without a reload', async ( {
		visitor,
		settings,
		sdk,
		scenario,
	} ) => {
		await scenario( { consent_api: true } );
		await settings( { page_id: PAGE, load_strategy: 'immediate' } );
		await visitor.goto( '/' );
		await expect( bubble( visitor ) ).toBeVisible();
		await visitor.waitForLoadState( 'networkidle' );
		await visitor.waitForTimeout( 500 );
		expect( sdk.requests ).toEqual( [] );
		await visitor.evaluate( () =>
			(
				window as unknown as {
					wp_set_consent: ( c: string, v: string ) => void;
				}
			 ).wp_set_consent( 'marketing', 'allow' )
		);
		await expect(
			visitor.locator( '.fb-customerchat iframe[data-stand-in="ok"]' )
		).toBeVisible();
		expect( sdk.requests ).toEqual( [ SDK_URL ] );

		// Denied consent still lets a visitor who clicks reach the chat.
		await visitor.context().clearCookies();
		sdk.requests.length = 0;
		await visitor.goto( '/' );
		await visitor.waitForLoadState( 'networkidle' );
		expect( sdk.requests ).toEqual( [] );
		await bubble( visitor ).click();
		await expect(
			visitor.locator( '.fb-customerchat iframe[data-dialog="open"]' )
		).toBeVisible();
	} );

	test( 'JS API and data-ccfm-open drive the Chat Plugin; update() reaches FB.CustomerChat.update', async ( {
		visitor,
		settings,
		sdk,
	} ) => {
		await settings( { page_id: PAGE } );
		await visitor.goto( '/' );
		await visitor.evaluate( () => {
			const b = document.createElement( 'button' );
			b.textContent = 'Talk to sales';
			b.setAttribute( 'data-ccfm-open', '' );
			document.body.prepend( b );
		} );
		const events: string[] = [];
		await visitor.exposeFunction( 'recordEvent', ( n: string ) =>
			events.push( n )
		);
		await visitor.evaluate( () => {
			const api = (
				window as unknown as {
					ccfm: { on: ( n: string, cb: () => void ) => void };
				}
			 ).ccfm;
			for ( const n of [ 'open', 'load', 'rendered' ] ) {
				api.on( n, () =>
					(
						window as unknown as {
							recordEvent: ( n: string ) => void;
						}
					 ).recordEvent( n )
				);
			}
		} );
		await visitor.getByRole( 'button', { name: 'Talk to sales' } ).click();
		await expect(
			visitor.locator( '.fb-customerchat iframe[data-dialog="open"]' )
		).toBeVisible();
		await expect
			.poll( () => events )
			.toEqual( [ 'open', 'load', 'rendered' ] );
		await visitor.evaluate( () =>
			(
				window as unknown as { ccfm: { close: () => void } }
			 ).ccfm.close()
		);
		await expect(
			visitor.locator( '.fb-customerchat iframe[data-dialog="open"]' )
		).toHaveCount( 0 );
		await visitor.evaluate( () =>
			(
				window as unknown as { ccfm: { update: ( o: object ) => void } }
			 ).ccfm.update( {
				ref: 'cart',
				logged_out_greeting: 'Need help with your cart?',
			} )
		);
		const record = await sdk.record( visitor );
		expect(
			record?.calls.filter( ( c ) => c.method === 'CustomerChat.update' )
		).toEqual( [
			{
				method: 'CustomerChat.update',
				args: [
					{
						ref: 'cart',
						logged_out_greeting: 'Need help with your cart?',
					},
				],
			},
		] );
		await visitor.evaluate( () =>
			(
				window as unknown as {
					ccfm: { hide: () => void; show: () => void };
				}
			 ).ccfm.hide()
		);
		expect(
			( await sdk.record( visitor ) )?.calls.map( ( c ) => c.method )
		).toContain( 'CustomerChat.hide' );
	} );

	test( 'JS API and data-ccfm-open open the Messenger link when the Chat Plugin is not live', async ( {
		visitor,
		settings,
	} ) => {
		await settings( { page_id: PAGE, mode: 'link', ref: 'start' } );
		await visitor.goto( '/' );
		await visitor.evaluate( () =>
			(
				window as unknown as { ccfm: { update: ( o: object ) => void } }
			 ).ccfm.update( { ref: 'menu' } )
		);
		await expectMessengerLink( visitor, `https://m.me/${ PAGE }?ref=menu` );
		await visitor.evaluate( () => {
			const b = document.createElement( 'button' );
			b.textContent = 'Message us';
			b.setAttribute( 'data-ccfm-open', '' );
			document.body.prepend( b );
		} );
		const popup = visitor.waitForEvent( 'popup' );
		await visitor.getByRole( 'button', { name: 'Message us' } ).click();
		expect( await popupUrl( popup ) ).toBe(
			`https://m.me/${ PAGE }?ref=menu`
		);
	} );

	test( 'greeting: shown after the delay, closed greeting stays closed on the next page view', async ( {
		visitor,
		settings,
	} ) => {
		await settings( {
			page_id: PAGE,
			logged_out_greeting: 'Hi! Questions?',
			greeting_dialog_display: 'show',
			greeting_dialog_delay: 2,
		} );
		await visitor.goto( '/' );
		const greeting = visitor.locator( '.ccfm-greeting' );
		await expect( bubble( visitor ) ).toBeVisible();
		await expect( greeting ).toBeHidden();
		await expect( greeting ).toBeVisible( { timeout: 4000 } );
		await expect( greeting ).toHaveText( /Hi! Questions\?/ );
		await visitor.waitForTimeout( 7000 );
		await expect( greeting ).toBeVisible(); // "show" stays open.
		await visitor
			.getByRole( 'button', { name: 'Close the greeting' } )
			.click();
		await expect( greeting ).toBeHidden();
		await visitor.reload();
		await expect( bubble( visitor ) ).toBeVisible();
		await visitor.waitForTimeout( 3000 );
		await expect( greeting ).toBeHidden();
	} );

	test( 'greeting: fade shows then fades; hide and icon never show it', async ( {
		visitor,
		settings,
	} ) => {
		await settings( {
			page_id: PAGE,
			logged_out_greeting: 'Hello',
			greeting_dialog_display: 'fade',
			greeting_dialog_delay: 0,
		} );
		await visitor.goto( '/' );
		const greeting = visitor.locator( '.ccfm-greeting' );
		await expect( greeting ).toBeVisible();
		await expect( greeting ).toBeHidden( { timeout: 9000 } );
		for ( const display of [ 'hide', 'icon' ] ) {
			await settings( {
				page_id: PAGE,
				logged_out_greeting: 'Hello',
				greeting_dialog_display: display,
				greeting_dialog_delay: 0,
			} );
			await visitor.goto( '/' );
			await expect( bubble( visitor ) ).toBeVisible();
			await visitor.waitForTimeout( 1000 );
			await expect( greeting ).toBeHidden();
		}
	} );

	test( "another plugin's plain sdk.js on the page: no second SDK, the click still ends in a working Messenger link", async ( {
		visitor,
		settings,
		sdk,
		scenario,
	} ) => {
		sdk.mode = 'plain';
		await scenario( { other_sdk: true } );
		await settings( { page_id: PAGE } );
		await visitor.goto( '/' );
		await visitor.waitForLoadState( 'networkidle' );
		await bubble( visitor ).click();
		await expect(
			visitor.getByRole( 'link', { name: 'Continue in Messenger' } )
		).toBeVisible();
		expect( sdk.requests ).toEqual( [
			'https://connect.facebook.net/en_US/sdk.js',
		] );
		expect( ( await ccfmState( visitor ) ).reason ).toBe( 'other-sdk' );
	} );

	test( 'a customer-chat SDK already loaded by another plugin is reused: no second SDK, the chat renders', async ( {
		visitor,
		settings,
		sdk,
		scenario,
	} ) => {
		await scenario( { other_sdk: true } );
		await settings( { page_id: PAGE, ref: 'reuse' } );
		await visitor.goto( '/' );
		await visitor.waitForFunction(
			() => !! ( window as unknown as { FB?: unknown } ).FB
		);
		await bubble( visitor ).click();
		await expect(
			visitor.locator( '.fb-customerchat iframe[data-dialog="open"]' )
		).toBeVisible();
		expect( sdk.requests ).toEqual( [
			'https://connect.facebook.net/en_US/sdk.js',
		] );
		expect( ( await ccfmState( visitor ) ).sdk ).toBe( 'reused' );
		expect( ( await sdk.record( visitor ) )?.rendered[ 0 ].ref ).toBe(
			'reuse'
		);
	} );

	test( 'diagnostics: the administrator sees http, localhost and a breaking Referrer-Policy; a visitor sees no panel', async ( {
		page,
		visitor,
		settings,
		scenario,
	} ) => {
		await settings( { page_id: PAGE } );
		await scenario( { referrer_policy: 'no-referrer' } );
		await page.goto( '/' );
		await page.getByRole( 'button', { name: 'Chat diagnostics' } ).click();
		const list = page.locator( '.ccfm-diag__list' );
		await expect( list ).toContainText( 'HTTPS: no' );
		await expect( list ).toContainText( 'localhost cannot be whitelisted' );
		await expect( list ).toContainText(
			'Referrer-Policy header: "no-referrer" breaks the Chat Plugin'
		);
		await visitor.goto( '/' );
		await expect( bubble( visitor ) ).toBeVisible();
		await expect( visitor.locator( '.ccfm-diag' ) ).toHaveCount( 0 );
		expect(
			await visitor.evaluate( () =>
				Array.from( document.scripts ).some( ( s ) =>
					s.src.includes( 'diagnostics' )
				)
			)
		).toBe( false );
	} );
} );
