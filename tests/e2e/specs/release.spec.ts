/**
 * Release readiness: the plugin zip installs through WordPress' own upload
 * screen and works, and the German translation reaches the admin app, the
 * block editor and the front-end bubble.
 *
 * The zip test takes the symlinked plugin folder out of wp-content/plugins
 * and always puts it back (and re-activates it), so the other specs keep
 * running against plugin/.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

import { expect, test, wpEval } from '../fixtures';

const root = path.resolve( __dirname, '../../..' );
const SLUG = 'customer-chat-for-messenger';
const MAIN = `${ SLUG }/${ SLUG }.php`;
const ZIP = path.join( root, `${ SLUG }.zip` );
const PLUGIN_DIR = path.join( root, '.wp/wordpress/wp-content/plugins', SLUG );
const PAGE = '1234567890';
// WordPress accepts WPLANG only for a language whose core file is installed
// (sanitize_option keeps it to get_available_languages()). The machine is
// offline, so "installing" German core is an empty core catalogue: core
// strings stay English, the plugin's come from its own languages/ folder.
const CORE_DE = path.join(
	root,
	'.wp/wordpress/wp-content/languages/de_DE.mo'
);

/** Puts the symlink to plugin/ back and activates the plugin (idempotent). */
function restorePlugin(): void {
	let isLink = false;
	try {
		isLink = fs.lstatSync( PLUGIN_DIR ).isSymbolicLink();
	} catch {}
	if ( ! isLink ) {
		wpEval(
			`require_once ABSPATH . 'wp-admin/includes/plugin.php'; deactivate_plugins( '${ MAIN }', true );`
		);
		fs.rmSync( PLUGIN_DIR, { recursive: true, force: true } );
		fs.symlinkSync( path.join( root, 'plugin' ), PLUGIN_DIR );
	}
	const out = wpEval(
		`require_once ABSPATH . 'wp-admin/includes/plugin.php'; $r = activate_plugin( '${ MAIN }' ); echo is_wp_error( $r ) ? $r->get_error_message() : 'active';`
	);
	if ( out !== 'active' ) {
		throw new Error( `Could not re-activate the plugin: ${ out }` );
	}
}

