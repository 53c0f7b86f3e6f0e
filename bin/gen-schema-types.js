#!/usr/bin/env node
/**
 * Derives TypeScript types from the plugin's JSON schemas, so no shape is
 * ever kept by hand in a second place:
 * - the ccfm_settings option, from plugin/data/settings-schema.json
 *   → src/shared/settings-schema.generated.ts;
 * - the response of each custom REST route, from
 *   plugin/data/responses/<route>.json → src/shared/responses.generated.ts
 *   (one exported `<Route>Response` type per file).
 *
 * Usage: node bin/gen-schema-types.js
 * As a module: require( './gen-schema-types' ).responseTypes( { name: schema } ).
 */
const fs = require( 'fs' );
const path = require( 'path' );

const root = path.resolve( __dirname, '..' );

function settingsTypes() {
	const schema = JSON.parse(
		fs.readFileSync(
			path.join( root, 'plugin/data/settings-schema.json' ),
			'utf8'
		)
	);
	const locales = JSON.parse(
		fs.readFileSync(
			path.join( root, 'plugin/data/facebook-locales.json' ),
			'utf8'
		)
	);
	const localeCodes = Object.keys( locales.facebook_locales );

	function tsType( name, prop ) {
		if ( prop[ 'x-enum' ] ) {
			return "'auto' | FacebookLocale";
		}
		if ( prop.enum ) {
			return prop.enum.map( ( v ) => JSON.stringify( v ) ).join( ' | ' );
		}
		if ( prop.type === 'array' ) {
			const item = tsType( name, prop.items );
			return `Array< ${ item } >`;
		}
		const types = [].concat( prop.type );
		return types
			.map( ( t ) => {
				if ( t === 'integer' || t === 'number' ) {
					return 'number';
				}
				if (
					t === 'string' &&
					types.length > 1 &&
					prop.pattern === '^$'
				) {
					return "''";
				}
				return t;
			} )
			.join( ' | ' );
	}

	const fields = Object.entries( schema.properties );
	const full = JSON.parse( JSON.stringify( schema ) );
	delete full.$comment;
	full.properties.locale.enum = [ 'auto', ...localeCodes ];
	delete full.properties.locale[ 'x-enum' ];
	// The messages are the server's, translated (window.ccfmSettingsMessages):
	// no English copy of them in the scripts.
	for ( const prop of Object.values( full.properties ) ) {
		delete prop[ 'x-message' ];
	}

	return `// Generated from plugin/data/settings-schema.json by bin/gen-schema-types.js. Do not edit.

export type FacebookLocale = ${ localeCodes
		.map( ( c ) => `'${ c }'` )
		.join( ' | ' ) };

export interface Settings {
${ fields
	.map( ( [ name, prop ] ) => `\t${ name }: ${ tsType( name, prop ) };` )
	.join( '\n' ) }
}

export type SettingName = keyof Settings;

export const SETTING_NAMES: SettingName[] = ${ JSON.stringify(
		fields.map( ( [ n ] ) => n )
	) };

export interface PropertySchema {
	type: string | string[];
	default?: unknown;
	enum?: unknown[];
	pattern?: string;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	items?: PropertySchema;
	uniqueItems?: boolean;
	maxItems?: number;
}

export const settingsSchema: { type: string; additionalProperties: boolean; properties: Record< SettingName, PropertySchema > } = ${ JSON.stringify(
		full,
		null,
		'\t'
	) };
`;
}

/**
 * The TypeScript type of a value a JSON Schema (draft 4, as WordPress' REST
 * API uses it) describes.
 *
 * @param {Object} schema A (sub)schema.
 * @param {string} indent Indentation of the type's first line.
 * @return {string} The type.
 */
function schemaToTs( schema, indent = '' ) {
	if ( ! schema || typeof schema !== 'object' ) {
		return 'unknown';
	}
	if ( schema.enum ) {
		return schema.enum.map( ( v ) => JSON.stringify( v ) ).join( ' | ' );
	}
	for ( const key of [ 'oneOf', 'anyOf' ] ) {
		if ( Array.isArray( schema[ key ] ) ) {
			return schema[ key ]
				.map( ( s ) => schemaToTs( s, indent ) )
				.join( ' | ' );
		}
	}
	const types = [].concat( schema.type ?? [] );
	if ( ! types.length ) {
		return 'unknown';
	}
	return types
		.map( ( type ) => {
			switch ( type ) {
				case 'string':
					return 'string';
				case 'integer':
				case 'number':
					return 'number';
				case 'boolean':
					return 'boolean';
				case 'null':
					return 'null';
				case 'array': {
					const item = schemaToTs( schema.items, indent );
					return `Array< ${ item } >`;
				}
				case 'object':
					return objectToTs( schema, indent );
				default:
					throw new Error( `Unknown JSON Schema type "${ type }"` );
			}
		} )
		.join( ' | ' );
}

/**
 * A JSDoc line for a described property, or nothing.
 *
 * @param {Object} schema Property schema.
 * @param {string} indent Indentation.
 */
function doc( schema, indent ) {
	return schema && typeof schema.description === 'string'
		? `${ indent }/** ${ schema.description.replace(
				/\*\//g,
				'*\\/'
		  ) } */\n`
		: '';
}

