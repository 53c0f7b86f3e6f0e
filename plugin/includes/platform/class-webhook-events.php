<?php
/**
 * The webhook's events: which messaging events are recorded, and how (a
 * conversation start, its source and page, its state), once per event.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

defined( 'ABSPATH' ) || exit;

/**
 * Turns one messaging event into a conversation record.
 *
 * @since 1.0.0
 */
final class Webhook_Events {

	/**
	 * Whether an event is older than the retention period: it would have been
	 * pruned already, so a replay of it is not stored (nor announced) again.
	 *
	 * @since 1.0.0
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
	 * @since 1.0.0
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
		 * @since 1.0.0
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
	 * @since 1.0.0
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
