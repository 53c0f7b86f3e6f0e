/**
 * The Page panel: the first field, the Chat Plugin's Page ID and the mode validate as you
 * type, save, survive a reload, and the visitor gets the m.me link.
 */

import {
	chatConfig,
	expect,
	expectMessengerLink,
	openSettings,
	test,
} from '../../fixtures';
import { PAGE, save, expectRefused, expectValid, stored } from './helpers';

test.describe( 'settings app', () => {
	// Each test walks a whole panel through many saves and page loads.
	test.describe.configure( { timeout: 180_000 } );

	test( 'Page panel: the first field and the Chat Plugin’s Page ID validate as you type, save, survive a reload; Messenger-link mode gives the visitor an m.me link with the username', async ( {
		page,
		visitor,
		requestUtils,
		sdk,
	} ) => {
		await openSettings( page );
		const first = page.getByLabel( 'Your Facebook Page', { exact: true } );
		const linkMode = page.getByRole( 'radio', {
			name: /^Messenger link \(recommended\)/,
		} );
		const chatPlugin = page.getByRole( 'radio', {
			name: /^Chat Plugin with Messenger/,
		} );
		await expect( first ).toHaveValue( '' );
		// New installs start in Messenger-link mode.
		await expect( linkMode ).toBeChecked();

		await first.fill( 'acme' );
		await expectRefused(
			page,
			first,
			'A Page username has at least 5 characters. Paste your Page’s link if you are not sure.'
		);
		await first.fill( 'acme-shop' );
		await expectRefused(
			page,
			first,
			'This is not a Facebook Page. Paste your Page’s link (facebook.com/… or m.me/…), its username or its numeric ID.'
		);
		await first.fill( 'acme.shop' );
		await expectValid( page, first );

		// The Chat Plugin needs the numeric ID besides the username.
		await chatPlugin.check();
		const id = page.getByLabel( 'Facebook Page ID (for the Chat Plugin)' );
		const idMessage = 'The Page ID must be empty or 1 to 20 digits.';
		await id.fill( '12ab' );
		await expectRefused( page, id, idMessage );
		await id.fill( '1'.repeat( 21 ) );
		await expectRefused( page, id, idMessage );
		await id.fill( PAGE );
		await expectValid( page, id );
		await linkMode.check();
		await expect( id ).toHaveCount( 0 );
		expect( ( await stored( requestUtils ) ).page_id ).toBe( '' );

		await save( page );
		expect( await stored( requestUtils ) ).toMatchObject( {
			page_id: PAGE,
			page_username: 'acme.shop',
			mode: 'link',
		} );
		await page.reload();
		await expect( first ).toHaveValue( 'acme.shop' );
		await expect( linkMode ).toBeChecked();
		await chatPlugin.check();
		await expect( id ).toHaveValue( PAGE );
		await linkMode.check();

		await visitor.goto( '/' );
		await expectMessengerLink( visitor, 'https://m.me/acme.shop' );
		expect( ( await chatConfig( visitor ) ).element ).toBeUndefined();
		await visitor.waitForLoadState( 'networkidle' );
		expect( sdk.requests ).toEqual( [] );
	} );
} );
