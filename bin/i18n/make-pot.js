#!/usr/bin/env node
/**
 * Writes plugin/languages/customer-chat-for-messenger.pot from the sources
 * (WP-CLI's `wp i18n make-pot` is not in the registry copy):
 * - the plugin header (Plugin Name, Plugin URI, Description, Author);
 * - plugin PHP: __ _e _x _ex _n _nx _n_noop _nx_noop esc_html__ esc_attr__
 *   esc_html_e esc_attr_e esc_html_x esc_attr_x, with translator comments;
 * - src TS/TSX: __ _x _n _nx from @wordpress/i18n, with translator comments;
 * - block.json files: title, description, keywords, variation titles,
 *   descriptions and keywords, style labels, with WordPress' contexts.
 * Only calls with the text domain customer-chat-for-messenger are taken.
 * PHP is read with PHP's own tokenizer (bin/i18n/php-calls.php, token_get_all),
 * TypeScript with the TypeScript compiler's parser: no hand-written lexer.
 *
 * Usage: node bin/i18n/make-pot.js          write the POT
 *        node bin/i18n/make-pot.js --check  exit 1 when the committed POT is stale
 * Also usable as a module: require( './make-pot' ).build() → POT text.
 */
const fs = require( 'fs' );
const path = require( 'path' );
const { execFileSync } = require( 'child_process' );
const ts = require( 'typescript' );

const ROOT = path.resolve( __dirname, '../..' );
const DOMAIN = 'customer-chat-for-messenger';
const POT = path.join( ROOT, 'plugin/languages', DOMAIN + '.pot' );

