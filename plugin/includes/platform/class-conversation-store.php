<?php
/**
 * The conversation store: records keyed by HMAC sender keys, and each conversation's state.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

use CCFM\Stored_Data;

defined( 'ABSPATH' ) || exit;

/**
 * Stores and reads conversation records.
 *
 * @since 1.0.0
 */
final class Conversation_Store {

	/**
	 * Set (to the time of the upgrade) while records keyed with wp_salt(),
	 * from before 1.2, may remain: see adopt_legacy().
	 */
	const LEGACY_OPTION = Stored_Data::LEGACY_KEYS_OPTION;

	/**
	 * The stored key of a sender id: HMAC-SHA256 keyed with the plugin's own
	 * secret, so the raw PSID / user_ref / guest id never reaches the
	 * database and the key survives a rotation of the site's salts.
	 *
	 * @since 1.0.0
	 *
	 * @param string $sender_id Raw id.
	 * @return string 64 hex characters.
	 */
	public static function sender_key( $sender_id ) {
		return hash_hmac( 'sha256', 'ccfm-sender|' . $sender_id, Secrets::sender_secret() );
	}

	/**
	 * The key 1.1 stored for a sender id (keyed with the current salts).
	 *
	 * @since 1.0.0
	 *
	 * @param string $sender_id Raw id.
	 * @return string
	 */
	public static function legacy_key( $sender_id ) {
		return hash_hmac( 'sha256', 'ccfm-sender|' . $sender_id, wp_salt( 'auth' ) );
	}

	/**
	 * Moves a sender's records from the 1.1 key (wp_salt()) to the plugin's
	 * own key, once the raw id is known again: when the sender writes, or a
	 * privacy request names them. A key cannot be recomputed without the raw
	 * id, so records nobody names before the salts change stay unmatchable
	 * and only age out with the retention period. Nothing is done once every
	 * record older than the upgrade has been pruned.
	 *
	 * @since 1.0.0
	 *
	 * @param string $sender_id Raw id.
	 * @return int Rows moved.
	 */
	public static function adopt_legacy( $sender_id ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$since = get_option( self::LEGACY_OPTION );
		if ( ! is_numeric( $since ) || '' === (string) $sender_id ) {
			return 0;
		}
		if ( (int) $since < time() - Secrets::retention_days() * DAY_IN_SECONDS ) {
			delete_option( self::LEGACY_OPTION ); // Every 1.1 record has been pruned.
			return 0;
		}
		$legacy = self::legacy_key( $sender_id );
		$key    = self::sender_key( $sender_id );
		$table  = Conversation_Table::table();
		$moved  = (int) $wpdb->query( $wpdb->prepare( "UPDATE {$table} SET sender_key = %s WHERE sender_key = %s", $key, $legacy ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$moved += (int) $wpdb->query( $wpdb->prepare( "UPDATE {$table} SET linked_key = %s WHERE linked_key = %s", $key, $legacy ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return $moved;
	}

	/**
	 * Stores one event unless it was stored before (Meta retries).
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,string|int> $row Columns except id and state.
	 * @return bool Whether it was new.
	 */
	public static function record( array $row ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$table = Conversation_Table::table();
		// An ended or upgraded conversation stays so for its later events.
		$state        = $wpdb->get_var( $wpdb->prepare( "SELECT state FROM {$table} WHERE sender_key = %s AND state <> 'open' ORDER BY id DESC LIMIT 1", $row['sender_key'] ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$row['state'] = $state ? $state : 'open';
		$columns      = array( 'created_at', 'event_type', 'referral_type', 'ref', 'source', 'page_url', 'is_guest', 'sender_kind', 'sender_key', 'linked_key', 'state', 'event_key' );
		$values       = array();
		foreach ( $columns as $column ) {
			$values[] = isset( $row[ $column ] ) ? $row[ $column ] : '';
		}
		$values[6] = (int) $values[6];
		$sql       = "INSERT IGNORE INTO {$table} (" . implode( ',', $columns ) . ') VALUES (%s,%s,%s,%s,%s,%s,%d,%s,%s,%s,%s,%s)';
		$inserted  = $wpdb->query( $wpdb->prepare( $sql, $values ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		if ( 1 !== $inserted ) {
			return false; // A retry: stored and counted before.
		}
		if ( self::is_start( $row ) ) {
			Conversation_Rollup::count_start( (int) $wpdb->insert_id, $row );
		}
		return true;
	}

	/**
	 * Whether a row is a conversation start (what Conversation_Report::STARTS_WHERE selects).
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,string|int> $row Columns.
	 * @return bool
	 */
	public static function is_start( array $row ) {
		return isset( $row['referral_type'], $row['event_type'] ) && 'OPEN_THREAD' === $row['referral_type'] && in_array( $row['event_type'], array( 'referral', 'postback' ), true );
	}

	/**
	 * Sets the state of every row of a sender.
	 *
	 * @since 1.0.0
	 *
	 * @param string $sender_key Sender key.
	 * @param string $state      ended or upgraded.
	 * @param string $linked_key Key of the PSID a guest upgraded to.
	 * @return void
	 */
	public static function set_state( $sender_key, $state, $linked_key = '' ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$data = array( 'state' => $state );
		if ( '' !== $linked_key ) {
			$data['linked_key'] = $linked_key;
		}
		$wpdb->update( Conversation_Table::table(), $data, array( 'sender_key' => $sender_key ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}

	/**
	 * Whether the business may still message a sender: not when the guest
	 * ended the chat (Meta would answer "#100 No matching user found").
	 *
	 * @since 1.0.0
	 *
	 * @param string $sender_id Raw PSID, user_ref or guest id.
	 * @return bool
	 */
	public static function can_message( $sender_id ) {
		return 'ended' !== self::state_of( $sender_id );
	}

	/**
	 * The stored state of a sender's conversation: open, ended, upgraded, or
	 * '' when unknown.
	 *
	 * @since 1.0.0
	 *
	 * @param string $sender_id Raw id.
	 * @return string
	 */
	public static function state_of( $sender_id ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		self::adopt_legacy( $sender_id );
		$table = Conversation_Table::table();
		$state = $wpdb->get_var( $wpdb->prepare( "SELECT state FROM {$table} WHERE sender_key = %s ORDER BY id DESC LIMIT 1", self::sender_key( $sender_id ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return is_string( $state ) ? $state : '';
	}
}
