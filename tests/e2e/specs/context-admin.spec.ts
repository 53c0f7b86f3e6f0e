/**
 * The settings screen's "Message and away hours" panel: the variables, a
 * live example of the front page's link, the schedule editor, the away
 * preview, and a refused schedule that stores nothing.
 */
import {
	expect,
	form,
	openPanel,
	openSettings,
	test,
	wpEval,
} from '../fixtures';

const PAGE = '1234567890';

test( 'the message field shows the front page’s link; a schedule the server refuses is explained and nothing is stored', async ( {
	page,
	settings,
	sdk,
} ) => {
	// The refused save is a 400 the browser logs.
	sdk.allowConsoleErrors.push( '400 (Bad Request)' );
	const site = wpEval( "echo get_bloginfo( 'name' );" );
	await settings( { page_id: PAGE, ref: 'home' } );
	const before = wpEval(
		"echo wp_json_encode( get_option( 'ccfm_settings' ) );"
	);
	await openSettings( page );
	const panel = await openPanel( page, 'Message and away hours' );
	await expect( panel ).toContainText( '{title}' );
	await panel.getByLabel( 'Pre-filled message' ).fill( 'Hi {site}, {x}' );
	await expect( panel.getByTestId( 'ccfm-message-example' ) ).toHaveText(
		`https://m.me/${ PAGE }?ref=home&text=${ encodeURIComponent(
			`Hi ${ site }, {x}`
		).replace( /[()]/g, ( c ) => ( c === '(' ? '%28' : '%29' ) ) }`
	);

	await panel.getByRole( 'button', { name: 'Add hours on Monday' } ).click();
	await panel.getByLabel( 'Monday from' ).fill( '18:00' );
	await panel.getByLabel( 'Monday to' ).fill( '09:00' );
	await panel
		.getByRole( 'textbox', { name: 'Away greeting' } )
		.fill( 'Back at nine' );
	await expect( panel.getByTestId( 'ccfm-away-preview' ) ).toContainText(
		'Back at nine'
	);
	await page.getByRole( 'button', { name: 'Save settings' } ).click();
	await expect( panel.locator( '#ccfm-away_hours-error' ) ).toContainText(
		'each ending after it starts'
	);
	expect(
		wpEval( "echo wp_json_encode( get_option( 'ccfm_settings' ) );" )
	).toBe( before );

	await panel.getByLabel( 'Monday to' ).fill( '20:00' );
	await panel.getByLabel( 'Hide the bubble' ).check();
	await expect( panel.getByTestId( 'ccfm-away-preview' ) ).toContainText(
		'The bubble is hidden'
	);
	await page.getByRole( 'button', { name: 'Save settings' } ).click();
	await expect( form( page ).getByText( 'Settings saved.' ) ).toBeVisible();
	expect(
		JSON.parse(
			wpEval( "echo wp_json_encode( get_option( 'ccfm_settings' ) );" )
		)
	).toMatchObject( {
		message_text: 'Hi {site}, {x}',
		away_hours: [ '1 18:00-20:00' ],
		away_action: 'hide',
	} );
} );
