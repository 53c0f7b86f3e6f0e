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
 * @since 1.1.0
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
	 * @since 1.1.0
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
	 * @since 1.2.0
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
	 * @since 1.1.0
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
	 * @since 1.1.0
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
	 * @since 1.1.0
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
	 * @since 1.1.0
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
	 * @since 1.1.0
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
			if ( self::is_stale( $event ) ) {
				++$stale;
			} elseif ( self::handle( $event ) ) {
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

	/**
	 * Whether an event is older than the retention period: it would have been
	 * pruned already, so a replay of it is not stored (nor announced) again.
	 *
	 * @since 1.2.0
	 *
	 * @param array<mixed> $event A messaging[] item.
	 * @return bool
	 */
	public static function is_stale( array $event ) {
		if ( ! isset( $event['timestamp'] ) || ! is_numeric( $event['timestamp'] ) ) {
			return false;
		}
		return (int) floor( (int) $event['timestamp'] / 1000 ) < time() - Secrets::retention_days() * DAY_IN_SECONDS;
	}

	/**
	 * Handles one messaging event: stores it once, updates the conversation
	 * state, fires ccfm_webhook_event.
	 *
	 * @since 1.1.0
	 *
	 * @param array<mixed> $event A messaging[] item.
	 * @return bool Whether it was new and stored.
	 */
	public static function handle( array $event ) {
		if ( self::is_stale( $event ) ) {
			return false;
		}
		$sender = isset( $event['sender'] ) && is_array( $event['sender'] ) ? $event['sender'] : array();
		if ( isset( $sender['user_ref'] ) && is_scalar( $sender['user_ref'] ) ) {
			$sender_id   = (string) $sender['user_ref'];
			$sender_kind = 'user_ref';
		} elseif ( isset( $sender['id'] ) && is_scalar( $sender['id'] ) ) {
			$sender_id   = (string) $sender['id'];
			$sender_kind = 'id';
		} else {
			return false;
		}

		$referral = array();
		if ( isset( $event['referral'] ) && is_array( $event['referral'] ) ) {
			$type     = 'messaging_referrals';
			$kind     = 'referral';
			$referral = $event['referral'];
		} elseif ( isset( $event['postback'] ) && is_array( $event['postback'] ) ) {
			$type     = 'messaging_postbacks';
			$kind     = 'postback';
			$referral = isset( $event['postback']['referral'] ) && is_array( $event['postback']['referral'] ) ? $event['postback']['referral'] : array();
		} elseif ( isset( $event['message'] ) && is_array( $event['message'] ) && empty( $event['message']['is_echo'] ) ) {
			$type = 'messages';
			$kind = 'message';
		} else {
			return false; // Echoes, deliveries, reads: not recorded.
		}

		$referral_type = isset( $referral['type'] ) && is_string( $referral['type'] ) ? strtoupper( $referral['type'] ) : '';
		$source        = isset( $referral['source'] ) && is_string( $referral['source'] ) ? strtoupper( $referral['source'] ) : '';
		$message       = isset( $event['message'] ) && is_array( $event['message'] ) ? $event['message'] : array();
		$tags          = isset( $message['tags'] ) && is_array( $message['tags'] ) ? $message['tags'] : array();
		if ( 'message' === $kind && isset( $tags['source'] ) && 'customer_chat_plugin' === $tags['source'] ) {
			$source = 'CUSTOMER_CHAT_PLUGIN';
		}
		$guest      = isset( $referral['is_guest_user'] ) && in_array( $referral['is_guest_user'], array( true, 'true', 1, '1' ), true );
		$ref        = isset( $referral['ref'] ) && is_scalar( $referral['ref'] ) ? (string) $referral['ref'] : '';
		$linked_key = '';
		if ( 'GUEST_UPGRADE' === $referral_type ) {
			// The ref of an upgrade is the logged-in user's PSID: hash it, never store it.
			$linked_key = '' !== $ref ? Conversation_Store::sender_key( $ref ) : '';
			if ( '' !== $ref ) {
				Conversation_Store::adopt_legacy( $ref );
			}
			$ref   = '';
			$guest = true;
		}
		$timestamp = isset( $event['timestamp'] ) && is_numeric( $event['timestamp'] ) ? (int) $event['timestamp'] : (int) round( microtime( true ) * 1000 );
		Conversation_Store::adopt_legacy( $sender_id );
		$sender_key = Conversation_Store::sender_key( $sender_id );
		if ( 'message' === $kind && isset( $event['message']['mid'] ) && is_string( $event['message']['mid'] ) && '' !== $event['message']['mid'] ) {
			$event_key = hash( 'sha256', 'mid|' . $event['message']['mid'] );
		} else {
			$event_key = hash( 'sha256', implode( '|', array( $timestamp, $sender_key, $kind, $referral_type ) ) );
		}

		$new = Conversation_Store::record(
			array(
				'created_at'    => gmdate( 'Y-m-d H:i:s', (int) floor( $timestamp / 1000 ) ),
				'event_type'    => $kind,
				'referral_type' => $referral_type,
				'ref'           => mb_substr( sanitize_text_field( $ref ), 0, 255 ),
				'source'        => substr( (string) preg_replace( '/[^A-Z_]/', '', $source ), 0, 40 ),
				'page_url'      => self::page_url( isset( $referral['referer_uri'] ) ? $referral['referer_uri'] : '' ),
				'is_guest'      => $guest ? 1 : 0,
				'sender_kind'   => $sender_kind,
				'sender_key'    => $sender_key,
				'linked_key'    => $linked_key,
				'event_key'     => $event_key,
			)
		);
		if ( ! $new ) {
			return false;
		}
		if ( 'END_CHAT' === $referral_type ) {
			Conversation_Store::set_state( $sender_key, 'ended' );
		} elseif ( 'GUEST_UPGRADE' === $referral_type ) {
			Conversation_Store::set_state( $sender_key, 'upgraded', $linked_key );
		}

		/**
		 * Fires once per new webhook event (retries are not repeated).
		 *
		 * @since 1.1.0
		 *
		 * @param string              $type  messaging_referrals, messaging_postbacks or messages.
		 * @param array<string,mixed> $event The messaging event as Meta sent it.
		 */
		do_action( 'ccfm_webhook_event', $type, $event );
		return true;
	}

	/**
	 * The page a conversation started on, without query string or fragment
	 * (they may carry personal data).
	 *
	 * @since 1.1.0
	 *
	 * @param mixed $uri referer_uri.
	 * @return string
	 */
	public static function page_url( $uri ) {
		if ( ! is_string( $uri ) || '' === $uri ) {
			return '';
		}
		$parts = wp_parse_url( $uri );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) || empty( $parts['scheme'] ) || ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
			return '';
		}
		$url = strtolower( $parts['scheme'] ) . '://' . strtolower( $parts['host'] ) . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' ) . ( isset( $parts['path'] ) ? $parts['path'] : '/' );
		return substr( esc_url_raw( $url ), 0, 2048 );
	}
}
