/**
 * Block, shortcode and display rules: the chat exactly where the site owner
 * wants it, and contributor content that renders inert.
 */
import type { Page } from '@playwright/test';

import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

import { chatConfig, expect, test, wpEval } from '../fixtures';

const PAGE = '1234567890';

/**
 * Creates a published post or page over REST and returns its id and link.
 * @param requestUtils
 * @param type
 * @param data
 */
async function create(
	requestUtils: RequestUtils,
	type: 'posts' | 'pages',
	data: Record< string, unknown >
): Promise< { id: number; link: string } > {
	return requestUtils.rest( {
		method: 'POST',
		path: `/wp/v2/${ type }`,
		data: { status: 'publish', ...data },
	} );
}

async function chatShown( page: Page, url: string ): Promise< boolean > {
	await page.goto( url );
	const markup = await page.locator( '#ccfm-chat' ).count();
	const script = await page.locator( 'script#ccfm-boot' ).count();
	expect( markup, `markup and assets agree on ${ url }` ).toBe( script );
	return markup === 1;
}

test.describe( 'block and shortcode', () => {
	test( 'the page-settings variation overrides ref and greetings on its post; the button variation opens the chat and links to m.me', async ( {
		admin,
		editor,
		page,
		visitor,
		settings,
		sdk,
	} ) => {
		await settings( {
			page_id: PAGE,
			mode: 'chat_plugin',
			ref: 'site',
			logged_out_greeting: 'Site greeting',
		} );
		await admin.createNewPost( { title: 'Promo page' } );
		await editor.insertBlock( {
			name: 'customer-chat-for-messenger/chat',
			attributes: { type: 'settings' },
		} );
		await editor.openDocumentSettingsSidebar();
		// The page's ref has one place: the post's "Messenger chat" panel.
		await page.getByRole( 'tab', { name: /^(Post|Page)$/ } ).click();
		const chatPanel = page
			.getByRole( 'region', { name: 'Editor settings' } )
			.getByRole( 'button', { name: 'Messenger chat' } );
		if ( ( await chatPanel.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
			await chatPanel.click();
		}
		await page.getByLabel( 'Reference (ref)' ).fill( 'promo' );
		await page.getByRole( 'tab', { name: 'Block' } ).click();
		await expect( page.getByLabel( 'Reference (ref)' ) ).toHaveCount( 0 );
		await page
			.getByLabel( 'Greeting for everyone else' )
			.fill( 'Ask about the promo!' );
		await page
			.getByLabel( 'Greeting for people logged in to Facebook' )
			.fill( 'Hi again, promo fan' );
		await editor.insertBlock( {
			name: 'customer-chat-for-messenger/chat',
			attributes: { type: 'button', text: 'Talk to us' },
		} );
		const postId = await editor.publishPost();
		const url = wpEval( `echo get_permalink( ${ postId } );` );

		await visitor.goto( url );
		await expect( visitor.locator( '.ccfm-greeting__text' ) ).toHaveText(
			'Ask about the promo!'
		);
		const button = visitor.getByRole( 'link', { name: 'Talk to us' } );
		await expect( button ).toHaveAttribute(
			'href',
			`https://m.me/${ PAGE }?ref=promo`
		);
		await button.click();
		await expect(
			visitor.locator( '.fb-customerchat iframe[data-dialog="open"]' )
		).toBeVisible();
		const element = visitor.locator( '.ccfm-sdk > .fb-customerchat' );
		await expect( element ).toHaveAttribute( 'ref', 'promo' );
		await expect( element ).toHaveAttribute(
			'logged_out_greeting',
			'Ask about the promo!'
		);
		await expect( element ).toHaveAttribute(
			'logged_in_greeting',
			'Hi again, promo fan'
		);
		expect(
			sdk.scripts().filter( ( u ) => u.includes( 'customerchat' ) )
		).toHaveLength( 1 );

		// Listings that include the post use the site settings.
		await visitor.goto( '/?s=Promo' );
		expect( ( await chatConfig( visitor ) ).element?.ref ).toBe( 'site' );

		// Without JavaScript the button is a plain m.me link.
		const noJs = await visitor
			.context()
			.browser()!
			.newContext( { javaScriptEnabled: false } );
		const plain = await noJs.newPage();
		await plain.goto( url );
		await expect(
			plain.getByRole( 'link', { name: 'Talk to us' } )
		).toHaveAttribute( 'href', `https://m.me/${ PAGE }?ref=promo` );
		// And so is the bubble.
		await expect(
			plain.locator( '#ccfm-chat a.ccfm-bubble' )
		).toHaveAttribute( 'href', `https://m.me/${ PAGE }?ref=promo` );
		await noJs.close();
	} );

	test( 'the shortcode in a classic post gives the same markup as the equivalent block', async ( {
		requestUtils,
		visitor,
		settings,
	} ) => {
		await settings( { page_id: PAGE } );
		const attrs = { type: 'button', text: 'Chat now', ref: 'same' };
		const shortcodePost = await create( requestUtils, 'posts', {
			title: 'Classic',
			status: 'publish',
			content:
				'<p>Hello</p>[messenger_chat type="button" text="Chat now" ref="same" unknown="ignored"]',
		} );
		const blockPost = await create( requestUtils, 'posts', {
			title: 'Blocky',
			status: 'publish',
			content: `<!-- wp:customer-chat-for-messenger/chat ${ JSON.stringify(
				attrs
			) } /-->`,
		} );
		await visitor.goto( shortcodePost.link );
		const fromShortcode = await visitor
			.locator( '.wp-block-customer-chat-for-messenger-chat' )
			.evaluate( ( n ) => n.outerHTML );
		await visitor.goto( blockPost.link );
		const fromBlock = await visitor
			.locator( '.wp-block-customer-chat-for-messenger-chat' )
			.evaluate( ( n ) => n.outerHTML );
		// Each page signs its button's ref for the click count with a key of its own (Click_Route).
		const key = / data-ccfm-k="[\w-]{16}"/;
		expect( fromShortcode ).toMatch( key );
		expect( fromBlock ).toMatch( key );
		expect( fromShortcode.replace( key, '' ) ).toBe(
			fromBlock.replace( key, '' )
		);
		expect( fromBlock ).toContain(
			`href="https://m.me/${ PAGE }?ref=same"`
		);
		expect( fromBlock ).toContain( '>Chat now</a>' );
	} );
} );

test.describe( 'display rules', () => {
	test( 'chosen places, exclusions and the editor switch: the bubble and its assets appear exactly where they should', async ( {
		requestUtils,
		visitor,
		settings,
		sdk,
	} ) => {
		test.setTimeout( 180_000 );
		// The 404 page is answered 404 on purpose; Chromium logs that response.
		sdk.allowConsoleErrors.push(
			'the server responded with a status of 404'
		);
		const post = await create( requestUtils, 'posts', {
			title: 'Rules post',
			status: 'publish',
			content: '<p>Post</p>',
		} );
		const excluded = await create( requestUtils, 'posts', {
			title: 'Excluded post',
			status: 'publish',
			content: '<p>x</p>',
		} );
		const hidden = await create( requestUtils, 'posts', {
			title: 'Hidden post',
			status: 'publish',
			content: '<p>h</p>',
			meta: { _ccfm_visibility: 'hide' },
		} as never );
		const page = await create( requestUtils, 'pages', {
			title: 'Rules page',
			status: 'publish',
			content: '<p>Page</p>',
		} );
		const category = wpEval( 'echo get_category_link( 1 );' );

		await settings( {
			page_id: PAGE,
			display_on: 'chosen',
			display_places: [ 'posts', 'search' ],
			exclude_ids: [ excluded.id ],
		} );
		expect( await chatShown( visitor, '/' ) ).toBe( false );
		expect( await chatShown( visitor, post.link ) ).toBe( true );
		expect( await chatShown( visitor, excluded.link ) ).toBe( false );
		expect( await chatShown( visitor, hidden.link ) ).toBe( false );
		expect( await chatShown( visitor, page.link ) ).toBe( false );
		expect( await chatShown( visitor, category ) ).toBe( false );
		expect( await chatShown( visitor, '/?s=rules' ) ).toBe( true );
		expect( await chatShown( visitor, '/no-such-thing-404/' ) ).toBe(
			false
		);

		await settings( {
			page_id: PAGE,
			display_on: 'chosen',
			display_places: [ 'front_page', 'pages', 'archives', '404' ],
			exclude_ids: [],
		} );
		expect( await chatShown( visitor, '/' ) ).toBe( true );
		expect( await chatShown( visitor, post.link ) ).toBe( false );
		expect( await chatShown( visitor, page.link ) ).toBe( true );
		expect( await chatShown( visitor, category ) ).toBe( true );
		expect( await chatShown( visitor, '/?s=rules' ) ).toBe( false );
		expect( await chatShown( visitor, '/no-such-thing-404/' ) ).toBe(
			true
		);

		await settings( { page_id: PAGE, display_on: 'everywhere' } );
		expect( await chatShown( visitor, hidden.link ) ).toBe( false );
		expect( await chatShown( visitor, post.link ) ).toBe( true );
	} );

	test( 'only where placed: the block or shortcode switches the bubble on for that post only', async ( {
		requestUtils,
		visitor,
		settings,
	} ) => {
		await settings( {
			page_id: PAGE,
			mode: 'chat_plugin',
			display_on: 'placed',
		} );
		const withBlock = await create( requestUtils, 'posts', {
			title: 'With block',
			status: 'publish',
			content:
				'<!-- wp:customer-chat-for-messenger/chat {"ref":"placed"} /-->',
		} );
		const withShortcode = await create( requestUtils, 'posts', {
			title: 'With shortcode',
			status: 'publish',
			content: '[messenger_chat ref="sc"]',
		} );
		const without = await create( requestUtils, 'posts', {
			title: 'Without',
			status: 'publish',
			content: '<p>none</p>',
		} );
		expect( await chatShown( visitor, withBlock.link ) ).toBe( true );
		expect( ( await chatConfig( visitor ) ).link ).toContain(
			'ref=placed'
		);
		expect( await chatShown( visitor, withShortcode.link ) ).toBe( true );
		expect( ( await chatConfig( visitor ) ).link ).toContain( 'ref=sc' );
		expect( await chatShown( visitor, without.link ) ).toBe( false );
		expect( await chatShown( visitor, '/' ) ).toBe( false );
	} );

	test( 'device rules hold under desktop and mobile viewports, and a hidden bubble loads nothing', async ( {
		browser,
		settings,
		sdk,
	} ) => {
		await settings( {
			page_id: PAGE,
			mode: 'chat_plugin',
			devices: 'desktop',
			load_strategy: 'immediate',
		} );
		for ( const [ device, viewport, visible ] of [
			[ 'desktop', { width: 1280, height: 800 }, true ],
			[ 'desktop', { width: 375, height: 740 }, false ],
			[ 'mobile', { width: 375, height: 740 }, true ],
			[ 'mobile', { width: 1280, height: 800 }, false ],
		] as const ) {
			await settings( {
				page_id: PAGE,
				mode: 'chat_plugin',
				devices: device,
				load_strategy: 'immediate',
			} );
			sdk.requests.length = 0;
			const context = await browser.newContext( {
				viewport,
				storageState: { cookies: [], origins: [] },
			} );
			await context.route(
				( url ) => url.hostname !== 'localhost',
				( route ) => {
					sdk.requests.push( route.request().url() );
					return route.fulfill( {
						status: 200,
						contentType: 'application/javascript',
						body: '',
					} );
				}
			);
			const p = await context.newPage();
			await p.goto( '/' );
			const bubble = p.locator( '#ccfm-chat .ccfm-bubble' );
			if ( visible ) {
				await expect( bubble ).toBeVisible();
				await expect.poll( () => sdk.requests.length ).toBe( 1 );
			} else {
				await expect( p.locator( '#ccfm-chat' ) ).toBeHidden();
				await p.waitForLoadState( 'networkidle' );
				expect( sdk.requests ).toEqual( [] );
			}
			await context.close();
		}
	} );
} );

test.describe( 'contributor content', () => {
	test( 'a payload corpus saved by a contributor renders inert', async ( {
		visitor,
		settings,
	} ) => {
		await settings( { page_id: PAGE, mode: 'chat_plugin' } );
		const corpus = [
			`[messenger_chat type="button" text='"><script>window.__x=1</script>' ref='"><img src=x onerror=window.__x=2>']`,
			'[messenger_chat type="button" text="<b onmouseover=window.__x=3>bold</b>" ref="javascript:alert(1)"]',
			'[messenger_chat type="button" text="[messenger_chat type=button text=nested]"]',
			`[messenger_chat type="button" text="${ 'A'.repeat(
				3000
			) }" ref="${ 'r'.repeat( 600 ) }"]`,
			'[messenger_chat type="button" text="Ünïcødé 💬 مرحبا" ref="ünï"]',
			'<!-- wp:customer-chat-for-messenger/chat {"type":"button","text":"\\u003cscript\\u003ewindow.__x=4\\u003c/script\\u003e","ref":"x\\u0022 onclick=\\u0022window.__x=5"} /-->',
			'<!-- wp:customer-chat-for-messenger/chat {"logged_out_greeting":"\\u003cimg src=x onerror=window.__x=6\\u003e","greeting_dialog_delay":"1; alert(1)","greeting_dialog_display":"show\\u0022 onload=\\u0022x","ref":"javascript:alert(1)"} /-->',
		].join( '\n\n' );
		const url = wpEval( `
			$u = get_user_by( 'login', 'e2e_contributor' );
			$id = $u ? $u->ID : wp_insert_user( array( 'user_login' => 'e2e_contributor', 'user_pass' => wp_generate_password(), 'role' => 'contributor' ) );
			wp_set_current_user( $id );
			kses_init();
			$post = wp_insert_post( wp_slash( array( 'post_title' => 'Corpus', 'post_status' => 'publish', 'post_author' => $id, 'post_content' => ${ JSON.stringify(
				corpus
			).replace( /\$/g, '\\$' ) } ) ) );
			echo get_permalink( $post );
		` );
		let dialogs = 0;
		visitor.on( 'dialog', ( d ) => {
			dialogs++;
			return d.dismiss();
		} );
		await visitor.goto( url );
		await expect(
			visitor.locator( '#ccfm-chat .ccfm-bubble' )
		).toBeVisible();
		const buttons = visitor.locator(
			'.entry-content a.ccfm-button, .wp-block-post-content a.ccfm-button'
		);
		expect( await buttons.count() ).toBeGreaterThanOrEqual( 5 );
		for ( const href of await buttons.evaluateAll( ( as ) =>
			as.map( ( a ) => a.getAttribute( 'href' ) )
		) ) {
			expect( href ).toMatch(
				/^https:\/\/m\.me\/1234567890(\?ref=[A-Za-z0-9_=-]+)?$/
			);
		}
		const handlers = await visitor.evaluate( () =>
			Array.from( document.querySelectorAll( '*' ) ).flatMap( ( el ) =>
				Array.from( el.attributes )
					.filter( ( a ) => a.name.startsWith( 'on' ) )
					.map( ( a ) => `${ el.tagName }[${ a.name }]` )
			)
		);
		expect( handlers ).toEqual( [] );
		expect( await visitor.locator( 'img[src="x"]' ).count() ).toBe( 0 );
		await visitor.locator( '#ccfm-chat .ccfm-bubble' ).click();
		await expect(
			visitor.locator( '.fb-customerchat iframe' )
		).toBeVisible();
		const element = visitor.locator( '.ccfm-sdk > .fb-customerchat' );
		// The invalid ref and delay fell back to the site settings; the greeting is inert text.
		expect( await element.getAttribute( 'ref' ) ).toBeNull();
		expect(
			await element.getAttribute( 'greeting_dialog_delay' )
		).toBeNull();
		await expect( element ).toHaveAttribute(
			'greeting_dialog_display',
			'show'
		);
		expect(
			await visitor.evaluate(
				() => ( window as unknown as { __x?: number } ).__x
			)
		).toBeUndefined();
		expect( dialogs ).toBe( 0 );
	} );
} );
