<?php
/**
 * POST /ccfm/v1/click: the beacon a visitor's browser sends when the
 * bubble, a "Message us" button or a data-ccfm-open element is used.
 *
 * Public (navigator.sendBeacon sends no nonce, and cached pages could not
 * carry one), so every field is checked and anything else refused with 400.
 * No cookie is set or read and no IP address or user agent is stored: the
 * daily cap per client is keyed by an HMAC of IP, user agent and day with a
 * secret of the plugin, deleted once the day is over (Click_Store::take()).
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

use CCFM\Response_Schemas;
use CCFM\Rest_Access;
use CCFM\Settings\Settings;
use CCFM\Settings\Validator;

defined( 'ABSPATH' ) || exit;

/**
 * The click beacon's route.
 *
 * @since 1.3.0
 */
final class Click_Route {

	const ROUTE = '/click';

	/**
	 * Clicks one client (IP address + user agent) may add per day.
	 */
	const DAILY_CAP = 30;

	/**
	 * Longest body accepted: the m.me link clicked, with its ref and its
	 * pre-filled text (up to 500 characters, URL-encoded).
	 */
	const MAX_BODY_BYTES = 8192;

	/**
	 * The WP Consent API category a beacon needs.
	 */
	const CONSENT_CATEGORY = 'statistics-anonymous';

	/**
	 * Adds the hooks.
	 *
	 * @since 1.3.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_pre_serve_request', array( self::class, 'strip_cookies' ), 10, 4 );
	}

	/**
	 * Whether counting is on in the settings.
	 *
	 * @since 1.3.0
	 *
	 * @return bool
	 */
	public static function counting() {
		return 'on' === Settings::get()['click_counting'];
	}

	/**
	 * What the boot script needs to send a beacon: the route with this
	 * page (post ID on a single post or page, the path otherwise) and the
	 * path (in Chat Plugin mode "path=", for the boot script to complete);
	 * the consent category when the WP Consent API is active. Nothing when
	 * counting is off.
	 *
	 * @since 1.3.0
	 *
	 * @param bool $chat Whether the page is in Chat Plugin mode.
	 * @return array<string,string|bool>
	 */
	public static function front_config( $chat ) {
		if ( ! self::counting() ) {
			return array();
		}
		$page = is_singular() ? (string) get_queried_object_id() : self::request_path();
		// Relative, as the boot script's other URLs: the beacon is same-origin.
		$url = wp_make_link_relative( rest_url( Rest_Access::NAMESPACE_V1 . self::ROUTE ) );
		// In link mode every click takes the link, the route's default path;
		// the Chat Plugin's boot script appends the path it took.
		$url   .= ( false === strpos( $url, '?' ) ? '?' : '&' ) . 'page=' . rawurlencode( $page ) . ( $chat ? '&path=' : '' );
		$config = array( 'beacon' => $url );
		if ( function_exists( 'wp_has_consent' ) ) {
			$config['stats'] = self::CONSENT_CATEGORY;
		}
		return $config;
	}

