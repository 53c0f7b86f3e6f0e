/**
 * The live preview follows the form as you type, before saving.
 */
import { expect, openSettings, test } from '../../fixtures';
import { stored, cssVar } from './helpers';

test.describe( 'settings app', () => {
	// Each test walks a whole panel through many saves and page loads.
	test.describe.configure( { timeout: 180_000 } );

	test( 'the preview follows colour, side, spacing and greeting as you type, before saving', async ( {
		page,
		requestUtils,
	} ) => {
		await openSettings( page );
		const preview = page.locator( '.ccfm-admin__preview .ccfm-preview' );
		const chat = preview.getByTestId( 'ccfm-preview-chat' );
		const bubble = chat.locator( '.ccfm-bubble' );
		const greeting = chat.locator( '.ccfm-greeting' );
		await expect( chat ).toHaveClass( /\bccfm-chat--right\b/ );
		await expect( bubble ).toHaveCSS(
			'background-color',
			'rgb(0, 132, 255)'
		);
		await expect( greeting ).toHaveCount( 0 );
		// The glyph is white on the bubble, as on the site.
		await expect( bubble.locator( 'path' ) ).toHaveCSS(
			'fill',
			'rgb(255, 255, 255)'
		);

		await page
			.getByLabel( 'Theme colour', { exact: true } )
			.fill( '#a334fa' );
		await expect( bubble ).toHaveCSS(
			'background-color',
			'rgb(163, 52, 250)'
		);
		expect( await cssVar( chat, '--ccfm-color' ) ).toBe( '#a334fa' );
		// White is refused: the preview keeps the last usable colour rule (Messenger blue).
		await page
			.getByLabel( 'Theme colour', { exact: true } )
			.fill( '#ffffff' );
		await expect( bubble ).toHaveCSS(
			'background-color',
			'rgb(0, 132, 255)'
		);
		await page
			.getByRole( 'listbox', { name: 'Theme colour palette' } )
			.getByRole( 'option', { name: 'Dark' } )
			.click();
		await expect( bubble ).toHaveCSS(
			'background-color',
			'rgb(30, 30, 30)'
		);

		const previewBox = await preview.boundingBox();
		await page.getByRole( 'radio', { name: 'Bottom left' } ).check();
		await expect( chat ).toHaveClass( /\bccfm-chat--left\b/ );
		const bubbleBox = await bubble.boundingBox();
		expect(
			bubbleBox && previewBox && bubbleBox.x - previewBox.x
		).toBeLessThan( ( previewBox?.width || 0 ) / 2 );

		await page
			.getByLabel( 'Distance from the bottom of the screen (px)' )
			.fill( '100' );
		await expect( chat ).toHaveCSS( 'bottom', '100px' );
		// A spacing the site would refuse is previewed as its default.
		await page
			.getByLabel( 'Distance from the bottom of the screen (px)' )
			.fill( '900' );
		await expect( chat ).toHaveCSS( 'bottom', '24px' );
		await page
			.getByLabel( 'Distance from the bottom of the screen (px)' )
			.fill( '100' );
		await expect( chat ).toHaveCSS( 'bottom', '100px' );

		await page
			.getByLabel( 'Greeting', { exact: true } )
			.fill( 'Hello from the preview' );
		await expect( greeting ).toBeVisible();
		await expect( greeting ).toHaveText( 'Hello from the preview' );
		// A greeting too long for the site is not previewed.
		await page
			.getByLabel( 'Greeting', { exact: true } )
			.fill( 'x'.repeat( 81 ) );
		await expect( greeting ).toHaveCount( 0 );
		await page
			.getByLabel( 'Greeting', { exact: true } )
			.fill( 'Hello from the preview' );
		await expect( greeting ).toHaveText( 'Hello from the preview' );
		await page.getByLabel( 'Greeting display' ).selectOption( {
			label: 'Icon: only the chat icon, no greeting',
		} );
		await expect( greeting ).toHaveCount( 0 );

		expect( await stored( requestUtils ) ).toMatchObject( {
			theme_color: '',
			alignment: 'right',
			bottom_spacing: 24,
			logged_out_greeting: '',
		} );
	} );
} );
