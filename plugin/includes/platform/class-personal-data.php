<?php
/**
 * The personal data exporter and eraser of the conversation records.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

defined( 'ABSPATH' ) || exit;

/**
 * Exports and erases a Messenger user's records.
 *
 * @since 1.0.0
 */
final class Personal_Data {

	const EXPORT_DOMAIN = 'messenger.invalid';

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_filter( 'wp_privacy_personal_data_exporters', array( $this, 'register_exporter' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( $this, 'register_eraser' ) );
	}

	/**
	 * Adds the exporter.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $exporters Exporters.
	 * @return array<string,mixed>
	 */
	public function register_exporter( $exporters ) {
		$exporters['customer-chat-for-messenger'] = array(
			'exporter_friendly_name' => __( 'Messenger conversations', 'customer-chat-for-messenger' ),
			'callback'               => array( self::class, 'export' ),
		);
		return $exporters;
	}

	/**
	 * Adds the eraser.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $erasers Erasers.
	 * @return array<string,mixed>
	 */
	public function register_eraser( $erasers ) {
		$erasers['customer-chat-for-messenger'] = array(
			'eraser_friendly_name' => __( 'Messenger conversations', 'customer-chat-for-messenger' ),
			'callback'             => array( self::class, 'erase' ),
		);
		return $erasers;
	}

	/**
	 * The Messenger id in a privacy request: either the raw id (no "@"), or
	 * "<id>@messenger.invalid" as typed in Tools → Export/Erase Personal Data,
	 * which only accepts email addresses. A real email address matches
	 * nothing: the plugin stores no email addresses.
	 *
	 * @since 1.0.0
	 *
	 * @param string $identifier What the request names.
	 * @return string Raw id, or ''.
	 */
	public static function id_from_request( $identifier ) {
		$identifier = trim( (string) $identifier );
		if ( '' !== $identifier && false === strpos( $identifier, '@' ) ) {
			return $identifier;
		}
		$suffix = '@' . self::EXPORT_DOMAIN;
		if ( strlen( $identifier ) > strlen( $suffix ) && 0 === strcasecmp( substr( $identifier, -strlen( $suffix ) ), $suffix ) ) {
			return substr( $identifier, 0, -strlen( $suffix ) );
		}
		return '';
	}

	/**
	 * Rows of a sender (also the rows of a guest who upgraded to this PSID).
	 *
	 * @param string $key    Sender key.
	 * @param int    $page   Page (1-based).
	 * @param int    $number Rows per page.
	 * @return array<int,array<string,string>>
	 */
	private static function rows_of( $key, $page, $number ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$table = Conversation_Table::table();
		/**
		 * The rows (wpdb returns every column as a string; these are NOT NULL).
		 *
		 * @var list<array<string,string>>|null $rows
		 */
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT id, created_at, event_type, referral_type, ref, source, page_url, is_guest, state FROM {$table} WHERE sender_key = %s OR linked_key = %s ORDER BY id LIMIT %d OFFSET %d", $key, $key, $number, ( $page - 1 ) * $number ), ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return (array) $rows;
	}

	/**
	 * Personal-data exporter.
	 *
	 * @since 1.0.0
	 *
	 * @param string $identifier Email address field of the request.
	 * @param int    $page       Page.
	 * @return array{data:array<int,mixed>,done:bool}
	 */
	public static function export( $identifier, $page = 1 ) {
		$id = self::id_from_request( $identifier );
		if ( '' === $id ) {
			return array(
				'data' => array(),
				'done' => true,
			);
		}
		Conversation_Store::adopt_legacy( $id );
		$number = 200;
		$rows   = self::rows_of( Conversation_Store::sender_key( $id ), max( 1, (int) $page ), $number );
		$data   = array();
		foreach ( $rows as $row ) {
			$data[] = array(
				'group_id'    => 'ccfm-conversations',
				'group_label' => __( 'Messenger conversations', 'customer-chat-for-messenger' ),
				'item_id'     => 'ccfm-conversation-' . $row['id'],
				'data'        => array(
					array(
						'name'  => __( 'Time (UTC)', 'customer-chat-for-messenger' ),
						'value' => $row['created_at'],
					),
					array(
						'name'  => __( 'Event', 'customer-chat-for-messenger' ),
						'value' => trim( $row['event_type'] . ' ' . $row['referral_type'] ),
					),
					array(
						'name'  => __( 'Ref', 'customer-chat-for-messenger' ),
						'value' => $row['ref'],
					),
					array(
						'name'  => __( 'Source', 'customer-chat-for-messenger' ),
						'value' => $row['source'],
					),
					array(
						'name'  => __( 'Page', 'customer-chat-for-messenger' ),
						'value' => $row['page_url'],
					),
					array(
						'name'  => __( 'Guest', 'customer-chat-for-messenger' ),
						'value' => $row['is_guest'] ? __( 'Yes', 'customer-chat-for-messenger' ) : __( 'No', 'customer-chat-for-messenger' ),
					),
					array(
						'name'  => __( 'State', 'customer-chat-for-messenger' ),
						'value' => $row['state'],
					),
				),
			);
		}
		return array(
			'data' => $data,
			'done' => count( $rows ) < $number,
		);
	}

	/**
	 * Personal-data eraser.
	 *
	 * @since 1.0.0
	 *
	 * @param string $identifier Email address field of the request.
	 * @param int    $page       Page.
	 * @return array{items_removed:bool,items_retained:bool,messages:string[],done:bool}
	 */
	public static function erase( $identifier, $page = 1 ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		unset( $page );
		$id      = self::id_from_request( $identifier );
		$removed = 0;
		if ( '' !== $id ) {
			Conversation_Store::adopt_legacy( $id );
			$key     = Conversation_Store::sender_key( $id );
			$table   = Conversation_Table::table();
			$removed = (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE sender_key = %s OR linked_key = %s", $key, $key ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		return array(
			'items_removed'  => $removed > 0,
			'items_retained' => false,
			'messages'       => array(),
			'done'           => true,
		);
	}
}
