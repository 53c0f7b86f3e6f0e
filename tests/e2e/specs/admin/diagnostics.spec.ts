/**
 * Diagnostics: the panel, the REST route and Site Health agree on what stops the
 * chat (HTTPS, domain, referrer policy, CSP).
 */
import { expect, form, openPanel, openSettings, test } from '../../fixtures';
import { type Check } from './helpers';

test.describe( 'settings app', () => {
	// Each test walks a whole panel through many saves and page loads.
	test.describe.configure( { timeout: 180_000 } );

	test( 'diagnostics on the local site in Chat Plugin mode: HTTPS and domain are critical, in the panel and over REST', async ( {
		page,
		requestUtils,
		settings,
	} ) => {
		await settings( { mode: 'chat_plugin' } );
		await openSettings( page );
		await openPanel( page, 'Diagnostics' );
		const check = ( id: string ) =>
			form( page ).locator( `li[data-check="${ id }"]` );
		await expect( check( 'https' ) ).toHaveAttribute(
			'data-status',
			'critical'
		);
		await expect( check( 'https' ) ).toContainText(
			'The site is not served over HTTPS'
		);
		await expect( check( 'domain' ) ).toHaveAttribute(
			'data-status',
			'critical'
		);
		await expect( check( 'domain' ) ).toContainText(
			'localhost cannot be whitelisted'
		);
		await expect( check( 'page_id' ) ).toHaveAttribute(
			'data-status',
			'critical'
		);
		await expect( check( 'referrer' ) ).toHaveAttribute(
			'data-status',
			'good'
		);
		await expect( check( 'csp' ) ).toHaveAttribute( 'data-status', 'good' );

		const { checks } = await requestUtils.rest< { checks: Check[] } >( {
			path: '/ccfm/v1/diagnostics',
		} );
		const status = Object.fromEntries(
			checks.map( ( c ) => [ c.id, c.status ] )
		);
		expect( status ).toMatchObject( {
			https: 'critical',
			domain: 'critical',
			referrer: 'good',
			csp: 'good',
		} );
		// The panel shows exactly what the route reports.
		for ( const c of checks ) {
			await expect( check( c.id ) ).toHaveAttribute(
				'data-status',
				c.status
			);
		}
	} );

	test( 'diagnostics: a no-referrer policy and a strict CSP are critical in the panel and over REST, and clear when fixed', async ( {
		page,
		requestUtils,
		scenario,
		settings,
	} ) => {
		await settings( { mode: 'chat_plugin' } );
		await scenario( {
			referrer_policy: 'no-referrer',
			csp: "default-src 'self'",
		} );
		await openSettings( page );
		await openPanel( page, 'Diagnostics' );
		const check = ( id: string ) =>
			form( page ).locator( `li[data-check="${ id }"]` );
		await expect( check( 'referrer' ) ).toHaveAttribute(
			'data-status',
			'critical'
		);
		await expect( check( 'referrer' ) ).toContainText(
			'The Referrer-Policy header is "no-referrer"'
		);
		await expect( check( 'csp' ) ).toHaveAttribute(
			'data-status',
			'critical'
		);
		await expect( check( 'csp' ) ).toContainText(
			'blocks scripts from connect.facebook.net and frames from www.facebook.com'
		);
		const { checks } = await requestUtils.rest< { checks: Check[] } >( {
			path: '/ccfm/v1/diagnostics',
		} );
		expect(
			Object.fromEntries( checks.map( ( c ) => [ c.id, c.status ] ) )
		).toMatchObject( { referrer: 'critical', csp: 'critical' } );

		await scenario( {} );
		await page
			.getByRole( 'button', { name: 'Run the checks again' } )
			.click();
		await expect( check( 'referrer' ) ).toHaveAttribute(
			'data-status',
			'good'
		);
		await expect( check( 'csp' ) ).toHaveAttribute( 'data-status', 'good' );
	} );

	test( 'Site Health lists the Messenger chat result with its checks (Chat Plugin mode)', async ( {
		page,
		scenario,
		settings,
	} ) => {
		await settings( { mode: 'chat_plugin' } );
		await scenario( { referrer_policy: 'no-referrer' } );
		// WordPress's own background-updates test asks WordPress.org for core
		// checksums, which this offline machine answers with a PHP warning.
		await page.route(
			/\/wp-site-health\/v1\/tests\/background-updates/,
			( route ) =>
				route.fulfill( {
					json: {
						label: 'Background updates are working',
						status: 'good',
						badge: { label: 'Security', color: 'blue' },
						description: '',
						actions: '',
						test: 'background_updates',
					},
				} )
		);
		const fetched = page.waitForResponse(
			( response ) =>
				response.url().includes( 'ccfm/v1/site-health' ) &&
				response.status() === 200
		);
		await page.goto( '/wp-admin/site-health.php' );
		await fetched;
		// An asynchronous test: the screen fetches its result over REST after
		// loading, and lists it among the critical issues under its badge.
		const critical = page.locator( '#health-check-issues-critical' );
		const result = critical.getByRole( 'button', {
			name: /The Messenger chat needs attention/,
		} );
		await expect( result ).toBeVisible();
		await expect( result ).toContainText( 'Messenger chat' );
		await result.click();
		const details = page.locator(
			`#${ await result.getAttribute( 'aria-controls' ) }`
		);
		await expect( details ).toBeVisible();
		const items = details.getByRole( 'listitem' );
		for ( const line of [
			/^HTTPS \(Critical\) The site is not served over HTTPS/,
			/^Domain \(Critical\) localhost cannot be whitelisted/,
			/^Referrer policy \(Critical\) The Referrer-Policy header is "no-referrer"/,
			/^Content-Security-Policy \(Good\) No Content-Security-Policy/,
		] ) {
			await expect( items.filter( { hasText: line } ) ).toHaveCount( 1 );
		}
		// Worst first.
		const rank = [ 'Critical', 'Recommended', 'Good' ];
		const statuses = ( await items.allTextContents() ).map( ( t ) =>
			rank.indexOf(
				/\((Critical|Recommended|Good)\)/.exec( t )?.[ 1 ] || ''
			)
		);
		expect( statuses ).not.toContain( -1 );
		expect( statuses ).toEqual( [ ...statuses ].sort() );
		await details
			.getByRole( 'link', { name: 'Messenger Chat settings' } )
			.click();
		await expect( page ).toHaveURL( /page=customer-chat-for-messenger/ );
	} );
} );
