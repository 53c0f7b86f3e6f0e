<?php
/**
 * The settings schema, data/settings-schema.json: its properties, enums and defaults.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Settings;

use CCFM\Chat\Locale;
use CCFM\Data_Files;

defined( 'ABSPATH' ) || exit;

/**
 * Reads the one schema of the ccfm_settings option.
 *
 * @since 1.0.0
 *
 * @phpstan-import-type CcfmSettings from \CCFM\Settings\Settings
 */
final class Schema {

	/**
	 * Cached schema.
	 *
	 * @var array{type: string, additionalProperties: bool, properties: array<string,array{type: string|list<string>, default: mixed, enum?: array<string>, pattern?: string, minimum?: int, maximum?: int, maxLength?: int, items?: array<string,mixed>, 'x-enum'?: string}>}|null
	 */
	private static $schema = null;

	/**
	 * The option's JSON schema, read from data/settings-schema.json (shared
	 * with the TypeScript build) plus the locale list. When that file is
	 * missing or damaged the schema has no properties (Data_Files reports
	 * the file): the stored settings keep working, nothing can be saved.
	 *
	 * @since 1.0.0
	 *
	 * @return array{type: string, additionalProperties: bool, properties: array<string,array{type: string|list<string>, default: mixed, enum?: array<string>, pattern?: string, minimum?: int, maximum?: int, maxLength?: int, items?: array<string,mixed>, 'x-enum'?: string}>}
	 */
	public static function schema() {
		if ( null === self::$schema ) {
			/**
			 * Local file shipped with the plugin, not a remote request. Each
			 * property also has the JSON Schema keywords of its rule.
			 *
			 * @var array{type: string, additionalProperties: bool, properties: array<string,array{type: string|list<string>, default: mixed, enum?: array<string>, pattern?: string, minimum?: int, maximum?: int, maxLength?: int, items?: array<string,mixed>, 'x-enum'?: string}>, '$comment'?: string}|null $schema
			 */
			$schema = Data_Files::load( Data_Files::SCHEMA, array( self::class, 'schema_shape_ok' ) );
			if ( null === $schema ) {
				self::$schema = array(
					'type'                 => 'object',
					'additionalProperties' => false,
					'properties'           => array(),
				);
				return self::$schema;
			}
			unset( $schema['$comment'] );
			$locale = $schema['properties']['locale'];
			$codes  = Locale::codes();
			if ( $codes ) {
				$locale['enum'] = array_merge( array( 'auto' ), $codes );
			}
			unset( $locale['x-enum'] );
			$schema['properties']['locale'] = $locale;
			self::$schema                   = $schema;
		}
		return self::$schema;
	}

	/**
	 * Whether a decoded settings-schema.json has what the code needs: every
	 * field of CcfmSettings, each with a type and a default.
	 *
	 * @since 1.0.0
	 *
	 * @param array<mixed> $schema Decoded file.
	 * @return bool
	 */
	public static function schema_shape_ok( array $schema ) {
		if ( ! isset( $schema['properties'] ) || ! is_array( $schema['properties'] ) ) {
			return false;
		}
		foreach ( array_keys( self::blank() ) as $field ) {
			$property = isset( $schema['properties'][ $field ] ) ? $schema['properties'][ $field ] : null;
			if ( ! is_array( $property ) || ! isset( $property['type'] ) || ! array_key_exists( 'default', $property ) ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether data/settings-schema.json was read intact.
	 *
	 * @since 1.0.0
	 *
	 * @return bool
	 */
	public static function schema_intact() {
		return array() !== self::schema()['properties'];
	}

	/**
	 * Settings of the right types that show no chat (no Page ID): what is
	 * used for a field when the schema file, and so its default, is gone.
	 *
	 * @return CcfmSettings
	 */
	private static function blank() {
		return array(
			'page_id'                 => '',
			'page_username'           => '',
			'mode'                    => 'link',
			'locale'                  => 'auto',
			'theme_color'             => '',
			'logged_in_greeting'      => '',
			'logged_out_greeting'     => '',
			'greeting_dialog_display' => 'hide',
			'greeting_dialog_delay'   => '',
			'phone_greeting'          => 'hide',
			'ref'                     => '',
			'alignment'               => 'right',
			'bottom_spacing'          => 0,
			'load_strategy'           => 'interaction',
			'display_on'              => 'everywhere',
			'display_places'          => array(),
			'exclude_ids'             => array(),
			'devices'                 => 'all',
			'click_counting'          => 'on',
			'message_text'            => '',
			'away_hours'              => array(),
			'away_action'             => 'greeting',
			'away_greeting'           => '',
		);
	}

	/**
	 * Default value of every field.
	 *
	 * @since 1.0.0
	 *
	 * @return CcfmSettings
	 */
	public static function defaults() {
		if ( ! self::schema_intact() ) {
			return self::blank();
		}
		$defaults = array();
		foreach ( self::schema()['properties'] as $key => $property ) {
			$defaults[ $key ] = $property['default'];
		}
		/**
		 * The defaults of data/settings-schema.json, the plugin's own file
		 * (SettingsTypesTest checks that they have the CcfmSettings types).
		 *
		 * @var CcfmSettings $defaults
		 */
		return $defaults;
	}

	/**
	 * Forgets the schema read (tests change the files underneath).
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function flush() {
		self::$schema = null;
	}

	/**
	 * The values an enum field (or the items of a list field) may hold, as
	 * the schema states them; null when the schema could not be read.
	 *
	 * @since 1.0.0
	 *
	 * @param string $field Field name.
	 * @return list<string>|null
	 */
	public static function enum( $field ) {
		$properties = self::schema()['properties'];
		if ( ! isset( $properties[ $field ] ) ) {
			return null;
		}
		$property = $properties[ $field ];
		$enum     = isset( $property['enum'] ) ? $property['enum'] : ( isset( $property['items']['enum'] ) ? $property['items']['enum'] : null );
		return is_array( $enum ) ? array_values( array_filter( $enum, 'is_string' ) ) : null;
	}

	/**
	 * The schema's minimum and maximum of an integer field (no bound when
	 * the schema could not be read or states none).
	 *
	 * @since 1.0.0
	 *
	 * @param string $field Field name.
	 * @return array{0: int, 1: int}
	 */
	public static function range( $field ) {
		$properties = self::schema()['properties'];
		$property   = isset( $properties[ $field ] ) ? $properties[ $field ] : array();
		return array(
			isset( $property['minimum'] ) ? $property['minimum'] : PHP_INT_MIN,
			isset( $property['maximum'] ) ? $property['maximum'] : PHP_INT_MAX,
		);
	}

	/**
	 * A field's rule as the schema states it (pattern, maxLength, enum, …),
	 * for validation elsewhere (REST arguments, post meta) without a copy.
	 *
	 * @since 1.0.0
	 *
	 * @param string $field Field name.
	 * @return array<string,mixed>
	 */
	public static function property( $field ) {
		$properties = self::schema()['properties'];
		if ( ! isset( $properties[ $field ] ) ) {
			return array();
		}
		$property = $properties[ $field ];
		unset( $property['default'] );
		return $property;
	}
}
