// Translations: the committed POT matches the sources, the German .mo and
// the JavaScript JSON files match the .po, and the extractor finds what
// WordPress would translate (contexts, plurals, translator comments, the
// text domain only).
const { test } = require( 'node:test' );
const assert = require( 'node:assert/strict' );
const crypto = require( 'crypto' );
const fs = require( 'fs' );
const os = require( 'os' );
const path = require( 'path' );
const { execFileSync } = require( 'child_process' );
const makePot = require( '../../bin/make-pot.js' );
const po2json = require( '../../bin/po2json.js' );

const root = path.resolve( __dirname, '../..' );
const lang = path.join( root, 'plugin/languages' );
const DOMAIN = 'customer-chat-for-messenger';

test( 'the committed POT is up to date with the sources (npm run make-pot)', () => {
	const committed = fs.readFileSync( makePot.POT, 'utf8' );
	assert.equal(
		makePot.withoutDate( makePot.build() ),
		makePot.withoutDate( committed )
	);
} );

test( 'the POT has the strings of every kind of source', () => {
	const pot = fs.readFileSync( makePot.POT, 'utf8' );
	for ( const needle of [
		// PHP, front-end bubble.
		'msgid "Chat with us on Messenger"',
		// Admin app (TSX).
		'#: src/admin/app.tsx:',
		'msgid "Save settings"',
		'msgid "Your Facebook Page"',
		// block.json with WordPress' contexts.
		'msgctxt "block title"\nmsgid "Messenger Chat"',
		'msgctxt "block variation title"\nmsgid "Chat settings for this page"',
		'msgctxt "block variation description"',
		'msgctxt "block keyword"\nmsgid "messenger"',
		'msgctxt "block description"',
		// Plugin header.
		'#. Description of the plugin\nmsgid "Adds a Messenger chat',
		'#. Plugin Name of the plugin\n',
		// Translator comments from PHP and TSX, kept with their string.
		'#. translators: %s: ref value.\n#: src/blocks/chat/legacy-ref.tsx:',
		'#. translators: %s: what is blocked.\n#: plugin/includes/class-diagnostics.php:',
	] ) {
		assert.ok( pot.includes( needle ), needle );
	}
} );

function extract( source, ext ) {
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'ccfm-pot-' ) );
	const file = path.join( dir, 'fixture.' + ext );
	fs.writeFileSync( file, source );
	try {
		return makePot.extractCalls( file, ext === 'php' ? 'php' : 'js' );
	} finally {
		fs.rmSync( dir, { recursive: true } );
	}
}

test( 'PHP extraction: all gettext functions, contexts, plurals, comments, escapes; other domains and methods skipped', () => {
	const found = extract(
		`<?php
echo esc_html__( 'One', 'customer-chat-for-messenger' ) . esc_attr_e( "Two \\"q\\"", 'customer-chat-for-messenger' );
/* translators: %d: count. */
printf( _n( '%d item', '%d items', $n, 'customer-chat-for-messenger' ), $n );
_x( 'Post', 'noun', 'customer-chat-for-messenger' );
esc_html_x( 'It\\'s', 'ctx', 'customer-chat-for-messenger' );
__( 'Other', 'other-domain' );
$obj->__( 'Method', 'customer-chat-for-messenger' );
__( $dynamic, 'customer-chat-for-messenger' );
// __( 'Commented', 'customer-chat-for-messenger' );
$s = '__( "In a string", "customer-chat-for-messenger" )';
?><p><?php esc_html_e( 'Template', 'customer-chat-for-messenger' ); ?></p>
`,
		'php'
	);
	assert.deepEqual(
		found.map( ( f ) => [ f.msgid, f.plural, f.context, f.comment ] ),
		[
			[ 'One', null, null, null ],
			[ 'Two "q"', null, null, null ],
			[ '%d item', '%d items', null, 'translators: %d: count.' ],
			[ 'Post', null, 'noun', null ],
			[ "It's", null, 'ctx', null ],
			[ 'Template', null, null, null ],
		]
	);
	assert.match( found[ 2 ].ref, /fixture\.php:4$/ );
} );

test( 'TS extraction: @wordpress/i18n calls, sprintf with translator comments, template literals', () => {
	const found = extract(
		`import { __, _x, _n, sprintf } from '@wordpress/i18n';
const a = __( 'Hello', 'customer-chat-for-messenger' );
const b = sprintf(
	// translators: %s: name.
	__( 'Hi %s', 'customer-chat-for-messenger' ),
	name
);
const c = _x( \`Tab\`, 'ui', 'customer-chat-for-messenger' );
const d = _n( 'One file', 'Many files', 2, 'customer-chat-for-messenger' );
const e = __( 'Elsewhere', 'default' );
const f = wp.i18n.__( 'Member', 'customer-chat-for-messenger' );
`,
		'tsx'
	);
	assert.deepEqual(
		found.map( ( x ) => [ x.msgid, x.plural, x.context, x.comment ] ),
		[
			[ 'Hello', null, null, null ],
			[ 'Hi %s', null, null, 'translators: %s: name.' ],
			[ 'Tab', null, 'ui', null ],
			[ 'One file', 'Many files', null, null ],
		]
	);
} );

