/**
 * Hardening, as an administrator and a visitor see it: the settings screen
 * loads with a stored option from an older or a newer version and names the
 * fields it reset; the next save stores a clean option; a refused value
 * leaves the option as it was; a damaged data file is named on the screen
 * and in Site Health while the site keeps answering.
 */
import fs from 'fs';
import path from 'path';

import { ADMIN, expect, form, test, wpEval } from '../fixtures';

const ROOT = path.resolve( __dirname, '../../..' );

/**
 * Writes the option straight to the database, past every filter, as another
 * version (or a hand edit) left it.
 * @param value The option, as PHP array syntax.
 */
function storeRaw( value: string ): void {
	wpEval(
		`global $wpdb; $wpdb->update( $wpdb->options, array( 'option_value' => serialize( ${ value } ) ), array( 'option_name' => 'ccfm_settings' ) ); wp_cache_flush();`
	);
}

/** The stored option, as PHP unserializes it, in JSON. */
function stored(): Record< string, unknown > {
	return JSON.parse(
		wpEval(
			`global $wpdb; echo wp_json_encode( maybe_unserialize( $wpdb->get_var( "SELECT option_value FROM {$wpdb->options} WHERE option_name = 'ccfm_settings'" ) ) );`
		)
	);
}

/** The stored option exactly as the database holds it. */
function raw(): string {
	return wpEval(
		`global $wpdb; echo $wpdb->get_var( "SELECT option_value FROM {$wpdb->options} WHERE option_name = 'ccfm_settings'" );`
	);
}

/** The names of every setting of this version. */
function settingNames(): string[] {
	return JSON.parse(
		wpEval(
			'echo wp_json_encode( array_keys( CCFM\\Settings\\Schema::defaults() ) );'
		)
	);
}

test.describe( 'a stored option from another version', () => {
	test( 'an older option: the screen loads, names the reset fields, and the next save stores it clean', async ( {
		page,
	} ) => {
		storeRaw(
			`array( 'page_id' => '1234567890', 'theme_color' => '#FFF', 'logged_in_greeting' => 'Hi there', 'greeting_dialog_delay' => '5s', 'minimized' => true, 'display_places' => array( 'home' ) )`
		);

		await page.goto( ADMIN );
		await expect(
			page.getByLabel( 'Your Facebook Page', { exact: true } )
		).toHaveValue( '1234567890' );
		await expect(
			page.getByLabel( 'Greeting for people logged in to Facebook' )
		).toHaveValue( 'Hi there' );
		const notice = form( page ).locator( '.ccfm-repair-notice' );
		await expect( notice ).toContainText(
			'reset to their defaults: theme_color, greeting_dialog_delay, display_places.'
		);
		await expect( notice ).toContainText( 'were left out: minimized.' );
		await expect( form( page ).getByText( 'Loading…' ) ).toHaveCount( 0 );

		await page
			.getByLabel( 'Your Facebook Page', { exact: true } )
			.fill( '42' );
		await page.getByRole( 'button', { name: 'Save settings' } ).click();
		await expect(
			form( page ).getByText( 'Settings saved.' )
		).toBeVisible();

		const clean = stored();
		expect( Object.keys( clean ) ).toEqual( settingNames() );
		expect( clean.page_id ).toBe( '42' );
		expect( clean.mode ).toBe( 'chat_plugin' );
		expect( clean.logged_in_greeting ).toBe( 'Hi there' );
		await page.reload();
		await expect(
			page.getByLabel( 'Your Facebook Page', { exact: true } )
		).toHaveValue( '42' );
		await expect(
			form( page ).locator( '.ccfm-repair-notice' )
		).toHaveCount( 0 );
	} );

	test( 'a newer option: unknown values reset, unknown fields left out, the screen works', async ( {
		page,
	} ) => {
		storeRaw(
			`array( 'page_id' => '1234567890', 'mode' => 'widget', 'phone_greeting' => 'slide-in', 'bottom_spacing' => 900, 'ref' => "home\\n", 'ai_assistant' => array( 'enabled' => true ) )`
		);

		await page.goto( ADMIN );
		await expect(
			page.getByLabel( 'Your Facebook Page', { exact: true } )
		).toHaveValue( '1234567890' );
		const notice = form( page ).locator( '.ccfm-repair-notice' );
		await expect( notice ).toContainText(
			'reset to their defaults: mode, phone_greeting, bottom_spacing, ref.'
		);
		await expect( notice ).toContainText( 'were left out: ai_assistant.' );

		await page
			.getByLabel( 'Your Facebook Page', { exact: true } )
			.fill( '1234567891' );
		await page.getByRole( 'button', { name: 'Save settings' } ).click();
		await expect(
			form( page ).getByText( 'Settings saved.' )
		).toBeVisible();
		const clean = stored();
		expect( Object.keys( clean ) ).toEqual( settingNames() );
		expect( clean.bottom_spacing ).toBe( 24 );
		expect( clean.ref ).toBe( '' );
	} );
} );

