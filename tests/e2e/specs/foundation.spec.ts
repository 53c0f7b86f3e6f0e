/**
 * The walking skeleton: settings saved in the React page reach the visitor's
 * page, and the server's validation reaches the form.
 */
import { expect, test } from '../fixtures';

test.describe( 'foundation', () => {
	test( 'a page ID saved in the settings page of a new install reaches the visitor as an m.me bubble, with nothing of Meta loaded', async ( {
		page,
		visitor,
		sdk,
	} ) => {
		await page.goto(
			'/wp-admin/options-general.php?page=customer-chat-for-messenger'
		);
		const field = page.getByLabel( 'Your Facebook Page', { exact: true } );
		await field.fill( '1234567890' );
		// A new install is in link mode: nothing else to choose.
		await expect(
			page.getByRole( 'radio', { name: /^Messenger link/ } )
		).toBeChecked();
		await page.getByRole( 'button', { name: 'Save settings' } ).click();
		await expect(
			page.locator( '#ccfm-admin-root' ).getByText( 'Settings saved.' )
		).toBeVisible();
		await page.reload();
		await expect( field ).toHaveValue( '1234567890' );

		await visitor.goto( '/' );
		const bubble = visitor.getByRole( 'link', {
			name: 'Chat with us on Messenger',
		} );
		await expect( bubble ).toBeVisible();
		await expect( bubble ).toHaveAttribute(
			'href',
			'https://m.me/1234567890'
		);
		const popup = visitor.waitForEvent( 'popup' );
		await bubble.click();
		const tab = await popup;
		await tab.waitForLoadState();
		expect( tab.url() ).toBe( 'https://m.me/1234567890' );
		await visitor.waitForLoadState( 'networkidle' );
		expect( sdk.scripts() ).toEqual( [] );
	} );

	test( 'an invalid page ID shows the field error and is not saved; a value the server refuses shows its message', async ( {
		page,
		requestUtils,
		sdk,
	} ) => {
		// The tampered save below is answered 400 on purpose; Chromium logs that response.
		sdk.allowConsoleErrors.push(
			'the server responded with a status of 400'
		);
		await page.goto(
			'/wp-admin/options-general.php?page=customer-chat-for-messenger'
		);
		const field = page.getByLabel( 'Your Facebook Page', { exact: true } );
		await field.fill( '12ab' );
		await expect(
			page.getByRole( 'alert' ).filter( {
				hasText: 'A Page username has at least 5 characters.',
			} )
		).toBeVisible();
		await page.getByRole( 'button', { name: 'Save settings' } ).click();
		await expect(
			page
				.locator( '#ccfm-admin-root' )
				.getByText( 'Fix the highlighted fields before saving.' )
		).toBeVisible();
		const stored = await requestUtils.rest< {
			ccfm_settings: { page_id: string };
		} >( { path: '/wp/v2/settings' } );
		expect( stored.ccfm_settings.page_id ).toBe( '' );

		// Tamper with the request on its way out: the real server refuses it and the form says why.
		await page.route( '**/wp/v2/settings*', async ( route ) => {
			if ( route.request().method() === 'GET' ) {
				return route.continue();
			}
			const body = JSON.parse( route.request().postData() || '{}' );
			body.ccfm_settings.ref = 'not valid!';
			return route.continue( { postData: JSON.stringify( body ) } );
		} );
		await field.fill( '42' );
		await page.getByRole( 'button', { name: 'Save settings' } ).click();
		await expect(
			page
				.locator( '#ccfm-admin-root' )
				.getByText( /Not saved: The ref may hold only letters/ )
		).toBeVisible();
		await expect( page.locator( '#ccfm-ref-error' ) ).toContainText(
			'The ref may hold only'
		);
		const after = await requestUtils.rest< {
			ccfm_settings: { page_id: string };
		} >( { path: '/wp/v2/settings' } );
		expect( after.ccfm_settings.page_id ).toBe( '' );
	} );

	test( 'greeting payloads are escaped in the markup and never execute', async ( {
		visitor,
		settings,
		sdk,
	} ) => {
		const payload =
			'"><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
		await settings( {
			page_id: '1234567890',
			mode: 'chat_plugin',
			logged_out_greeting: payload.slice( 0, 80 ),
			logged_in_greeting: '<img src=x onerror=alert(1)>',
		} );
		let dialogs = 0;
		visitor.on( 'dialog', ( d ) => {
			dialogs++;
			return d.dismiss();
		} );
		await visitor.goto( '/' );
		await expect( visitor.locator( '.ccfm-greeting__text' ) ).toHaveText(
			payload.slice( 0, 80 )
		);
		await visitor
			.getByRole( 'link', { name: 'Chat with us on Messenger' } )
			.click();
		const element = visitor.locator( '.ccfm-sdk > .fb-customerchat' );
		await expect( element ).toHaveAttribute(
			'logged_out_greeting',
			payload.slice( 0, 80 )
		);
		await expect( element ).toHaveAttribute(
			'logged_in_greeting',
			'<img src=x onerror=alert(1)>'
		);
		expect(
			await visitor.evaluate(
				() => ( window as unknown as { __pwned?: number } ).__pwned
			)
		).toBeUndefined();
		expect( await visitor.locator( 'img[src="x"]' ).count() ).toBe( 0 );
		expect( dialogs ).toBe( 0 );
		expect(
			( await sdk.record( visitor ) )?.rendered[ 0 ].logged_in_greeting
		).toBe( '<img src=x onerror=alert(1)>' );
	} );
} );