	/**
	 * The path of the current request, as the report lists it.
	 *
	 * @return string
	 */
	private static function request_path() {
		$uri  = isset( $_SERVER['REQUEST_URI'] ) && is_string( $_SERVER['REQUEST_URI'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REQUEST_URI'] ) ) : '/';
		$path = wp_parse_url( $uri, PHP_URL_PATH );
		$path = is_string( $path ) && self::valid_page( $path ) ? $path : '/';
		return $path;
	}

	/**
	 * The privacy-policy paragraph on click counting (escaped).
	 *
	 * @since 1.3.0
	 *
	 * @return string
	 */
	public static function policy_text() {
		return esc_html__( 'When you use the chat bubble or a "Message us" button, and unless the site owner turned click counting off (or, where this site asks for consent, you have not consented to anonymous statistics), your browser tells this site which page you were on (its post ID or address), the reference of the Messenger link and whether the chat or the link opened. We add it to a count per day; we store no IP address, no browser details and no cookie. To limit how many clicks one browser can report in a day, a key derived from your IP address and browser with a secret is kept until the end of the day, then deleted. The counts are deleted after the retention period.', 'customer-chat-for-messenger' );
	}

	/**
	 * Whether a page is a post ID or a path the table can hold.
	 *
	 * @since 1.3.0
	 *
	 * @param string $page Page.
	 * @return bool
	 */
	public static function valid_page( $page ) {
		return 1 === preg_match( '#^(?:[1-9][0-9]{0,19}|/[^\s?\#\x00-\x1f\x7f]{0,254})$#uD', $page ) && strlen( $page ) <= 255;
	}

	/**
	 * Registers the route.
	 *
	 * @since 1.3.0
	 *
	 * @return void
	 */
	public function register_routes() {
		register_rest_route(
			Rest_Access::NAMESPACE_V1,
			self::ROUTE,
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'rest_click' ),
					// Public by design: a beacon from any visitor's browser, checked field by field.
					'permission_callback' => '__return_true',
					'args'                => array(
						'page' => array(
							'description' => __( 'The page: a post ID or a path.', 'customer-chat-for-messenger' ),
							'type'        => 'string',
							'required'    => true,
						),
						'path' => array(
							'description' => __( 'The path taken: chat or link (link when left out).', 'customer-chat-for-messenger' ),
							'type'        => 'string',
							'enum'        => Click_Store::PATHS,
							'default'     => 'link',
						),
					),
				),
				'schema' => Response_Schemas::callback( 'click' ),
			)
		);
	}

	/**
	 * The error of a refused beacon.
	 *
	 * @param string $message Message.
	 * @param int    $status  HTTP status.
	 * @return \WP_Error
	 */
	private static function refuse( $message, $status = 400 ) {
		return new \WP_Error( 'rest_invalid_param', $message, array( 'status' => $status ) );
	}

	/**
	 * The ref of the m.me link in the body, or null when the body is not an
	 * m.me link with a valid ref (or none).
	 *
	 * @since 1.3.0
	 *
	 * @param string $body Raw body.
	 * @return string|null
	 */
	public static function ref_of( $body ) {
		if ( strlen( $body ) > self::MAX_BODY_BYTES || ! preg_match( '#^https://m\.me/[A-Za-z0-9.]{1,50}(?:\?[^\s\#]*)?$#D', $body ) ) {
			return null;
		}
		$query = (string) wp_parse_url( $body, PHP_URL_QUERY );
		$args  = array();
		parse_str( $query, $args );
		// The link carries the ref and, with a pre-filled message, its text (not stored).
		$extra = array_diff( array_keys( $args ), array( 'ref', 'text' ) );
		if ( $extra ) {
			return null;
		}
		$ref = isset( $args['ref'] ) ? $args['ref'] : '';
		if ( ! is_string( $ref ) || is_wp_error( Validator::validate_field( 'ref', $ref ) ) ) {
			return null;
		}
		return $ref;
	}

	/**
	 * POST /click?page=…&path=…, the body the m.me link that was clicked.
	 *
	 * @since 1.3.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function rest_click( $request ) {
		if ( ! self::counting() ) {
			return self::refuse( __( 'Click counting is off on this site.', 'customer-chat-for-messenger' ), 403 );
		}
		$known = array( 'page', 'path' );
		$extra = array_diff( array_keys( $request->get_query_params() + $request->get_body_params() ), $known );
		if ( $extra ) {
			return self::refuse( __( 'A click carries only a page and a path.', 'customer-chat-for-messenger' ) );
		}
		$page = $request['page'];
		if ( ! is_string( $page ) || ! self::valid_page( $page ) ) {
			return self::refuse( __( 'The page must be a post ID or a path.', 'customer-chat-for-messenger' ) );
		}
		if ( ctype_digit( $page ) && ! is_post_publicly_viewable( (int) $page ) ) {
			return self::refuse( __( 'The page must be a post ID or a path.', 'customer-chat-for-messenger' ) );
		}
		$path = $request['path'];
		$ref  = self::ref_of( trim( (string) $request->get_body() ) );
		if ( ! is_string( $path ) || null === $ref ) {
			return self::refuse( __( 'The body must be the m.me link that was clicked.', 'customer-chat-for-messenger' ) );
		}
		if ( ! self::take_allowance() ) {
			return self::refuse( __( 'This browser has reported enough clicks for today.', 'customer-chat-for-messenger' ), 429 );
		}
		Click_Store::add( current_datetime()->format( 'Y-m-d' ), $page, $ref, $path );
		return new \WP_REST_Response( null, 204 );
	}

	/**
	 * Counts one click against the client's daily cap. The client is the
	 * HMAC of IP address, user agent and day, keyed with a secret of the
	 * plugin: neither is stored, and the key means nothing the next day.
	 *
	 * @since 1.3.0
	 *
	 * @return bool Whether the client may add this click.
	 */
	public static function take_allowance() {
		$ip    = isset( $_SERVER['REMOTE_ADDR'] ) && is_string( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) : '';
		$agent = isset( $_SERVER['HTTP_USER_AGENT'] ) && is_string( $_SERVER['HTTP_USER_AGENT'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_USER_AGENT'] ) ) : '';
		$day   = gmdate( 'Y-m-d' );
		$key   = substr( hash_hmac( 'sha256', $ip . "\n" . $agent . "\n" . $day, 'ccfm-clicks|' . Secrets::sender_secret() ), 0, 40 );
		return Click_Store::take( $key, $day ) <= self::DAILY_CAP;
	}

	/**
	 * Sends the beacon's answer without any Set-Cookie header (whatever else
	 * set one), uncached.
	 *
	 * @since 1.3.0
	 *
	 * @param bool              $served  Whether the request was served.
	 * @param \WP_HTTP_Response $result  Response.
	 * @param \WP_REST_Request  $request Request.
	 * @param \WP_REST_Server   $server  Server.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return bool
	 */
	public static function strip_cookies( $served, $result, $request, $server ) {
		unset( $result, $server );
		if ( Rest_Access::NAMESPACE_V1 . self::ROUTE === ltrim( $request->get_route(), '/' ) && ! headers_sent() ) {
			header_remove( 'Set-Cookie' );
			header( 'Cache-Control: no-store' );
		}
		return $served;
	}
}
