/**
 * The greeting closes on the Escape key, as on its close button, in both
 * modes, and stays closed on the next page view.
 */
import type { Page } from '@playwright/test';

import { expect, test } from '../fixtures';

const PAGE = '1234567890';
const bubble = ( page: Page ) =>
	page.getByRole( 'link', { name: 'Chat with us on Messenger' } );

for ( const mode of [ 'link', 'chat_plugin' ] ) {
	test( `${ mode }: Escape closes the greeting, and it stays closed`, async ( {
		visitor,
		settings,
	} ) => {
		await settings( {
			page_id: PAGE,
			mode,
			logged_out_greeting: 'Hi! Questions?',
			greeting_dialog_display: 'show',
			greeting_dialog_delay: 0,
		} );
		await visitor.goto( '/' );
		const greeting = visitor.locator( '.ccfm-greeting' );
		await expect( greeting ).toBeVisible( { timeout: 4000 } );
		// Another key does nothing.
		await visitor.keyboard.press( 'Tab' );
		await expect( greeting ).toBeVisible();
		await visitor.keyboard.press( 'Escape' );
		await expect( greeting ).toBeHidden();
		await expect( bubble( visitor ) ).toBeVisible();
		await visitor.reload();
		await expect( bubble( visitor ) ).toBeVisible();
		await visitor.waitForTimeout( 1500 );
		await expect( greeting ).toBeHidden();
	} );
}
