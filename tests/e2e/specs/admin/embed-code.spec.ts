/**
 * The Embed code panel: the same Chat Plugin element the front end prints, copied.
 */
import {
	chatConfig,
	expect,
	openPanel,
	openSettings,
	test,
} from '../../fixtures';
import { PAGE, save } from './helpers';

test.describe( 'settings app', () => {
	// Each test walks a whole panel through many saves and page loads.
	test.describe.configure( { timeout: 180_000 } );

	test( 'the embed code holds the same Chat Plugin element the front end prints for those settings, and copies', async ( {
		page,
		visitor,
		context,
		settings,
	} ) => {
		await context.grantPermissions( [
			'clipboard-read',
			'clipboard-write',
		] );
		await settings( { mode: 'chat_plugin' } );
		await openSettings( page );
		await page
			.getByLabel( 'Your Facebook Page', { exact: true } )
			.fill( PAGE );
		await page
			.getByLabel( 'Theme colour', { exact: true } )
			.fill( '#1e1e1e' );
		await page
			.getByLabel( 'Greeting for people logged in to Facebook' )
			.fill( 'Hi <friend> & "you"' );
		await page
			.getByLabel( 'Greeting for everyone else' )
			.fill( "Fish & chips, it's 5 > 4" );
		await page.getByLabel( 'Greeting display' ).selectOption( {
			label: 'Hide: stays closed until the visitor clicks',
		} );
		await page
			.getByLabel( 'Delay before the greeting opens (seconds)' )
			.fill( '5' );
		await page.getByLabel( 'Reference (ref)' ).fill( 'embed=1' );

		await openPanel( page, 'Embed code' );
		const code = page.getByLabel( 'Code for a page outside WordPress' );
		// The code follows the unsaved form.
		await expect( code ).toHaveValue( /ref="embed=1"/ );
		const embed = await code.inputValue();
		expect( embed ).toContain( '<div id="fb-root"></div>' );
		expect( embed ).toContain(
			'FB.init({"xfbml":true,"version":"v18.0"})'
		);
		expect( embed ).toContain(
			'src="https://connect.facebook.net/en_US/sdk/xfbml.customerchat.js"'
		);
		const element = embed.match(
			/<div class="fb-customerchat"[^>]*><\/div>/
		)?.[ 0 ];
		expect( element ).toBeTruthy();

		const copy = page.getByRole( 'button', { name: 'Copy code' } );
		await expect( copy ).toBeEnabled();
		await copy.click();
		await expect(
			page.getByRole( 'button', { name: 'Copied!' } )
		).toBeVisible();
		expect(
			await page.evaluate( () => navigator.clipboard.readText() )
		).toBe( embed );

		await save( page );
		await visitor.goto( '/' );
		// The element the loader builds from the printed settings has the embed code's attributes.
		const attributes = ( markup: string ) =>
			visitor.evaluate( ( m ) => {
				const t = document.createElement( 'template' );
				t.innerHTML = m;
				const el = t.content.firstElementChild as Element;
				return Object.fromEntries(
					Array.from( el.attributes ).map( ( a ) => [
						a.name,
						a.value,
					] )
				);
			}, markup );
		const expected = {
			class: 'fb-customerchat',
			page_id: PAGE,
			theme_color: '#1e1e1e',
			logged_in_greeting: 'Hi <friend> & "you"',
			logged_out_greeting: "Fish & chips, it's 5 > 4",
			greeting_dialog_display: 'hide',
			greeting_dialog_delay: '5',
			ref: 'embed=1',
			attribution: 'wordpress',
		};
		expect( await attributes( element as string ) ).toEqual( expected );
		expect( {
			class: 'fb-customerchat',
			...( await chatConfig( visitor ) ).element,
		} ).toEqual( expected );
	} );
} );