test.describe( 'release', () => {
	test.describe.configure( { mode: 'serial' } );

	test.afterAll( () => {
		restorePlugin();
		wpEval( `update_option( 'WPLANG', '' );` );
	} );

	test( 'the plugin zip holds only runtime files and installs, activates and works through Plugins → Add New → Upload', async ( {
		page,
		visitor,
	} ) => {
		test.setTimeout( 240_000 );
		// The assets are built by the local stack; the zip step itself is what is tested here.
		execFileSync( 'bash', [ path.join( root, 'bin/zip/plugin-zip.sh' ) ], {
			env: {
				...process.env,
				CCFM_ZIP_SKIP_BUILD: fs.existsSync(
					path.join( root, 'plugin/build/admin.js' )
				)
					? '1'
					: '',
			},
			stdio: 'pipe',
		} );
		const files = execFileSync( 'unzip', [ '-Z1', ZIP ], {
			encoding: 'utf8',
		} )
			.trim()
			.split( '\n' )
			.filter( ( f ) => ! f.endsWith( '/' ) );
		expect( files.every( ( f ) => f.startsWith( `${ SLUG }/` ) ) ).toBe(
			true
		);
		for ( const needed of [
			`${ SLUG }/${ SLUG }.php`,
			`${ SLUG }/readme.txt`,
			`${ SLUG }/uninstall.php`,
			`${ SLUG }/includes/class-plugin.php`,
			`${ SLUG }/build/blocks/chat/block.json`,
			`${ SLUG }/build/front.js`,
			`${ SLUG }/build/boot-link.js`,
			`${ SLUG }/build/boot-chat.js`,
			`${ SLUG }/build/greeting.js`,
			`${ SLUG }/assets/css/bubble.css`,
			`${ SLUG }/build/admin.js`,
			`${ SLUG }/build/admin.asset.php`,
			`${ SLUG }/data/settings-schema.json`,
			`${ SLUG }/languages/${ SLUG }.pot`,
			`${ SLUG }/languages/${ SLUG }-de_DE.mo`,
		] ) {
			expect( files ).toContain( needed );
		}
		const forbidden = files.filter( ( f ) =>
			/\.map$|\/\.|\/(src|tests|node_modules|vendor)\/|\.tsx?$|package(-lock)?\.json$/.test(
				f
			)
		);
		expect( forbidden ).toEqual( [] );

		try {
			// A clean site: no plugin folder, no settings.
			wpEval(
				`require_once ABSPATH . 'wp-admin/includes/plugin.php'; deactivate_plugins( '${ MAIN }', true ); delete_option( 'ccfm_settings' );`
			);
			fs.unlinkSync( PLUGIN_DIR );
			expect( fs.existsSync( PLUGIN_DIR ) ).toBe( false );

			await page.goto( '/wp-admin/plugin-install.php?tab=upload' );
			await page.locator( 'input#pluginzip' ).setInputFiles( ZIP );
			await page.getByRole( 'button', { name: 'Install Now' } ).click();
			await expect(
				page.getByText( 'Plugin installed successfully.' )
			).toBeVisible( { timeout: 60_000 } );
			await page.getByRole( 'link', { name: 'Activate Plugin' } ).click();
			await expect( page.getByText( 'Plugin activated.' ) ).toBeVisible();

			// What runs now is the unpacked zip, not the symlink to plugin/.
			expect( fs.lstatSync( PLUGIN_DIR ).isSymbolicLink() ).toBe( false );
			expect(
				fs.existsSync( path.join( PLUGIN_DIR, 'build/admin.js' ) )
			).toBe( true );
			expect( fs.existsSync( path.join( PLUGIN_DIR, 'src' ) ) ).toBe(
				false
			);
			expect(
				wpEval(
					`require_once ABSPATH . 'wp-admin/includes/plugin.php'; echo is_plugin_active( '${ MAIN }' ) ? 'yes' : 'no';`
				)
			).toBe( 'yes' );

			await page.goto( `/wp-admin/options-general.php?page=${ SLUG }` );
			await page
				.getByLabel( 'Your Facebook Page', { exact: true } )
				.fill( PAGE );
			await page
				.getByRole( 'radio', { name: /^Chat Plugin with Messenger/ } )
				.check();
			await page.getByRole( 'button', { name: 'Save settings' } ).click();
			await expect(
				page
					.locator( '#ccfm-admin-root' )
					.getByText( 'Settings saved.' )
			).toBeVisible();

			await visitor.goto( '/' );
			await expect(
				visitor.getByRole( 'link', {
					name: 'Chat with us on Messenger',
				} )
			).toBeVisible();
			// The boot script (inlined from the uploaded copy) points at its front.js.
			expect(
				await visitor
					.locator( 'script#ccfm-boot' )
					.evaluate( ( s ) => s.textContent )
			).toContain( `/wp-content/plugins/${ SLUG }/build/front.js` );
		} finally {
			restorePlugin();
		}
		expect( fs.lstatSync( PLUGIN_DIR ).isSymbolicLink() ).toBe( true );
	} );

	test( 'with the site in German, the admin app, the block editor and the front-end bubble speak German', async ( {
		page,
		visitor,
		admin,
		editor,
		settings,
	} ) => {
		test.setTimeout( 120_000 );
		await settings( { page_id: PAGE, mode: 'chat_plugin' } );
		const installedCore = ! fs.existsSync( CORE_DE );
		if ( installedCore ) {
			fs.mkdirSync( path.dirname( CORE_DE ), { recursive: true } );
			execFileSync( 'msgfmt', [ '-o', CORE_DE, '-' ], {
				input: 'msgid ""\nmsgstr ""\n"Language: de_DE\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n',
			} );
		}
		wpEval( `update_option( 'WPLANG', 'de_DE' );` );
		try {
			expect( wpEval( `echo get_locale();` ) ).toBe( 'de_DE' );

			// Admin app (React, build/admin.js with its JSON translation).
			await page.goto( `/wp-admin/options-general.php?page=${ SLUG }` );
			await expect(
				page.getByRole( 'heading', {
					level: 1,
					name: 'Messenger-Chat',
				} )
			).toBeVisible();
			const field = page.getByLabel( 'Deine Facebook-Seite', {
				exact: true,
			} );
			await expect( field ).toHaveValue( PAGE );
			await field.fill( '1234567891' );
			await page
				.getByRole( 'button', { name: 'Einstellungen speichern' } )
				.click();
			await expect(
				page
					.locator( '#ccfm-admin-root' )
					.getByText( 'Einstellungen gespeichert.' )
			).toBeVisible();

			// Block editor: the inserter (block.json, translated on the
			// server), the block's own UI (build/blocks/chat/index.js) and the document
			// panel (build/editor.js).
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
			await expect(
				results.getByRole( 'option', {
					name: 'Chat-Einstellungen für diese Seite',
				} )
			).toBeVisible();
			await expect(
				results.getByRole( 'option', { name: '„Schreib uns“-Button' } )
			).toBeVisible();
			await results
				.getByRole( 'option', {
					name: 'Chat-Einstellungen für diese Seite',
				} )
				.click();
			await expect(
				editor.canvas.getByText(
					'Messenger-Chat-Einstellungen für diese Seite'
				)
			).toBeVisible();
			await editor.openDocumentSettingsSidebar();
			await page
				.getByRole( 'tab', { name: 'Block', exact: true } )
				.click();
			await expect(
				page.getByRole( 'button', { name: 'Chat auf dieser Seite' } )
			).toBeVisible();
			await editor.insertBlock( {
				name: 'customer-chat-for-messenger/chat',
				attributes: { type: 'button' },
			} );
			await expect(
				editor.canvas.getByRole( 'textbox', { name: 'Button-Text' } )
			).toBeVisible();
			await page.getByRole( 'tab', { name: /^(Post|Page)$/ } ).click();
			await expect(
				page
					.getByRole( 'region', { name: 'Editor settings' } )
					.getByRole( 'button', { name: 'Messenger-Chat' } )
			).toBeVisible();

			// Front end: the bubble's accessible name comes from the server.
			await visitor.goto( '/' );
			await expect(
				visitor.getByRole( 'link', {
					name: 'Chatte mit uns im Messenger',
				} )
			).toBeVisible();
		} finally {
			wpEval( `update_option( 'WPLANG', '' );` );
			if ( installedCore ) {
				fs.rmSync( CORE_DE, { force: true } );
			}
		}
		expect( wpEval( `echo get_locale();` ) ).toBe( 'en_US' );
	} );
} );
