// Unit tests of the shared client-side validator and contrast helper,
// imported from the TypeScript source (Jest with Babel, jest-unit.config.js).
const assert = require( 'node:assert/strict' );
const {
	validateSetting,
	contrastWithWhite,
} = require( '../../src/shared/validate' );

test( 'page_id accepts empty and 1-20 digits only', () => {
	assert.equal( validateSetting( 'page_id', '' ), null );
	assert.equal( validateSetting( 'page_id', '12345678901234567890' ), null );
	assert.notEqual(
		validateSetting( 'page_id', '123456789012345678901' ),
		null
	);
	assert.notEqual( validateSetting( 'page_id', '12a' ), null );
	assert.notEqual( validateSetting( 'page_id', 123 ), null );
} );

test( 'theme_color refuses white in every spelling', () => {
	assert.equal( validateSetting( 'theme_color', '#0084ff' ), null );
	assert.equal( validateSetting( 'theme_color', '' ), null );
	for ( const white of [ '#ffffff', '#FFFFFF', '#fFfFfF', '#fff' ] ) {
		assert.notEqual( validateSetting( 'theme_color', white ), null, white );
	}
	assert.notEqual( validateSetting( 'theme_color', 'red' ), null );
} );

test( 'greetings: at most 80 characters, no control characters', () => {
	assert.equal(
		validateSetting( 'logged_in_greeting', 'é'.repeat( 80 ) ),
		null
	);
	assert.notEqual(
		validateSetting( 'logged_in_greeting', 'a'.repeat( 81 ) ),
		null
	);
	assert.notEqual(
		validateSetting( 'logged_out_greeting', 'a\u0007b' ),
		null
	);
	assert.equal(
		validateSetting( 'logged_out_greeting', '"><script>alert(1)</script>' ),
		null
	);
} );

test( 'delay: empty or 0-3600 whole seconds', () => {
	assert.equal( validateSetting( 'greeting_dialog_delay', '' ), null );
	assert.equal( validateSetting( 'greeting_dialog_delay', 0 ), null );
	assert.equal( validateSetting( 'greeting_dialog_delay', 3600 ), null );
	assert.notEqual( validateSetting( 'greeting_dialog_delay', 3601 ), null );
	assert.notEqual( validateSetting( 'greeting_dialog_delay', -1 ), null );
	assert.notEqual( validateSetting( 'greeting_dialog_delay', 1.5 ), null );
	assert.notEqual( validateSetting( 'greeting_dialog_delay', 'soon' ), null );
} );

test( 'ref, enums and locale', () => {
	assert.equal( validateSetting( 'ref', 'home-page_v=2' ), null );
	assert.notEqual( validateSetting( 'ref', 'a b' ), null );
	assert.notEqual( validateSetting( 'ref', 'a'.repeat( 251 ) ), null );
	assert.notEqual(
		validateSetting( 'greeting_dialog_display', 'blink' ),
		null
	);
	assert.equal( validateSetting( 'locale', 'auto' ), null );
	assert.equal( validateSetting( 'locale', 'es_LA' ), null );
	assert.notEqual( validateSetting( 'locale', 'xx_XX' ), null );
} );

test( 'server messages take precedence over the schema text', () => {
	assert.equal(
		validateSetting( 'page_id', 'x', { page_id: 'Seitennummer!' } ),
		'Seitennummer!'
	);
} );

test( 'contrast against white', () => {
	assert.ok( contrastWithWhite( '#0084ff' ) > 3.5 );
	assert.ok( contrastWithWhite( '#ffff00' ) < 3 );
	assert.ok( Math.abs( contrastWithWhite( '#000000' ) - 21 ) < 0.01 );
} );

test( 'greetings refuse LRM, RLM, ALM and other invisible formatting characters, as PHP does', () => {
	for ( const hidden of [
		'\u200E',
		'\u200F',
		'\u061C',
		'\u00AD',
		'\u180E',
		'\u202E',
		'\u2066',
		'\uFEFF',
		'\u{E0041}',
		'\u0085',
	] ) {
		assert.notEqual(
			validateSetting( 'logged_in_greeting', `a${ hidden }b` ),
			null,
			hidden.codePointAt( 0 ).toString( 16 )
		);
	}
	assert.equal(
		validateSetting(
			'logged_in_greeting',
			'Family \u{1F468}\u200D\u{1F469}'
		),
		null,
		'ZWJ joins an emoji sequence'
	);
	assert.equal(
		validateSetting( 'logged_in_greeting', 'می\u200Cخواهم' ),
		null,
		'ZWNJ is part of Persian words'
	);
} );
