/**
 * Multisite, as a network administrator does it: Network Admin → Plugins →
 * Network Activate, Network Admin → Sites → Add New, then each site's own
 * settings screen; each site's visitors get that site's chat.
 *
 * Runs against the multisite test network (bin/stack/network.sh: its own database,
 * served on the site port + 100), in browser contexts of its own.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import type { Browser, Page } from '@playwright/test';

import { expect, guard, routeMeta, test, wpEval, type Sdk } from '../fixtures';

const root = path.resolve( __dirname, '../../..' );
const PLUGIN = 'customer-chat-for-messenger/customer-chat-for-messenger.php';
const LOG = path.join( root, '.wp/logs/debug-multisite.log' );
const SLUG = 'e2e-shop';
// Debian's WordPress package patches wpmu_signup_blog_notification() and
// wpmu_signup_user_notification() with a required parameter after an
// optional one; PHP 8 reports that once per server worker when it compiles
// wp-includes/ms-functions.php. It is core's packaging, not this plugin.
const DEBIAN_CORE_DEPRECATION =
	/^\[[^\]]+\] PHP Deprecated: +Optional parameter \$meta declared before required parameter \$signup_id is implicitly treated as a required parameter in \S+\/wp-includes\/ms-functions\.php on line \d+\n/gm;

/**
 * A page in a fresh context on the network, with the stand-in SDK and the
 * console guard.
 * @param browser
 * @param sdk
 * @param errors
 * @param baseURL
 */
async function networkPage(
	browser: Browser,
	sdk: Sdk,
	errors: string[],
	baseURL: string
): Promise< Page > {
	const context = await browser.newContext( {
		baseURL,
		storageState: { cookies: [], origins: [] },
	} );
	await routeMeta( context, sdk );
	const page = await context.newPage();
	guard( page, sdk, errors );
	return page;
}

