<?php
/**
 * The stored ccfm_settings option, read, repaired and conformed to the schema.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Settings;

use CCFM\Chat\Away_Hours;
use CCFM\Stored_Data;

defined( 'ABSPATH' ) || exit;

/**
 * The settings as every part of the plugin reads them.
 *
 * @since 1.0.0
 *
 * CcfmSettings is the complete option with the type of each field. The
 * values an enum field may hold, and the range of a number, are not
 * repeated here: they live in data/settings-schema.json only, and conform()
 * narrows every value to them when it reads the schema.
 *
 * @phpstan-type CcfmSettings array{
 *     page_id: string,
 *     page_username: string,
 *     mode: string,
 *     locale: string,
 *     theme_color: string,
 *     logged_in_greeting: string,
 *     logged_out_greeting: string,
 *     greeting_dialog_display: string,
 *     greeting_dialog_delay: int|'',
 *     phone_greeting: string,
 *     ref: string,
 *     alignment: string,
 *     bottom_spacing: int,
 *     load_strategy: string,
 *     display_on: string,
 *     display_places: list<string>,
 *     exclude_ids: list<positive-int>,
 *     devices: string,
 *     click_counting: string,
 *     message_text: string,
 *     away_hours: list<string>,
 *     away_action: string,
 *     away_greeting: string
 * }
 */
final class Settings {

	const OPTION = Stored_Data::SETTINGS_OPTION;

	/**
	 * The last stored value read, with what get() made of it.
	 *
	 * @var array{raw: mixed, settings: CcfmSettings, reset: list<string>, dropped: list<string>}|null
	 */
	private static $read = null;

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
	 * @since 1.0.0
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
		$fallback = Schema::defaults();
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
				if ( ! Schema::schema_intact() ) {
					$values[ $field ] = $value; // No rules to check with: the types are still checked below.
					continue;
				}
				$valid = Validator::validate_field( $field, $value );
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
	 * @since 1.0.0
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
		return array(
			'page_id'                 => self::string_field( $candidate, 'page_id', $fallback['page_id'] ),
			'page_username'           => self::string_field( $candidate, 'page_username', $fallback['page_username'] ),
			'mode'                    => self::enum_field( $candidate, 'mode', $fallback['mode'] ),
			'locale'                  => self::string_field( $candidate, 'locale', $fallback['locale'] ),
			'theme_color'             => self::string_field( $candidate, 'theme_color', $fallback['theme_color'] ),
			'logged_in_greeting'      => self::string_field( $candidate, 'logged_in_greeting', $fallback['logged_in_greeting'] ),
			'logged_out_greeting'     => self::string_field( $candidate, 'logged_out_greeting', $fallback['logged_out_greeting'] ),
			'greeting_dialog_display' => self::enum_field( $candidate, 'greeting_dialog_display', $fallback['greeting_dialog_display'] ),
			'greeting_dialog_delay'   => isset( $candidate['greeting_dialog_delay'] ) && '' === $candidate['greeting_dialog_delay'] ? '' : self::integer_field( $candidate, 'greeting_dialog_delay', $fallback['greeting_dialog_delay'] ),
			'phone_greeting'          => self::enum_field( $candidate, 'phone_greeting', $fallback['phone_greeting'] ),
			'ref'                     => self::string_field( $candidate, 'ref', $fallback['ref'] ),
			'alignment'               => self::enum_field( $candidate, 'alignment', $fallback['alignment'] ),
			'bottom_spacing'          => self::integer_field( $candidate, 'bottom_spacing', $fallback['bottom_spacing'] ),
			'load_strategy'           => self::enum_field( $candidate, 'load_strategy', $fallback['load_strategy'] ),
			'display_on'              => self::enum_field( $candidate, 'display_on', $fallback['display_on'] ),
			'display_places'          => self::enum_list_field( $candidate, 'display_places', $fallback['display_places'] ),
			'exclude_ids'             => self::ids_field( $candidate, 'exclude_ids', $fallback['exclude_ids'] ),
			'devices'                 => self::enum_field( $candidate, 'devices', $fallback['devices'] ),
			'click_counting'          => self::enum_field( $candidate, 'click_counting', $fallback['click_counting'] ),
			'message_text'            => self::string_field( $candidate, 'message_text', $fallback['message_text'] ),
			'away_hours'              => Away_Hours::conform( $candidate, $fallback['away_hours'] ),
			'away_action'             => self::enum_field( $candidate, 'away_action', $fallback['away_action'] ),
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
	 * An enum field of a candidate, or the fallback: a value of the field's
	 * enum in the schema (any string when the schema could not be read).
	 *
	 * @param array<mixed> $candidate Candidate settings.
	 * @param string       $field     Field name.
	 * @param string       $fallback  Value when the candidate's is not in the enum.
	 * @return string
	 */
	private static function enum_field( array $candidate, $field, $fallback ) {
		$value   = isset( $candidate[ $field ] ) ? $candidate[ $field ] : null;
		$allowed = Schema::enum( $field );
		return is_string( $value ) && ( null === $allowed || in_array( $value, $allowed, true ) ) ? $value : $fallback;
	}

	/**
	 * An integer field of a candidate within the schema's minimum and
	 * maximum, or the fallback.
	 *
	 * @template T of int|''
	 *
	 * @param array<mixed> $candidate Candidate settings.
	 * @param string       $field     Field name.
	 * @param T            $fallback  Value when the candidate's is not such an integer.
	 * @return int|T
	 */
	private static function integer_field( array $candidate, $field, $fallback ) {
		$value = isset( $candidate[ $field ] ) ? $candidate[ $field ] : null;
		if ( ! is_int( $value ) ) {
			return $fallback;
		}
		$range = Schema::range( $field );
		return $value >= $range[0] && $value <= $range[1] ? $value : $fallback;
	}

	/**
	 * A list-of-enum field of a candidate, or the fallback.
	 *
	 * @param array<mixed> $candidate Candidate settings.
	 * @param string       $field     Field name.
	 * @param string[]     $fallback  Value when the candidate's is not such a list.
	 * @phpstan-param list<string> $fallback
	 * @return list<string>
	 */
	private static function enum_list_field( array $candidate, $field, array $fallback ) {
		if ( ! isset( $candidate[ $field ] ) || ! is_array( $candidate[ $field ] ) || array_values( $candidate[ $field ] ) !== $candidate[ $field ] ) {
			return $fallback;
		}
		$allowed = Schema::enum( $field );
		$list    = array();
		foreach ( $candidate[ $field ] as $item ) {
			if ( ! is_string( $item ) || ( null !== $allowed && ! in_array( $item, $allowed, true ) ) ) {
				return $fallback;
			}
			$list[] = $item;
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
	 * Forgets the schema and the settings read (tests change the files and
	 * the option underneath).
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function flush() {
		Schema::flush();
		self::$read = null;
	}
}
