<?php
/**
 * The secrets store: the ccfm_platform option (Page access token, App Secret, verify token, retention), never exposed over REST nor printed.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

use CCFM\Rest_Access;
use CCFM\Stored_Data;
use CCFM\Validation;

defined( 'ABSPATH' ) || exit;

/**
 * Reads and checks the Messenger Platform secrets.
 *
 * @since 1.0.0
 */
final class Secrets {

	const OPTION = Stored_Data::PLATFORM_OPTION;

	const SECRETS = array( 'page_access_token', 'app_secret', 'verify_token' );

	/**
	 * The key of the plugin's own random secret in the option: the HMAC key
	 * of the conversation records' sender keys. Never shown, never set over
	 * REST, kept when the other secrets change.
	 */
	const SENDER_SECRET = 'sender_secret';

	const DEFAULT_RETENTION_DAYS = 90;

	/**
	 * The stored option, complete.
	 *
	 * @since 1.0.0
	 *
	 * @return array{page_access_token:string,app_secret:string,verify_token:string,retention_days:int}
	 */
	public static function get() {
		$stored = get_option( self::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		$value  = array(
			'page_access_token' => '',
			'app_secret'        => '',
			'verify_token'      => '',
			'retention_days'    => self::DEFAULT_RETENTION_DAYS,
		);
		foreach ( self::SECRETS as $key ) {
			if ( isset( $stored[ $key ] ) && is_string( $stored[ $key ] ) ) {
				$value[ $key ] = $stored[ $key ];
			}
		}
		if ( isset( $stored['retention_days'] ) && is_numeric( $stored['retention_days'] ) && (int) $stored['retention_days'] >= 1 ) {
			$value['retention_days'] = (int) $stored['retention_days'];
		}
		return $value;
	}

	/**
	 * One secret ('' when not set). Server-side use only.
	 *
	 * @since 1.0.0
	 *
	 * @param string $key page_access_token, app_secret or verify_token.
	 * @return string
	 */
	public static function secret( $key ) {
		$value = self::get();
		return in_array( $key, self::SECRETS, true ) ? $value[ $key ] : '';
	}

	/**
	 * The plugin's own random secret that keys the conversation records'
	 * sender keys (64 hex characters), created when missing. Unlike
	 * wp_salt() it does not change when the site's salts are rotated.
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public static function sender_secret() {
		$stored = get_option( self::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		if ( isset( $stored[ self::SENDER_SECRET ] ) && is_string( $stored[ self::SENDER_SECRET ] ) && preg_match( '/^[0-9a-f]{64}$/D', $stored[ self::SENDER_SECRET ] ) ) {
			return $stored[ self::SENDER_SECRET ];
		}
		$secret                        = bin2hex( random_bytes( 32 ) );
		$stored[ self::SENDER_SECRET ] = $secret;
		if ( false === get_option( self::OPTION ) ) {
			add_option( self::OPTION, $stored, '', false );
		} else {
			update_option( self::OPTION, $stored, false );
		}
		return $secret;
	}

	/**
	 * Days the conversation records are kept.
	 *
	 * @since 1.0.0
	 *
	 * @return int
	 */
	public static function retention_days() {
		return self::get()['retention_days'];
	}

	/**
	 * What the admin may see: whether each secret is set, never the secret.
	 *
	 * @since 1.0.0
	 *
	 * @return array<string,mixed>
	 */
	public static function public_state() {
		$value   = self::get();
		$secrets = array();
		foreach ( self::SECRETS as $key ) {
			$secrets[ $key ] = '' !== $value[ $key ];
		}
		return array(
			'secrets'        => $secrets,
			'retention_days' => $value['retention_days'],
			'webhook_url'    => rest_url( Rest_Access::NAMESPACE_V1 . '/webhook' ),
			'site_origin'    => Whitelist::site_origin(),
		);
	}

	/**
	 * Whether a value is acceptable for a secret.
	 *
	 * @since 1.0.0
	 *
	 * @param string $key   Secret name.
	 * @param mixed  $value Value.
	 * @return true|\WP_Error
	 */
	public static function validate_secret( $key, $value ) {
		if ( ! is_string( $value ) ) {
			return new \WP_Error( 'rest_invalid_param', self::message( $key ), array( 'status' => 400 ) );
		}
		if ( '' === $value ) {
			return true; // Empty means "keep what is saved".
		}
		// Whole-string patterns: a secret pasted with a final newline is refused, not saved.
		$patterns = array(
			'page_access_token' => '^[A-Za-z0-9_\-|.]{20,1024}$',
			'app_secret'        => '^[0-9a-fA-F]{32}$',
			'verify_token'      => '^[\x21-\x7E]{8,200}$',
		);
		if ( ! Validation::matches( $patterns[ $key ], $value ) ) {
			return new \WP_Error( 'rest_invalid_param', self::message( $key ), array( 'status' => 400 ) );
		}
		return true;
	}

	/**
	 * Error message of a field.
	 *
	 * @since 1.0.0
	 *
	 * @param string $key Field.
	 * @return string
	 */
	public static function message( $key ) {
		$messages = array(
			'page_access_token' => __( 'The Page access token must be 20 to 1024 letters, digits, "-", "_", "." or "|" as copied from Meta, with no spaces.', 'customer-chat-for-messenger' ),
			'app_secret'        => __( 'The App Secret must be the 32 hexadecimal characters shown under App settings → Basic in Meta\'s app dashboard.', 'customer-chat-for-messenger' ),
			'verify_token'      => __( 'The verify token must be 8 to 200 visible ASCII characters, with no spaces.', 'customer-chat-for-messenger' ),
			'retention_days'    => __( 'Conversation records must be kept for 1 to 3650 days.', 'customer-chat-for-messenger' ),
			'clear'             => __( 'Clear may only list page_access_token, app_secret and verify_token.', 'customer-chat-for-messenger' ),
			'payload'           => __( 'The Get Started payload must be 1 to 1000 characters.', 'customer-chat-for-messenger' ),
		);
		return isset( $messages[ $key ] ) ? $messages[ $key ] : __( 'Invalid value.', 'customer-chat-for-messenger' );
	}
}