test( 'a greeting with a direction override is refused on the form and over REST, and nothing changes', async ( {
	page,
	settings,
	sdk,
} ) => {
	// The refused request below is logged by the browser as a failed load.
	sdk.allowConsoleErrors.push( 'status of 400' );
	// The logged-in greeting is a Chat Plugin field: the form shows it in that mode.
	await settings( {
		page_id: '1234567890',
		mode: 'chat_plugin',
		logged_in_greeting: 'Hello',
	} );
	const before = raw();

	await page.goto( ADMIN );
	const greeting = page.getByLabel(
		'Greeting for people logged in to Facebook'
	);
	await greeting.fill( 'Buy \u202Ewon' );
	await expect(
		form( page ).locator( '#ccfm-logged_in_greeting-error' )
	).toContainText(
		'The greeting for people logged in to Facebook must be plain text of at most 80 characters.'
	);
	await page.getByRole( 'button', { name: 'Save settings' } ).click();
	await expect(
		form( page ).getByText( 'Fix the highlighted fields before saving.' )
	).toBeVisible();
	expect( raw() ).toBe( before );

	// The same value sent past the browser's check (the screen's own nonce).
	const answer = await page.evaluate( async () => {
		const wp = (
			window as unknown as {
				wp: {
					apiFetch: ( o: unknown ) => Promise< unknown >;
				};
			}
		 ).wp;
		try {
			await wp.apiFetch( {
				path: '/wp/v2/settings',
				method: 'POST',
				data: {
					ccfm_settings: { logged_in_greeting: 'Buy \u202Ewon' },
				},
			} );
			return 'saved';
		} catch ( e ) {
			return ( e as { message: string } ).message;
		}
	} );
	// The server's message also names the character.
	expect( answer ).toMatch(
		/^logged_in_greeting: .*It contains U\+202E, an invisible, control or direction-changing character\.$/
	);
	expect( raw() ).toBe( before );
} );

test( 'a truncated data file is named on the settings screen and in Site Health; the site keeps working', async ( {
	page,
	settings,
	visitor,
} ) => {
	await settings( { page_id: '1234567890', mode: 'link' } );
	const file = path.join( ROOT, 'plugin/data/facebook-locales.json' );
	const good = fs.readFileSync( file );
	// A broken upload: the JSON cut short and no generated PHP copy of it
	// (build/data-files.php, which a page view reads first).
	const built = path.join( ROOT, 'plugin/build/data-files.php' );
	const kept = built + '.kept';
	try {
		fs.renameSync( built, kept );
		fs.writeFileSync( file, good.subarray( 0, 300 ) );

		const home = await visitor.goto( '/' );
		expect( home?.status() ).toBe( 200 );
		await expect( visitor.locator( '#ccfm-chat' ) ).toHaveCount( 1 );

		await page.goto( ADMIN );
		await expect(
			page.getByLabel( 'Your Facebook Page', { exact: true } )
		).toHaveValue( '1234567890' );
		await expect(
			form( page ).locator( '.ccfm-data-file-notice' )
		).toContainText( 'data/facebook-locales.json is damaged' );

		// Site Health's own test (the screen also runs core's tests, which
		// reach out to WordPress.org and warn offline).
		const health = JSON.parse(
			wpEval(
				"echo wp_json_encode( ( new CCFM\\Admin\\Site_Health() )->site_health_tests( array() )['direct']['ccfm_data_files']['test']() );"
			)
		) as { status: string; description: string };
		expect( health.status ).toBe( 'critical' );
		expect( health.description ).toContain( 'data/facebook-locales.json' );
	} finally {
		fs.writeFileSync( file, good );
		if ( fs.existsSync( kept ) ) {
			fs.renameSync( kept, built );
		}
	}
	expect( fs.readFileSync( file ).equals( good ) ).toBe( true );
	expect( fs.existsSync( built ) ).toBe( true );
} );
