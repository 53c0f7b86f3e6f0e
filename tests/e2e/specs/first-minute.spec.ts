/**
 * The site owner's first minute: from activation to a live bubble with only
 * a Page username in Messenger-link mode; a screen that follows the mode;
 * save feedback where the eye is; the greeting on phones; diagnostics whose
 * severity follows the mode (panel, REST, Site Health, front-end chip); a
 * Platform panel that can be finished (copyable verify token and webhook URL,
 * human errors, disabled buttons that say why).
 */
import type { Locator, Page } from '@playwright/test';

import { expect, expectMessengerLink, test, wpEval } from '../fixtures';

const ADMIN = '/wp-admin/options-general.php?page=customer-chat-for-messenger';
const PLUGIN = 'customer-chat-for-messenger/customer-chat-for-messenger.php';

const form = ( page: Page ) => page.locator( '#ccfm-admin-root' );
const status = ( page: Page ) => page.locator( '.ccfm-status' );
const pageField = ( page: Page ) =>
	page.getByLabel( 'Your Facebook Page', { exact: true } );

async function openSettings( page: Page ): Promise< void > {
	await page.goto( ADMIN );
	await expect( pageField( page ) ).toBeVisible();
	await page.waitForLoadState( 'networkidle' );
}

async function openPanel( page: Page, title: string ): Promise< Locator > {
	const toggle = form( page ).getByRole( 'button', {
		name: title,
		exact: true,
	} );
	if ( ( await toggle.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
		await toggle.click();
	}
	await expect( toggle ).toHaveAttribute( 'aria-expanded', 'true' );
	return toggle.locator(
		'xpath=ancestor::div[contains(@class,"components-panel__body")][1]'
	);
}

async function save( page: Page ): Promise< void > {
	await page.getByRole( 'button', { name: 'Save settings' } ).click();
	await expect( form( page ).getByText( 'Settings saved.' ) ).toBeVisible();
}

function storedOption(): Record< string, unknown > {
	return JSON.parse(
		wpEval( "echo wp_json_encode( get_option( 'ccfm_settings' ) );" )
	) as Record< string, unknown >;
}

test.describe( 'the first minute', () => {
	test.describe.configure( { timeout: 120_000 } );

	test.afterEach( () => {
		wpEval(
			`activate_plugin( '${ PLUGIN }' ); delete_user_meta( 1, 'ccfm_setup_notice_dismissed' );`
		);
	} );

	test( 'from activation to a live bubble with only a Page username: the notice, the status, "Test it"', async ( {
		page,
		visitor,
		sdk,
	} ) => {
		// A fresh install: nothing stored, the plugin not active yet.
		wpEval(
			`delete_option( 'ccfm_settings' ); delete_user_meta( 1, 'ccfm_setup_notice_dismissed' ); deactivate_plugins( '${ PLUGIN }' );`
		);
		await page.goto( '/wp-admin/plugins.php' );
		const row = page.locator(
			'tr[data-slug="customer-chat-for-messenger"]'
		);
		await row.getByRole( 'link', { name: /^Activate/ } ).click();
		await expect( page.getByText( 'Plugin activated.' ) ).toBeVisible();

		// On the Plugins screen: what is missing, and a way to set it up.
		const notice = page.locator( '.ccfm-setup-notice' );
		await expect( notice ).toContainText(
			'Messenger Chat is not live yet.'
		);
		await expect( notice ).toContainText(
			'Enter your Facebook Page (its link, username or ID)'
		);
		await visitor.goto( '/' );
		await expect( visitor.locator( '#ccfm-chat' ) ).toHaveCount( 0 );

		await notice
			.getByRole( 'link', { name: 'Set up Messenger Chat' } )
			.click();
		await expect( pageField( page ) ).toBeVisible();
		await expect( status( page ) ).toHaveAttribute(
			'data-state',
			'missing'
		);
		await expect( status( page ) ).toContainText(
			'Not live yet Enter your Facebook Page below (its link, username or ID) and save.'
		);
		await expect(
			form( page ).getByText(
				'Preview only: visitors see nothing until your Page is set.'
			)
		).toBeVisible();
		// Link mode is the default on a new install.
		await expect(
			page.getByRole( 'radio', {
				name: /^Messenger link \(recommended\)/,
			} )
		).toBeChecked();

		// The owner pastes the Page's address, as the browser shows it.
		await pageField( page ).fill( 'https://www.facebook.com/acme.bakery/' );
		await expect(
			form( page ).getByText(
				'Understood as the Page username acme.bakery: visitors open https://m.me/acme.bakery'
			)
		).toBeVisible();
		await expect( page.getByLabel( /^Facebook Page ID/ ) ).toHaveCount( 0 );
		// Typed is not live: the status still says so, and that changes are unsaved.
		await expect( status( page ) ).toContainText(
			'You have unsaved changes.'
		);
		await save( page );
		expect( storedOption() ).toMatchObject( {
			page_id: '',
			page_username: 'acme.bakery',
			mode: 'link',
		} );
		await expect( status( page ) ).toHaveAttribute( 'data-state', 'live' );
		await expect( status( page ) ).toContainText(
			'Live The chat shows on your site.'
		);
		const testIt = status( page ).getByRole( 'link', { name: /^Test it/ } );
		await expect( testIt ).toHaveAttribute(
			'href',
			'https://m.me/acme.bakery'
		);
		await expect( testIt ).toHaveAttribute( 'target', '_blank' );
		const popup = page.waitForEvent( 'popup' );
		await testIt.click();
		const tab = await popup;
		await expect.poll( () => tab.url() ).toBe( 'https://m.me/acme.bakery' );
		await tab.close();

		// The visitor gets the bubble, an m.me link with the username; nothing from Meta.
		await visitor.goto( '/' );
		await expectMessengerLink( visitor, 'https://m.me/acme.bakery' );
		expect(
			sdk.requests.filter( ( u ) => u.includes( 'connect.facebook.net' ) )
		).toEqual( [] );

		// Configured: the notice is gone.
		await page.goto( '/wp-admin/plugins.php' );
		await expect( page.locator( '.ccfm-setup-notice' ) ).toHaveCount( 0 );
	} );

	test( 'the first field takes a Page ID, an m.me link or a profile.php URL, and says what is not a Page', async ( {
		page,
	} ) => {
		await openSettings( page );
		const field = pageField( page );
		for ( const [ typed, understood ] of [
			[
				'1234567890',
				'Understood as the Page ID 1234567890: visitors open https://m.me/1234567890',
			],
			[
				'm.me/acme.bakery',
				'Understood as the Page username acme.bakery: visitors open https://m.me/acme.bakery',
			],
			[
				'https://www.facebook.com/profile.php?id=100087654321098',
				'Understood as the Page ID 100087654321098: visitors open https://m.me/100087654321098',
			],
		] ) {
			await field.fill( typed );
			await expect( form( page ).getByText( understood ) ).toBeVisible();
			await expect( field ).not.toHaveAttribute( 'aria-invalid', 'true' );
		}
		await field.fill( 'acme' );
		const error = form( page ).getByRole( 'alert' );
		await expect( error ).toHaveText(
			'A Page username has at least 5 characters. Paste your Page’s link if you are not sure.'
		);
		await expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
		await field.fill( 'https://example.com/acme' );
		await expect( error ).toContainText( 'This is not a Facebook Page.' );
		await page.getByRole( 'button', { name: 'Save settings' } ).click();
		await expect(
			form( page ).getByText(
				'Fix the highlighted fields before saving.'
			)
		).toBeVisible();
		await expect( field ).toBeFocused();
		expect( storedOption() ).toMatchObject( {
			page_id: '',
			page_username: '',
		} );
	} );

	test( 'the screen follows the mode: Chat-Plugin-only fields hidden in link mode, the embed code per mode', async ( {
		page,
		settings,
		context,
	} ) => {
		await context.grantPermissions( [
			'clipboard-read',
			'clipboard-write',
		] );
		await settings( { page_username: 'acme.bakery', ref: 'web' } );
		await openSettings( page );
		const chatPluginOnly = [
			() =>
				page.getByLabel( 'Greeting for people logged in to Facebook' ),
			() =>
				form( page ).getByRole( 'button', {
					name: 'Language',
					exact: true,
				} ),
			() =>
				form( page ).getByRole( 'button', {
					name: 'Loading',
					exact: true,
				} ),
			() =>
				page.getByRole( 'radiogroup', {
					name: 'When to load Meta’s Chat Plugin',
				} ),
		];
		for ( const field of chatPluginOnly ) {
			await expect( field() ).toHaveCount( 0 );
		}
		await expect(
			page.getByLabel( 'Greeting', { exact: true } )
		).toBeVisible();
		await expect(
			form( page ).getByText(
				/are hidden in this mode\. Choose the Chat Plugin to see them\./
			)
		).toBeVisible();

		const embed = await openPanel( page, 'Embed code' );
		const code = page.getByLabel( 'Code for a page outside WordPress' );
		await expect( code ).toHaveValue(
			/^<a href="https:\/\/m\.me\/acme\.bakery\?ref=web" target="_blank" rel="noopener"/
		);
		await expect( code ).not.toHaveValue(
			/fb-customerchat|connect\.facebook\.net/
		);
		await expect( embed ).toContainText( 'loads nothing from Meta' );
		await embed.getByRole( 'button', { name: 'Copy code' } ).click();
		expect(
			await page.evaluate( () => navigator.clipboard.readText() )
		).toMatch( /^<a href="https:\/\/m\.me\/acme\.bakery\?ref=web"/ );

		const platform = await openPanel( page, 'Messenger Platform' );
		await expect(
			platform.getByRole( 'button', { name: 'Check the whitelist' } )
		).toHaveCount( 0 );
		await expect(
			platform.getByLabel( 'Get Started payload' )
		).toHaveCount( 0 );

		// Chat Plugin mode: its fields appear, and it asks for the numeric ID.
		await page
			.getByRole( 'radio', {
				name: /^Chat Plugin with Messenger-link fallback/,
			} )
			.check();
		for ( const field of chatPluginOnly.slice( 0, 3 ) ) {
			await expect( field() ).toBeVisible();
		}
		await expect(
			page.getByLabel( 'Greeting for everyone else' )
		).toBeVisible();
		const id = page.getByLabel( 'Facebook Page ID (for the Chat Plugin)' );
		await expect( id ).toBeVisible();
		await id.fill( '1234567890' );
		await expect( code ).toHaveValue(
			/<div class="fb-customerchat" page_id="1234567890"/
		);
		await expect( code ).toHaveValue( /xfbml\.customerchat\.js/ );
		await expect(
			platform.getByRole( 'button', { name: 'Check the whitelist' } )
		).toBeVisible();
		await save( page );
		expect( storedOption() ).toMatchObject( {
			mode: 'chat_plugin',
			page_id: '1234567890',
			page_username: 'acme.bakery',
		} );
	} );

	for ( const width of [ 1400, 390 ] ) {
		test( `save feedback where the eye is at ${ width } px: busy, then done, next to the button that stays in view; errors beside their field`, async ( {
			page,
		} ) => {
			await page.setViewportSize( { width, height: 800 } );
			await openSettings( page );
			if ( width < 960 ) {
				// On a phone the preview comes before the form, and folds away.
				const preview = page.locator( 'details.ccfm-admin__preview' );
				const previewBox = await preview.boundingBox();
				const formBox = await page
					.locator( '.ccfm-admin__form' )
					.boundingBox();
				expect(
					previewBox && formBox && previewBox.y < formBox.y
				).toBe( true );
				await preview.locator( 'summary' ).click();
				await expect( preview.locator( '.ccfm-preview' ) ).toBeHidden();
			}
			let release: () => void = () => undefined;
			const held = new Promise< void >( ( r ) => ( release = r ) );
			await page.route( /\/wp\/v2\/settings/, async ( route ) => {
				if ( route.request().method() !== 'GET' ) {
					await held;
				}
				await route.continue();
			} );
			await pageField( page ).fill( 'acme.bakery' );
			// Far down the form, where the owner ends up.
			await page.getByLabel( 'Reference (ref)' ).fill( 'spring' );
			const button = page.getByRole( 'button', {
				name: 'Save settings',
			} );
			await expect( button ).toBeInViewport();
			await button.click();
			await expect( button ).toHaveClass( /is-busy/ );
			await expect(
				form( page ).getByText( 'Saving…' )
			).toBeInViewport();
			release();
			const done = form( page ).getByText( 'Settings saved.' );
			await expect( done ).toBeInViewport();
			await expect( button ).not.toHaveClass( /is-busy/ );
			expect( storedOption() ).toMatchObject( {
				page_username: 'acme.bakery',
				ref: 'spring',
			} );

			// An error: beside its field, and the bar says so, in view.
			await page.getByLabel( 'Reference (ref)' ).fill( 'spring sale!' );
			const alert = page
				.getByRole( 'alert' )
				.filter( { hasText: 'The ref may hold only' } );
			await expect( alert ).toBeVisible();
			const fieldBox = await page
				.getByLabel( 'Reference (ref)' )
				.boundingBox();
			const alertBox = await alert.boundingBox();
			expect(
				fieldBox &&
					alertBox &&
					alertBox.y - ( fieldBox.y + fieldBox.height )
			).toBeLessThan( 60 );
			await button.click();
			await expect(
				form( page ).getByText(
					'Fix the highlighted fields before saving.'
				)
			).toBeInViewport();
		} );
	}

	test( 'the greeting on phones: a choice next to the greeting fields, saved and read back', async ( {
		page,
	} ) => {
		await openSettings( page );
		const phones = page.getByLabel( 'Greeting on phones' );
		await expect( phones ).toHaveValue( 'hide' );
		await expect( phones.locator( 'option:checked' ) ).toHaveText(
			'Closed until the bubble is tapped (recommended)'
		);
		await expect( phones ).toHaveAccessibleDescription(
			/so by default it stays closed there/
		);
		// Next to the greeting's display and delay.
		const delay = await page
			.getByLabel( 'Delay before the greeting opens (seconds)' )
			.boundingBox();
		const box = await phones.boundingBox();
		expect( delay && box && box.y > delay.y && box.y - delay.y < 200 ).toBe(
			true
		);
		await phones.selectOption( {
			label: 'Opens after the delay, at the earliest after 10 seconds',
		} );
		await save( page );
		expect( storedOption().phone_greeting ).toBe( 'delay' );
		await page.reload();
		await expect( phones ).toHaveValue( 'delay' );
		await phones.selectOption( { label: 'As on larger screens' } );
		await save( page );
		expect( storedOption().phone_greeting ).toBe( 'same' );
	} );
} );