// Argument roles per function: s = msgid, p = plural, c = context, d = domain, n = number.
const PHP_FUNCS = {
	__: 'sd',
	_e: 'sd',
	esc_html__: 'sd',
	esc_attr__: 'sd',
	esc_html_e: 'sd',
	esc_attr_e: 'sd',
	_x: 'scd',
	_ex: 'scd',
	esc_html_x: 'scd',
	esc_attr_x: 'scd',
	_n: 'spnd',
	_nx: 'spncd',
	_n_noop: 'spd',
	_nx_noop: 'spcd',
};
const PRINTF = /%(\d+\$)?[-+ 0#']*(\d+)?(\.\d+)?[bcdeEfFgGosuxX]/;
const JS_FUNCS = { __: 'sd', _x: 'scd', _n: 'spnd', _nx: 'spncd' };

const BLOCK_FIELDS = {
	title: 'block title',
	description: 'block description',
	keywords: 'block keyword',
};
const VARIATION_FIELDS = {
	title: 'block variation title',
	description: 'block variation description',
	keywords: 'block variation keyword',
};

function walk( dir, test ) {
	if ( ! fs.existsSync( dir ) ) {
		return [];
	}
	const out = [];
	for ( const entry of fs.readdirSync( dir, { withFileTypes: true } ) ) {
		const full = path.join( dir, entry.name );
		if ( entry.isDirectory() ) {
			if (
				! [ 'build', 'node_modules', 'vendor' ].includes( entry.name )
			) {
				out.push( ...walk( full, test ) );
			}
		} else if ( test( entry.name ) ) {
			out.push( full );
		}
	}
	return out.sort();
}

/**
 * The comment and call events of PHP files, from PHP's own tokenizer
 * (bin/i18n/php-calls.php, token_get_all), in source order per file.
 * @param {string[]} files Absolute paths.
 * @return {Object<string, Array>} Events by file.
 */
function phpEvents( files ) {
	if ( ! files.length ) {
		return {};
	}
	return JSON.parse(
		execFileSync(
			'php',
			[ path.join( __dirname, 'php-calls.php' ), ...files ],
			{
				encoding: 'utf8',
				maxBuffer: 64 * 1024 * 1024,
			}
		)
	);
}

/**
 * The value of a literal argument (a string, a template without
 * substitutions, or literals joined with +), null for anything else.
 * @param {ts.Node} node Argument.
 */
function literal( node ) {
	if (
		ts.isStringLiteral( node ) ||
		ts.isNoSubstitutionTemplateLiteral( node )
	) {
		return node.text;
	}
	if ( ts.isParenthesizedExpression( node ) ) {
		return literal( node.expression );
	}
	if (
		ts.isBinaryExpression( node ) &&
		node.operatorToken.kind === ts.SyntaxKind.PlusToken
	) {
		const left = literal( node.left );
		const right = literal( node.right );
		return left === null || right === null ? null : left + right;
	}
	return null;
}

/**
 * The comment and call events of a TypeScript or JavaScript file, from the
 * TypeScript compiler's parser, in source order. A call is a plain
 * identifier call (`__( … )`, not `wp.i18n.__( … )`).
 * @param {string} file Absolute path.
 */
function tsEvents( file ) {
	const text = fs.readFileSync( file, 'utf8' );
	const kinds = { tsx: ts.ScriptKind.TSX, ts: ts.ScriptKind.TS };
	const kind = kinds[ path.extname( file ).slice( 1 ) ] ?? ts.ScriptKind.JSX;
	const source = ts.createSourceFile(
		file,
		text,
		ts.ScriptTarget.Latest,
		true,
		kind
	);
	const lineOf = ( pos ) =>
		source.getLineAndCharacterOfPosition( pos ).line + 1;
	const events = [];
	const seen = new Set();
	const comments = ( ranges ) => {
		for ( const range of ranges || [] ) {
			if ( ! seen.has( range.pos ) ) {
				seen.add( range.pos );
				events.push( {
					kind: 'comment',
					pos: range.pos,
					line: lineOf( range.pos ),
					end: lineOf( range.end ),
					text: text.slice( range.pos, range.end ),
				} );
			}
		}
	};
	const visit = ( node ) => {
		comments( ts.getLeadingCommentRanges( text, node.getFullStart() ) );
		if (
			ts.isCallExpression( node ) &&
			ts.isIdentifier( node.expression )
		) {
			events.push( {
				kind: 'call',
				pos: node.getStart( source ),
				name: node.expression.text,
				line: lineOf( node.getStart( source ) ),
				args: node.arguments.map( literal ),
			} );
		}
		ts.forEachChild( node, visit );
		comments( ts.getTrailingCommentRanges( text, node.getEnd() ) );
	};
	visit( source );
	return events.sort( ( a, b ) => a.pos - b.pos );
}

/**
 * The translator comment of a comment's text, or null.
 * @param {string} text Comment with its delimiters.
 */
function translatorComment( text ) {
	const m = text.match(
		/^(?:\/\/|#|\/\*+)\s*(translators:[\s\S]*?)\s*(?:\*+\/)?$/i
	);
	return m
		? m[ 1 ]
				.split( '\n' )
				.map( ( l ) => l.replace( /^\s*\*?\s?/, '' ).trim() )
				.join( ' ' )
				.trim()
		: null;
}

/**
 * Gettext calls with the plugin's text domain in one file's events.
 * @param {string} file   Absolute path.
 * @param {string} lang   'php' or 'js'.
 * @param {Array}  events The file's events (phpEvents or tsEvents).
 */
function callsOf( file, lang, events ) {
	const funcs = lang === 'php' ? PHP_FUNCS : JS_FUNCS;
	const found = [];
	let comment = null;
	for ( const ev of events ) {
		if ( ev.kind === 'comment' ) {
			const text = translatorComment( ev.text );
			if ( text ) {
				comment = { text, line: ev.end };
			}
			continue;
		}
		if ( ! Object.prototype.hasOwnProperty.call( funcs, ev.name ) ) {
			continue;
		}
		const roles = funcs[ ev.name ];
		const get = ( role ) =>
			roles.indexOf( role ) >= 0
				? ev.args[ roles.indexOf( role ) ] ?? null
				: null;
		if ( get( 'd' ) !== DOMAIN || typeof get( 's' ) !== 'string' ) {
			continue;
		}
		if ( get( 's' ) === '' ) {
			throw new Error(
				`${ path.relative( ROOT, file ) }:${ ev.line }: empty msgid`
			);
		}
		const near = comment && ev.line - comment.line <= 2;
		// A comment about placeholders belongs to the first string that has
		// them (a label before it on the same line does not take it).
		const skip =
			near &&
			/%|\b\d+:/.test( comment.text ) &&
			! PRINTF.test( get( 's' ) + ( get( 'p' ) ?? '' ) );
		found.push( {
			msgid: get( 's' ),
			plural: roles.includes( 'p' ) ? get( 'p' ) : null,
			context: roles.includes( 'c' ) ? get( 'c' ) : null,
			comment: near && ! skip ? comment.text : null,
			ref: `${ path.relative( ROOT, file ) }:${ ev.line }`,
			php: lang === 'php',
		} );
		if ( ! skip ) {
			comment = null;
		}
	}
	return found;
}

/**
 * Gettext calls with the plugin's text domain in one file.
 * @param {string} file Absolute path.
 * @param {string} lang 'php' or 'js'.
 */
function extractCalls( file, lang ) {
	return callsOf(
		file,
		lang,
		lang === 'php' ? phpEvents( [ file ] )[ file ] : tsEvents( file )
	);
}

/**
 * Translatable block.json fields, with WordPress' contexts.
 * @param {string} file
 */
function extractBlockJson( file ) {
	const meta = JSON.parse( fs.readFileSync( file, 'utf8' ) );
	if ( meta.textdomain !== DOMAIN ) {
		return [];
	}
	const ref = path.relative( ROOT, file );
	const out = [];
	const add = ( value, context ) => {
		for ( const v of [].concat( value ?? [] ) ) {
			if ( typeof v === 'string' && v !== '' ) {
				out.push( {
					msgid: v,
					plural: null,
					context,
					comment: null,
					ref,
					php: false,
				} );
			}
		}
	};
	for ( const [ key, context ] of Object.entries( BLOCK_FIELDS ) ) {
		add( meta[ key ], context );
	}
	for ( const variation of meta.variations ?? [] ) {
		for ( const [ key, context ] of Object.entries( VARIATION_FIELDS ) ) {
			add( variation[ key ], context );
		}
	}
	for ( const style of meta.styles ?? [] ) {
		add( style.label, 'block style label' );
	}
	return out;
}

/**
 * The plugin header fields WordPress translates on the Plugins screen.
 */
function extractHeader() {
	const file = path.join( ROOT, 'plugin', DOMAIN + '.php' );
	const head = fs.readFileSync( file, 'utf8' ).slice( 0, 8192 );
	const out = [];
	for ( const field of [
		'Plugin Name',
		'Plugin URI',
		'Description',
		'Author',
		'Author URI',
	] ) {
		const m = head.match(
			new RegExp( `^[ \\t/*#@]*${ field }:(.*)$`, 'mi' )
		);
		if ( m && m[ 1 ].trim() ) {
			out.push( {
				msgid: m[ 1 ].trim(),
				plural: null,
				context: null,
				comment: `${ field } of the plugin`,
				ref: null,
				php: false,
			} );
		}
	}
	return out;
}

function escapePo( s ) {
	return (
		'"' +
		s
			.replace( /\\/g, '\\\\' )
			.replace( /"/g, '\\"' )
			.replace( /\n/g, '\\n' )
			.replace( /\t/g, '\\t' )
			.replace( /\r/g, '\\r' ) +
		'"'
	);
}

function collect() {
	const calls = [
		...extractHeader(),
		...Object.entries(
			phpEvents(
				walk( path.join( ROOT, 'plugin' ), ( n ) =>
					n.endsWith( '.php' )
				)
			)
		).flatMap( ( [ f, events ] ) => callsOf( f, 'php', events ) ),
		...[ 'plugin', 'src' ]
			.flatMap( ( dir ) =>
				walk( path.join( ROOT, dir ), ( n ) => n === 'block.json' )
			)
			.flatMap( extractBlockJson ),
		...walk(
			path.join( ROOT, 'src' ),
			( n ) => /\.(js|jsx|ts|tsx)$/.test( n ) && ! n.endsWith( '.d.ts' )
		).flatMap( ( f ) => extractCalls( f, 'js' ) ),
	];
	const entries = new Map();
	for ( const call of calls ) {
		const key = ( call.context ?? '' ) + '\x04' + call.msgid;
		let entry = entries.get( key );
		if ( ! entry ) {
			entry = { ...call, comments: [], refs: [], php: false };
			entries.set( key, entry );
		}
		if ( call.comment && ! entry.comments.includes( call.comment ) ) {
			entry.comments.push( call.comment );
		}
		if ( call.ref && ! entry.refs.includes( call.ref ) ) {
			entry.refs.push( call.ref );
		}
		if ( call.plural && ! entry.plural ) {
			entry.plural = call.plural;
		}
		entry.php = entry.php || call.php;
	}
	return [ ...entries.values() ];
}

/**
 * The POT text. The creation date is taken from the existing file when the
 * rest is unchanged, so re-running does not churn.
 * @param {string} [date] POT-Creation-Date value.
 */
function build( date ) {
	const header = ( when ) =>
		[
			'# Copyright (C) 2024 Customer Chat for Messenger contributors',
			'# This file is distributed under the GPL-2.0-or-later.',
			'msgid ""',
			'msgstr ""',
			`"Project-Id-Version: Customer Chat for Messenger ${ version() }\\n"`,
			`"Report-Msgid-Bugs-To: https://wordpress.org/support/plugin/${ DOMAIN }\\n"`,
			'"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n"',
			'"Language-Team: LANGUAGE <LL@li.org>\\n"',
			'"MIME-Version: 1.0\\n"',
			'"Content-Type: text/plain; charset=UTF-8\\n"',
			'"Content-Transfer-Encoding: 8bit\\n"',
			`"POT-Creation-Date: ${ when }\\n"`,
			'"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n"',
			'"X-Generator: bin/i18n/make-pot.js\\n"',
			`"X-Domain: ${ DOMAIN }\\n"`,
			'',
		].join( '\n' );
	const body = collect()
		.map( ( e ) => {
			const lines = [];
			for ( const c of e.comments ) {
				lines.push( `#. ${ c }` );
			}
			if ( e.refs.length ) {
				lines.push( `#: ${ e.refs.join( ' ' ) }` );
			}
			if ( e.php && PRINTF.test( e.msgid.replace( /%%/g, '' ) ) ) {
				lines.push( '#, php-format' );
			}
			if ( e.context !== null ) {
				lines.push( `msgctxt ${ escapePo( e.context ) }` );
			}
			lines.push( `msgid ${ escapePo( e.msgid ) }` );
			if ( e.plural ) {
				lines.push( `msgid_plural ${ escapePo( e.plural ) }` );
				lines.push( 'msgstr[0] ""', 'msgstr[1] ""' );
			} else {
				lines.push( 'msgstr ""' );
			}
			return lines.join( '\n' );
		} )
		.join( '\n\n' );
	return header( date || now() ) + '\n' + body + '\n';
}

function version() {
	const m = fs
		.readFileSync( path.join( ROOT, 'plugin', DOMAIN + '.php' ), 'utf8' )
		.match( /^\s*\*\s*Version:\s*(\S+)/m );
	return m ? m[ 1 ] : '0.0.0';
}

function now() {
	return new Date()
		.toISOString()
		.replace( 'T', ' ' )
		.replace( /:\d\d\.\d+Z$/, '+0000' );
}

/**
 * The date line is not content: compare without it.
 * @param {string} pot POT text.
 */
function withoutDate( pot ) {
	return pot.replace( /^"POT-Creation-Date: .*\\n"$/m, '' );
}

function existingDate() {
	if ( ! fs.existsSync( POT ) ) {
		return null;
	}
	const m = fs
		.readFileSync( POT, 'utf8' )
		.match( /^"POT-Creation-Date: (.*)\\n"$/m );
	return m ? m[ 1 ] : null;
}

module.exports = {
	build,
	collect,
	extractCalls,
	extractBlockJson,
	escapePo,
	withoutDate,
	POT,
};

if ( require.main === module ) {
	const current = fs.existsSync( POT ) ? fs.readFileSync( POT, 'utf8' ) : '';
	const fresh = build( existingDate() || undefined );
	const same = withoutDate( fresh ) === withoutDate( current );
	if ( process.argv.includes( '--check' ) ) {
		if ( ! same ) {
			process.stderr.write(
				`${ path.relative(
					ROOT,
					POT
				) } is out of date: run npm run make-pot\n`
			);
			process.exit( 1 );
		}
		process.stdout.write(
			`${ path.relative( ROOT, POT ) } is up to date\n`
		);
	} else {
		fs.mkdirSync( path.dirname( POT ), { recursive: true } );
		fs.writeFileSync( POT, same ? current : build() );
		process.stdout.write(
			`${ path.relative( ROOT, POT ) }: ${ collect().length } strings${
				same ? ' (unchanged)' : ''
			}\n`
		);
	}
}
