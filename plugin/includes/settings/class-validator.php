<?php
/**
 * Validation of settings values against the schema, with the field's message.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Settings;

use CCFM\Chat\Away_Hours;
use CCFM\Data_Files;
use CCFM\Validation;

defined( 'ABSPATH' ) || exit;

/**
 * Validates settings values.
 *
 * @since 1.0.0
 */
final class Validator {

	/**
	 * Validates one field against its schema.
	 *
	 * On top of WordPress' schema check: patterns hold for the whole string
	 * (PHP's "$" would let a final newline through); numbers must be
	 * integers (a JSON float such as 1e30 or 1.5 is refused, never cast), and
	 * the only strings taken for an integer are plain decimal digits such as
	 * forms and shortcodes send ("5", never "1e3", " 5" or "2.4e1").
	 *
	 * @since 1.0.0
	 *
	 * @param string $field Field name.
	 * @param mixed  $value Value.
	 * @return mixed|\WP_Error The normalised value, or an error naming the field.
	 */
	public static function validate_field( $field, $value ) {
		$properties = Schema::schema()['properties'];
		if ( ! isset( $properties[ $field ] ) ) {
			if ( ! Schema::schema_intact() ) {
				return new \WP_Error(
					'ccfm_schema_damaged',
					/* translators: 1: setting name, 2: why nothing can be saved. */
					sprintf( __( '%1$s: %2$s', 'customer-chat-for-messenger' ), $field, Data_Files::describe( Data_Files::SCHEMA, (string) Data_Files::problems()[ Data_Files::SCHEMA ] ) ),
					array( 'field' => $field )
				);
			}
			return new \WP_Error(
				'ccfm_unknown_field',
				/* translators: %s: a setting name. */
				sprintf( __( '%s is not a setting of this plugin.', 'customer-chat-for-messenger' ), $field ),
				array( 'field' => $field )
			);
		}
		$property = $properties[ $field ];
		$value    = self::integer_strings( $value, $property );
		$valid    = Validation::check( $value, $property, $field );
		if ( true === $valid && 'away_hours' === $field ) {
			$valid = Away_Hours::check( $value ); // A range must end after it starts.
		}
		if ( is_wp_error( $valid ) ) {
			$detail = $valid->get_error_message();
			return new \WP_Error(
				'ccfm_invalid_' . $field,
				/* translators: 1: setting name, 2: what the setting accepts. */
				rtrim( sprintf( __( '%1$s: %2$s', 'customer-chat-for-messenger' ), $field, Messages::message( $field ) ) . ' ' . $detail ),
				array( 'field' => $field )
			);
		}
		$value = rest_sanitize_value_from_schema( $value, $property, $field );
		if ( 'theme_color' === $field && is_string( $value ) ) {
			$value = strtolower( $value );
		}
		return $value;
	}

	/**
	 * Plain decimal strings ("5", as forms and shortcodes send numbers) as
	 * integers, where the field (or its items) is an integer.
	 *
	 * @param mixed               $value    Value.
	 * @param array<string,mixed> $property The field's schema.
	 * @return mixed
	 */
	private static function integer_strings( $value, array $property ) {
		$types = (array) $property['type'];
		if ( in_array( 'integer', $types, true ) ) {
			$int = Validation::decimal( $value );
			return null === $int ? $value : $int;
		}
		if ( in_array( 'array', $types, true ) && is_array( $value ) && isset( $property['items'] ) && is_array( $property['items'] ) && in_array( 'integer', (array) $property['items']['type'], true ) ) {
			foreach ( $value as $key => $item ) {
				$int = Validation::decimal( $item );
				if ( null !== $int ) {
					$value[ $key ] = $int;
				}
			}
		}
		return $value;
	}

	/**
	 * Validates a whole settings object (or a part of one).
	 *
	 * @since 1.0.0
	 *
	 * @param mixed $value Candidate value.
	 * @return array<string,mixed>|\WP_Error Normalised fields, or the first error.
	 */
	public static function validate( $value ) {
		if ( ! is_array( $value ) || ( array() !== $value && array_keys( $value ) === range( 0, count( $value ) - 1 ) ) ) {
			return new \WP_Error( 'ccfm_invalid_settings', __( 'The settings must be an object.', 'customer-chat-for-messenger' ), array( 'field' => '' ) );
		}
		$clean = array();
		foreach ( $value as $field => $field_value ) {
			$field  = (string) $field;
			$result = self::validate_field( $field, $field_value );
			if ( is_wp_error( $result ) ) {
				return $result;
			}
			$clean[ $field ] = $result;
		}
		return $clean;
	}
}
