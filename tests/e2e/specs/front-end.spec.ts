/**
 * The visitor path: whatever Meta's code does, a click on the bubble gives a
 * visible, working way into Messenger at once, and it is still there later.
 * The stand-in SDK lies the way the real builds do (a 1000 × 1000 measuring
 * frame that collapses to 0 × 0, success events regardless), so these tests
 * see what a person would.
 */
import type { Browser, Page } from '@playwright/test';

import {
	chatConfig,
	expect,
	expectMessengerLink,
	test,
	type FrameMode,
	type Sdk,
	type SdkMode,
} from '../fixtures';

const PAGE = '1234567890';
const CHAT = { page_id: PAGE, mode: 'chat_plugin' };
const SDK_URL = 'https://connect.facebook.net/en_US/sdk/xfbml.customerchat.js';
const popupUrl = async ( popup: Promise< Page > ) => {
	const p = await popup;
	await p.waitForLoadState();
	return p.url();
};
const bubble = ( page: Page ) =>
	page.getByRole( 'link', { name: 'Chat with us on Messenger' } );
const fallback = ( page: Page ) =>
	page.getByRole( 'link', { name: 'Continue in Messenger' } );
const chatFrame = ( page: Page ) =>
	page.locator( '.fb-customerchat iframe[data-chat]' );

/**
 * What the loader says about itself (window.ccfm.state).
 * @param page
 */
const ccfmState = ( page: Page ) =>
	page.evaluate(
		() =>
			(
				window as unknown as {
					ccfm: {
						state: {
							sdk: string;
							reason: string;
							live: boolean;
							render: string;
						};
					};
				}
			 ).ccfm.state
	);

/**
 * A context whose requests to Meta are answered as the test says (for user
 * agents and JavaScript settings the shared visitor cannot have).
 * @param browser
 * @param sdk
 * @param options
 * @param options.userAgent
 * @param options.javaScriptEnabled
 */
async function visitorWith(
	browser: Browser,
	sdk: Sdk,
	options: { userAgent?: string; javaScriptEnabled?: boolean }
) {
	const { routeMeta } = await import( '../fixtures' );
	const context = await browser.newContext( {
		...options,
		storageState: { cookies: [], origins: [] },
	} );
	await routeMeta( context, sdk );
	return { context, page: await context.newPage() };
}

/**
 * The visitor has a visible, focused Messenger link right after the click,
 * that opens m.me with the ref, and it is still there 8 s later.
 * @param page
 * @param href
 */
async function expectLinkNowAndLater( page: Page, href: string ) {
	const link = fallback( page );
	await expect( link ).toBeVisible( { timeout: 1000 } );
	await expect( link ).toBeFocused();
	await expect( link ).toHaveAttribute( 'href', href );
	await page.waitForTimeout( 8000 );
	await expect( link ).toBeVisible();
	await expectMessengerLink( page, href );
	const popup = page.waitForEvent( 'popup' );
	await link.click();
	expect( await popupUrl( popup ) ).toBe( href );
}

