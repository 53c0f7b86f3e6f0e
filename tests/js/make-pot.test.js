// bin/i18n/make-pot.js, the POT extractor (WP-CLI's `wp i18n make-pot` is not
// available here): the committed POT matches the sources, it finds what
// WordPress would translate (contexts, plurals, translator comments, the
// text domain only), and what it writes is valid gettext that an independent
// reader (gettext-parser, GNU msgfmt) reads back unchanged.
const assert = require( 'node:assert/strict' );
const fs = require( 'fs' );
const os = require( 'os' );
const path = require( 'path' );
const { execFileSync } = require( 'child_process' );
const gettext = require( 'gettext-parser' );
const makePot = require( '../../bin/i18n/make-pot.js' );

const key = ( context, msgid ) => `${ context ?? '' }\u0004${ msgid }`;

function tmpFile( name, text ) {
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'ccfm-pot-' ) );
	const file = path.join( dir, name );
	fs.writeFileSync( file, text );
	return file;
}

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
		'#. translators: %s: what is blocked.\n#: plugin/includes/admin/class-diagnostics.php:',
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

test( 'the POT is valid gettext: msgfmt accepts it and gettext-parser reads back every string', () => {
	const text = makePot.build( '2024-01-01 00:00+0000' );
	const file = tmpFile( 'check.pot', text );
	try {
		// --check also validates the php-format placeholders.
		execFileSync( 'msgfmt', [ '--check', '-o', '/dev/null', file ], {
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		} );
	} finally {
		fs.rmSync( path.dirname( file ), { recursive: true } );
	}
	const { headers, translations } = gettext.po.parse( text );
	assert.equal( headers[ 'X-Domain' ], 'customer-chat-for-messenger' );
	assert.equal( headers[ 'Content-Type' ], 'text/plain; charset=UTF-8' );
	const read = new Map();
	for ( const byId of Object.values( translations ) ) {
		for ( const t of Object.values( byId ) ) {
			if ( t.msgid !== '' ) {
				read.set( key( t.msgctxt, t.msgid ), t );
			}
		}
	}
	const collected = makePot.collect();
	assert.equal( read.size, collected.length );
	for ( const e of collected ) {
		const t = read.get( key( e.context, e.msgid ) );
		assert.ok( t, e.msgid );
		assert.equal( t.msgid_plural, e.plural ?? undefined, e.msgid );
		assert.deepEqual(
			( t.comments?.reference ?? '' ).split( /\s+/ ).filter( Boolean ),
			e.refs,
			e.msgid
		);
	}
} );

test( 'quotes, backslashes, newlines and tabs are escaped so they read back unchanged', () => {
	for ( const s of [
		'Say "hi"',
		'C:\\path\\to',
		'two\nlines',
		'a\ttab',
		'“curly” and ünïcödé',
		'',
	] ) {
		const po = `msgid ${ makePot.escapePo( s ) }\nmsgstr ""\n`;
		const { translations } = gettext.po.parse( po );
		assert.ok(
			Object.prototype.hasOwnProperty.call( translations[ '' ], s ),
			JSON.stringify( s )
		);
	}
} );

test( "block.json: WordPress' contexts for title, description, keywords, variations and styles; another text domain gives nothing", () => {
	const meta = {
		name: 'x/y',
		textdomain: 'customer-chat-for-messenger',
		title: 'Title',
		description: 'Describes',
		keywords: [ 'one', 'two' ],
		variations: [
			{
				name: 'v',
				title: 'V title',
				description: 'V describes',
				keywords: [ 'vk' ],
			},
		],
		styles: [ { name: 's', label: 'S label' } ],
	};
	const file = tmpFile( 'block.json', JSON.stringify( meta ) );
	const other = tmpFile(
		'block.json',
		JSON.stringify( { ...meta, textdomain: 'other' } )
	);
	try {
		assert.deepEqual(
			makePot
				.extractBlockJson( file )
				.map( ( e ) => [ e.context, e.msgid ] ),
			[
				[ 'block title', 'Title' ],
				[ 'block description', 'Describes' ],
				[ 'block keyword', 'one' ],
				[ 'block keyword', 'two' ],
				[ 'block variation title', 'V title' ],
				[ 'block variation description', 'V describes' ],
				[ 'block variation keyword', 'vk' ],
				[ 'block style label', 'S label' ],
			]
		);
		assert.deepEqual( makePot.extractBlockJson( other ), [] );
	} finally {
		fs.rmSync( path.dirname( file ), { recursive: true } );
		fs.rmSync( path.dirname( other ), { recursive: true } );
	}
} );

test( 'the creation date is the only line withoutDate() ignores', () => {
	const a = makePot.build( '2024-01-01 00:00+0000' );
	const b = makePot.build( '2030-12-31 23:59+0000' );
	assert.notEqual( a, b );
	assert.equal( makePot.withoutDate( a ), makePot.withoutDate( b ) );
	assert.notEqual(
		makePot.withoutDate( a ),
		makePot.withoutDate(
			a.replace( 'msgid "Save settings"', 'msgid "Save"' )
		)
	);
} );

test( 'real parsers: no string is lost or invented by heredocs, attributes, regex literals or JSX text', () => {
	const php = extract(
		`<?php
#[\\ReturnTypeWillChange]
function a() { return __( 'After attribute', 'customer-chat-for-messenger' ); }
$h = <<<EOT
__( 'In a heredoc', 'customer-chat-for-messenger' ) {$x['k']}
EOT;
$n = <<<'EOT'
__( 'In a nowdoc', 'customer-chat-for-messenger' )
EOT;
echo esc_html__( 'Joined ' . "with \\x41 dot", 'customer-chat-for-messenger' );
echo \\__( 'Fully qualified', 'customer-chat-for-messenger' );
echo $x?->__( 'Nullsafe method', 'customer-chat-for-messenger' );
`,
		'php'
	);
	assert.deepEqual(
		php.map( ( f ) => f.msgid ),
		[ 'After attribute', 'Joined with A dot', 'Fully qualified' ]
	);
	const tsx = extract(
		`import { __ } from '@wordpress/i18n';
const re = /'"\`/g;
const el = <p title="it's">don't { __( 'In JSX', 'customer-chat-for-messenger' ) }</p>;
const t = \`\${ __( 'In a template', 'customer-chat-for-messenger' ) }\`;
const joined = __( 'One ' + 'two', 'customer-chat-for-messenger' );
`,
		'tsx'
	);
	assert.deepEqual(
		tsx.map( ( f ) => [ f.msgid, f.ref.replace( /^.*:/, '' ) ] ),
		[
			[ 'In JSX', '3' ],
			[ 'In a template', '4' ],
			[ 'One two', '5' ],
		]
	);
} );
