/**
 * The pre-filled message: every m.me link carries text= (the site's message
 * text with its variables filled in on the server) next to its ref; a page's
 * and a button's own text win on their page only.
 */
import type { Page } from '@playwright/test';

import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

import { expect, test, wpEval } from '../fixtures';

const PAGE = '1234567890';

async function create(
	requestUtils: RequestUtils,
	data: Record< string, unknown >
): Promise< { id: number; link: string } > {
	return requestUtils.rest( {
		method: 'POST',
		path: '/wp/v2/pages',
		data: { status: 'publish', ...data },
	} );
}

const popupUrl = async ( popup: Promise< Page > ) => {
	const p = await popup;
	await p.waitForLoadState();
	return new URL( p.url() );
};
const bubble = ( page: Page ) =>
	page.getByRole( 'link', { name: 'Chat with us on Messenger' } );
const text = ( href: string | null ) =>
	new URL( href || 'https://m.me/' ).searchParams.get( 'text' );

test.describe( 'pre-filled message', () => {
	test( 'a visitor on "Blue shoes" follows a link whose text is the expanded message and whose ref is unchanged', async ( {
		requestUtils,
		settings,
		visitor,
	} ) => {
		const site = wpEval( "echo get_bloginfo( 'name' );" );
		await settings( {
			page_id: PAGE,
			ref: 'shop_2',
			message_text: 'Hi {site}! A question about {title} ({url}) {sku}',
		} );
		const page = await create( requestUtils, { title: 'Blue shoes' } );
		await visitor.goto( page.link + '?utm_source=news' );
		const href = await bubble( visitor ).getAttribute( 'href' );
		const expected = `Hi ${ site }! A question about Blue shoes (${ page.link }) {sku}`;
		expect( new URL( href || '' ).searchParams.get( 'ref' ) ).toBe(
			'shop_2'
		);
		expect( text( href ) ).toBe( expected );
		// URL-encoded next to the ref.
		expect( href ).toMatch(
			new RegExp( `^https://m\\.me/${ PAGE }\\?ref=shop_2&text=Hi%20` )
		);
		const popup = visitor.waitForEvent( 'popup' );
		await bubble( visitor ).click();
		const opened = await popupUrl( popup );
		expect( opened.hostname ).toBe( 'm.me' );
		expect( opened.searchParams.get( 'ref' ) ).toBe( 'shop_2' );
		expect( opened.searchParams.get( 'text' ) ).toBe( expected );
	} );

	test( 'a page override and a button’s own text win on their page only', async ( {
		requestUtils,
		settings,
		visitor,
	} ) => {
		await settings( {
			page_id: PAGE,
			ref: 'site',
			message_text: 'Site: {title}',
		} );
		const override = await create( requestUtils, {
			title: 'Override page',
			content:
				'<!-- wp:customer-chat-for-messenger/chat {"type":"settings","message_text":"Page: {title}"} /-->',
		} );
		const buttons = await create( requestUtils, {
			title: 'Two buttons',
			content:
				'[messenger_chat type="button" text="Ask about sizes" message_text="Sizes of {title}?"]\n\n[messenger_chat type="button" text="Talk to sales" ref="sales" message_text="Sales, please"]',
		} );
		const plain = await create( requestUtils, { title: 'Plain page' } );

		await visitor.goto( override.link );
		expect( text( await bubble( visitor ).getAttribute( 'href' ) ) ).toBe(
			'Page: Override page'
		);

		await visitor.goto( buttons.link );
		const sizes = visitor.getByRole( 'link', { name: 'Ask about sizes' } );
		const sales = visitor.getByRole( 'link', { name: 'Talk to sales' } );
		expect( text( await sizes.getAttribute( 'href' ) ) ).toBe(
			'Sizes of Two buttons?'
		);
		expect( await sales.getAttribute( 'href' ) ).toBe(
			`https://m.me/${ PAGE }?ref=sales&text=Sales%2C%20please`
		);
		// The bubble on that page keeps the site's text.
		expect( text( await bubble( visitor ).getAttribute( 'href' ) ) ).toBe(
			'Site: Two buttons'
		);
		const popup = visitor.waitForEvent( 'popup' );
		await sizes.click();
		expect( ( await popupUrl( popup ) ).searchParams.get( 'text' ) ).toBe(
			'Sizes of Two buttons?'
		);

		await visitor.goto( plain.link );
		expect( text( await bubble( visitor ).getAttribute( 'href' ) ) ).toBe(
			'Site: Plain page'
		);
	} );

	test( 'the post editor’s own text wins on its post only', async ( {
		requestUtils,
		settings,
		visitor,
	} ) => {
		await settings( { page_id: PAGE, message_text: 'Site text' } );
		const own = await create( requestUtils, {
			title: 'Own text',
			meta: { _ccfm_message_text: 'From the panel about {title}' },
		} );
		const other = await create( requestUtils, { title: 'Other' } );
		await visitor.goto( own.link );
		expect( text( await bubble( visitor ).getAttribute( 'href' ) ) ).toBe(
			'From the panel about Own text'
		);
		await visitor.goto( other.link );
		expect( text( await bubble( visitor ).getAttribute( 'href' ) ) ).toBe(
			'Site text'
		);
	} );

	test( 'Chat Plugin mode: the fallback path to m.me carries the text', async ( {
		requestUtils,
		settings,
		visitor,
		sdk,
	} ) => {
		sdk.mode = 'blocked'; // A blocker stops the SDK: the visitor ends up on m.me.
		sdk.allowConsoleErrors.push( 'ERR_BLOCKED_BY_CLIENT' );
		await settings( {
			page_id: PAGE,
			mode: 'chat_plugin',
			ref: 'cp',
			message_text: 'About {title}',
		} );
		const page = await create( requestUtils, { title: 'Blue shoes' } );
		await visitor.goto( page.link );
		await bubble( visitor ).click();
		const link = visitor.getByRole( 'link', {
			name: 'Continue in Messenger',
		} );
		await expect( link ).toBeVisible( { timeout: 1000 } );
		await expect( link ).toHaveAttribute(
			'href',
			`https://m.me/${ PAGE }?ref=cp&text=About%20Blue%20shoes`
		);
		const popup = visitor.waitForEvent( 'popup' );
		await link.click();
		const opened = await popupUrl( popup );
		expect( opened.searchParams.get( 'ref' ) ).toBe( 'cp' );
		expect( opened.searchParams.get( 'text' ) ).toBe( 'About Blue shoes' );
	} );

	test( 'the embed code carries the text with the front page’s values', async ( {
		requestUtils,
		settings,
	} ) => {
		const site = wpEval( "echo get_bloginfo( 'name' );" );
		await settings( { page_id: PAGE, message_text: 'Hello {site}' } );
		const { code } = await requestUtils.rest< { code: string } >( {
			method: 'POST',
			path: '/ccfm/v1/embed-code',
			data: { settings: {} },
		} );
		const href = /href="([^"]+)"/.exec( code )?.[ 1 ] || '';
		expect( href ).toMatch(
			new RegExp( `^https://m\\.me/${ PAGE }\\?text=` )
		);
		expect( text( href.replace( /&#038;/g, '&' ) ) ).toBe(
			'Hello ' + site
		);
	} );

	test( 'a bad message text is refused with a clear error and nothing is stored', async ( {
		requestUtils,
		settings,
	} ) => {
		await settings( { page_id: PAGE, message_text: 'Kept {title}' } );
		const before = wpEval(
			"echo wp_json_encode( get_option( 'ccfm_settings' ) );"
		);
		for ( const bad of [ 'x'.repeat( 301 ), 'Two\nlines' ] ) {
			const error = await requestUtils
				.rest( {
					method: 'POST',
					path: '/wp/v2/settings',
					data: { ccfm_settings: { message_text: bad } },
				} )
				.then(
					() => null,
					( e: Error ) => e.message
				);
			expect( error ).toContain(
				'message_text: The message text must be plain text of at most 300 characters.'
			);
			expect(
				wpEval(
					"echo wp_json_encode( get_option( 'ccfm_settings' ) );"
				)
			).toBe( before );
		}
	} );
} );
