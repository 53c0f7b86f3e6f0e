#!/usr/bin/env node
/**
 * Writes the JavaScript translation files (Jed 1.x JSON, as WordPress'
 * load_script_textdomain() reads them) from each plugin/languages/*.po:
 *   customer-chat-for-messenger-<locale>-<md5("build/<entry>.js")>.json
 * A script's file holds the translated strings whose POT references are in
 * the sources that entry imports (followed through relative imports, so the
 * block's script also gets its block.json strings).
 *
 * Usage: node bin/i18n/po2json.js          write the files
 *        node bin/i18n/po2json.js --check  exit 1 when a file is missing or stale
 */
const crypto = require( 'crypto' );
const fs = require( 'fs' );
const path = require( 'path' );
const gettext = require( 'gettext-parser' );

const ROOT = path.resolve( __dirname, '../..' );
const DOMAIN = 'customer-chat-for-messenger';
const LANG_DIR = path.join( ROOT, 'plugin/languages' );
// The scripts that get translations (wp_set_script_translations): entry → source.
const ENTRIES = {
	admin: 'src/admin/index.tsx',
	'blocks/chat/index': 'src/blocks/chat/index.tsx',
	diagnostics: 'src/front/diagnostics.ts',
	editor: 'src/editor/index.tsx',
};

/**
 * Parses a PO file (with gettext-parser) into entries
 * { context, msgid, plural, msgstr[], refs[], fuzzy }, the header first.
 * @param {string} text PO file text.
 */
function parsePo( text ) {
	const { translations } = gettext.po.parse( text, {
		defaultCharset: 'utf-8',
	} );
	const entries = [];
	// Grouped by context (gettext-parser's shape), in file order within each.
	for ( const byId of Object.values( translations ) ) {
		for ( const t of Object.values( byId ) ) {
			const comments = t.comments || {};
			entries.push( {
				context: t.msgctxt === undefined ? null : t.msgctxt,
				msgid: t.msgid,
				plural: t.msgid_plural === undefined ? null : t.msgid_plural,
				msgstr: t.msgstr,
				refs: ( comments.reference || '' )
					.split( /\s+/ )
					.filter( Boolean ),
				fuzzy: /\bfuzzy\b/.test( comments.flag || '' ),
			} );
		}
	}
	return entries;
}

/**
 * The header fields of a PO file.
 * @param {Array<Object>} entries Parsed entries.
 */
function headerOf( entries ) {
	const head = entries.find( ( e ) => e.msgid === '' && e.context === null );
	const fields = {};
	for ( const line of ( head?.msgstr[ 0 ] ?? '' ).split( '\n' ) ) {
		const i = line.indexOf( ':' );
		if ( i > 0 ) {
			fields[ line.slice( 0, i ).trim() ] = line.slice( i + 1 ).trim();
		}
	}
	return fields;
}

/**
 * Every local file an entry point imports, relative to the repository root.
 * @param {string} entry Entry source, relative to the repository root.
 */
function sourcesOf( entry ) {
	const seen = new Set();
	const visit = ( abs ) => {
		const rel = path.relative( ROOT, abs );
		if ( seen.has( rel ) ) {
			return;
		}
		seen.add( rel );
		if ( ! /\.(tsx?|jsx?)$/.test( abs ) ) {
			return;
		}
		const src = fs.readFileSync( abs, 'utf8' );
		const re =
			/(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]|import\s*['"](\.[^'"]+)['"]|require\(\s*['"](\.[^'"]+)['"]\s*\)/g;
		for ( const m of src.matchAll( re ) ) {
			const spec = m[ 1 ] || m[ 2 ] || m[ 3 ];
			const base = path.resolve( path.dirname( abs ), spec );
			const found = [
				'',
				'.ts',
				'.tsx',
				'.js',
				'.jsx',
				'/index.ts',
				'/index.tsx',
				'/index.js',
			]
				.map( ( ext ) => base + ext )
				.find(
					( f ) => fs.existsSync( f ) && fs.statSync( f ).isFile()
				);
			if ( found ) {
				visit( found );
			}
		}
	};
	visit( path.join( ROOT, entry ) );
	return seen;
}

/**
 * File name → JSON text for one PO file.
 * @param {string} poFile Absolute path of the PO file.
 */
function build( poFile ) {
	const entries = parsePo( fs.readFileSync( poFile, 'utf8' ) );
	const header = headerOf( entries );
	const locale =
		header.Language ||
		path.basename( poFile, '.po' ).slice( DOMAIN.length + 1 );
	const out = {};
	for ( const [ name, entry ] of Object.entries( ENTRIES ) ) {
		const sources = sourcesOf( entry );
		const messages = {
			'': {
				domain: 'messages',
				lang: locale,
				'plural-forms':
					header[ 'Plural-Forms' ] || 'nplurals=2; plural=(n != 1);',
			},
		};
		for ( const e of entries ) {
			if ( e.msgid === '' || e.fuzzy || ! e.msgstr.some( ( s ) => s ) ) {
				continue;
			}
			if (
				! e.refs.some( ( ref ) =>
					sources.has( ref.replace( /:\d+$/, '' ) )
				)
			) {
				continue;
			}
			const key =
				e.context !== null
					? `${ e.context }\u0004${ e.msgid }`
					: e.msgid;
			messages[ key ] = e.plural ? e.msgstr : [ e.msgstr[ 0 ] ];
		}
		const script = `build/${ name }.js`;
		const file = `${ DOMAIN }-${ locale }-${ crypto
			.createHash( 'md5' )
			.update( script )
			.digest( 'hex' ) }.json`;
		out[ file ] =
			JSON.stringify( {
				'translation-revision-date': header[ 'PO-Revision-Date' ] || '',
				generator: 'bin/i18n/po2json.js',
				source: script,
				domain: 'messages',
				locale_data: { messages },
			} ) + '\n';
	}
	return out;
}

function all() {
	const files = {};
	for ( const po of fs
		.readdirSync( LANG_DIR )
		.filter( ( f ) => f.endsWith( '.po' ) )
		.sort() ) {
		Object.assign( files, build( path.join( LANG_DIR, po ) ) );
	}
	return files;
}

module.exports = { parsePo, build, all, sourcesOf, ENTRIES };

if ( require.main === module ) {
	const files = all();
	let stale = 0;
	for ( const [ name, json ] of Object.entries( files ) ) {
		const target = path.join( LANG_DIR, name );
		const current = fs.existsSync( target )
			? fs.readFileSync( target, 'utf8' )
			: null;
		if ( process.argv.includes( '--check' ) ) {
			if ( current !== json ) {
				process.stderr.write(
					`plugin/languages/${ name } is ${
						current === null ? 'missing' : 'out of date'
					}\n`
				);
				stale++;
			}
		} else if ( current !== json ) {
			fs.writeFileSync( target, json );
			process.stdout.write(
				`wrote plugin/languages/${ name } (${
					Object.keys( JSON.parse( json ).locale_data.messages )
						.length - 1
				} strings)\n`
			);
		}
	}
	process.exit( stale ? 1 : 0 );
}