function objectToTs( schema, indent ) {
	const props = Object.entries( schema.properties ?? {} );
	const required = new Set( schema.required ?? [] );
	const inner = indent + '\t';
	const lines = props.map(
		( [ name, prop ] ) =>
			doc( prop, inner ) +
			`${ inner }${
				/^[A-Za-z_$][\w$]*$/.test( name )
					? name
					: JSON.stringify( name )
			}${ required.has( name ) ? '' : '?' }: ${ schemaToTs(
				prop,
				inner
			) };`
	);
	const extra = schema.additionalProperties;
	if ( extra !== false && ( extra !== undefined || ! props.length ) ) {
		lines.push(
			`${ inner }[ key: string ]: ${
				extra && typeof extra === 'object'
					? schemaToTs( extra, inner ) + ' | undefined'
					: 'unknown'
			};`
		);
	}
	return lines.length ? `{\n${ lines.join( '\n' ) }\n${ indent }}` : '{}';
}

/**
 * The exported type name of a response schema file: platform-whitelist.json
 * → PlatformWhitelistResponse.
 *
 * @param {string} file File name.
 */
function typeName( file ) {
	return (
		path
			.basename( file, '.json' )
			.split( /[^A-Za-z0-9]+/ )
			.filter( Boolean )
			.map( ( w ) => w[ 0 ].toUpperCase() + w.slice( 1 ) )
			.join( '' ) + 'Response'
	);
}

/**
 * The module text with one exported type per response schema.
 *
 * @param {Object<string,Object>} schemas File name → parsed schema.
 * @return {string} TypeScript source.
 */
function responseTypes( schemas ) {
	const parts = Object.keys( schemas )
		.sort()
		.map( ( file ) => {
			const schema = schemas[ file ];
			return `${ doc( schema, '' ) }export type ${ typeName(
				file
			) } = ${ schemaToTs( schema ) };\n`;
		} );
	return `// Generated from plugin/data/responses/*.json by bin/gen-schema-types.js. Do not edit.\n\n${ parts.join(
		'\n'
	) }`;
}

function readResponses() {
	const dir = path.join( root, 'plugin/data/responses' );
	const schemas = {};
	if ( fs.existsSync( dir ) ) {
		for ( const file of fs
			.readdirSync( dir )
			.filter( ( f ) => f.endsWith( '.json' ) ) ) {
			schemas[ file ] = JSON.parse(
				fs.readFileSync( path.join( dir, file ), 'utf8' )
			);
		}
	}
	return schemas;
}

/**
 * A decoded JSON value as a PHP literal (what json_decode( …, true ) gives).
 * @param {*}      value  JSON value.
 * @param {string} indent Indentation.
 */
function phpLiteral( value, indent = '' ) {
	if ( value === null ) {
		return 'null';
	}
	if ( typeof value === 'string' ) {
		return `'${ value.replace( /[\\']/g, ( c ) => '\\' + c ) }'`;
	}
	if ( typeof value === 'number' ) {
		return Number.isInteger( value )
			? String( value )
			: JSON.stringify( value );
	}
	if ( typeof value === 'boolean' ) {
		return value ? 'true' : 'false';
	}
	const inner = indent + '\t';
	const entries = Array.isArray( value )
		? value.map( ( v ) => inner + phpLiteral( v, inner ) )
		: Object.entries( value ).map(
				( [ k, v ] ) =>
					`${ inner }${ phpLiteral( k ) } => ${ phpLiteral(
						v,
						inner
					) }`
		  );
	return entries.length
		? `array(\n${ entries.join( ',\n' ) },\n${ indent })`
		: 'array()';
}

/**
 * plugin/build/data-files.php: the data files of plugin/data/ that a page
 * view reads (the settings schema, the locales) as one PHP array, so the
 * server reads them through opcache instead of parsing JSON on every request
 * (CCFM\Data_Files; the JSON stays the source and the fallback).
 */
function dataFilesPhp() {
	const files = {};
	for ( const name of [ 'settings-schema.json', 'facebook-locales.json' ] ) {
		files[ name ] = JSON.parse(
			fs.readFileSync( path.join( root, 'plugin/data', name ), 'utf8' )
		);
	}
	return (
		'<?php\n' +
		'/**\n * Generated by bin/gen-schema-types.js from plugin/data/*.json: do not edit.\n *\n * @package CustomerChatForMessenger\n */\n\n' +
		"defined( 'ABSPATH' ) || exit;\n\n" +
		`return ${ phpLiteral( files ) };\n`
	);
}

module.exports = { schemaToTs, responseTypes, typeName, dataFilesPhp };

if ( require.main === module ) {
	fs.mkdirSync( path.join( root, 'plugin/build' ), { recursive: true } );
	fs.writeFileSync(
		path.join( root, 'plugin/build/data-files.php' ),
		dataFilesPhp()
	);
	fs.writeFileSync(
		path.join( root, 'src/shared/settings-schema.generated.ts' ),
		settingsTypes()
	);
	fs.writeFileSync(
		path.join( root, 'src/shared/responses.generated.ts' ),
		responseTypes( readResponses() )
	);
}
