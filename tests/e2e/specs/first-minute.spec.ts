/**
 * The site owner's first minute: from activation to a live bubble with only
 * a Page username in Messenger-link mode; a screen that follows the mode;
 * save feedback where the eye is; the greeting on phones; diagnostics whose
 * severity follows the mode (panel, REST, Site Health, front-end chip); a
 * Platform panel that can be finished (copyable verify token and webhook URL,
 * human errors, disabled buttons that say why).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';

import {
	expect,
	expectMessengerLink,
	form,
	openPanel,
	openSettings,
	test,
	wpEval,
} from '../fixtures';

const PLUGIN = 'customer-chat-for-messenger/customer-chat-for-messenger.php';

const status = ( page: Page ) => page.locator( '.ccfm-status' );
const pageField = ( page: Page ) =>
	page.getByLabel( 'Your Facebook Page', { exact: true } );

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
		// Link mode: a tap on the bubble opens Messenger, so the choice says so.
		await expect( phones.locator( 'option:checked' ) ).toHaveText(
			'Not shown on phones (recommended): a tap on the bubble opens Messenger'
		);
		await page.getByRole( 'radio', { name: /^Chat Plugin/ } ).check();
		await expect( phones.locator( 'option:checked' ) ).toHaveText(
			'Closed until the bubble is tapped (recommended)'
		);
		await page.getByRole( 'radio', { name: /^Messenger link/ } ).check();
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

	test( 'diagnostics say which mode needs each check: in link mode HTTPS and the localhost domain are never critical (panel, REST, Site Health); in Chat Plugin mode they are', async ( {
		page,
		settings,
		requestUtils,
	} ) => {
		type Check = {
			id: string;
			status: string;
			needed: boolean;
			needs: string;
		};
		const check = ( id: string ) =>
			form( page ).locator( `li[data-check="${ id }"]` );
		await settings( { page_username: 'acme.bakery' } );
		await openSettings( page );
		const panel = await openPanel( page, 'Diagnostics' );
		await expect( check( 'page_id' ) ).toHaveAttribute(
			'data-status',
			'good'
		);
		await expect( check( 'page_id' ) ).toContainText(
			'Needed in both modes.'
		);
		for ( const id of [ 'https', 'domain' ] ) {
			await expect( check( id ) ).toHaveAttribute(
				'data-status',
				'info'
			);
			await expect( check( id ) ).toContainText(
				'Needed by the Chat Plugin only.'
			);
			await expect( check( id ) ).toContainText(
				'Nothing to do in Messenger-link mode'
			);
		}
		await expect( check( 'domain' ) ).toContainText(
			'localhost cannot be whitelisted'
		);
		// Listed apart, under a heading that says why.
		await expect(
			panel.getByRole( 'heading', {
				name: 'Only for the Chat Plugin (not needed in Messenger-link mode)',
			} )
		).toBeVisible();
		await expect(
			panel.locator( '.ccfm-checks--other li[data-check="https"]' )
		).toBeVisible();
		await expect(
			form( page ).locator( 'li[data-status="critical"]' )
		).toHaveCount( 0 );
		await expect(
			form( page ).locator(
				'li[data-check="https"] .components-notice.is-error'
			)
		).toHaveCount( 0 );

		const link = await requestUtils.rest< { checks: Check[] } >( {
			path: '/ccfm/v1/diagnostics',
		} );
		expect(
			link.checks.filter( ( c ) => c.status === 'critical' )
		).toEqual( [] );
		const health = await requestUtils.rest< {
			status: string;
			label: string;
			description: string;
		} >( {
			path: '/ccfm/v1/site-health',
		} );
		expect( health.status ).toBe( 'good' );
		expect( health.label ).toBe( 'The Messenger chat is set up correctly' );
		expect( health.description ).toContain(
			'<strong>HTTPS</strong> (Not needed in this mode)'
		);

		// Chat Plugin mode needs them: critical again, in the panel and in Site Health.
		await settings( { mode: 'chat_plugin', page_id: '1234567890' } );
		await page.reload();
		await openPanel( page, 'Diagnostics' );
		for ( const id of [ 'https', 'domain' ] ) {
			await expect( check( id ) ).toHaveAttribute(
				'data-status',
				'critical'
			);
		}
		await expect(
			form( page ).getByRole( 'heading', {
				name: /^Only for the Chat Plugin/,
			} )
		).toHaveCount( 0 );
		const plugin = await requestUtils.rest< {
			status: string;
			description: string;
		} >( {
			path: '/ccfm/v1/site-health',
		} );
		expect( plugin.status ).toBe( 'critical' );
		expect( plugin.description ).toContain(
			'<strong>HTTPS</strong> (Critical)'
		);
	} );

	test( 'the admin-only diagnostics chip on a phone: below the site header, away from the bubble; link mode shows no critical finding', async ( {
		page,
		settings,
	} ) => {
		await settings( { page_username: 'acme.bakery' } );
		await page.setViewportSize( { width: 390, height: 844 } );
		await page.goto( '/' );
		const chip = page.locator( '.ccfm-diag' );
		const toggle = chip.getByRole( 'button', { name: 'Chat diagnostics' } );
		await expect( toggle ).toBeVisible();
		const header = page.locator( 'header' ).first();
		await expect( header ).toBeVisible();
		const overlap = (
			a: { x: number; y: number; width: number; height: number } | null,
			b: typeof a
		) =>
			!! a &&
			!! b &&
			a.x < b.x + b.width &&
			b.x < a.x + a.width &&
			a.y < b.y + b.height &&
			b.y < a.y + a.height;
		expect(
			overlap( await chip.boundingBox(), await header.boundingBox() )
		).toBe( false );
		const bubble = page.locator( '#ccfm-chat .ccfm-bubble:visible' );
		expect(
			overlap( await chip.boundingBox(), await bubble.boundingBox() )
		).toBe( false );
		await toggle.click();
		// The server's checks, once they have arrived.
		const https = chip.locator( 'li[data-check="https"]' );
		await expect( https ).toBeVisible();
		await expect(
			chip.locator( 'li[data-status="critical"]' )
		).toHaveCount( 0 );
		await expect( https ).toHaveAttribute( 'data-status', 'info' );
		await expect( https ).toContainText(
			'Needed by the Chat Plugin only.'
		);
		// Open, it still stays clear of the header, within the screen.
		expect(
			overlap( await chip.boundingBox(), await header.boundingBox() )
		).toBe( false );

		await settings( { mode: 'chat_plugin', page_id: '1234567890' } );
		await page.reload();
		await toggle.click();
		await expect(
			chip.locator( 'li[data-check="https"][data-status="critical"]' )
		).toHaveCount( 1 );
	} );

	test.describe( 'Messenger Platform panel', () => {
		test.afterEach( async ( { requestUtils } ) => {
			await requestUtils.rest( {
				method: 'POST',
				path: '/ccfm/v1/platform',
				data: {
					clear: [
						'page_access_token',
						'app_secret',
						'verify_token',
					],
				},
			} );
		} );

		test( "a generated verify token is shown once with a copy button and completes Meta's handshake; the webhook URL copies and warns without https; errors are human; disabled buttons say why", async ( {
			page,
			settings,
			context,
			request,
			requestUtils,
			sdk,
		} ) => {
			await context.grantPermissions( [
				'clipboard-read',
				'clipboard-write',
			] );
			await settings( { mode: 'chat_plugin', page_id: '1234567890' } );
			await openSettings( page );
			const panel = await openPanel( page, 'Messenger Platform' );
			const clipboard = () =>
				page.evaluate( () => navigator.clipboard.readText() );

			// Disabled buttons say why.
			const check = panel.getByRole( 'button', {
				name: 'Check the whitelist',
			} );
			await expect( check ).toBeDisabled();
			await expect( check ).toHaveAccessibleDescription(
				'Needs the Page access token: save it under “Connection and webhook” first.'
			);
			const apply = panel.getByRole( 'button', {
				name: 'Apply to the Page',
			} );
			await expect( apply ).toBeDisabled();
			await expect( apply ).toHaveAccessibleDescription(
				/^Needs the Page access token/
			);

			// The webhook URL, with copy, and Meta's https rule.
			const webhook = panel.locator( '.ccfm-platform__webhook' );
			const url = `${ process.env.WP_BASE_URL }/wp-json/ccfm/v1/webhook`;
			await expect( webhook.locator( 'code' ) ).toHaveText( url );
			await webhook.getByRole( 'button', { name: 'Copy URL' } ).click();
			await expect(
				webhook.getByRole( 'button', { name: 'Copied!' } )
			).toBeVisible();
			expect( await clipboard() ).toBe( url );
			await expect( webhook ).toContainText(
				'Meta only accepts an https:// callback URL'
			);

			// An unset secret says "Not set" once, beside its field (not
			// also as the field's placeholder).
			const appSecret = panel.locator( '[data-secret="app_secret"]' );
			await expect(
				appSecret.locator( '.ccfm-platform__flag' )
			).toContainText( 'Not set' );
			await expect( appSecret.locator( 'input' ) ).not.toHaveAttribute(
				'placeholder',
				/Not set/
			);

			// A raw REST refusal becomes the field's own message.
			// The refused request is logged by the browser.
			sdk.allowConsoleErrors.push( '400 (Bad Request)' );
			await panel
				.getByLabel( 'Page access token' )
				.fill( 'not a token!' );
			await panel
				.getByRole( 'button', { name: 'Save connection' } )
				.click();
			const refused = panel.locator(
				'.ccfm-platform__secrets .components-notice.is-error .components-notice__content'
			);
			await expect( refused ).toHaveText(
				'The Page access token must be 20 to 1024 letters, digits, "-", "_", "." or "|" as copied from Meta, with no spaces.'
			);
			await expect( panel ).not.toContainText( 'Invalid parameter' );
			await panel.getByLabel( 'Page access token' ).fill( '' );

			// Generate: the token is shown, copied, saved, and works with Meta's handshake.
			await panel.getByRole( 'button', { name: 'Generate one' } ).click();
			const generated = panel.locator( '.ccfm-platform__generated' );
			await expect( generated ).toContainText(
				'New verify token: copy it into Meta’s webhook settings'
			);
			const token =
				( await generated.locator( 'code' ).textContent() ) || '';
			expect( token ).toMatch( /^[0-9a-f]{48}$/ );
			await generated
				.getByRole( 'button', { name: 'Copy token' } )
				.click();
			await expect(
				generated.getByRole( 'button', { name: 'Copied!' } )
			).toBeVisible();
			expect( await clipboard() ).toBe( token );
			await panel
				.getByRole( 'button', { name: 'Save connection' } )
				.click();
			await expect(
				panel.getByText( 'Saved.', { exact: true } )
			).toBeVisible();
			await expect( generated ).toContainText(
				'Verify token saved. Copy it now'
			);
			await expect( generated.locator( 'code' ) ).toHaveText( token );
			const state = await requestUtils.rest< {
				secrets: Record< string, boolean >;
			} >( { path: '/ccfm/v1/platform' } );
			expect( state.secrets.verify_token ).toBe( true );
			const handshake = await request.get(
				`/wp-json/ccfm/v1/webhook?hub.mode=subscribe&hub.verify_token=${ token }&hub.challenge=31337`
			);
			expect( handshake.status() ).toBe( 200 );
			expect( await handshake.text() ).toBe( '31337' );
			// Shown once: after a reload only "Set" remains.
			await page.reload();
			const again = await openPanel( page, 'Messenger Platform' );
			await expect(
				again.locator(
					'[data-secret="verify_token"] .ccfm-platform__flag'
				)
			).toHaveAttribute( 'data-set', 'yes' );
			await expect(
				again.locator( '.ccfm-platform__generated' )
			).toHaveCount( 0 );
			expect( await page.content() ).not.toContain( token );
		} );
	} );

	test( 'editor: each variation has its own icon and inserter preview, a tidy placeholder, the shortcode’s attributes in the sidebar, the ref in one place', async ( {
		admin,
		editor,
		page,
	} ) => {
		// The inserter also searches the block directory on WordPress.org,
		// which this offline machine cannot reach: answer "nothing found".
		await page.route( '**/wp/v2/block-directory/search*', ( route ) =>
			route.fulfill( { status: 200, json: [] } )
		);
		await admin.createNewPost();
		await page
			.getByRole( 'button', { name: /block inserter/i } )
			.first()
			.click();
		await page
			.getByRole( 'searchbox', { name: /search/i } )
			.fill( 'Messenger' );
		const results = page.getByRole( 'listbox', { name: /blocks/i } );
		const settingsOption = results.getByRole( 'option', {
			name: 'Chat settings for this page',
		} );
		const buttonOption = results.getByRole( 'option', {
			name: 'Message us button',
		} );
		const icon = ( option: Locator ) =>
			option
				.locator( '.block-editor-block-icon' )
				.evaluate( ( el ) => el.innerHTML );
		expect( await icon( settingsOption ) ).not.toBe(
			await icon( buttonOption )
		);
		const preview = page.locator(
			'.block-editor-inserter__preview-container'
		);
		// The preview is drawn in a frame, from each variation's example.
		const drawn = preview.frameLocator( 'iframe' ).locator( 'body' );
		await settingsOption.hover();
		await expect( preview ).toContainText( 'Chat settings for this page' );
		await expect( drawn ).toContainText(
			'Messenger chat settings for this page'
		);
		await expect( preview ).not.toContainText( 'No preview available' );
		await buttonOption.hover();
		await expect( preview ).toContainText( 'Message us button' );
		await expect( drawn ).toContainText( 'Message us' );
		await expect( drawn ).not.toContainText(
			'Messenger chat settings for this page'
		);
		await expect( preview ).not.toContainText( 'No preview available' );
		await settingsOption.click();

		// The placeholder: its title, then what it does, apart.
		const placeholder = editor.canvas.locator(
			'.ccfm-block-settings .components-placeholder'
		);
		await expect(
			placeholder.locator( '.components-placeholder__label' )
		).toHaveText( 'Messenger chat settings for this page' );
		await expect(
			placeholder.locator( '.components-placeholder__instructions' )
		).toHaveText( /^Shows nothing here\./ );
		await editor.openDocumentSettingsSidebar();
		await page.getByRole( 'tab', { name: 'Block', exact: true } ).click();
		const sidebar = page.getByRole( 'region', { name: 'Editor settings' } );
		await expect( sidebar.getByLabel( 'Reference (ref)' ) ).toHaveCount(
			0
		);
		await expect( sidebar ).toContainText(
			'The ref of this page is set in the post’s “Messenger chat” panel.'
		);
		await sidebar.getByRole( 'button', { name: 'Shortcode' } ).click();
		const attributes = sidebar.locator(
			'.ccfm-shortcode-attributes li code'
		);
		await expect( attributes ).toHaveText( [
			'type="button"',
			'text="…"',
			'ref="…"',
			'logged_in_greeting="…"',
			'logged_out_greeting="…"',
			'greeting_dialog_display="show|fade|hide|icon"',
			'greeting_dialog_delay="5"',
			'message_text="…"',
		] );
		// Every chip fits the sidebar: a long one wraps instead of being cut.
		const panelRight = await sidebar
			.locator( '.ccfm-shortcode-attributes' )
			.evaluate( ( el ) => el.getBoundingClientRect().right );
		for ( const right of await attributes.evaluateAll( ( els ) =>
			els.map( ( el ) => el.getBoundingClientRect().right )
		) ) {
			expect( right ).toBeLessThanOrEqual( panelRight + 0.5 );
		}
	} );

	test( 'an unknown shortcode attribute is reported to the people who can edit the post, never to visitors', async ( {
		page,
		visitor,
		settings,
		requestUtils,
	} ) => {
		await settings( { page_username: 'acme.bakery' } );
		const post = await requestUtils.rest< { id: number; link: string } >( {
			method: 'POST',
			path: '/wp/v2/posts',
			data: {
				title: 'Label typo',
				status: 'publish',
				content: '[messenger_chat type="button" label="Write to us"]',
			},
		} );
		try {
			const note =
				'[messenger_chat]: the attribute label is not known and is ignored. Known attributes: type, text, ref, logged_in_greeting, logged_out_greeting, greeting_dialog_display, greeting_dialog_delay, message_text.';
			await page.goto( post.link );
			await expect( page.getByRole( 'note' ) ).toContainText( note );
			await expect(
				page.getByRole( 'link', { name: 'Message us' } )
			).toHaveAttribute( 'href', 'https://m.me/acme.bakery' );
			await visitor.goto( post.link );
			await expect(
				visitor.getByRole( 'link', { name: 'Message us' } )
			).toBeVisible();
			await expect(
				visitor.locator( '.ccfm-shortcode-notice' )
			).toHaveCount( 0 );
			expect( await visitor.content() ).not.toContain( 'is not known' );
		} finally {
			await requestUtils.rest( {
				method: 'DELETE',
				path: `/wp/v2/posts/${ post.id }`,
				params: { force: true },
			} );
		}
	} );

	test( 'no axe-core violations on the link-mode screen: status, first field in error, understood text, save bar', async ( {
		page,
	} ) => {
		await openSettings( page );
		const scan = async () =>
			(
				await new AxeBuilder( { page } )
					.include( '#ccfm-admin-root' )
					.analyze()
			).violations.map( ( v ) => ( {
				id: v.id,
				nodes: v.nodes.map( ( n ) => n.target.join( ' ' ) ),
			} ) );
		await pageField( page ).fill( 'acme' );
		await expect( form( page ).getByRole( 'alert' ) ).toBeVisible();
		expect( await scan() ).toEqual( [] );
		await pageField( page ).fill( 'acme.bakery' );
		await save( page );
		await expect( status( page ) ).toHaveAttribute( 'data-state', 'live' );
		expect( await scan() ).toEqual( [] );
	} );
} );
