/**
 * The Appearance panel: colour (text and palette), side and spacing validate, save,
 * survive a reload and reach the visitor.
 */
import { expect, form, openSettings, test } from '../../fixtures';
import { PAGE, save, expectRefused, expectValid, cssVar } from './helpers';

test.describe( 'settings app', () => {
	// Each test walks a whole panel through many saves and page loads.
	test.describe.configure( { timeout: 180_000 } );

	test( 'Appearance panel: colour (text and palette), side and spacing validate, save, survive a reload and reach the visitor', async ( {
		page,
		visitor,
		settings,
	} ) => {
		await settings( { page_id: PAGE, mode: 'chat_plugin' } );
		await openSettings( page );
		const colour = page.getByLabel( 'Theme colour', { exact: true } );
		const spacing = page.getByLabel(
			'Distance from the bottom of the screen (px)'
		);
		const left = page.getByRole( 'radio', { name: 'Bottom left' } );
		await expect( colour ).toHaveValue( '' );
		await expect( spacing ).toHaveValue( '24' );
		await expect(
			page.getByRole( 'radio', { name: 'Bottom right (recommended)' } )
		).toBeChecked();

		const colourMessage =
			'The theme colour must be empty or a #rrggbb colour other than white.';
		await colour.fill( '#ffffff' );
		await expectRefused( page, colour, colourMessage );
		await colour.fill( 'blue' );
		await expectRefused( page, colour, colourMessage );

		const palette = page.getByRole( 'listbox', {
			name: 'Theme colour palette',
		} );
		// A refused value is not shown as the chosen colour (no blue swatch for "blue").
		await expect(
			page.locator( '.components-color-palette__custom-color-button' )
		).not.toHaveAttribute( 'aria-label', /value of "blue"/ );
		await expect(
			page.locator( '.components-color-palette__custom-color-button' )
		).not.toHaveCSS( 'background-color', 'rgb(0, 0, 255)' );
		await palette.getByRole( 'option', { name: 'Green' } ).click();
		await expect( colour ).toHaveValue( '#13cf13' );
		await expectValid( page, colour );
		await expect(
			form( page ).getByText( /Low contrast against white \(2\.\d\d:1/ )
		).toBeVisible();
		await palette.getByRole( 'option', { name: 'Purple' } ).click();
		await expect( colour ).toHaveValue( '#a334fa' );
		await expect(
			palette.getByRole( 'option', { name: 'Purple' } )
		).toHaveAttribute( 'aria-selected', 'true' );
		await expect(
			form( page ).getByText( /Low contrast against white/ )
		).toHaveCount( 0 );

		await left.check();
		const spacingMessage =
			'The bottom spacing must be whole pixels from 0 to 500.';
		await spacing.fill( '501' );
		await expectRefused( page, spacing, spacingMessage );
		await spacing.fill( '-1' );
		await expectRefused( page, spacing, spacingMessage );
		await spacing.fill( '80' );
		await expectValid( page, spacing );

		await save( page );
		await page.reload();
		await expect( colour ).toHaveValue( '#a334fa' );
		await expect( left ).toBeChecked();
		await expect( spacing ).toHaveValue( '80' );

		await visitor.goto( '/' );
		const chat = visitor.locator( '#ccfm-chat' );
		const bubble = visitor.getByRole( 'link', {
			name: 'Chat with us on Messenger',
		} );
		await expect( bubble ).toBeVisible();
		expect( await cssVar( chat, '--ccfm-color' ) ).toBe( '#a334fa' );
		await expect( bubble ).toHaveCSS(
			'background-color',
			'rgb(163, 52, 250)'
		);
		await expect( chat ).toHaveClass( /\bccfm-chat--left\b/ );
		await expect( chat ).toHaveCSS( 'bottom', '80px' );
		const box = await bubble.boundingBox();
		const width = visitor.viewportSize()?.width || 1280;
		expect( box && box.x + box.width / 2 ).toBeLessThan( width / 2 );
	} );
} );
