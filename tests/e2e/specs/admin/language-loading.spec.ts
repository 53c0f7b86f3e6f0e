/**
 * The Language and Loading panels (Chat Plugin mode): the searchable language list,
 * "Follow site language" and the load strategy.
 */
import { expect, form, openPanel, openSettings, test } from '../../fixtures';
import { PAGE, save, setSiteLanguage, suggestions } from './helpers';

test.describe( 'settings app', () => {
	// Each test walks a whole panel through many saves and page loads.
	test.describe.configure( { timeout: 180_000 } );

	test( 'Language and Loading panels: a searchable language list, saved with the load strategy; the visitor loads that SDK at once', async ( {
		page,
		visitor,
		settings,
		sdk,
	} ) => {
		await settings( { page_id: PAGE, mode: 'chat_plugin' } );
		await openSettings( page );
		await openPanel( page, 'Language' );
		const language = page.getByRole( 'combobox', {
			name: 'Chat language',
		} );
		// The same language twice says it once.
		await expect( language ).toHaveValue( 'Follow site language (en_US)' );
		await language.click();
		await language.fill( 'germ' );
		const options = await suggestions( page, language );
		await expect( options ).toHaveText( [ 'German (de_DE)' ] );
		await options.first().click();
		await expect( language ).toHaveValue( 'German (de_DE)' );

		await openPanel( page, 'Loading' );
		await expect(
			page.getByRole( 'radio', { name: /^On interaction/ } )
		).toBeChecked();
		await expect(
			form( page ).getByText( 'WP Consent API not detected.' )
		).toBeVisible();
		await page.getByRole( 'radio', { name: /^Immediately/ } ).check();
		await save( page );

		await page.reload();
		await openPanel( page, 'Language' );
		await openPanel( page, 'Loading' );
		await expect( language ).toHaveValue( 'German (de_DE)' );
		await expect(
			page.getByRole( 'radio', { name: /^Immediately/ } )
		).toBeChecked();

		await visitor.goto( '/' );
		await expect
			.poll( () => sdk.scripts() )
			.toEqual( [
				'https://connect.facebook.net/de_DE/sdk/xfbml.customerchat.js',
			] );
	} );

	test( '"Follow site language" shows the site language and the Facebook locale it becomes', async ( {
		page,
		visitor,
		settings,
		sdk,
	} ) => {
		await settings( {
			page_id: PAGE,
			mode: 'chat_plugin',
			load_strategy: 'immediate',
		} );
		const cases: [ string, string ][] = [
			[ 'es_MX', 'es_LA' ],
			[ 'de_DE_formal', 'de_DE' ],
			[ 'kab', 'en_US' ],
		];
		try {
			for ( const [ wp, fb ] of cases ) {
				setSiteLanguage( wp );
				await openSettings( page );
				await openPanel( page, 'Language' );
				await expect(
					page.getByRole( 'combobox', { name: 'Chat language' } )
				).toHaveValue( `Follow site language (${ wp } → ${ fb })` );
				sdk.requests.length = 0;
				await visitor.goto( '/' );
				await expect
					.poll( () => sdk.scripts() )
					.toEqual( [
						`https://connect.facebook.net/${ fb }/sdk/xfbml.customerchat.js`,
					] );
			}
		} finally {
			setSiteLanguage( '' );
		}
	} );
} );
