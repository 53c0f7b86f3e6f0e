/**
 * Screenshots of the settings screen at 1400 px and 390 px, in English and
 * German, saved under artifacts/screens/ (git-ignored) for a person to look
 * at; each also checks that nothing on the screen is wider than the window.
 */
import path from 'path';

import { ADMIN, expect, test, wpEval } from '../fixtures';

const OUT = path.resolve( __dirname, '../../../artifacts/screens' );

function setUserLocale( locale: string ): void {
	wpEval( `update_user_meta( 1, 'locale', ${ JSON.stringify( locale ) } );` );
}

for ( const locale of [ 'en_US', 'de_DE' ] ) {
	for ( const width of [ 1400, 390 ] ) {
		test( `settings screen at ${ width } px, ${ locale }`, async ( {
			page,
			settings,
		} ) => {
			await settings( { page_username: 'acme.bakery' } );
			setUserLocale( locale === 'en_US' ? '' : locale );
			try {
				await page.setViewportSize( { width, height: 900 } );
				await page.goto( ADMIN );
				await expect(
					page.locator( '.ccfm-status[data-state="live"]' )
				).toBeVisible();
				await page.waitForLoadState( 'networkidle' );
				await page.screenshot( {
					path: path.join(
						OUT,
						`settings-${ width }-${ locale }.png`
					),
					fullPage: true,
				} );
				const overflow = await page.evaluate(
					() =>
						document.documentElement.scrollWidth -
						document.documentElement.clientWidth
				);
				expect( overflow ).toBeLessThanOrEqual( 0 );
			} finally {
				setUserLocale( '' );
			}
		} );
	}
}

test( 'settings screen at 390 px, not live yet, with Diagnostics and Messenger Platform open', async ( {
	page,
} ) => {
	await page.setViewportSize( { width: 390, height: 900 } );
	await page.goto( ADMIN );
	await expect(
		page.locator( '.ccfm-status[data-state="missing"]' )
	).toBeVisible();
	for ( const title of [ 'Diagnostics', 'Messenger Platform' ] ) {
		await page
			.locator( '#ccfm-admin-root' )
			.getByRole( 'button', { name: title, exact: true } )
			.click();
	}
	await expect( page.locator( 'li[data-check="https"]' ) ).toBeVisible();
	await page.waitForLoadState( 'networkidle' );
	await page.screenshot( {
		path: path.join( OUT, 'settings-390-en_US-not-live-panels.png' ),
		fullPage: true,
	} );
	await page.locator( '.ccfm-platform' ).screenshot( {
		path: path.join( OUT, 'platform-390-en_US.png' ),
	} );
	await page
		.locator( 'li[data-check="https"]' )
		.locator(
			'xpath=ancestor::div[contains(@class,"components-panel__body")][1]'
		)
		.screenshot( { path: path.join( OUT, 'diagnostics-390-en_US.png' ) } );
	const overflow = await page.evaluate(
		() =>
			document.documentElement.scrollWidth -
			document.documentElement.clientWidth
	);
	expect( overflow ).toBeLessThanOrEqual( 0 );
} );
