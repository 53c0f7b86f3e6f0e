<?php
/**
 * The ccfm_settings option: one schema, registered once, validated everywhere.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the option with its JSON schema and enforces it on every write.
 *
 * CcfmSettings is the complete option as data/settings-schema.json describes
 * it (types, enums, ranges); every place that reads the settings gets it.
 *
 * @since 1.0.0
 *
 * @phpstan-type CcfmPlace 'front_page'|'posts'|'pages'|'other_types'|'archives'|'search'|'404'
 * @phpstan-type CcfmSettings array{
 *     page_id: string,
 *     page_username: string,
 *     mode: 'chat_plugin'|'link',
 *     locale: string,
 *     theme_color: string,
 *     logged_in_greeting: string,
 *     logged_out_greeting: string,
 *     greeting_dialog_display: 'show'|'fade'|'hide'|'icon',
 *     greeting_dialog_delay: int<0, 3600>|'',
 *     phone_greeting: 'hide'|'delay'|'same',
 *     ref: string,
 *     alignment: 'right'|'left',
 *     bottom_spacing: int<0, 500>,
 *     load_strategy: 'interaction'|'idle'|'immediate',
 *     display_on: 'everywhere'|'placed'|'chosen',
 *     display_places: list<CcfmPlace>,
 *     exclude_ids: list<positive-int>,
 *     devices: 'all'|'desktop'|'mobile'
 * }
 */
final class Settings {

	const OPTION = 'ccfm_settings';

