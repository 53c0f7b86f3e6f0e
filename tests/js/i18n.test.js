// Translations: the German .mo and the JavaScript JSON files match the .po,
// and the .po has every string of the POT (the POT itself:
// make-pot.test.js).
const assert = require( 'node:assert/strict' );
const crypto = require( 'crypto' );
const fs = require( 'fs' );
const os = require( 'os' );
const path = require( 'path' );
const { execFileSync, spawnSync } = require( 'child_process' );
const makePot = require( '../../bin/i18n/make-pot.js' );
const po2json = require( '../../bin/i18n/po2json.js' );

const root = path.resolve( __dirname, '../..' );
const lang = path.join( root, 'plugin/languages' );
const DOMAIN = 'customer-chat-for-messenger';

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
	// Complete: every string translated, none fuzzy.
	const report = spawnSync(
		'msgfmt',
		[ '--statistics', '-o', '/dev/null', po ],
		{
			encoding: 'utf8',
		}
	).stderr;
	assert.match( report, /^\d+ translated messages?\.\n$/, report );
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

test( 'German speaks in one voice: "du", never "Sie" / "Ihr", with one word for each thing', () => {
	const po = po2json.parsePo(
		fs.readFileSync( path.join( lang, `${ DOMAIN }-de_DE.po` ), 'utf8' )
	);
	// Formal address: Ihr/Ihre/… and Ihnen anywhere; "Sie" with a verb of
	// address, or anywhere but the start of a sentence (where "Sie" can be
	// "it": "Sie speichert …").
	const formal = [
		/\b(Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres|Ihnen)\b/,
		/(?<!^|[.!?]\s|[„"(]\s?)\bSie\b/,
		/\bSie (können|müssen|möchten|sollten|haben|sind|finden|wählen|geben|klicken)\b/,
		/\b(können|müssen|möchten|sollten|haben|wählen|verbinden|abonnieren) Sie\b/,
	];
	// The glossary: one German word per thing.
	const avoid = [ /App-Geheimcode/, /Schaltfläche/, /\bGestartet\b/ ];
	const found = [];
	for ( const e of po ) {
		for ( const text of e.msgstr ) {
			for ( const rule of [ ...formal, ...avoid ] ) {
				if ( rule.test( text ) ) {
					found.push( `${ rule }: ${ text }` );
				}
			}
		}
	}
	assert.deepEqual( found, [] );
} );
