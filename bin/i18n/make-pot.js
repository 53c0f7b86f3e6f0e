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
 *
 * Usage: node bin/i18n/make-pot.js          write the POT
 *        node bin/i18n/make-pot.js --check  exit 1 when the committed POT is stale
 * Also usable as a module: require( './make-pot' ).build() → POT text.
 */
const fs = require( 'fs' );
const path = require( 'path' );

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
 * Unescapes a PHP or JS string literal (with its quotes).
 * @param {string} raw  The literal.
 * @param {string} lang 'php' or 'js'.
 */
function unquote( raw, lang ) {
	const q = raw[ 0 ];
	const body = raw.slice( 1, -1 );
	if ( lang === 'php' && q === "'" ) {
		return body.replace( /\\([\\'])/g, '$1' );
	}
	const simple = { n: '\n', t: '\t', r: '\r', v: '\v', f: '\f', 0: '\0' };
	return body.replace(
		/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{1,3}|\r?\n|.)/g,
		( all, e ) => {
			if ( e[ 0 ] === 'u' ) {
				return String.fromCodePoint(
					parseInt( e.replace( /[u{}]/g, '' ), 16 )
				);
			}
			if ( e[ 0 ] === 'x' ) {
				return String.fromCharCode( parseInt( e.slice( 1 ), 16 ) );
			}
			if ( e[ 0 ] === '\n' || e[ 0 ] === '\r' ) {
				return lang === 'js' ? '' : all;
			}
			if ( /^[0-7]+$/.test( e ) && ( lang === 'php' || e !== '0' ) ) {
				return String.fromCharCode( parseInt( e, 8 ) );
			}
			if ( simple[ e ] !== undefined ) {
				return simple[ e ];
			}
			if ( lang === 'php' && ! /[\\"$e]/.test( e ) ) {
				return all; // PHP keeps unknown escapes as written.
			}
			return e === 'e' && lang === 'php' ? '\x1b' : e;
		}
	);
}

/**
 * Splits source into tokens: comments, strings, identifiers, punctuation.
 * @param {string} src
 * @param {string} lang
 */
function tokenize( src, lang ) {
	const tokens = [];
	let i = 0;
	let line = 1;
	let inPhp = lang !== 'php';
	const push = ( type, value, start ) => {
		tokens.push( { type, value, line: start } );
	};
	while ( i < src.length ) {
		if ( ! inPhp ) {
			const open = src.indexOf( '<?', i );
			if ( open < 0 ) {
				break;
			}
			line += ( src.slice( i, open ).match( /\n/g ) || [] ).length;
			i = open + ( src.startsWith( '<?php', open ) ? 5 : 2 );
			inPhp = true;
			continue;
		}
		const c = src[ i ];
		const start = line;
		if ( c === '\n' ) {
			line++;
			i++;
		} else if ( /\s/.test( c ) ) {
			i++;
		} else if ( lang === 'php' && src.startsWith( '?>', i ) ) {
			i += 2;
			inPhp = false;
		} else if (
			src.startsWith( '//', i ) ||
			( lang === 'php' && c === '#' && src[ i + 1 ] !== '[' )
		) {
			let end = src.indexOf( '\n', i );
			end = end < 0 ? src.length : end;
			if ( lang === 'php' ) {
				const close = src.slice( i, end ).indexOf( '?>' );
				end = close >= 0 ? i + close : end;
			}
			push( 'comment', src.slice( i, end ), start );
			i = end;
		} else if ( src.startsWith( '/*', i ) ) {
			let end = src.indexOf( '*/', i + 2 );
			end = end < 0 ? src.length : end + 2;
			const text = src.slice( i, end );
			line += ( text.match( /\n/g ) || [] ).length;
			push( 'comment', text, start );
			i = end;
		} else if ( c === "'" || c === '"' || ( lang === 'js' && c === '`' ) ) {
			let j = i + 1;
			while ( j < src.length && src[ j ] !== c ) {
				j += src[ j ] === '\\' ? 2 : 1;
			}
			const raw = src.slice( i, j + 1 );
			line += ( raw.match( /\n/g ) || [] ).length;
			const dynamic =
				( c === '`' && raw.includes( '${' ) ) ||
				( lang === 'php' &&
					c === '"' &&
					/(^|[^\\])\$[A-Za-z_{]/.test( raw ) );
			push(
				dynamic ? 'dynamic' : 'string',
				dynamic ? raw : unquote( raw, lang ),
				start
			);
			i = j + 1;
		} else if ( /[A-Za-z_$\\]/.test( c ) ) {
			let j = i + 1;
			while ( j < src.length && /[A-Za-z0-9_$\\]/.test( src[ j ] ) ) {
				j++;
			}
			push( 'ident', src.slice( i, j ), start );
			i = j;
		} else if ( src.startsWith( '->', i ) || src.startsWith( '::', i ) ) {
			push( 'punct', src.slice( i, i + 2 ), start );
			i += 2;
		} else {
			push( 'punct', c, start );
			i++;
		}
	}
	return tokens;
}

/**
 * Gettext calls with the plugin's text domain in one file.
 * @param {string} file Absolute path.
 * @param {string} lang 'php' or 'js'.
 */
function extractCalls( file, lang ) {
	const funcs = lang === 'php' ? PHP_FUNCS : JS_FUNCS;
	const tokens = tokenize( fs.readFileSync( file, 'utf8' ), lang );
	const found = [];
	let comment = null;
	for ( let t = 0; t < tokens.length; t++ ) {
		const tok = tokens[ t ];
		if ( tok.type === 'comment' ) {
			const m = tok.value.match(
				/^(?:\/\/|#|\/\*+)\s*(translators:[\s\S]*?)\s*(?:\*+\/)?$/i
			);
			if ( m ) {
				comment = {
					text: m[ 1 ]
						.split( '\n' )
						.map( ( l ) => l.replace( /^\s*\*?\s?/, '' ).trim() )
						.join( ' ' )
						.trim(),
					line: tok.line + ( tok.value.match( /\n/g ) || [] ).length,
				};
			}
			continue;
		}
		if ( tok.type !== 'ident' ) {
			continue;
		}
		const name = tok.value.replace( /^\\/, '' );
		const prev = tokens[ t - 1 ];
		if (
			! Object.prototype.hasOwnProperty.call( funcs, name ) ||
			( prev &&
				( [ '->', '::', lang === 'js' ? '.' : '?.' ].includes(
					prev.value
				) ||
					prev.value === 'function' ) )
		) {
			continue;
		}
		let k = t + 1;
		while ( tokens[ k ] && tokens[ k ].type === 'comment' ) {
			k++;
		}
		if ( ! tokens[ k ] || tokens[ k ].value !== '(' ) {
			continue;
		}
		// Read the leading literal arguments.
		const args = [];
		k++;
		for (;;) {
			let value = null;
			let literal = true;
			let depth = 0;
			for ( ; k < tokens.length; k++ ) {
				const a = tokens[ k ];
				if ( a.type === 'comment' ) {
					continue;
				}
				if ( depth === 0 && ( a.value === ',' || a.value === ')' ) ) {
					break;
				}
				if ( a.value === '(' || a.value === '[' || a.value === '{' ) {
					depth++;
				} else if (
					a.value === ')' ||
					a.value === ']' ||
					a.value === '}'
				) {
					depth--;
				}
				if ( a.type === 'string' && depth === 0 ) {
					value = ( value ?? '' ) + a.value;
				} else if (
					! (
						depth === 0 &&
						a.value === ( lang === 'php' ? '.' : '+' ) &&
						value !== null
					)
				) {
					literal = false;
				}
			}
			args.push( literal ? value : null );
			if ( ! tokens[ k ] || tokens[ k ].value === ')' ) {
				break;
			}
			k++; // The comma.
		}
		const roles = funcs[ name ];
		const get = ( role ) =>
			roles.indexOf( role ) >= 0 ? args[ roles.indexOf( role ) ] : null;
		if ( get( 'd' ) !== DOMAIN || typeof get( 's' ) !== 'string' ) {
			continue;
		}
		if ( get( 's' ) === '' ) {
			throw new Error(
				`${ path.relative( ROOT, file ) }:${ tok.line }: empty msgid`
			);
		}
		const near = comment && tok.line - comment.line <= 2;
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
			ref: `${ path.relative( ROOT, file ) }:${ tok.line }`,
			php: lang === 'php',
		} );
		if ( ! skip ) {
			comment = null;
		}
	}
	return found;
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
		...walk( path.join( ROOT, 'plugin' ), ( n ) =>
			n.endsWith( '.php' )
		).flatMap( ( f ) => extractCalls( f, 'php' ) ),
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
	tokenize,
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