test.describe( 'multisite network', () => {
	let url = '';
	let logStart = 0;

	test.beforeAll( () => {
		// Brings the network up (idempotent) and prints its URL last.
		url = execFileSync(
			'bash',
			[ path.join( root, 'bin/stack/network.sh' ) ],
			{
				encoding: 'utf8',
			}
		)
			.trim()
			.split( '\n' )
			.pop() as string;
		// A site left by an earlier run goes; the main site starts unconfigured.
		wpEval(
			`$s = get_site_by_path( get_network()->domain, '/${ SLUG }/' ); if ( $s && '/${ SLUG }/' === $s->path ) { wp_delete_site( (int) $s->blog_id ); } delete_option( 'ccfm_settings' );`,
			{ multisite: true }
		);
	} );

	test.beforeEach( () => {
		logStart = fs.existsSync( LOG ) ? fs.statSync( LOG ).size : 0;
	} );

	test.afterEach( () => {
		const now = fs.existsSync( LOG ) ? fs.statSync( LOG ).size : 0;
		const logged =
			now > logStart
				? fs
						.readFileSync( LOG )
						.subarray( logStart )
						.toString( 'utf8' )
						.replace( DEBIAN_CORE_DEPRECATION, '' )
				: '';
		expect(
			logged,
			'PHP notices, warnings or deprecations on the network'
		).toBe( '' );
	} );

	test.afterAll( () => {
		wpEval(
			`require_once ABSPATH . 'wp-admin/includes/plugin.php'; if ( ! is_plugin_active_for_network( '${ PLUGIN }' ) ) { activate_plugin( '${ PLUGIN }', '', true ); } $s = get_site_by_path( get_network()->domain, '/${ SLUG }/' ); if ( $s && '/${ SLUG }/' === $s->path ) { wp_delete_site( (int) $s->blog_id ); } delete_option( 'ccfm_settings' );`,
			{ multisite: true }
		);
	} );

	test( 'network activation from Network Admin, a new site, and each site with its own settings and chat', async ( {
		browser,
		sdk,
		consoleErrors,
	} ) => {
		// About twenty page loads through wp-admin on a second server.
		test.setTimeout( 180_000 );
		const admin = await networkPage( browser, sdk, consoleErrors, url );
		await admin.goto( '/wp-login.php' );
		await admin.getByLabel( 'Username or Email Address' ).fill( 'admin' );
		await admin
			.getByLabel( 'Password', { exact: true } )
			.fill( 'password' );
		await admin.getByRole( 'button', { name: 'Log In' } ).click();
		await expect( admin ).toHaveURL( /\/wp-admin\/$/ );

		// Network Admin → Plugins: from inactive to network-active.
		await admin.goto( '/wp-admin/network/plugins.php' );
		const row = admin.locator( `tr[data-plugin="${ PLUGIN }"]` );
		const deactivate = row.getByRole( 'link', {
			name: /Network Deactivate/,
		} );
		if ( await deactivate.isVisible() ) {
			await deactivate.click();
			await expect( admin.locator( '#message' ) ).toContainText(
				'Plugin deactivated.'
			);
		}
		await row.getByRole( 'link', { name: /Network Activate/ } ).click();
		await expect( admin.locator( '#message' ) ).toContainText(
			'Plugin activated.'
		);
		await expect(
			row.getByRole( 'link', { name: /Network Deactivate/ } )
		).toBeVisible();
		expect(
			wpEval(
				`require_once ABSPATH . 'wp-admin/includes/plugin.php'; echo is_plugin_active_for_network( '${ PLUGIN }' ) ? 'yes' : 'no';`,
				{ multisite: true }
			)
		).toBe( 'yes' );

		// Network Admin → Sites → Add New.
		await admin.goto( '/wp-admin/network/site-new.php' );
		await admin.locator( '#site-address' ).fill( SLUG );
		await admin.locator( '#site-title' ).fill( 'E2E Shop' );
		await admin.locator( '#admin-email' ).fill( 'admin@example.com' );
		await admin.getByRole( 'button', { name: 'Add Site' } ).click();
		await expect( admin.locator( '#message' ) ).toContainText(
			'Site added.'
		);
		// The new site was set up by the network activation's hook.
		expect(
			wpEval(
				`global $wpdb; $s = get_site_by_path( get_network()->domain, '/${ SLUG }/' ); $t = $wpdb->get_blog_prefix( $s->blog_id ) . 'ccfm_conversations'; echo $t === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $t ) ) ? 'table' : 'none';`,
				{ multisite: true }
			)
		).toBe( 'table' );

		// Each site's own settings screen.
		const pages: [ string, string ][] = [
			[ '/', '1010101010' ],
			[ `/${ SLUG }/`, '2020202020' ],
		];
		for ( const [ site, id ] of pages ) {
			await admin.goto(
				`${ site }wp-admin/options-general.php?page=customer-chat-for-messenger`
			);
			const field = admin.getByLabel( 'Your Facebook Page', {
				exact: true,
			} );
			await expect( field ).toHaveValue( '' );
			await field.fill( id );
			await admin
				.getByRole( 'radio', { name: /^Chat Plugin with Messenger/ } )
				.check();
			await admin
				.getByRole( 'button', { name: 'Save settings' } )
				.click();
			await expect(
				admin
					.locator( '#ccfm-admin-root' )
					.getByText( 'Settings saved.' )
			).toBeVisible();
		}
		await admin.goto(
			'/wp-admin/options-general.php?page=customer-chat-for-messenger'
		);
		await expect(
			admin.getByLabel( 'Your Facebook Page', { exact: true } )
		).toHaveValue( '1010101010' );
		await admin.context().close();

		// Each site's visitors get that site's chat.
		for ( const [ site, id ] of pages ) {
			const visitor = await networkPage(
				browser,
				sdk,
				consoleErrors,
				url
			);
			await visitor.goto( site );
			// New sites start in link mode: the bubble is that site's own m.me link.
			const bubble = visitor.getByRole( 'link', {
				name: 'Chat with us on Messenger',
			} );
			await expect( bubble ).toBeVisible();
			await expect( bubble ).toHaveAttribute(
				'href',
				`https://m.me/${ id }`
			);
			await visitor.context().close();
		}
		expect( consoleErrors ).toEqual( [] );
	} );
} );