	/**
	 * Cached schema.
	 *
	 * @var array{type: string, additionalProperties: bool, properties: array<string,array{type: string|list<string>, default: mixed, enum?: array<string>, 'x-enum'?: string, 'x-message'?: string}>}|null
	 */
	private static $schema = null;

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'init', array( $this, 'register_setting' ) );
		add_filter( 'rest_pre_dispatch', array( $this, 'validate_rest_write' ), 10, 3 );
	}

	/**
	 * The option's JSON schema, read from data/settings-schema.json (shared
	 * with the TypeScript build) plus the locale list.
	 *
	 * @since 1.0.0
	 *
	 * @return array{type: string, additionalProperties: bool, properties: array<string,array{type: string|list<string>, default: mixed, enum?: array<string>, 'x-enum'?: string, 'x-message'?: string}>}
	 */
	public static function schema() {
		if ( null === self::$schema ) {
			/**
			 * Local file shipped with the plugin, not a remote request. Each
			 * property also has the JSON Schema keywords of its rule.
			 *
			 * @var array{type: string, additionalProperties: bool, properties: array<string,array{type: string|list<string>, default: mixed, enum?: array<string>, 'x-enum'?: string, 'x-message'?: string}>, '$comment'?: string} $schema
			 */
			$schema = json_decode( (string) file_get_contents( CCFM_DIR . 'data/settings-schema.json' ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
			unset( $schema['$comment'] );
			$locale         = $schema['properties']['locale'];
			$locale['enum'] = array_merge( array( 'auto' ), Locale::codes() );
			unset( $locale['x-enum'] );
			$schema['properties']['locale'] = $locale;
			self::$schema                   = $schema;
		}
		return self::$schema;
	}

	/**
	 * Default value of every field.
	 *
	 * @since 1.0.0
	 *
	 * @return CcfmSettings
	 */
	public static function defaults() {
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
	 * The stored settings, complete: defaults for missing fields, and for
	 * stored values of the wrong type.
	 *
	 * @since 1.0.0
	 *
	 * @return CcfmSettings
	 */
	public static function get() {
		$stored   = get_option( self::OPTION, array() );
		$fallback = self::defaults();
		if ( is_array( $stored ) && array() !== $stored && ! isset( $stored['mode'] ) ) {
			// Saved before link mode became the default: such a site keeps the Chat Plugin it had.
			$fallback['mode'] = 'chat_plugin';
		}
		return self::conform( $stored, $fallback );
	}

	/**
	 * Settings of the CcfmSettings types from a candidate (a filter's result,
	 * the stored option, merged overrides): each field whose candidate value
	 * is missing or not of the field's type (its enum, its range) keeps the
	 * fallback's value. Valid values pass unchanged; unknown keys are dropped.
	 *
	 * @since 1.1.0
	 *
	 * @param mixed               $candidate Candidate settings.
	 * @param array<string,mixed> $fallback  Settings to keep for a wrong field.
	 * @phpstan-param CcfmSettings $fallback
	 * @return CcfmSettings
	 */
	public static function conform( $candidate, array $fallback ) {
		if ( ! is_array( $candidate ) ) {
			return $fallback;
		}
		$delay   = array_key_exists( 'greeting_dialog_delay', $candidate ) ? $candidate['greeting_dialog_delay'] : null;
		$spacing = array_key_exists( 'bottom_spacing', $candidate ) ? $candidate['bottom_spacing'] : null;
		return array(
			'page_id'                 => self::string_field( $candidate, 'page_id', $fallback['page_id'] ),
			'page_username'           => self::string_field( $candidate, 'page_username', $fallback['page_username'] ),
			'mode'                    => self::enum_field( $candidate, 'mode', array( 'chat_plugin', 'link' ), $fallback['mode'] ),
			'locale'                  => self::string_field( $candidate, 'locale', $fallback['locale'] ),
			'theme_color'             => self::string_field( $candidate, 'theme_color', $fallback['theme_color'] ),
			'logged_in_greeting'      => self::string_field( $candidate, 'logged_in_greeting', $fallback['logged_in_greeting'] ),
			'logged_out_greeting'     => self::string_field( $candidate, 'logged_out_greeting', $fallback['logged_out_greeting'] ),
			'greeting_dialog_display' => self::enum_field( $candidate, 'greeting_dialog_display', array( 'show', 'fade', 'hide', 'icon' ), $fallback['greeting_dialog_display'] ),
			'greeting_dialog_delay'   => '' === $delay || ( is_int( $delay ) && $delay >= 0 && $delay <= 3600 ) ? $delay : $fallback['greeting_dialog_delay'],
			'phone_greeting'          => self::enum_field( $candidate, 'phone_greeting', array( 'hide', 'delay', 'same' ), $fallback['phone_greeting'] ),
			'ref'                     => self::string_field( $candidate, 'ref', $fallback['ref'] ),
			'alignment'               => self::enum_field( $candidate, 'alignment', array( 'right', 'left' ), $fallback['alignment'] ),
			'bottom_spacing'          => is_int( $spacing ) && $spacing >= 0 && $spacing <= 500 ? $spacing : $fallback['bottom_spacing'],
			'load_strategy'           => self::enum_field( $candidate, 'load_strategy', array( 'interaction', 'idle', 'immediate' ), $fallback['load_strategy'] ),
			'display_on'              => self::enum_field( $candidate, 'display_on', array( 'everywhere', 'placed', 'chosen' ), $fallback['display_on'] ),
			'display_places'          => self::enum_list_field( $candidate, 'display_places', array( 'front_page', 'posts', 'pages', 'other_types', 'archives', 'search', '404' ), $fallback['display_places'] ),
			'exclude_ids'             => self::ids_field( $candidate, 'exclude_ids', $fallback['exclude_ids'] ),
			'devices'                 => self::enum_field( $candidate, 'devices', array( 'all', 'desktop', 'mobile' ), $fallback['devices'] ),
		);
	}

	/**
	 * A string field of a candidate, or the fallback.
	 *
	 * @param array<mixed> $candidate Candidate settings.
	 * @param string       $field     Field name.
	 * @param string       $fallback  Value when the candidate's is not a string.
	 * @return string
	 */
	private static function string_field( array $candidate, $field, $fallback ) {
		return isset( $candidate[ $field ] ) && is_string( $candidate[ $field ] ) ? $candidate[ $field ] : $fallback;
	}

	/**
	 * An enum field of a candidate, or the fallback.
	 *
	 * @template T of string
	 *
	 * @param array<mixed> $candidate Candidate settings.
	 * @param string       $field     Field name.
	 * @param string[]     $allowed   The field's enum.
	 * @param T            $fallback  Value when the candidate's is not in the enum.
	 * @phpstan-param non-empty-list<T> $allowed
	 * @return T
	 */
	private static function enum_field( array $candidate, $field, array $allowed, $fallback ) {
		$index = isset( $candidate[ $field ] ) ? array_search( $candidate[ $field ], $allowed, true ) : false;
		return false === $index ? $fallback : $allowed[ $index ];
	}

	/**
	 * A list-of-enum field of a candidate, or the fallback.
	 *
	 * @template T of string
	 *
	 * @param array<mixed> $candidate Candidate settings.
	 * @param string       $field     Field name.
	 * @param string[]     $allowed   The items' enum.
	 * @param string[]     $fallback  Value when the candidate's is not such a list.
	 * @phpstan-param non-empty-list<T> $allowed
	 * @phpstan-param list<T> $fallback
	 * @return list<T>
	 */
	private static function enum_list_field( array $candidate, $field, array $allowed, array $fallback ) {
		if ( ! isset( $candidate[ $field ] ) || ! is_array( $candidate[ $field ] ) || array_values( $candidate[ $field ] ) !== $candidate[ $field ] ) {
			return $fallback;
		}
		$list = array();
		foreach ( $candidate[ $field ] as $item ) {
			$index = array_search( $item, $allowed, true );
			if ( false === $index ) {
				return $fallback;
			}
			$list[] = $allowed[ $index ];
		}
		return $list;
	}

	/**
	 * A list-of-post-IDs field of a candidate, or the fallback.
	 *
	 * @param array<mixed> $candidate Candidate settings.
	 * @param string       $field     Field name.
	 * @param int[]        $fallback  Value when the candidate's is not such a list.
	 * @phpstan-param list<positive-int> $fallback
	 * @return list<positive-int>
	 */
	private static function ids_field( array $candidate, $field, array $fallback ) {
		if ( ! isset( $candidate[ $field ] ) || ! is_array( $candidate[ $field ] ) || array_values( $candidate[ $field ] ) !== $candidate[ $field ] ) {
			return $fallback;
		}
		$list = array();
		foreach ( $candidate[ $field ] as $item ) {
			if ( ! is_int( $item ) || $item < 1 ) {
				return $fallback;
			}
			$list[] = $item;
		}
		return $list;
	}

	/**
	 * Registers the option with WordPress and the REST API.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_setting() {
		$schema = self::schema();
		register_setting(
			'ccfm',
			self::OPTION,
			array(
				'type'              => 'object',
				'label'             => __( 'Customer Chat for Messenger', 'customer-chat-for-messenger' ),
				'description'       => __( 'Settings of the Messenger chat.', 'customer-chat-for-messenger' ),
				'default'           => self::defaults(),
				'sanitize_callback' => array( $this, 'sanitize' ),
				'show_in_rest'      => array(
					'name'   => self::OPTION,
					'schema' => array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => $schema['properties'],
					),
				),
			)
		);
	}

	/**
	 * Translated error message for a field.
	 *
	 * @since 1.0.0
	 *
	 * @param string $field Field name.
	 * @return string
	 */
	public static function message( $field ) {
		$messages = array(
			'page_id'                 => __( 'The Page ID must be empty or 1 to 20 digits.', 'customer-chat-for-messenger' ),
			'page_username'           => __( 'The Page username must be empty or 5 to 50 letters, digits or dots.', 'customer-chat-for-messenger' ),
			'mode'                    => __( 'The mode must be chat_plugin or link.', 'customer-chat-for-messenger' ),
			'locale'                  => __( 'The language must be auto or a Facebook locale code such as en_US.', 'customer-chat-for-messenger' ),
			'theme_color'             => __( 'The theme colour must be empty or a #rrggbb colour other than white.', 'customer-chat-for-messenger' ),
			'logged_in_greeting'      => __( 'The logged-in greeting must be plain text of at most 80 characters.', 'customer-chat-for-messenger' ),
			'logged_out_greeting'     => __( 'The logged-out greeting must be plain text of at most 80 characters.', 'customer-chat-for-messenger' ),
			'greeting_dialog_display' => __( 'The greeting display must be show, fade, hide or icon.', 'customer-chat-for-messenger' ),
			'greeting_dialog_delay'   => __( 'The greeting delay must be empty or whole seconds from 0 to 3600.', 'customer-chat-for-messenger' ),
			'phone_greeting'          => __( 'The greeting on phones must be hide, delay or same.', 'customer-chat-for-messenger' ),
			'ref'                     => __( 'The ref may hold only letters, digits, -, _ and =, at most 250 characters.', 'customer-chat-for-messenger' ),
			'alignment'               => __( 'The alignment must be right or left.', 'customer-chat-for-messenger' ),
			'bottom_spacing'          => __( 'The bottom spacing must be whole pixels from 0 to 500.', 'customer-chat-for-messenger' ),
			'load_strategy'           => __( 'The load strategy must be interaction, idle or immediate.', 'customer-chat-for-messenger' ),
			'display_on'              => __( 'Where the chat shows must be everywhere, placed or chosen.', 'customer-chat-for-messenger' ),
			'display_places'          => __( 'The places must be among front_page, posts, pages, other_types, archives, search and 404.', 'customer-chat-for-messenger' ),
			'exclude_ids'             => __( 'Excluded posts must be a list of post IDs (whole numbers from 1).', 'customer-chat-for-messenger' ),
			'devices'                 => __( 'Devices must be all, desktop or mobile.', 'customer-chat-for-messenger' ),
		);
		if ( isset( $messages[ $field ] ) ) {
			return $messages[ $field ];
		}
		$schema = self::schema();
		return isset( $schema['properties'][ $field ]['x-message'] ) ? $schema['properties'][ $field ]['x-message'] : __( 'Invalid value.', 'customer-chat-for-messenger' );
	}

	/**
	 * Validates one field against its schema.
	 *
	 * @since 1.0.0
	 *
	 * @param string $field Field name.
	 * @param mixed  $value Value.
	 * @return mixed|\WP_Error The normalised value, or an error naming the field.
	 */
	public static function validate_field( $field, $value ) {
		$properties = self::schema()['properties'];
		if ( ! isset( $properties[ $field ] ) ) {
			return new \WP_Error(
				'ccfm_unknown_field',
				/* translators: %s: a setting name. */
				sprintf( __( '%s is not a setting of this plugin.', 'customer-chat-for-messenger' ), $field ),
				array( 'field' => $field )
			);
		}
		$property = $properties[ $field ];
		$valid    = rest_validate_value_from_schema( $value, $property, $field );
		if ( 'array' === $property['type'] && ( ! is_array( $value ) || ( array() !== $value && array_keys( $value ) !== range( 0, count( $value ) - 1 ) ) ) ) {
			// WordPress would read "a,b" as a list; a list setting must be a JSON array.
			$valid = new \WP_Error( 'ccfm_not_a_list', 'not a list' );
		}
		if ( is_string( $value ) && '' !== $value && '' === wp_check_invalid_utf8( $value ) ) {
			$valid = new \WP_Error( 'ccfm_invalid_utf8', 'invalid utf-8' );
		}
		if ( is_wp_error( $valid ) ) {
			return new \WP_Error(
				'ccfm_invalid_' . $field,
				/* translators: 1: setting name, 2: what the setting accepts. */
				sprintf( __( '%1$s: %2$s', 'customer-chat-for-messenger' ), $field, self::message( $field ) ),
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

	/**
	 * The sanitize step of register_setting: never lets an invalid value be
	 * stored; fields not given keep their stored value.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed $value Candidate value.
	 * @return array<string,mixed>
	 */
	public function sanitize( $value ) {
		$clean = self::validate( $value );
		if ( is_wp_error( $clean ) ) {
			if ( function_exists( 'add_settings_error' ) ) {
				add_settings_error( self::OPTION, (string) $clean->get_error_code(), $clean->get_error_message() );
			}
			return self::get();
		}
		return array_merge( self::get(), $clean );
	}

	/**
	 * Refuses an invalid /wp/v2/settings write with 400 and a message naming
	 * the field, before WordPress stores anything. Requests from users who may
	 * not manage options fall through to the core permission check.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed            $result  Response so far.
	 * @param \WP_REST_Server  $server  Server.
	 * @param \WP_REST_Request $request Request.
	 * @return mixed
	 */
	public function validate_rest_write( $result, $server, $request ) {
		if ( null !== $result || 'GET' === $request->get_method() || '/wp/v2/settings' !== strtolower( untrailingslashit( $request->get_route() ) ) ) {
			return $result;
		}
		if ( ! current_user_can( 'manage_options' ) ) {
			return $result;
		}
		$params = $request->get_params();
		if ( ! array_key_exists( self::OPTION, $params ) ) {
			return $result;
		}
		$clean = self::validate( $params[ self::OPTION ] );
		if ( ! is_wp_error( $clean ) ) {
			return $result;
		}
		$data = $clean->get_error_data();
		return new \WP_Error(
			'rest_invalid_param',
			$clean->get_error_message(),
			array(
				'status'  => 400,
				'params'  => array( self::OPTION => $clean->get_error_message() ),
				'details' => array(
					self::OPTION => array(
						'code'    => $clean->get_error_code(),
						'message' => $clean->get_error_message(),
						'data'    => array( 'field' => is_array( $data ) ? $data['field'] : '' ),
					),
				),
			)
		);
	}
}