test( 'the German .mo is compiled from the .po (msgfmt)', () => {
	const po = path.join( lang, `${ DOMAIN }-de_DE.po` );
	const tmp = path.join(
		fs.mkdtempSync( path.join( os.tmpdir(), 'ccfm-mo-' ) ),
		'de_DE.mo'
	);
	execFileSync( 'msgfmt', [ '--check', '-o', tmp, po ] );
	assert.ok(
		fs
			.readFileSync( tmp )
			.equals(
				fs.readFileSync( path.join( lang, `${ DOMAIN }-de_DE.mo` ) )
			),
		'run npm run i18n'
	);
	const stats = execFileSync(
		'msgfmt',
		[ '--statistics', '-o', '/dev/null', po ],
		{
			encoding: 'utf8',
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		}
	);
	assert.equal( stats, '' ); // Statistics go to stderr; stdout stays empty.
} );

test( 'the German .po translates the required strings and has the same msgids as the POT', () => {
	const po = po2json.parsePo(
		fs.readFileSync( path.join( lang, `${ DOMAIN }-de_DE.po` ), 'utf8' )
	);
	const pot = po2json.parsePo( fs.readFileSync( makePot.POT, 'utf8' ) );
	const key = ( e ) => `${ e.context ?? '' }\u0004${ e.msgid }`;
	assert.deepEqual(
		po
			.filter( ( e ) => ! e.fuzzy )
			.map( key )
			.sort(),
		pot.map( key ).sort(),
		'run npm run i18n'
	);
	const de = Object.fromEntries(
		po.map( ( e ) => [ key( e ), e.msgstr[ 0 ] ] )
	);
	assert.equal(
		de[ '\u0004Chat with us on Messenger' ],
		'Chatte mit uns im Messenger'
	);
	assert.equal( de[ 'block title\u0004Messenger Chat' ], 'Messenger-Chat' );
	assert.equal( de[ '\u0004Save settings' ], 'Einstellungen speichern' );
	assert.equal( de[ '\u0004Your Facebook Page' ], 'Deine Facebook-Seite' );
	assert.equal( de[ '\u0004Message us' ], 'Schreib uns' );
	assert.equal(
		de[ 'block variation title\u0004Chat settings for this page' ],
		'Chat-Einstellungen für diese Seite'
	);
} );

test( 'the JS translation files are named by md5 of the script path and match the .po', () => {
	const files = po2json.all();
	const md5 = ( s ) => crypto.createHash( 'md5' ).update( s ).digest( 'hex' );
	for ( const name of [
		'admin',
		'blocks/chat/index',
		'editor',
		'diagnostics',
	] ) {
		const file = `${ DOMAIN }-de_DE-${ md5( `build/${ name }.js` ) }.json`;
		assert.ok( files[ file ], file );
		assert.equal(
			fs.readFileSync( path.join( lang, file ), 'utf8' ),
			files[ file ],
			`${ file } is stale: run npm run i18n`
		);
		const data = JSON.parse( files[ file ] );
		assert.equal( data.locale_data.messages[ '' ].lang, 'de_DE' );
		assert.equal( data.locale_data.messages[ '' ].domain, 'messages' );
	}
	const messages = ( name ) =>
		JSON.parse(
			files[ `${ DOMAIN }-de_DE-${ md5( `build/${ name }.js` ) }.json` ]
		).locale_data.messages;
	assert.deepEqual( messages( 'admin' )[ 'Save settings' ], [
		'Einstellungen speichern',
	] );
	assert.deepEqual( messages( 'admin' )[ 'Your Facebook Page' ], [
		'Deine Facebook-Seite',
	] );
	assert.deepEqual( messages( 'blocks/chat/index' )[ 'Message us' ], [
		'Schreib uns',
	] );
	assert.deepEqual(
		messages( 'blocks/chat/index' )[ 'block title\u0004Messenger Chat' ],
		[ 'Messenger-Chat' ]
	);
	// Only what a script uses: the admin app has no block strings, the block no admin strings.
	assert.equal(
		messages( 'admin' )[ 'block title\u0004Messenger Chat' ],
		undefined
	);
	assert.equal(
		messages( 'blocks/chat/index' )[ 'Save settings' ],
		undefined
	);
	assert.deepEqual( messages( 'editor' )[ 'On this post' ], [
		'In diesem Beitrag',
	] );
	assert.deepEqual( messages( 'diagnostics' )[ 'Chat diagnostics' ], [
		'Chat-Diagnose',
	] );
} );
