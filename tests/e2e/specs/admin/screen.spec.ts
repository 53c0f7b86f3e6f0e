/**
 * The settings screen as a whole: the Plugins screen links to it, the whole form works
 * from the keyboard, and axe-core finds no violations.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';

import { expect, form, openPanel, openSettings, test } from '../../fixtures';
import { PAGE, stored } from './helpers';

test.describe( 'settings app', () => {
	// Each test walks a whole panel through many saves and page loads.
	test.describe.configure( { timeout: 180_000 } );

	test( 'the Plugins screen links to the settings', async ( { page } ) => {
		await page.goto( '/wp-admin/plugins.php' );
		const settingsLink = page
			.locator( 'tr[data-slug="customer-chat-for-messenger"]' )
			.getByRole( 'link', { name: 'Settings', exact: true } );
		await expect( settingsLink ).toHaveAttribute(
			'href',
			/\/wp-admin\/options-general\.php\?page=customer-chat-for-messenger$/
		);
		await settingsLink.click();
		await expect(
			page.getByRole( 'heading', { level: 1, name: 'Messenger Chat' } )
		).toBeVisible();
		await expect(
			page.getByLabel( 'Your Facebook Page', { exact: true } )
		).toBeVisible();
	} );

	test( 'the whole form works from the keyboard', async ( {
		page,
		requestUtils,
	} ) => {
		await openSettings( page );
		/**
		 * Presses Tab until the target has focus (fails if it never does).
		 * @param target
		 */
		const tabTo = async ( target: Locator ) => {
			for ( let i = 0; i < 40; i++ ) {
				if (
					await target.evaluate(
						( el ) => el === el.ownerDocument.activeElement
					)
				) {
					return;
				}
				await page.keyboard.press( 'Tab' );
			}
			await expect( target ).toBeFocused();
		};
		// Start from the page heading, as after skipping the admin menu.
		await page.getByRole( 'heading', { level: 1 } ).evaluate( ( h ) => {
			( h as HTMLElement ).tabIndex = -1;
			( h as HTMLElement ).focus();
		} );

		await tabTo( page.getByLabel( 'Your Facebook Page', { exact: true } ) );
		await page.keyboard.type( PAGE );
		await tabTo(
			page.getByRole( 'radio', { name: /^Messenger link \(recommended/ } )
		);
		await page.keyboard.press( 'ArrowDown' );
		await expect(
			page.getByRole( 'radio', { name: /^Chat Plugin with/ } )
		).toBeChecked();

		await tabTo( page.getByLabel( 'Theme colour', { exact: true } ) );
		await page.keyboard.type( '#a334fa' );
		await tabTo( page.getByRole( 'radio', { name: /^Bottom right/ } ) );
		await page.keyboard.press( 'ArrowDown' );
		await expect(
			page.getByRole( 'radio', { name: 'Bottom left' } )
		).toBeChecked();

		await tabTo( page.getByLabel( 'Greeting for everyone else' ) );
		await page.keyboard.type( 'Typed without a mouse' );

		const languageToggle = form( page ).getByRole( 'button', {
			name: 'Language',
			exact: true,
		} );
		await tabTo( languageToggle );
		await page.keyboard.press( 'Enter' );
		await expect( languageToggle ).toHaveAttribute(
			'aria-expanded',
			'true'
		);
		const language = page.getByRole( 'combobox', {
			name: 'Chat language',
		} );
		await tabTo( language );
		await page.keyboard.type( 'french (france' );
		await page.keyboard.press( 'ArrowDown' );
		await page.keyboard.press( 'Enter' );
		await expect( language ).toHaveValue( 'French (France) (fr_FR)' );

		await tabTo( page.getByRole( 'button', { name: 'Save settings' } ) );
		await page.keyboard.press( 'Enter' );
		await expect(
			form( page ).getByText( 'Settings saved.' )
		).toBeVisible();
		expect( await stored( requestUtils ) ).toMatchObject( {
			page_id: PAGE,
			mode: 'chat_plugin',
			theme_color: '#a334fa',
			alignment: 'left',
			logged_out_greeting: 'Typed without a mouse',
			locale: 'fr_FR',
		} );
	} );

	test( 'no axe-core violations with every panel open, nor with a field in error', async ( {
		page,
		settings,
	} ) => {
		await settings( { mode: 'chat_plugin' } );
		await openSettings( page );
		// Every panel the app has, whatever their number.
		const titles = (
			await form( page )
				.locator( '.components-panel__body-toggle' )
				.allInnerTexts()
		).map( ( t ) => t.trim() );
		expect( titles ).toEqual(
			expect.arrayContaining( [
				'Page',
				'Appearance',
				'Greeting',
				'Language',
				'Loading',
				'Embed code',
				'Diagnostics',
			] )
		);
		for ( const title of titles ) {
			await openPanel( page, title );
		}
		await expect(
			form( page ).locator( 'li[data-check="https"]' )
		).toBeVisible();
		await expect(
			page.getByLabel( 'Code for a page outside WordPress' )
		).toHaveValue( /fb-customerchat/ );
		const scan = async () => {
			const results = await new AxeBuilder( { page } )
				.include( '#ccfm-admin-root' )
				.analyze();
			expect( results.passes.length ).toBeGreaterThan( 10 );
			return results.violations.map( ( v ) => ( {
				id: v.id,
				help: v.help,
				nodes: v.nodes.map( ( n ) => n.target.join( ' ' ) ),
			} ) );
		};
		expect( await scan() ).toEqual( [] );

		await page
			.getByLabel( 'Your Facebook Page', { exact: true } )
			.fill( 'acme' );
		await page
			.getByLabel( 'Theme colour', { exact: true } )
			.fill( '#13cf13' );
		await expect( page.getByRole( 'alert' ) ).toBeVisible();
		expect( await scan() ).toEqual( [] );
	} );
} );
