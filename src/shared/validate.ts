/**
 * Client-side check of one setting with the rules of the one schema
 * (the same rules the server applies through rest_validate_value_from_schema).
 */
import {
	settingsSchema,
	type PropertySchema,
	type SettingName,
} from './settings-schema.generated';

/** The integers PHP holds: below 2^63 in size (1e30 is not one). */
const INT_LIMIT = 2 ** 63;

/**
 * A plain decimal integer string ("5", as forms and shortcodes send numbers),
 * never "1e3", " 5", "05" or "2.4e1": the same rule as the server's.
 */
const DECIMAL = /^(0|[1-9][0-9]{0,18})$/;

/**
 * The integer a value stands for, or null: a JSON integer PHP can hold, or
 * a plain decimal string.
 * @param value
 */
function integerOf( value: unknown ): number | null {
	if ( typeof value === 'string' && DECIMAL.test( value ) ) {
		value = Number( value );
	}
	return typeof value === 'number' &&
		Number.isInteger( value ) &&
		Math.abs( value ) < INT_LIMIT
		? value
		: null;
}

function typeOk( type: string, value: unknown ): boolean {
	switch ( type ) {
		case 'array':
			return Array.isArray( value );
		case 'integer':
			return integerOf( value ) !== null;
		case 'string':
			return typeof value === 'string';
		default:
			return false;
	}
}

/**
 * Whether a value keeps the setting's rules.
 *
 * @param name  Setting name.
 * @param value Candidate value.
 */
export function isValidSetting( name: SettingName, value: unknown ): boolean {
	return valid( settingsSchema.properties[ name ], value );
}

/**
 * Returns null when the value is valid, otherwise the field's message (the
 * server's, translated; the field's name when none was given).
 *
 * @param name     Setting name.
 * @param value    Candidate value.
 * @param messages Translated messages by field (from the server).
 */
export function validateSetting(
	name: SettingName,
	value: unknown,
	messages: Partial< Record< SettingName, string > > = {}
): string | null {
	return isValidSetting( name, value ) ? null : messages[ name ] || name;
}

function valid( prop: PropertySchema, value: unknown ): boolean {
	const types = ( [] as string[] ).concat( prop.type );
	const type = types.find( ( t ) => typeOk( t, value ) );
	if ( ! type ) {
		return false;
	}
	if ( prop.enum && ! prop.enum.includes( value ) ) {
		return false;
	}
	if ( type === 'string' ) {
		const s = value as string;
		if (
			prop.maxLength !== undefined &&
			Array.from( s ).length > prop.maxLength
		) {
			return false;
		}
		if (
			prop.pattern !== undefined &&
			! new RegExp( prop.pattern, 'u' ).test( s )
		) {
			return false;
		}
	}
	if ( type === 'array' ) {
		const list = value as unknown[];
		if ( prop.maxItems !== undefined && list.length > prop.maxItems ) {
			return false;
		}
		if ( prop.uniqueItems && new Set( list ).size !== list.length ) {
			return false;
		}
		return (
			! prop.items ||
			list.every( ( item ) =>
				valid( prop.items as PropertySchema, item )
			)
		);
	}
	if ( type === 'integer' ) {
		const n = integerOf( value ) as number;
		if (
			( prop.minimum !== undefined && n < prop.minimum ) ||
			( prop.maximum !== undefined && n > prop.maximum )
		) {
			return false;
		}
	}
	return true;
}

/**
 * WCAG relative-luminance contrast ratio of a #rrggbb colour against white.
 * @param hex
 */
export function contrastWithWhite( hex: string ): number {
	const channel = ( i: number ) => {
		const c = parseInt( hex.slice( i, i + 2 ), 16 ) / 255;
		return c <= 0.03928
			? c / 12.92
			: Math.pow( ( c + 0.055 ) / 1.055, 2.4 );
	};
	const l =
		0.2126 * channel( 1 ) + 0.7152 * channel( 3 ) + 0.0722 * channel( 5 );
	return 1.05 / ( l + 0.05 );
}
