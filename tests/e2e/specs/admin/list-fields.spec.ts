/**
 * A list typed into a text box (Where it shows → "Never show on these posts
 * (IDs)") follows the one rule of every field: text that is not a list of IDs
 * blocks the save with the field's error and the focus on it — also after an
 * earlier valid list, and also when it is the only change — and once saved the
 * field shows what the server stored.
 */

import { expect, form, openSettings, test } from '../../fixtures';
import { PAGE, expectRefused, save, stored } from './helpers';

const LABEL = 'Never show on these posts (IDs)';
const MESSAGE = 'Enter post IDs (whole numbers) separated by commas.';

test.describe( 'list fields', () => {
	test.describe.configure( { timeout: 120_000 } );

	test( 'a bad list after a good one is refused, not saved as the last good value', async ( {
		page,
		requestUtils,
		settings,
	} ) => {
		await settings( { page_id: PAGE, exclude_ids: [] } );
		await openSettings( page );
		await page.getByRole( 'button', { name: 'Where it shows' } ).click();
		const field = page.getByLabel( LABEL, { exact: true } );

		// The reported path: a valid list, then an edit that breaks it, plus
		// another change elsewhere.
		await field.fill( '101, 105' );
		await field.fill( '105, /ux-test-long-post/' );
		await page
			.getByLabel( 'Distance from the bottom of the screen (px)', {
				exact: true,
			} )
			.fill( '40' );
		await expectRefused( page, field, MESSAGE );
		expect( ( await stored( requestUtils ) ).exclude_ids ).toEqual( [] );
		await expect( field ).toHaveValue( '105, /ux-test-long-post/' );

		// Made right, it saves, and the field shows the stored list.
		await field.fill( '105  101,105' );
		await save( page );
		expect( ( await stored( requestUtils ) ).exclude_ids ).toEqual( [
			105, 101,
		] );
		await expect( field ).toHaveValue( '105, 101' );
	} );

	test( 'a bad list typed into an empty field, as the only change, is refused with the error and the focus', async ( {
		page,
		requestUtils,
		settings,
	} ) => {
		await settings( { page_id: PAGE, exclude_ids: [] } );
		await openSettings( page );
		await page.getByRole( 'button', { name: 'Where it shows' } ).click();
		const field = page.getByLabel( LABEL, { exact: true } );
		await field.fill( '12, abc, 9999999' );
		await expectRefused( page, field, MESSAGE );
		expect( ( await stored( requestUtils ) ).exclude_ids ).toEqual( [] );

		// Emptied again, nothing is in error and the save goes through.
		await field.fill( '12, 9999999' );
		await expect( form( page ).getByRole( 'alert' ) ).toHaveCount( 0 );
		await save( page );
		expect( ( await stored( requestUtils ) ).exclude_ids ).toEqual( [
			12, 9999999,
		] );
	} );
} );