test.describe( 'visitor path', () => {
	test( 'a site with no stored settings renders link mode', async ( {
		visitor,
		settings,
		sdk,
	} ) => {
		const { wpEval } = await import( '../fixtures' );
		wpEval( "delete_option( 'ccfm_settings' );" );
		expect(
			wpEval( "echo CCFM\\Settings\\Settings::get()['mode'];" )
		).toBe( 'link' );
		// A new owner enters only the Page ID: the rest are the defaults.
		await settings( { page_id: PAGE } );
		expect( wpEval( "echo get_option( 'ccfm_settings' )['mode'];" ) ).toBe(
			'link'
		);
		await visitor.goto( '/' );
		await expectMessengerLink( visitor, `https://m.me/${ PAGE }` );
		expect( ( await chatConfig( visitor ) ).sdk ).toBeUndefined();
		await visitor.waitForLoadState( 'networkidle' );
		expect( sdk.requests ).toEqual( [] );
	} );

	test( 'SDK renders: the link at once, then the chat takes over once it is really visible, and stays', async ( {
		visitor,
		settings,
		sdk,
	} ) => {
		await settings( { ...CHAT, ref: 'home' } );
		await visitor.goto( '/' );
		await expect( bubble( visitor ) ).toBeVisible();
		await visitor.waitForLoadState( 'networkidle' );
		expect( sdk.requests ).toEqual( [] );
		await bubble( visitor ).click();
		// Right after the click: a Messenger link, before the SDK has said anything.
		await expect( fallback( visitor ) ).toBeVisible( { timeout: 1000 } );
		await expect( fallback( visitor ) ).toBeFocused();
		await expect( fallback( visitor ) ).toHaveAttribute(
			'href',
			`https://m.me/${ PAGE }?ref=home`
		);
		// Then the real chat, open, and our bubble steps aside.
		await expect( chatFrame( visitor ) ).toHaveAttribute(
			'data-dialog',
			'open'
		);
		await expect( chatFrame( visitor ) ).toBeVisible();
		await expect( bubble( visitor ) ).toBeHidden();
		await expect( fallback( visitor ) ).toBeHidden();
		await visitor.waitForTimeout( 8000 );
		await expect( chatFrame( visitor ) ).toBeVisible();
		expect( ( await ccfmState( visitor ) ).live ).toBe( true );
		expect( sdk.scripts() ).toEqual( [ SDK_URL ] );
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
		expect( record?.calls[ 0 ] ).toEqual( {
			method: 'init',
			args: [ { xfbml: false, version: 'v18.0' } ],
		} );
		expect( record?.calls.map( ( c ) => c.method ) ).toContain(
			'CustomerChat.showDialog'
		);
	} );

	const failures: {
		name: string;
		mode?: SdkMode;
		frame?: FrameMode;
		build?: '2019' | '2021';
		csp?: boolean;
		allow: string[];
		sdkState: string;
		reason: string;
	}[] = [
		{
			name: 'the SDK is blocked by an extension',
			mode: 'blocked',
			allow: [ 'ERR_BLOCKED_BY_CLIENT' ],
			sdkState: 'blocked',
			reason: 'blocked',
		},
		{
			name: 'the SDK request hangs',
			mode: 'hang',
			allow: [],
			sdkState: 'loading',
			reason: '',
		},
		{
			name: 'a real-like SDK (2019) whose chat frame never loads',
			frame: 'abort',
			allow: [ 'ERR_FAILED' ],
			sdkState: 'loaded',
			reason: '',
		},
		{
			name: 'a real-like SDK (2021) whose chat frame is refused by X-Frame-Options',
			frame: 'refuse-xfo',
			build: '2021',
			allow: [ 'Refused to display' ],
			sdkState: 'loaded',
			reason: '',
		},
		{
			name: "a real-like SDK (2019) whose chat frame is refused by frame-ancestors 'none'",
			frame: 'refuse-csp',
			allow: [ 'Refused to frame', 'frame-ancestors' ],
			sdkState: 'loaded',
			reason: '',
		},
		{
			name: 'a Content-Security-Policy refuses the SDK',
			csp: true,
			allow: [ 'Content Security Policy' ],
			sdkState: 'csp',
			reason: 'csp',
		},
	];
	for ( const f of failures ) {
		test( `${ f.name }: a visible, focused Messenger link with the ref right after the click, still there 8 s later`, async ( {
			visitor,
			settings,
			sdk,
			scenario,
		} ) => {
			sdk.mode = f.mode || 'ok';
			sdk.frame = f.frame || 'ok';
			sdk.build = f.build || '2019';
			sdk.allowConsoleErrors.push( ...f.allow );
			await settings( { ...CHAT, ref: 'pricing' } );
			if ( f.csp ) {
				await scenario( { csp: "script-src 'self' 'unsafe-inline'" } );
			}
			await visitor.goto( '/' );
			await bubble( visitor ).click();
			const href = `https://m.me/${ PAGE }?ref=pricing`;
			await expectLinkNowAndLater( visitor, href );
			const state = await ccfmState( visitor );
			expect( state.live ).toBe( false );
			if ( f.reason ) {
				expect( state ).toEqual(
					expect.objectContaining( {
						sdk: f.sdkState,
						reason: f.reason,
					} )
				);
			} else {
				expect( state.sdk ).toBe( f.sdkState );
			}
			if ( f.frame ) {
				// The SDK told its lies, and the loader did not believe them.
				const record = await sdk.record( visitor );
				expect( record?.rendered ).toHaveLength( 1 );
				await expect(
					visitor.locator( '.ccfm-sdk > .fb-customerchat' )
				).toHaveAttribute( 'fb-xfbml-state', 'rendered' );
				await expect( chatFrame( visitor ) ).toHaveCount( 1 );
				await expect( chatFrame( visitor ) ).toBeHidden();
				expect(
					sdk.requests.filter( ( u ) =>
						u.includes( '/plugins/customerchat.php?' )
					)
				).toHaveLength( 1 );
			}
			if ( f.build === '2021' ) {
				expect(
					sdk.requests.some( ( u ) =>
						u.includes( '/plugins/customer_chat/facade_gating/' )
					)
				).toBe( true );
			}
			if ( f.reason ) {
				// A failure is remembered for the session: the next page goes straight to the link.
				const before = sdk.scripts().length;
				await visitor.goto( '/?p=1' );
				await expectMessengerLink( visitor, href );
				await visitor.waitForLoadState( 'networkidle' );
				expect( sdk.scripts().length ).toBe( before );
			}
		} );
	}

	test( 'the measuring frame is never taken for a chat: no click on a 1000 × 1000 frame hides the bubble', async ( {
		visitor,
		settings,
		sdk,
	} ) => {
		sdk.frame = 'abort';
		sdk.allowConsoleErrors.push( 'ERR_FAILED' );
		await settings( { ...CHAT, load_strategy: 'immediate' } );
		await visitor.goto( '/' );
		// Watch every sample: the bubble must never be hidden while nothing else is there.
		await visitor.evaluate( () => {
			const w = window as unknown as { __hidden: number };
			w.__hidden = 0;
			const tick = () => {
				const b = document.querySelector( '#ccfm-chat .ccfm-bubble' );
				if ( ! b || ( b as HTMLElement ).offsetWidth === 0 ) {
					w.__hidden++;
				}
				requestAnimationFrame( tick );
			};
			tick();
		} );
		await expect
			.poll( () =>
				visitor
					.locator( '.ccfm-sdk > .fb-customerchat' )
					.getAttribute( 'fb-xfbml-state' )
			)
			.toBe( 'rendered' );
		await visitor.waitForTimeout( 3000 );
		expect(
			await visitor.evaluate(
				() => ( window as unknown as { __hidden: number } ).__hidden
			)
		).toBe( 0 );
		await expect( bubble( visitor ) ).toBeVisible();
	} );

	test( 'a chat that renders and later collapses: the Messenger path comes back', async ( {
		visitor,
		settings,
		sdk,
	} ) => {
		sdk.frame = 'collapse';
		await settings( { ...CHAT, ref: 'later' } );
		await visitor.goto( '/' );
		await bubble( visitor ).click();
		await expect( fallback( visitor ) ).toBeVisible( { timeout: 1000 } );
		await expect( chatFrame( visitor ) ).toHaveAttribute(
			'data-dialog',
			'open'
		);
		await expect( bubble( visitor ) ).toBeHidden();
		// The frame reports 0 × 0 three seconds after it showed.
		await expect( fallback( visitor ) ).toBeVisible( { timeout: 6000 } );
		await expectMessengerLink(
			visitor,
			`https://m.me/${ PAGE }?ref=later`
		);
		expect( await ccfmState( visitor ) ).toEqual(
			expect.objectContaining( {
				live: false,
				reason: 'collapsed',
				render: 'collapsed',
			} )
		);
		await visitor.waitForTimeout( 8000 );
		await expectMessengerLink(
			visitor,
			`https://m.me/${ PAGE }?ref=later`
		);
	} );

	for ( const [ name, options, reason ] of [
		[
			'Internet Explorer',
			{
				userAgent:
					'Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko',
			},
			'unsupported',
		],
		[
			'the Messenger in-app browser',
			{
				userAgent:
					'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/MessengerForiOS;FBAV/450.0]',
			},
			'unsupported',
		],
		[ 'no JavaScript', { javaScriptEnabled: false }, '' ],
	] as const ) {
		test( `${ name }: the bubble is the Messenger link, no SDK, and a click follows it`, async ( {
			browser,
			settings,
			sdk,
		} ) => {
			await settings( {
				...CHAT,
				page_username: 'acme.shop',
				ref: 'ua',
			} );
			const { context, page } = await visitorWith(
				browser,
				sdk,
				options
			);
			await page.goto( '/' );
			const href = 'https://m.me/acme.shop?ref=ua';
			await expectMessengerLink( page, href );
			const popup = page.waitForEvent( 'popup' );
			await bubble( page ).click();
			expect( await popupUrl( popup ) ).toBe( href );
			await page.waitForTimeout( 8000 );
			await expectMessengerLink( page, href );
			if ( reason ) {
				expect( ( await ccfmState( page ) ).reason ).toBe( reason );
			}
			expect( sdk.scripts() ).toEqual( [] );
			await context.close();
		} );
	}

	test( "another plugin's plain sdk.js: no second SDK, the link at once and still there later", async ( {
		visitor,
		settings,
		sdk,
		scenario,
	} ) => {
		sdk.mode = 'plain';
		await scenario( { other_sdk: true } );
		await settings( { ...CHAT, ref: 'other' } );
		await visitor.goto( '/' );
		await visitor.waitForLoadState( 'networkidle' );
		await bubble( visitor ).click();
		await expectLinkNowAndLater(
			visitor,
			`https://m.me/${ PAGE }?ref=other`
		);
		expect( sdk.scripts() ).toEqual( [
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
		await settings( { ...CHAT, ref: 'reuse' } );
		await visitor.goto( '/' );
		await visitor.waitForFunction(
			() => !! ( window as unknown as { FB?: unknown } ).FB
		);
		await bubble( visitor ).click();
		await expect( chatFrame( visitor ) ).toHaveAttribute(
			'data-dialog',
			'open'
		);
		expect( sdk.scripts() ).toEqual( [
			'https://connect.facebook.net/en_US/sdk.js',
		] );
		expect( ( await ccfmState( visitor ) ).sdk ).toBe( 'reused' );
		expect( ( await sdk.record( visitor ) )?.rendered[ 0 ].ref ).toBe(
			'reuse'
		);
	} );
} );

test.describe( 'forged configuration', () => {
	for ( const mode of [ 'link', 'chat_plugin' ] ) {
		test( `${ mode }: an author's post with a look-alike chat cannot load a script, link elsewhere or run code`, async ( {
			visitor,
			settings,
			requestUtils,
			sdk,
		} ) => {
			const { wpEval } = await import( '../fixtures' );
			// Earlier forged posts (of a failed run) would show on the home page.
			const sweep = () =>
				wpEval(
					"foreach ( get_posts( array( 'title' => 'Forged', 'post_status' => 'any', 'numberposts' => -1 ) ) as $p ) { wp_delete_post( $p->ID, true ); }"
				);
			sweep();
			await settings( { page_id: PAGE, mode, ref: 'real' } );
			const name = `forger${ Date.now() }`;
			const author = await requestUtils.rest< { id: number } >( {
				method: 'POST',
				path: '/wp/v2/users',
				data: {
					username: name,
					email: `${ name }@example.com`,
					password: 'password',
					roles: [ 'author' ],
				},
			} );
			test.info().attach( 'author', { body: name } );
			const forged = JSON.stringify( {
				front: 'https://evil.example/front.js',
				sdk: 'https://evil.example/x.js',
				link: 'javascript:window.__forged=1',
				mode: 'chat_plugin',
				strategy: 'immediate',
				timeout: 1,
			} );
			// Posted as the author: kses keeps id, class and data-*.
			const post = await requestUtils.rest< {
				id: number;
				link: string;
			} >( {
				method: 'POST',
				path: '/wp/v2/posts',
				data: {
					status: 'publish',
					author: author.id,
					title: 'Forged',
					content: `<!-- wp:html --><div id="ccfm-chat" class="ccfm-chat" data-ccfm='${ forged }'><a class="ccfm-bubble" href="https://evil.example/" data-ccfm-open>Evil bubble</a><div class="fb-customerchat" page_id="666"></div><template class="ccfm-sdk-markup"><div class="fb-customerchat" page_id="666"></div></template></div><a data-ccfm-open href="https://evil.example/phish">Forged opener</a><script id="ccfm-boot">window.__forged=1</script><!-- /wp:html -->`,
				},
			} );
			// What kses left is saved as an author would save it.
			wpEval(
				`wp_set_current_user( ${ author.id } ); $p = get_post( ${ post.id } ); wp_update_post( array( 'ID' => $p->ID, 'post_content' => wp_kses_post( $p->post_content ) ) );`
			);
			const foreign: string[] = [];
			visitor.on( 'request', ( r ) => {
				const host = new URL( r.url() ).hostname;
				if (
					host !== 'localhost' &&
					! r.url().startsWith( SDK_URL ) &&
					! host.endsWith( 'facebook.com' )
				) {
					foreign.push( r.url() );
				}
			} );
			await visitor.goto( post.link );
			await expect( visitor.getByText( 'Forged opener' ) ).toBeVisible();
			// Our bubble is the real one, printed after the post.
			await expectMessengerLink(
				visitor,
				`https://m.me/${ PAGE }?ref=real`
			);
			const popup = visitor.waitForEvent( 'popup' );
			await visitor.getByText( 'Forged opener' ).click();
			if ( mode === 'chat_plugin' ) {
				// The opener's own href is not m.me: the visitor gets our link.
				await expect( fallback( visitor ) ).toHaveAttribute(
					'href',
					`https://m.me/${ PAGE }?ref=real`
				);
				await fallback( visitor ).click();
			}
			expect( await popupUrl( popup ) ).toBe(
				`https://m.me/${ PAGE }?ref=real`
			);
			await visitor.waitForTimeout( 2000 );
			expect( foreign ).toEqual( [] );
			expect(
				await visitor.evaluate( () =>
					Array.from( document.querySelectorAll( 'a' ) )
						.filter( ( a ) => a.protocol === 'javascript:' )
						.map( ( a ) => a.outerHTML )
				)
			).toEqual( [] );
			expect(
				await visitor.evaluate(
					() =>
						( window as unknown as { __forged?: number } ).__forged
				)
			).toBeUndefined();
			if ( mode === 'chat_plugin' ) {
				// Only our own element was rendered, never the post's page_id 666.
				const record = await sdk.record( visitor );
				expect(
					( record?.rendered || [] ).map( ( r ) => r.page_id )
				).toEqual( [ PAGE ] );
			} else {
				expect(
					sdk.requests.filter(
						( u ) => ! u.startsWith( 'https://m.me/' )
					)
				).toEqual( [] );
			}
			await requestUtils.rest( {
				method: 'DELETE',
				path: `/wp/v2/users/${ author.id }`,
				params: { force: true, reassign: false },
			} );
			sweep();
		} );
	}
} );

test.describe( 'a button keeps its own ref', () => {
	for ( const mode of [ 'link', 'chat_plugin' ] ) {
		test( `${ mode }: [messenger_chat type="button" ref="sales"] ends on m.me with ref=sales`, async ( {
			visitor,
			settings,
			requestUtils,
			sdk,
		} ) => {
			sdk.mode = 'blocked';
			sdk.allowConsoleErrors.push( 'ERR_BLOCKED_BY_CLIENT' );
			await settings( { page_id: PAGE, mode, ref: 'site' } );
			const post = await requestUtils.rest< { link: string } >( {
				method: 'POST',
				path: '/wp/v2/posts',
				data: {
					status: 'publish',
					title: 'Sales',
					content:
						'[messenger_chat type="button" ref="sales" text="Talk to sales"]',
				},
			} );
			await visitor.goto( post.link );
			const button = visitor.getByRole( 'link', {
				name: 'Talk to sales',
			} );
			await expect( button ).toHaveAttribute(
				'href',
				`https://m.me/${ PAGE }?ref=sales`
			);
			const popup = visitor.waitForEvent( 'popup' );
			await button.click();
			if ( mode === 'chat_plugin' ) {
				await expect( fallback( visitor ) ).toBeVisible( {
					timeout: 1000,
				} );
				await expect( fallback( visitor ) ).toHaveAttribute(
					'href',
					`https://m.me/${ PAGE }?ref=sales`
				);
				await expect
					.poll( async () => ( await ccfmState( visitor ) ).reason )
					.toBe( 'blocked' );
				await fallback( visitor ).click();
			}
			expect( await popupUrl( popup ) ).toBe(
				`https://m.me/${ PAGE }?ref=sales`
			);
			// Once the session has fallen back, the button is a plain link with its own ref.
			if ( mode === 'chat_plugin' ) {
				const again = visitor.waitForEvent( 'popup' );
				await button.click();
				expect( await popupUrl( again ) ).toBe(
					`https://m.me/${ PAGE }?ref=sales`
				);
			}
			// And the bubble keeps the site's ref.
			await expectMessengerLink(
				visitor,
				`https://m.me/${ PAGE }?ref=site`
			);
		} );
	}

	test( 'chat_plugin, SDK renders: the chat opened from the button carries its ref', async ( {
		visitor,
		settings,
		requestUtils,
		sdk,
	} ) => {
		await settings( { ...CHAT, ref: 'site' } );
		const post = await requestUtils.rest< { link: string } >( {
			method: 'POST',
			path: '/wp/v2/posts',
			data: {
				status: 'publish',
				title: 'Sales chat',
				content: '[messenger_chat type="button" ref="sales"]',
			},
		} );
		await visitor.goto( post.link );
		await visitor.getByRole( 'link', { name: 'Message us' } ).click();
		await expect( chatFrame( visitor ) ).toHaveAttribute(
			'data-dialog',
			'open'
		);
		expect( ( await sdk.record( visitor ) )?.rendered[ 0 ].ref ).toBe(
			'sales'
		);
	} );
} );

test.describe( 'loader behaviour', () => {
	test( 'link mode: the SDK is never requested, no script file is loaded, and the bubble is an m.me link', async ( {
		visitor,
		settings,
		sdk,
	} ) => {
		await settings( {
			page_id: PAGE,
			mode: 'link',
			load_strategy: 'immediate',
		} );
		const scripts: string[] = [];
		visitor.on( 'request', ( r ) => {
			if (
				r.url().includes( 'customer-chat-for-messenger' ) &&
				r.resourceType() === 'script'
			) {
				scripts.push( r.url() );
			}
		} );
		await visitor.goto( '/' );
		await expectMessengerLink( visitor, `https://m.me/${ PAGE }` );
		await visitor.waitForLoadState( 'networkidle' );
		expect( scripts, 'no file of ours before intent' ).toEqual( [] );
		const popup = visitor.waitForEvent( 'popup' );
		await bubble( visitor ).click();
		expect( await popupUrl( popup ) ).toBe( `https://m.me/${ PAGE }` );
		// Nothing of Meta's but the m.me page the visitor chose to open.
		expect( sdk.requests ).toEqual( [ `https://m.me/${ PAGE }` ] );
	} );

	test( 'immediate and idle strategies load the SDK without interaction', async ( {
		visitor,
		settings,
		sdk,
	} ) => {
		for ( const strategy of [ 'immediate', 'idle' ] ) {
			sdk.requests.length = 0;
			await settings( { ...CHAT, load_strategy: strategy } );
			await visitor.goto( '/' );
			await expect( chatFrame( visitor ) ).toBeVisible();
			await expect
				.poll( async () => ( await ccfmState( visitor ) ).live )
				.toBe( true );
			await expect( bubble( visitor ) ).toBeHidden();
			expect( sdk.scripts() ).toEqual( [ SDK_URL ] );
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
		await settings( { ...CHAT, load_strategy: 'immediate' } );
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
		await expect( chatFrame( visitor ) ).toBeVisible();
		expect( sdk.scripts() ).toEqual( [ SDK_URL ] );

		// Denied consent still lets a visitor who clicks reach the chat.
		await visitor.context().clearCookies();
		sdk.requests.length = 0;
		await visitor.goto( '/' );
		await visitor.waitForLoadState( 'networkidle' );
		expect( sdk.requests ).toEqual( [] );
		await bubble( visitor ).click();
		await expect( fallback( visitor ) ).toBeVisible( { timeout: 1000 } );
		await expect( chatFrame( visitor ) ).toHaveAttribute(
			'data-dialog',
			'open'
		);
	} );

	test( 'JS API and data-ccfm-open drive the Chat Plugin; update() reaches FB.CustomerChat.update', async ( {
		visitor,
		settings,
		sdk,
	} ) => {
		await settings( CHAT );
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
		// ccfm.on() is queued until front.js has loaded; then it is the real one.
		await visitor.waitForFunction(
			() =>
				!! (
					window as unknown as {
						ccfm: Record< symbol, { run?: unknown } >;
					}
				 ).ccfm[ Symbol.for( 'ccfm.boot' ) ].run
		);
		await visitor.getByRole( 'button', { name: 'Talk to sales' } ).click();
		await expect( chatFrame( visitor ) ).toHaveAttribute(
			'data-dialog',
			'open'
		);
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

	test( 'link mode: the JS API and data-ccfm-open open the Messenger link; update() changes the ref', async ( {
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
		const api = visitor.waitForEvent( 'popup' );
		await visitor.evaluate( () =>
			( window as unknown as { ccfm: { open: () => void } } ).ccfm.open()
		);
		expect( await popupUrl( api ) ).toBe(
			`https://m.me/${ PAGE }?ref=menu`
		);
	} );

	for ( const mode of [ 'link', 'chat_plugin' ] ) {
		test( `${ mode }: greeting shown after the delay, closed greeting stays closed on the next page view`, async ( {
			visitor,
			settings,
		} ) => {
			await settings( {
				page_id: PAGE,
				mode,
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
	}

	test( 'greeting: fade shows then fades; hide and icon never show it; a click on it opens Messenger', async ( {
		visitor,
		settings,
	} ) => {
		await settings( {
			page_id: PAGE,
			mode: 'link',
			logged_out_greeting: 'Hello',
			greeting_dialog_display: 'fade',
			greeting_dialog_delay: 0,
		} );
		await visitor.goto( '/' );
		const greeting = visitor.locator( '.ccfm-greeting' );
		await expect( greeting ).toBeVisible();
		const popup = visitor.waitForEvent( 'popup' );
		await visitor.getByText( 'Hello', { exact: true } ).click();
		expect( await popupUrl( popup ) ).toBe( `https://m.me/${ PAGE }` );
		await visitor.reload();
		await expect( greeting ).toBeVisible();
		await expect( greeting ).toBeHidden( { timeout: 9000 } );
		for ( const display of [ 'hide', 'icon' ] ) {
			await settings( {
				page_id: PAGE,
				mode: 'link',
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

	test( 'greeting on phones: hidden by default, after at least 10 s with "delay", at once with "same"; desktops unchanged', async ( {
		browser,
		settings,
		sdk,
	} ) => {
		const base = {
			page_id: PAGE,
			mode: 'link',
			logged_out_greeting: 'Hi from the shop',
			greeting_dialog_display: 'show',
			greeting_dialog_delay: 0,
		};
		const open = async ( width: number ) => {
			const v = await visitorWith( browser, sdk, {} );
			await v.page.setViewportSize( { width, height: 800 } );
			await v.page.goto( '/' );
			await expect( bubble( v.page ) ).toBeVisible();
			return v;
		};
		const greeting = ( page: Page ) => page.locator( '.ccfm-greeting' );

		await settings( base ); // phone_greeting defaults to "hide".
		let v = await open( 390 );
		await v.page.waitForTimeout( 2000 );
		await expect( greeting( v.page ) ).toBeHidden();
		await v.context.close();
		v = await open( 1280 );
		await expect( greeting( v.page ) ).toBeVisible();
		await v.context.close();

		await settings( { ...base, phone_greeting: 'delay' } );
		v = await open( 390 );
		const shownAt = Date.now();
		await v.page.waitForTimeout( 8000 );
		await expect( greeting( v.page ) ).toBeHidden();
		await expect( greeting( v.page ) ).toBeVisible( { timeout: 5000 } );
		expect( Date.now() - shownAt ).toBeGreaterThanOrEqual( 9000 );
		await v.context.close();

		await settings( { ...base, phone_greeting: 'same' } );
		v = await open( 390 );
		await expect( greeting( v.page ) ).toBeVisible( { timeout: 1500 } );
		await v.context.close();
	} );

	test( 'diagnostics: the administrator sees http, localhost and a breaking Referrer-Policy; a visitor sees no panel', async ( {
		page,
		visitor,
		settings,
		scenario,
	} ) => {
		await settings( CHAT );
		await scenario( { referrer_policy: 'no-referrer' } );
		await page.goto( '/' );
		await page.getByRole( 'button', { name: 'Chat diagnostics' } ).click();
		// The server's checks, as it computes them.
		const list = page.locator( '.ccfm-diag__list' );
		await expect(
			list.locator( 'li[data-check="https"][data-status="critical"]' )
		).toContainText( 'The site is not served over HTTPS' );
		await expect(
			list.locator( 'li[data-check="domain"][data-status="critical"]' )
		).toContainText( 'localhost cannot be whitelisted' );
		await expect(
			list.locator( 'li[data-check="referrer"][data-status="critical"]' )
		).toContainText(
			'The Referrer-Policy header is "no-referrer": the Chat Plugin gets no referrer'
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
