/**
 * What the settings app's browser tests share: saving, a refused field, the
 * stored option, the site language, a combobox's suggestions, a CSS variable.
 */
import type { Locator, Page } from '@playwright/test';

import { expect, form, wpEval } from '../../fixtures';

export const PAGE = '1234567890';

export type Check = { id: string; status: string; label: string };
export type RestError = {
	code: string;
	message: string;
	data: {
		status: number;
		details?: { ccfm_settings?: { message: string } };
	};
};

export async function save( page: Page ): Promise< void > {
	await page.getByRole( 'button', { name: 'Save settings' } ).click();
	await expect( form( page ).getByText( 'Settings saved.' ) ).toBeVisible();
}

/**
 * The field shows its error (an alert, tied to the field), and Save refuses.
 * @param page
 * @param field
 * @param message
 */
export async function expectRefused(
	page: Page,
	field: Locator,
	message: string
): Promise< void > {
	await expect(
		page.getByRole( 'alert' ).filter( { hasText: message } )
	).toBeVisible();
	await expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
	await expect( field ).toHaveAccessibleDescription(
		new RegExp( message.replace( /[.*+?^${}()|[\]\\]/g, '\\$&' ) )
	);
	await page.getByRole( 'button', { name: 'Save settings' } ).click();
	await expect(
		form( page ).getByText( 'Fix the highlighted fields before saving.' )
	).toBeVisible();
	await expect( field ).toBeFocused();
}

export async function expectValid(
	page: Page,
	field: Locator
): Promise< void > {
	await expect( field ).not.toHaveAttribute( 'aria-invalid', 'true' );
	await expect( form( page ).getByRole( 'alert' ) ).toHaveCount( 0 );
}

export async function stored(
	requestUtils: import('@wordpress/e2e-test-utils-playwright').RequestUtils
): Promise< Record< string, unknown > > {
	const r = await requestUtils.rest< {
		ccfm_settings: Record< string, unknown >;
	} >( { path: '/wp/v2/settings' } );
	return r.ccfm_settings;
}

/**
 * Sets the site language option (WPLANG). The language packs are not
 * installed, so core's sanitize step is told to keep the value.
 * @param locale
 */
export function setSiteLanguage( locale: string ): void {
	const value = JSON.stringify( locale );
	wpEval(
		`add_filter( 'sanitize_option_WPLANG', function () { return ${ value }; } ); update_option( 'WPLANG', ${ value } );`
	);
}

/**
 * The suggestions a combobox shows (the listbox it owns).
 * @param page
 * @param combobox
 */
export async function suggestions(
	page: Page,
	combobox: Locator
): Promise< Locator > {
	await expect( combobox ).toHaveAttribute( 'aria-expanded', 'true' );
	const id = await combobox.getAttribute( 'aria-owns' );
	return page.locator( `[id="${ id }"]` ).getByRole( 'option' );
}

export const cssVar = ( locator: Locator, name: string ) =>
	locator.evaluate(
		( el, n ) => getComputedStyle( el ).getPropertyValue( n ).trim(),
		name
	);
