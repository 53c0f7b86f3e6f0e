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
 *     devices: 'all'|'desktop'|'mobile',
 *     message_text: string,
 *     away_hours: list<string>,
 *     away_action: 'greeting'|'hide',
 *     away_greeting: string
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
	 * The last stored value read, with what get() made of it.
	 *
	 * @var array{raw: mixed, settings: CcfmSettings, reset: list<string>, dropped: list<string>}|null
	 */
	private static $read = null;

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
		add_filter( 'rest_pre_get_setting', array( $this, 'rest_value' ), 10, 3 );
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * The option's JSON schema, read from data/settings-schema.json (shared
	 * with the TypeScript build) plus the locale list. When that file is
	 * missing or damaged the schema has no properties (Data_Files reports
	 * the file): the stored settings keep working, nothing can be saved.
	 *
	 * @since 1.0.0
	 *
	 * @return array{type: string, additionalProperties: bool, properties: array<string,array{type: string|list<string>, default: mixed, enum?: array<string>, pattern?: string, 'x-enum'?: string, 'x-message'?: string}>}
	 */
	public static function schema() {
		if ( null === self::$schema ) {
			/**
			 * Local file shipped with the plugin, not a remote request. Each
			 * property also has the JSON Schema keywords of its rule.
			 *
			 * @var array{type: string, additionalProperties: bool, properties: array<string,array{type: string|list<string>, default: mixed, enum?: array<string>, pattern?: string, 'x-enum'?: string, 'x-message'?: string}>, '$comment'?: string}|null $schema
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
	 * @since 1.2.0
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
	 * @since 1.2.0
	 *
	 * @return bool
	 */
	public static function schema_intact() {
		return array() !== self::schema()['properties'];
	}

	/**
	 * Forgets the schema and the settings read (tests change the files and
	 * the option underneath).
	 *
	 * @since 1.2.0
	 *
	 * @return void
	 */
	public static function flush() {
		self::$schema = null;
		self::$read   = null;
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
	 * The stored settings, complete and valid: every stored field that
	 * breaks its rule (a value from another version, a hand edit) is reset
	 * to its default, unknown keys are dropped, missing fields get their
	 * default. The stored option itself is left as it is until the next save.
	 *
	 * @since 1.0.0
	 *
	 * @return CcfmSettings
	 */
	public static function get() {
		return self::read()['settings'];
	}

	/**
	 * What get() had to repair in the stored option: the fields reset to
	 * their default and the unknown keys dropped.
	 *
	 * @since 1.2.0
	 *
	 * @return array{reset: list<string>, dropped: list<string>}
	 */
	public static function repairs() {
		$read = self::read();
		return array(
			'reset'   => $read['reset'],
			'dropped' => $read['dropped'],
		);
	}

	/**
	 * The stored option, read and repaired once per stored value.
	 *
	 * @return array{raw: mixed, settings: CcfmSettings, reset: list<string>, dropped: list<string>}
	 */
	private static function read() {
		$stored = get_option( self::OPTION, array() );
		if ( null !== self::$read && self::$read['raw'] === $stored ) {
			return self::$read;
		}
		$fallback = self::defaults();
		if ( is_array( $stored ) && array() !== $stored && ! isset( $stored['mode'] ) ) {
			// Saved before link mode became the default: such a site keeps the Chat Plugin it had.
			$fallback['mode'] = 'chat_plugin';
		}
		$reset   = array();
		$dropped = array();
		$values  = array();
		if ( is_array( $stored ) ) {
			foreach ( $stored as $field => $value ) {
				$field = (string) $field;
				if ( ! array_key_exists( $field, $fallback ) ) {
					$dropped[] = $field;
					continue;
				}
				if ( ! self::schema_intact() ) {
					$values[ $field ] = $value; // No rules to check with: the types are still checked below.
					continue;
				}
				$valid = self::validate_field( $field, $value );
				if ( is_wp_error( $valid ) ) {
					$reset[] = $field;
					continue;
				}
				$values[ $field ] = $valid;
			}
		} elseif ( false !== $stored && null !== $stored && '' !== $stored ) {
			$reset = array_keys( $fallback );
		}
		$settings = self::conform( $values, $fallback );
		foreach ( $values as $field => $value ) {
			if ( $settings[ $field ] !== $value && ! in_array( $field, $reset, true ) ) {
				$reset[] = $field;
			}
		}
		self::$read = array(
			'raw'      => $stored,
			'settings' => $settings,
			'reset'    => $reset,
			'dropped'  => $dropped,
		);
		return self::$read;
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
			'message_text'            => self::string_field( $candidate, 'message_text', $fallback['message_text'] ),
			'away_hours'              => Chat\Away_Hours::conform( $candidate, $fallback['away_hours'] ),
			'away_action'             => self::enum_field( $candidate, 'away_action', array( 'greeting', 'hide' ), $fallback['away_action'] ),
			'away_greeting'           => self::string_field( $candidate, 'away_greeting', $fallback['away_greeting'] ),
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
					// Without its schema file the stored settings are still shown, as they are.
					'schema' => self::schema_intact() ? array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => $schema['properties'],
					) : array(
						'type'                 => 'object',
						'additionalProperties' => true,
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
			'message_text'            => __( 'The message text must be plain text of at most 300 characters.', 'customer-chat-for-messenger' ),
			'away_hours'              => __( 'The opening hours must be weekly ranges such as 1 09:00-17:00 (weekday 1 = Monday to 7 = Sunday), each ending after it starts, at most 70.', 'customer-chat-for-messenger' ),
			'away_action'             => __( 'What happens outside the opening hours must be greeting or hide.', 'customer-chat-for-messenger' ),
			'away_greeting'           => __( 'The away greeting must be plain text of at most 80 characters.', 'customer-chat-for-messenger' ),
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
		$properties = self::schema()['properties'];
		if ( ! isset( $properties[ $field ] ) ) {
			if ( ! self::schema_intact() ) {
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
			$valid = Chat\Away_Hours::check( $value ); // A range must end after it starts.
		}
		if ( is_wp_error( $valid ) ) {
			$detail = $valid->get_error_message();
			return new \WP_Error(
				'ccfm_invalid_' . $field,
				/* translators: 1: setting name, 2: what the setting accepts. */
				rtrim( sprintf( __( '%1$s: %2$s', 'customer-chat-for-messenger' ), $field, self::message( $field ) ) . ' ' . $detail ),
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

	/**
	 * The sanitize step of register_setting: never lets an invalid value be
	 * stored; fields not given keep their stored value (repaired, see get()).
	 *
	 * A refused value gives back the option exactly as it is stored, so
	 * update_option() finds nothing changed and writes nothing.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed $value Candidate value.
	 * @return mixed
	 */
	public function sanitize( $value ) {
		$clean = self::validate( $value );
		if ( is_wp_error( $clean ) ) {
			if ( function_exists( 'add_settings_error' ) ) {
				add_settings_error( self::OPTION, (string) $clean->get_error_code(), $clean->get_error_message() );
			}
			return get_option( self::OPTION );
		}
		return array_merge( self::get(), $clean );
	}

	/**
	 * The settings /wp/v2/settings answers: always the repaired, valid
	 * object of get(), never null for a stored option from another version.
	 *
	 * @since 1.2.0
	 *
	 * @param mixed               $value Value so far (null: read the option).
	 * @param string              $name  Setting name.
	 * @param array<string,mixed> $args  Setting arguments.
	 * @return mixed
	 */
	public function rest_value( $value, $name, $args ) {
		unset( $args );
		return self::OPTION === $name && null === $value ? self::get() : $value;
	}

	/**
	 * The settings route's answer to GET /ccfm/v1/settings-state: what
	 * reading the stored option repaired, and the damaged data files.
	 *
	 * @since 1.2.0
	 *
	 * @return \WP_REST_Response
	 */
	public function rest_state() {
		$repairs = self::repairs();
		return rest_ensure_response(
			array(
				'reset'      => $repairs['reset'],
				'dropped'    => $repairs['dropped'],
				'data_files' => Data_Files::report(),
			)
		);
	}

	/**
	 * Registers GET /ccfm/v1/settings-state (administrators).
	 *
	 * @since 1.2.0
	 *
	 * @return void
	 */
	public function register_routes() {
		register_rest_route(
			Rest::NAMESPACE_V1,
			'/settings-state',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'rest_state' ),
				'permission_callback' => array( new Rest(), 'can_manage' ),
			)
		);
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
