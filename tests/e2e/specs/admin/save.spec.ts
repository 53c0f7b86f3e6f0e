/**
 * Saving: a value posted straight to /wp/v2/settings is refused with the form's
 * message, and unsaved changes are guarded when leaving the page.
 */

import { expect, form, openSettings, test } from '../../fixtures';
import { PAGE, save, stored, type RestError } from './helpers';

test.describe( 'settings app', () => {
	// Each test walks a whole panel through many saves and page loads.
	test.describe.configure( { timeout: 180_000 } );

	test( 'an invalid value posted straight to /wp/v2/settings is refused with the message the form shows', async ( {
		page,
		requestUtils,
		settings,
	} ) => {
		// Chat Plugin mode with a username: the numeric Page ID field shows.
		await settings( { mode: 'chat_plugin', page_username: 'acme.shop' } );
		await openSettings( page );
		// What the form shows for a value typed into it. The first field
		// parses what it is given (so it never sends an invalid username),
		// and the greetings' messages use their labels' words: for those the
		// server's own message is the one the app was given (ccfmSettingsMessages).
		const typed: [ string, string, string ][] = [
			[ 'page_id', 'Facebook Page ID (for the Chat Plugin)', '12ab' ],
			[ 'theme_color', 'Theme colour', '#ffffff' ],
			[
				'greeting_dialog_delay',
				'Delay before the greeting opens (seconds)',
				'3601',
			],
			[ 'ref', 'Reference (ref)', 'not valid!' ],
			[
				'bottom_spacing',
				'Distance from the bottom of the screen (px)',
				'501',
			],
		];
		const shown: Record< string, string > = {};
		for ( const [ name, label, value ] of typed ) {
			const field = page.getByLabel( label, { exact: true } );
			const before = await field.inputValue();
			await field.fill( value );
			const alert = form( page ).getByRole( 'alert' );
			await expect( alert ).toHaveCount( 1 );
			shown[ name ] = ( await alert.textContent() ) || '';
			await field.fill( before );
			await expect( alert ).toHaveCount( 0 );
		}
		// Fields the form offers no way to get wrong: the message it would show.
		const boot = await page.evaluate(
			() =>
				(
					window as unknown as {
						ccfmSettingsMessages: Record< string, string >;
					}
				 ).ccfmSettingsMessages
		);

		const invalid: [ string, unknown ][] = [
			[ 'page_id', '12ab' ],
			[ 'page_username', 'ab' ],
			[ 'mode', 'popup' ],
			[ 'locale', 'xx_XX' ],
			[ 'theme_color', '#ffffff' ],
			[ 'logged_in_greeting', 'x'.repeat( 81 ) ],
			[ 'logged_out_greeting', 'x'.repeat( 81 ) ],
			[ 'greeting_dialog_display', 'always' ],
			[ 'greeting_dialog_delay', 3601 ],
			[ 'ref', 'not valid!' ],
			[ 'alignment', 'center' ],
			[ 'bottom_spacing', 501 ],
			[ 'load_strategy', 'never' ],
		];
		for ( const [ name, value ] of invalid ) {
			const message = shown[ name ] || boot[ name ];
			expect( message, name ).toBeTruthy();
			const error = ( await requestUtils
				.rest( {
					method: 'POST',
					path: '/wp/v2/settings',
					data: { ccfm_settings: { [ name ]: value } },
				} )
				.then(
					() => null,
					( e: RestError ) => e
				) ) as RestError | null;
			expect( error, `${ name } was accepted` ).not.toBeNull();
			expect( error?.data.status ).toBe( 400 );
			expect( error?.message ).toBe( `${ name }: ${ message }` );
			expect( error?.data.details?.ccfm_settings?.message ).toBe(
				`${ name }: ${ message }`
			);
		}
		expect( await stored( requestUtils ) ).toMatchObject( {
			page_id: '',
			page_username: 'acme.shop',
			mode: 'chat_plugin',
			bottom_spacing: 24,
		} );
	} );

	test( 'unsaved changes are guarded when leaving the page; saved ones are not', async ( {
		page,
	} ) => {
		await openSettings( page );
		const dialogs: string[] = [];
		page.on( 'dialog', ( d ) => {
			dialogs.push( d.type() );
			return d.dismiss();
		} );
		// Settings → Writing: an admin page that asks nothing of WordPress.org.
		const writing = page
			.locator( '#adminmenu' )
			.getByRole( 'link', { name: 'Writing', exact: true } );
		// Writing loads core's user-profile.js, whose own beforeunload handler
		// reads a form it only finds once the DOM is ready: leaving the page
		// before that throws "Cannot read properties of undefined (reading
		// 'serialize')" in WordPress, not in this plugin. So the test lets
		// Writing finish loading, as a person would, before leaving it.
		const onWriting = async () => {
			await expect( page ).toHaveURL(
				/\/wp-admin\/options-writing\.php$/
			);
			await page.waitForLoadState( 'load' );
			// jQuery runs DOM-ready callbacks from a timer set at
			// DOMContentLoaded: one more timer turn and they have run.
			await page.evaluate(
				() => new Promise( ( done ) => setTimeout( done ) )
			);
		};

		// Nothing changed: leaving asks nothing.
		await writing.click();
		await onWriting();
		expect( dialogs ).toEqual( [] );

		await openSettings( page );
		const id = page.getByLabel( 'Your Facebook Page', { exact: true } );
		await id.click();
		await page.keyboard.type( PAGE );
		await writing.click();
		await expect.poll( () => dialogs ).toEqual( [ 'beforeunload' ] );
		// Staying keeps the page and what was typed.
		await expect( page ).toHaveURL( /page=customer-chat-for-messenger/ );
		await expect( id ).toHaveValue( PAGE );

		await save( page );
		await writing.click();
		await onWriting();
		expect( dialogs ).toEqual( [ 'beforeunload' ] );

		// Closing the tab with unsaved changes asks too.
		await openSettings( page );
		await id.click();
		await page.keyboard.press( 'End' );
		await page.keyboard.type( '1' );
		page.removeAllListeners( 'dialog' );
		const asked = page.waitForEvent( 'dialog' );
		await page.close( { runBeforeUnload: true } );
		const dialog = await asked;
		expect( dialog.type() ).toBe( 'beforeunload' );
		await dialog.accept();
		await expect.poll( () => page.isClosed() ).toBe( true );
	} );
} );
