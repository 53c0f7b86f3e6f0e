// The browser-side checks follow the server's strict rules: whole-string
// patterns, one-line text without control, invisible or direction-changing
// characters, integers that are integers (plain decimal strings only).
const assert = require( 'node:assert/strict' );
const { validateSetting } = require( '../../src/shared/validate' );

const ok = ( name, value ) =>
	assert.equal(
		validateSetting( name, value ),
		null,
		JSON.stringify( value )
	);
const bad = ( name, value ) =>
	assert.notEqual(
		validateSetting( name, value ),
		null,
		JSON.stringify( value )
	);

test( 'a final newline never passes a pattern', () => {
	bad( 'page_id', '1234567890\n' );
	bad( 'page_id', '\n' );
	bad( 'ref', 'abc\n' );
	bad( 'page_username', 'shop.page\n' );
	bad( 'theme_color', '#0084ff\n' );
	bad( 'logged_in_greeting', 'Hello\n' );
	ok( 'page_id', '1234567890' );
} );

test( 'greetings refuse C0/C1 controls, bidi and invisible characters', () => {
	for ( const ch of [
		'\u0000',
		'\u0009',
		'\u001f',
		'\u007f',
		'\u0085',
		'\u009f',
		'\u200b',
		'\u2028',
		'\u2029',
		'\u202a',
		'\u202e',
		'\u2060',
		'\u2066',
		'\u2069',
		'\ufeff',
	] ) {
		bad( 'logged_out_greeting', `Hi ${ ch }there` );
		bad( 'logged_in_greeting', `Hi ${ ch }there` );
	}
} );

test( 'real text in any script passes unchanged', () => {
	for ( const text of [
		'مرحبا! كيف يمكننا مساعدتك؟',
		'您好，有什么可以帮您？',
		'こんにちは 👋',
		'Ça va? Grüße aus Köln',
		'سلام\u200cخوبی', // Persian needs the zero-width non-joiner.
		'👨\u200d👩\u200d👧 family', // Emoji sequences need the zero-width joiner.
		'❤\ufe0f',
	] ) {
		ok( 'logged_in_greeting', text );
	}
} );

test( 'integers: JSON integers in range, decimal strings, nothing loose', () => {
	ok( 'greeting_dialog_delay', 5 );
	ok( 'greeting_dialog_delay', '5' );
	ok( 'greeting_dialog_delay', '' );
	ok( 'bottom_spacing', '24' );
	for ( const loose of [ '1e3', ' 5', '5 ', '+5', '05', '5.0', '0x10' ] ) {
		bad( 'greeting_dialog_delay', loose );
	}
	bad( 'bottom_spacing', '2.4e1' );
	bad( 'bottom_spacing', 1.5 );
	ok( 'exclude_ids', [ 7, 42 ] );
	ok( 'exclude_ids', [ 9007199254740991 ] );
	bad( 'exclude_ids', [ 1e30 ] );
	bad( 'exclude_ids', [ 2 ** 63 ] );
	bad( 'exclude_ids', [ 0 ] );
	bad( 'exclude_ids', [ '1e3' ] );
} );
