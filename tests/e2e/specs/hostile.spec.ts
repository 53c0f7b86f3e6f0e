/**
 * Cookie-authenticated writes need a valid X-WP-Nonce: without one, or with
 * a wrong one, every route refuses and nothing is stored.
 */
import { expect, test } from '../fixtures';

const routes = [
	{
		method: 'POST',
		path: '/wp-json/wp/v2/settings',
		data: { ccfm_settings: { page_id: '999' } },
	},
	{
		method: 'POST',
		path: '/wp-json/ccfm/v1/embed-code',
		data: { settings: { page_id: '999' } },
	},
	{ method: 'GET', path: '/wp-json/ccfm/v1/diagnostics', data: undefined },
	{ method: 'GET', path: '/wp-json/ccfm/v1/platform', data: undefined },
	{
		method: 'POST',
		path: '/wp-json/ccfm/v1/platform',
		data: { retention_days: 90 },
	},
	{ method: 'GET', path: '/wp-json/ccfm/v1/conversations', data: undefined },
] as const;

test( 'cookie-authenticated requests without a valid nonce are refused; with one they work', async ( {
	page,
	requestUtils,
} ) => {
	await page.goto(
		'/wp-admin/options-general.php?page=customer-chat-for-messenger'
	);
	const nonce = await page.evaluate(
		() =>
			(
				window as unknown as {
					wp: { apiFetch: { nonceMiddleware: { nonce: string } } };
				}
			 ).wp.apiFetch.nonceMiddleware.nonce
	);
	expect( nonce ).toMatch( /^[0-9a-f]{10}$/ );
	for ( const route of routes ) {
		for ( const headers of [ {}, { 'X-WP-Nonce': 'deadbeef00' } ] as Record<
			string,
			string
		>[] ) {
			const response = await page.request.fetch( route.path, {
				method: route.method,
				data: route.data,
				headers,
			} );
			expect(
				[ 401, 403 ],
				`${ route.method } ${ route.path } ${ JSON.stringify(
					headers
				) }`
			).toContain( response.status() );
		}
		const ok = await page.request.fetch( route.path, {
			method: route.method,
			data: route.data,
			headers: { 'X-WP-Nonce': nonce },
		} );
		expect(
			ok.status(),
			`${ route.method } ${ route.path } with a valid nonce`
		).toBe( 200 );
		if ( route.path.endsWith( '/settings' ) ) {
			// Reset, then prove the refused writes above stored nothing.
			await requestUtils.rest( {
				method: 'POST',
				path: '/wp/v2/settings',
				data: { ccfm_settings: { page_id: '' } },
			} );
		}
	}
	const stored = await requestUtils.rest< {
		ccfm_settings: { page_id: string };
	} >( { path: '/wp/v2/settings' } );
	expect( stored.ccfm_settings.page_id ).toBe( '' );
} );
