<?php
/**
 * The Messenger webhook: the verification handshake and signed events.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

use CCFM\Response_Schemas;
use CCFM\Rest_Access;

defined( 'ABSPATH' ) || exit;

/**
 * Route ccfm/v1/webhook.
 *
 * @since 1.0.0
 */
final class Webhook {

	const ROUTE = '/webhook';

	/**
	 * Largest body accepted, in bytes (1 MiB); a larger one is refused with
	 * 413 before its signature is even computed.
	 */
	const MAX_BODY_BYTES = 1048576;

	/**
	 * Most messaging events accepted in one delivery; a delivery with more is
	 * refused with 413 before anything is stored.
	 */
	const MAX_EVENTS = 1000;

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_pre_serve_request', array( $this, 'serve_challenge' ), 10, 4 );
		add_filter( 'rest_pre_dispatch', array( $this, 'refuse_oversized' ), 5, 3 );
	}

	/**
	 * Refuses an oversized delivery with 413 before WordPress parses its
	 * JSON (and before the signature is computed).
	 *
	 * @since 1.0.0
	 *
	 * @param mixed            $result  Response so far.
	 * @param \WP_REST_Server  $server  Server.
	 * @param \WP_REST_Request $request Request.
	 * @return mixed
	 */
	public function refuse_oversized( $result, $server, $request ) {
		unset( $server );
		if ( null !== $result || 'POST' !== $request->get_method() || Rest_Access::NAMESPACE_V1 . self::ROUTE !== strtolower( trim( $request->get_route(), '/' ) ) ) {
			return $result;
		}
		return self::too_large( $request->get_body() ) ? self::too_large_error() : $result;
	}

	/**
	 * Whether a body is above MAX_BODY_BYTES.
	 *
	 * @param string $body Raw body.
	 * @return bool
	 */
	private static function too_large( $body ) {
		return strlen( $body ) > self::MAX_BODY_BYTES;
	}

	/**
	 * The 413 answer to an oversized body.
	 *
	 * @return \WP_Error
	 */
	private static function too_large_error() {
		return new \WP_Error(
			'ccfm_webhook_too_large',
			/* translators: %d: the largest body accepted, in bytes. */
			sprintf( __( 'The body is larger than %d bytes.', 'customer-chat-for-messenger' ), self::MAX_BODY_BYTES ),
			array( 'status' => 413 )
		);
	}

	/**
	 * Registers the route.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_routes() {
		register_rest_route(
			Rest_Access::NAMESPACE_V1,
			self::ROUTE,
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'verify' ),
					// Public on purpose: Meta calls it without a WordPress login.
					// The authentication is the verify token, compared in verify().
					'permission_callback' => '__return_true',
					'args'                => array(
						'hub_mode'         => array(
							'description' => __( 'hub.mode, "subscribe".', 'customer-chat-for-messenger' ),
							'type'        => 'string',
						),
						'hub_verify_token' => array(
							'description' => __( 'hub.verify_token, the token set in Meta\'s app dashboard.', 'customer-chat-for-messenger' ),
							'type'        => 'string',
						),
						'hub_challenge'    => array(
							'description' => __( 'hub.challenge, echoed back verbatim.', 'customer-chat-for-messenger' ),
							'type'        => 'string',
						),
					),
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'receive' ),
					// Public on purpose: Meta posts events without a WordPress
					// login. The authentication is the X-Hub-Signature-256 HMAC
					// of the raw body with the App Secret, checked in receive()
					// before anything is read or stored.
					'permission_callback' => '__return_true',
				),
				'schema' => Response_Schemas::callback( 'webhook' ),
			)
		);
	}

	/**
	 * GET: the subscription handshake.
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function verify( $request ) {
		$expected = Secrets::secret( 'verify_token' );
		$given    = $request->get_param( 'hub_verify_token' );
		$mode     = $request->get_param( 'hub_mode' );
		$ok       = '' !== $expected && is_string( $given ) && hash_equals( $expected, $given );
		if ( ! $ok || 'subscribe' !== $mode ) {
			return new \WP_Error( 'ccfm_webhook_forbidden', __( 'The verify token does not match.', 'customer-chat-for-messenger' ), array( 'status' => 403 ) );
		}
		$challenge = $request->get_param( 'hub_challenge' );
		$response  = new \WP_REST_Response( is_string( $challenge ) ? $challenge : '', 200 );
		$response->header( 'Content-Type', 'text/plain; charset=utf-8' );
		$response->header( 'X-Content-Type-Options', 'nosniff' );
		return $response;
	}

	/**
	 * Prints the challenge as raw text instead of JSON.
	 *
	 * @since 1.0.0
	 *
	 * @param bool              $served  Whether the request was served.
	 * @param \WP_HTTP_Response $result  Response.
	 * @param \WP_REST_Request  $request Request.
	 * @param \WP_REST_Server   $server  Server.
	 * @return bool
	 */
	public function serve_challenge( $served, $result, $request, $server ) {
		unset( $server );
		if ( $served || 'GET' !== $request->get_method() || Rest_Access::NAMESPACE_V1 . self::ROUTE !== ltrim( $request->get_route(), '/' ) || 200 !== $result->get_status() || ! is_string( $result->get_data() ) ) {
			return $served;
		}
		echo $result->get_data(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the verbatim challenge, sent as text/plain with nosniff.
		return true;
	}

	/**
	 * Whether the request carries a valid X-Hub-Signature-256 for its raw body.
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return bool
	 */
	public static function signature_valid( $request ) {
		$secret = Secrets::secret( 'app_secret' );
		$header = $request->get_header( 'x_hub_signature_256' );
		if ( '' === $secret || ! is_string( $header ) || 0 !== strpos( $header, 'sha256=' ) ) {
			return false;
		}
		$expected = 'sha256=' . hash_hmac( 'sha256', $request->get_body(), $secret );
		return hash_equals( $expected, strtolower( trim( $header ) ) );
	}

	/**
	 * POST: signed events.
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function receive( $request ) {
		$body = $request->get_body();
		if ( self::too_large( $body ) ) {
			return self::too_large_error();
		}
		if ( ! self::signature_valid( $request ) ) {
			return new \WP_Error( 'ccfm_webhook_signature', __( 'Missing or invalid X-Hub-Signature-256.', 'customer-chat-for-messenger' ), array( 'status' => 401 ) );
		}
		$payload = json_decode( $body, true );
		if ( ! is_array( $payload ) ) {
			return new \WP_Error( 'ccfm_webhook_body', __( 'The body is not JSON.', 'customer-chat-for-messenger' ), array( 'status' => 400 ) );
		}
		$events = array();
		if ( isset( $payload['object'] ) && 'page' === $payload['object'] && isset( $payload['entry'] ) && is_array( $payload['entry'] ) ) {
			foreach ( $payload['entry'] as $entry ) {
				if ( ! is_array( $entry ) || ! isset( $entry['messaging'] ) || ! is_array( $entry['messaging'] ) ) {
					continue;
				}
				foreach ( $entry['messaging'] as $event ) {
					$events[] = $event;
				}
			}
		}
		if ( count( $events ) > self::MAX_EVENTS ) {
			return new \WP_Error(
				'ccfm_webhook_too_many_events',
				/* translators: %d: the most events accepted in one delivery. */
				sprintf( __( 'The delivery holds more than %d events.', 'customer-chat-for-messenger' ), self::MAX_EVENTS ),
				array( 'status' => 413 )
			);
		}
		$stored = 0;
		$stale  = 0;
		foreach ( $events as $event ) {
			if ( ! is_array( $event ) ) {
				continue;
			}
			if ( Webhook_Events::is_stale( $event ) ) {
				++$stale;
			} elseif ( Webhook_Events::handle( $event ) ) {
				++$stored;
			}
		}
		$answer = array( 'stored' => $stored );
		if ( $stale ) {
			// Older than the retention period (a replay after pruning): counted, never stored.
			$answer['stale'] = $stale;
		}
		return new \WP_REST_Response( $answer, 200 );
	}
}
