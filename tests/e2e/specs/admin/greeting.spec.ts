/**
 * The Greeting panel: the greetings' character counts, display, delay, phones and ref
 * validate, save, survive a reload and reach the visitor.
 */
import {
	expect,
	expectMessengerLink,
	form,
	openSettings,
	test,
} from '../../fixtures';
import { PAGE, save, expectRefused, expectValid, stored } from './helpers';

test.describe( 'settings app', () => {
	// Each test walks a whole panel through many saves and page loads.
	test.describe.configure( { timeout: 180_000 } );

	test( 'Greeting panel: both greetings count characters as you type; greetings, display, delay and ref validate, save, survive a reload and reach the visitor', async ( {
		page,
		visitor,
		settings,
		requestUtils,
	} ) => {
		await settings( { page_id: PAGE, mode: 'chat_plugin' } );
		await openSettings( page );
		const loggedIn = page.getByLabel(
			'Greeting for people logged in to Facebook'
		);
		const loggedOut = page.getByLabel( 'Greeting for everyone else' );
		const display = page.getByLabel( 'Greeting display' );
		const delay = page.getByLabel(
			'Delay before the greeting opens (seconds)'
		);
		const ref = page.getByLabel( 'Reference (ref)' );
		await expect( loggedIn ).toHaveAccessibleDescription(
			/0 \/ 80 characters/
		);
		await expect( loggedOut ).toHaveAccessibleDescription(
			/0 \/ 80 characters/
		);
		await expect( display ).toHaveValue( 'show' );
		await expect( delay ).toHaveValue( '' );

		await loggedIn.fill( 'Welcome back! 👋' );
		await expect(
			form( page ).getByText( '15 / 80 characters' )
		).toBeVisible();
		await loggedIn.fill( 'x'.repeat( 81 ) );
		await expect(
			form( page ).getByText( '81 / 80 characters' )
		).toBeVisible();
		await expectRefused(
			page,
			loggedIn,
			'The greeting for people logged in to Facebook must be plain text of at most 80 characters.'
		);
		await loggedIn.fill( 'Welcome back! How can we help?' );
		await expectValid( page, loggedIn );
		await expect( loggedIn ).toHaveAccessibleDescription(
			/30 \/ 80 characters/
		);

		await loggedOut.fill( 'y'.repeat( 81 ) );
		await expectRefused(
			page,
			loggedOut,
			'The greeting for everyone else must be plain text of at most 80 characters.'
		);
		await loggedOut.fill( 'Questions? Fish & chips "today"' );
		await expect(
			form( page ).getByText( '31 / 80 characters' )
		).toBeVisible();
		await expectValid( page, loggedOut );

		await display.selectOption( {
			label: 'Fade: opens after the delay, then fades away',
		} );
		const delayMessage =
			'The greeting delay must be empty or whole seconds from 0 to 3600.';
		await delay.fill( '3601' );
		await expectRefused( page, delay, delayMessage );
		await delay.fill( '1.5' );
		await expectRefused( page, delay, delayMessage );
		await delay.fill( '1' );
		await expectValid( page, delay );

		const refMessage =
			'The ref may hold only letters, digits, -, _ and =, at most 250 characters.';
		await ref.fill( 'spring sale!' );
		await expectRefused( page, ref, refMessage );
		await ref.fill( 'spring_sale-2' );
		await expectValid( page, ref );

		await save( page );
		expect( await stored( requestUtils ) ).toMatchObject( {
			logged_in_greeting: 'Welcome back! How can we help?',
			logged_out_greeting: 'Questions? Fish & chips "today"',
			greeting_dialog_display: 'fade',
			greeting_dialog_delay: 1,
			ref: 'spring_sale-2',
		} );
		await page.reload();
		await expect( loggedIn ).toHaveValue(
			'Welcome back! How can we help?'
		);
		await expect( loggedOut ).toHaveValue(
			'Questions? Fish & chips "today"'
		);
		await expect(
			form( page ).getByText( '31 / 80 characters' )
		).toBeVisible();
		await expect( display ).toHaveValue( 'fade' );
		await expect( delay ).toHaveValue( '1' );
		await expect( ref ).toHaveValue( 'spring_sale-2' );

		// In Messenger-link mode the one greeting is "Greeting", same words in its error.
		await page.getByRole( 'radio', { name: /^Messenger link/ } ).check();
		await expect( loggedIn ).toHaveCount( 0 );
		const greetingField = page.getByLabel( 'Greeting', { exact: true } );
		await expect( greetingField ).toHaveValue(
			'Questions? Fish & chips "today"'
		);
		await greetingField.fill( 'z'.repeat( 81 ) );
		await expectRefused(
			page,
			greetingField,
			'The greeting must be plain text of at most 80 characters.'
		);
		await greetingField.fill( 'Questions? Fish & chips "today"' );
		await save( page );

		await visitor.goto( '/' );
		const greeting = visitor.locator( '.ccfm-greeting' );
		await expect( greeting ).toBeHidden();
		await expect( greeting ).toBeVisible( { timeout: 4000 } );
		await expect( greeting ).toContainText(
			'Questions? Fish & chips "today"'
		);
		await expectMessengerLink(
			visitor,
			`https://m.me/${ PAGE }?ref=spring_sale-2`
		);
		// "Fade" closes it again by itself.
		await expect( greeting ).toBeHidden( { timeout: 9000 } );
	} );
} );
