<?php
/**
 * The one check of a value against a JSON schema rule, used by the
 * settings, the Platform secrets, the post meta and the block and shortcode
 * attributes: WordPress' schema check, made strict where it is lenient.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * Strict schema validation.
 *
 * @since 1.0.0
 */
final class Validation {

	/**
	 * Invisible, control and direction-changing characters named in error
	 * messages (not the rule itself: each field's pattern is).
	 */
	const HIDDEN = '/(?![\x{200C}\x{200D}])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u';

	/**
	 * Whether a pattern matches the whole string. WordPress matches schema
	 * patterns with "#…#u", where "$" also matches before a final newline;
	 * the D modifier makes "$" the end of the string only.
	 *
	 * @since 1.0.0
	 *
	 * @param string $pattern JSON Schema pattern (ECMA-262 syntax that PCRE shares).
	 * @param string $value   String.
	 * @return bool
	 */
	public static function matches( $pattern, $value ) {
		return 1 === preg_match( '#' . str_replace( '#', '\\#', $pattern ) . '#Du', $value );
	}

	/**
	 * A plain decimal integer string ("0", "5", "3600", as forms and
	 * shortcodes send numbers) as an integer; null for anything else,
	 * including "1e3", " 5", "5 ", "+5", "05", "2.4e1" and values beyond
	 * PHP_INT_MAX.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed $value Value.
	 * @return int|null
	 */
	public static function decimal( $value ) {
		if ( ! is_string( $value ) || ! preg_match( '/^(0|[1-9][0-9]{0,18})$/D', $value ) ) {
			return null;
		}
		$int = filter_var( $value, FILTER_VALIDATE_INT );
		return is_int( $int ) ? $int : null;
	}

	/**
	 * Checks a value against a schema rule.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed        $value  Value (decimal strings already turned into integers where wanted).
	 * @param array<mixed> $schema The rule: JSON Schema keywords.
	 * @param string       $name   Name used in WordPress' own messages.
	 * @return true|\WP_Error The error's message says what is wrong beyond the rule ('' when nothing more).
	 */
	public static function check( $value, array $schema, $name ) {
		if ( ! self::types_strict( $value, $schema ) ) {
			return new \WP_Error( 'ccfm_invalid', '' );
		}
		$types = isset( $schema['type'] ) ? (array) $schema['type'] : array();
		if ( is_string( $value ) && in_array( 'string', $types, true ) && count( $types ) > 1 ) {
			// WordPress would read "1e3" as the integer 1000: a string is checked as a string.
			$schema['type'] = 'string';
		}
		if ( in_array( 'array', $types, true ) && ( ! is_array( $value ) || ( array() !== $value && array_keys( $value ) !== range( 0, count( $value ) - 1 ) ) ) ) {
			// WordPress would read "a,b" as a list; a list must be a JSON array.
			return new \WP_Error( 'ccfm_invalid', '' );
		}
		$strings = is_array( $value ) ? array_values( array_filter( $value, 'is_string' ) ) : ( is_string( $value ) ? array( $value ) : array() );
		foreach ( $strings as $string ) {
			if ( '' !== $string && '' === wp_check_invalid_utf8( $string ) ) {
				return new \WP_Error( 'ccfm_invalid', __( 'It is not valid UTF-8 text.', 'customer-chat-for-messenger' ) );
			}
		}
		if ( is_wp_error( rest_validate_value_from_schema( $value, $schema, $name ) ) ) {
			return new \WP_Error( 'ccfm_invalid', is_string( $value ) ? self::hidden_detail( $value, $schema ) : '' );
		}
		$rules = array();
		if ( is_string( $value ) && isset( $schema['pattern'] ) && is_string( $schema['pattern'] ) ) {
			$rules[] = array( $value, $schema['pattern'] );
		}
		$items = isset( $schema['items'] ) && is_array( $schema['items'] ) ? $schema['items'] : array();
		if ( is_array( $value ) && isset( $items['pattern'] ) && is_string( $items['pattern'] ) ) {
			foreach ( $strings as $string ) {
				$rules[] = array( $string, $items['pattern'] );
			}
		}
		foreach ( $rules as $rule ) {
			if ( ! self::matches( $rule[1], $rule[0] ) ) {
				return new \WP_Error( 'ccfm_invalid', self::hidden_detail( $rule[0], array( 'pattern' => $rule[1] ) ) );
			}
		}
		return true;
	}

	/**
	 * Whether the value's numbers are integers: a float (1.5, 1e30, an
	 * integer too big for PHP) is never an integer, nor is a string or a
	 * boolean where only an integer is allowed.
	 *
	 * @param mixed        $value  Value.
	 * @param array<mixed> $schema Rule.
	 * @return bool
	 */
	private static function types_strict( $value, array $schema ) {
		$types = isset( $schema['type'] ) ? (array) $schema['type'] : array();
		if ( in_array( 'integer', $types, true ) && ! in_array( 'number', $types, true ) ) {
			if ( is_float( $value ) || is_bool( $value ) || ( is_string( $value ) && ! in_array( 'string', $types, true ) ) ) {
				return false;
			}
		}
		if ( is_array( $value ) && isset( $schema['items'] ) && is_array( $schema['items'] ) ) {
			foreach ( $value as $item ) {
				if ( ! self::types_strict( $item, $schema['items'] ) ) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * "It contains U+202E, …" for the first character the rule refuses on
	 * its own when that character is invisible, a control or changes the
	 * text direction; '' otherwise.
	 *
	 * @param string       $value  String.
	 * @param array<mixed> $schema Rule.
	 * @return string
	 */
	private static function hidden_detail( $value, array $schema ) {
		if ( ! isset( $schema['pattern'] ) || ! is_string( $schema['pattern'] ) || '' === $value || ! preg_match_all( self::HIDDEN, $value, $found ) ) {
			return '';
		}
		foreach ( $found[0] as $char ) {
			if ( ! self::matches( $schema['pattern'], $char ) ) {
				return sprintf(
					/* translators: %s: a Unicode code point such as U+202E. */
					__( 'It contains %s, an invisible, control or direction-changing character.', 'customer-chat-for-messenger' ),
					self::code_point( $char )
				);
			}
		}
		return '';
	}

	/**
	 * U+XXXX of one UTF-8 character.
	 *
	 * @since 1.0.0
	 *
	 * @param string $char One character.
	 * @return string
	 */
	public static function code_point( $char ) {
		$bytes = array_map( 'ord', str_split( $char ) );
		$count = count( $bytes );
		$code  = 1 === $count ? $bytes[0] : $bytes[0] & ( 0xFF >> ( $count + 1 ) );
		for ( $i = 1; $i < $count; $i++ ) {
			$code = ( $code << 6 ) | ( $bytes[ $i ] & 0x3F );
		}
		return sprintf( 'U+%04X', $code );
	}
}
