#!/usr/bin/env node
/**
 * Derives the TypeScript type of the ccfm_settings option from the one JSON
 * schema in plugin/data/settings-schema.json, so the type is never kept by
 * hand in a second place. Writes src/shared/settings-schema.generated.ts.
 */
const fs = require( 'fs' );
const path = require( 'path' );

const root = path.resolve( __dirname, '..' );
const schema = JSON.parse( fs.readFileSync( path.join( root, 'plugin/data/settings-schema.json' ), 'utf8' ) );
const locales = JSON.parse( fs.readFileSync( path.join( root, 'plugin/data/facebook-locales.json' ), 'utf8' ) );
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
			if ( t === 'string' && types.length > 1 && prop.pattern === '^$' ) {
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

const out = `// Generated from plugin/data/settings-schema.json by bin/gen-schema-types.js. Do not edit.

export type FacebookLocale = ${ localeCodes.map( ( c ) => `'${ c }'` ).join( ' | ' ) };

export interface Settings {
${ fields.map( ( [ name, prop ] ) => `\t${ name }: ${ tsType( name, prop ) };` ).join( '\n' ) }
}

export type SettingName = keyof Settings;

export const SETTING_NAMES: SettingName[] = ${ JSON.stringify( fields.map( ( [ n ] ) => n ) ) };

export interface PropertySchema {
	type: string | string[];
	default?: unknown;
	enum?: unknown[];
	pattern?: string;
	maxLength?: number;
	minimum?: number;
	maximum?: number;
	'x-message'?: string;
	items?: PropertySchema;
	uniqueItems?: boolean;
	maxItems?: number;
}

export const settingsSchema: { type: string; additionalProperties: boolean; properties: Record< SettingName, PropertySchema > } = ${ JSON.stringify( full, null, '\t' ) };
`;
fs.writeFileSync( path.join( root, 'src/shared/settings-schema.generated.ts' ), out );
