<?php
/**
 * Conversation records from the webhook: the table, the report, retention
 * pruning and the personal-data exporter and eraser.
 *
 * A row is one webhook event (a start, a message from the Chat Plugin, an
 * end or an upgrade), with no message text. The sender's id (PSID, user_ref
 * or guest id) is never stored: only sender_key, its HMAC-SHA256 keyed with
 * the plugin's own random secret (Platform::sender_secret(), kept with the
 * Platform secrets), so rotating the site's salts orphans nothing. Privacy requests are matched the same way: the identifier the
 * administrator types (a raw PSID / guest id, or "<id>@messenger.invalid"
 * since the Tools screen asks for an email address) is hashed and looked up.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * The ccfm_conversations table and what reads it.
 *
 * @since 1.1.0
 */
final class Conversations {

	const DB_VERSION = '2';

	/**
	 * Set (to the time of the upgrade) while records keyed with wp_salt(),
	 * from before 1.2, may remain: see adopt_legacy().
	 */
	const LEGACY_OPTION = 'ccfm_legacy_sender_keys';

	const DB_VERSION_OPTION = 'ccfm_db_version';

	const CRON_HOOK = 'ccfm_prune_conversations';

	const EXPORT_DOMAIN = 'messenger.invalid';

	/**
	 * Refs and pages listed in the report: the ones with the most starts.
	 */
	const REPORT_LIST_LIMIT = 100;

	/**
	 * The rows that are conversation starts (SQL condition).
	 */
	const STARTS_WHERE = "referral_type = 'OPEN_THREAD' AND event_type IN ('referral','postback')";

	/**
	 * Adds the hooks.
	 *
	 * @since 1.1.0
	 *
	 * @return void
	 */
	public function register() {
		register_activation_hook( CCFM_FILE, array( self::class, 'activate' ) );
		register_deactivation_hook( CCFM_FILE, array( self::class, 'deactivate' ) );
		add_action( 'wp_initialize_site', array( self::class, 'initialize_site' ), 200 );
		add_filter( 'wpmu_drop_tables', array( self::class, 'drop_tables' ) );
		add_action( 'plugins_loaded', array( self::class, 'maybe_upgrade' ) );
		add_action( 'admin_init', array( self::class, 'maybe_upgrade' ) );
		add_action( self::CRON_HOOK, array( self::class, 'prune' ) );
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'wp_privacy_personal_data_exporters', array( $this, 'register_exporter' ) );
		add_filter( 'wp_privacy_personal_data_erasers', array( $this, 'register_eraser' ) );
	}

	/**
	 * The table name.
	 *
	 * @since 1.1.0
	 *
	 * @return string
	 */
	public static function table() {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		return $wpdb->prefix . 'ccfm_conversations';
	}

	/**
	 * Creates or updates the table and schedules the pruning; on network
	 * activation, on every site of the network.
	 *
	 * On a large network (wp_is_large_network()) only the current site is set
	 * up here: every other site installs its table on its own next request
	 * (maybe_upgrade() on plugins_loaded), so activation stays quick.
	 *
	 * @since 1.1.0
	 *
	 * @param bool $network_wide Whether the plugin is being network-activated.
	 *
	 * @return void
	 */
	public static function activate( $network_wide = false ) {
		self::each_site(
			$network_wide,
			static function () {
				self::install();
				self::schedule();
			}
		);
	}

	/**
	 * Stops the pruning while the plugin is inactive (on every site when it
	 * is network-deactivated).
	 *
	 * @since 1.1.0
	 *
	 * @param bool $network_wide Whether the plugin is being network-deactivated.
	 *
	 * @return void
	 */
	public static function deactivate( $network_wide = false ) {
		self::each_site(
			$network_wide,
			static function () {
				wp_clear_scheduled_hook( self::CRON_HOOK );
			}
		);
	}

	/**
	 * Runs a callback on the current site, or on each site of the network.
	 *
	 * @since 1.1.0
	 *
	 * @param bool     $network_wide Whether to visit every site.
	 * @param callable $callback     What to do on a site.
	 * @return void
	 */
	private static function each_site( $network_wide, $callback ) {
		if ( ! $network_wide || ! is_multisite() || wp_is_large_network() ) {
			$callback();
			return;
		}
		$site_ids = get_sites(
			array(
				'fields'     => 'ids',
				'number'     => 0,
				'network_id' => get_current_network_id(),
			)
		);
		foreach ( $site_ids as $site_id ) {
			switch_to_blog( (int) $site_id );
			$callback();
			restore_current_blog();
		}
	}

	/**
	 * Sets up a site created while the plugin is network-active.
	 *
	 * @since 1.1.0
	 *
	 * @param \WP_Site $site The new site.
	 * @return void
	 */
	public static function initialize_site( $site ) {
		if ( ! function_exists( 'is_plugin_active_for_network' ) ) {
			require_once ABSPATH . 'wp-admin/includes/plugin.php';
		}
		if ( ! is_plugin_active_for_network( plugin_basename( CCFM_FILE ) ) ) {
			return;
		}
		switch_to_blog( (int) $site->blog_id );
		self::install();
		self::schedule();
		restore_current_blog();
	}

	/**
	 * Drops a deleted site's table with WordPress's own tables.
	 *
	 * @since 1.1.0
	 *
	 * @param string[] $tables Tables WordPress drops for the site.
	 * @return string[]
	 */
	public static function drop_tables( $tables ) {
		$tables[] = self::table();
		return $tables;
	}

	/**
	 * Installs the table when its version changed; keeps the cron scheduled.
	 *
	 * @since 1.1.0
	 *
	 * @return void
	 */
	public static function maybe_upgrade() {
		if ( self::DB_VERSION !== get_option( self::DB_VERSION_OPTION ) ) {
			self::install();
		}
		self::schedule();
	}

	/**
	 * Schedules the daily pruning once.
	 *
	 * @since 1.1.0
	 *
	 * @return void
	 */
	public static function schedule() {
		if ( ! wp_next_scheduled( self::CRON_HOOK ) ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', self::CRON_HOOK );
		}
	}

	/**
	 * Creates or updates the table with dbDelta.
	 *
	 * @since 1.1.0
	 *
	 * @return void
	 */
	public static function install() {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$table   = self::table();
		$charset = $wpdb->get_charset_collate();
		dbDelta(
			"CREATE TABLE {$table} (
  id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  created_at datetime NOT NULL,
  event_type varchar(20) NOT NULL DEFAULT '',
  referral_type varchar(20) NOT NULL DEFAULT '',
  ref varchar(255) NOT NULL DEFAULT '',
  source varchar(40) NOT NULL DEFAULT '',
  page_url varchar(2048) NOT NULL DEFAULT '',
  is_guest tinyint(1) NOT NULL DEFAULT 0,
  sender_kind varchar(10) NOT NULL DEFAULT '',
  sender_key char(64) NOT NULL DEFAULT '',
  linked_key char(64) NOT NULL DEFAULT '',
  state varchar(10) NOT NULL DEFAULT 'open',
  event_key char(64) NOT NULL,
  PRIMARY KEY  (id),
  UNIQUE KEY event_key (event_key),
  KEY created_at (created_at),
  KEY sender_key (sender_key),
  KEY linked_key (linked_key)
) {$charset};"
		);
		$previous = get_option( self::DB_VERSION_OPTION );
		if ( is_string( $previous ) && version_compare( $previous, '2', '<' ) && $wpdb->get_var( "SELECT id FROM {$table} LIMIT 1" ) ) { // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			// Rows from 1.1 are keyed with wp_salt(): adopt_legacy() moves them.
			update_option( self::LEGACY_OPTION, time(), false );
		}
		Platform::sender_secret();
		update_option( self::DB_VERSION_OPTION, self::DB_VERSION );
	}

	/**
	 * The stored key of a sender id: HMAC-SHA256 keyed with the plugin's own
	 * secret, so the raw PSID / user_ref / guest id never reaches the
	 * database and the key survives a rotation of the site's salts.
	 *
	 * @since 1.1.0
	 * @since 1.2.0 Keyed with Platform::sender_secret() instead of wp_salt().
	 *
	 * @param string $sender_id Raw id.
	 * @return string 64 hex characters.
	 */
	public static function sender_key( $sender_id ) {
		return hash_hmac( 'sha256', 'ccfm-sender|' . $sender_id, Platform::sender_secret() );
	}

	/**
	 * The key 1.1 stored for a sender id (keyed with the current salts).
	 *
	 * @since 1.2.0
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
	 * @since 1.2.0
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
		if ( (int) $since < time() - Platform::retention_days() * DAY_IN_SECONDS ) {
			delete_option( self::LEGACY_OPTION ); // Every 1.1 record has been pruned.
			return 0;
		}
		$legacy = self::legacy_key( $sender_id );
		$key    = self::sender_key( $sender_id );
		$table  = self::table();
		$moved  = (int) $wpdb->query( $wpdb->prepare( "UPDATE {$table} SET sender_key = %s WHERE sender_key = %s", $key, $legacy ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$moved += (int) $wpdb->query( $wpdb->prepare( "UPDATE {$table} SET linked_key = %s WHERE linked_key = %s", $key, $legacy ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return $moved;
	}

	/**
	 * Stores one event unless it was stored before (Meta retries).
	 *
	 * @since 1.1.0
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
		$table = self::table();
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
		return 1 === $inserted;
	}

	/**
	 * Sets the state of every row of a sender.
	 *
	 * @since 1.1.0
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
		$wpdb->update( self::table(), $data, array( 'sender_key' => $sender_key ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}

	/**
	 * Whether the business may still message a sender: not when the guest
	 * ended the chat (Meta would answer "#100 No matching user found").
	 *
	 * @since 1.1.0
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
	 * @since 1.1.0
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
		$table = self::table();
		$state = $wpdb->get_var( $wpdb->prepare( "SELECT state FROM {$table} WHERE sender_key = %s ORDER BY id DESC LIMIT 1", self::sender_key( $sender_id ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return is_string( $state ) ? $state : '';
	}

	/**
	 * Deletes rows older than the retention period (daily cron).
	 *
	 * @since 1.1.0
	 *
	 * @return int Rows deleted.
	 */
	public static function prune() {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$table   = self::table();
		$cutoff  = gmdate( 'Y-m-d H:i:s', time() - Platform::retention_days() * DAY_IN_SECONDS );
		$deleted = 0;
		do {
			$batch    = (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE created_at < %s LIMIT 1000", $cutoff ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$deleted += $batch;
		} while ( 1000 === $batch );
		return $deleted;
	}

	/**
	 * Registers the routes.
	 *
	 * @since 1.1.0
	 *
	 * @return void
	 */
	public function register_routes() {
		$date = array(
			'type'    => 'string',
			'pattern' => '^\d{4}-\d{2}-\d{2}$',
		);
		register_rest_route(
			Rest::NAMESPACE_V1,
			'/conversations',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'rest_report' ),
				'permission_callback' => array( new Rest(), 'can_manage' ),
				'args'                => array(
					'from' => $date + array( 'description' => __( 'First day (YYYY-MM-DD, site time zone); default 29 days before "to".', 'customer-chat-for-messenger' ) ),
					'to'   => $date + array( 'description' => __( 'Last day (YYYY-MM-DD, site time zone); default today.', 'customer-chat-for-messenger' ) ),
				),
			)
		);
	}

	/**
	 * GET /conversations.
	 *
	 * @since 1.1.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function rest_report( $request ) {
		$zone = wp_timezone();
		$to   = self::day( $request['to'], new \DateTimeImmutable( 'today', $zone ) );
		$from = $to ? self::day( $request['from'], $to->modify( '-29 days' ) ) : false;
		if ( ! $to || ! $from ) {
			return new \WP_Error( 'rest_invalid_param', __( 'The dates must be real days written YYYY-MM-DD.', 'customer-chat-for-messenger' ), array( 'status' => 400 ) );
		}
		if ( $from > $to ) {
			return new \WP_Error( 'rest_invalid_param', __( 'The first day must not be after the last day.', 'customer-chat-for-messenger' ), array( 'status' => 400 ) );
		}
		if ( $from->diff( $to )->days > 366 ) {
			return new \WP_Error( 'rest_invalid_param', __( 'The report covers at most 367 days.', 'customer-chat-for-messenger' ), array( 'status' => 400 ) );
		}
		return rest_ensure_response( self::report( $from, $to ) );
	}

	/**
	 * A YYYY-MM-DD day at midnight in the site's time zone.
	 *
	 * @param mixed              $value   Requested day, or null.
	 * @param \DateTimeImmutable $default Day when none was asked for.
	 * @return \DateTimeImmutable|false False when it is not a real day.
	 */
	private static function day( $value, \DateTimeImmutable $default ) {
		if ( null === $value || '' === $value ) {
			return $default->setTime( 0, 0 );
		}
		if ( ! is_string( $value ) ) {
			return false;
		}
		$day = \DateTimeImmutable::createFromFormat( '!Y-m-d', $value, wp_timezone() );
		return $day && $day->format( 'Y-m-d' ) === $value ? $day : false;
	}

	/**
	 * Conversation starts between two days (inclusive, site time zone).
	 *
	 * Everything is counted by the database (GROUP BY), so memory does not
	 * grow with the number of stored events: one row per day of the range
	 * (per stretch of constant UTC offset of the site's time zone), and the
	 * REPORT_LIST_LIMIT refs and pages with the most starts.
	 *
	 * @since 1.1.0
	 * @since 1.2.0 Aggregated in SQL.
	 *
	 * @param \DateTimeImmutable $from First day, midnight.
	 * @param \DateTimeImmutable $to   Last day, midnight.
	 * @return array<string,mixed>
	 */
	public static function report( \DateTimeImmutable $from, \DateTimeImmutable $to ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$utc   = new \DateTimeZone( 'UTC' );
		$begin = $from->setTimezone( $utc );
		$start = $begin->format( 'Y-m-d H:i:s' );
		$end   = $to->modify( '+1 day' )->setTimezone( $utc )->format( 'Y-m-d H:i:s' );
		$table = self::table();
		$where = $wpdb->prepare( 'created_at >= %s AND created_at < %s AND ' . self::STARTS_WHERE, $start, $end ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared
		$limit = self::REPORT_LIST_LIMIT;

		// One query per stretch of constant UTC offset (DST changes split the
		// range): the database shifts each event to local time and counts per day.
		$end_at = $to->modify( '+1 day' )->getTimestamp();
		// False for a fixed offset such as +05:30: one stretch.
		$changes = array_values( array_filter( (array) $from->getTimezone()->getTransitions( $begin->getTimestamp(), $end_at ), 'is_array' ) );
		$changes = $changes ? $changes : array(
			array(
				'ts'     => $begin->getTimestamp(),
				'offset' => $from->getOffset(),
			),
		);
		$by_day  = array();
		$count   = count( $changes );
		for ( $i = 0; $i < $count; $i++ ) {
			$stretch_start = max( $begin->getTimestamp(), (int) $changes[ $i ]['ts'] );
			$stretch_end   = $i + 1 < $count ? min( $end_at, (int) $changes[ $i + 1 ]['ts'] ) : $end_at;
			if ( $stretch_end <= $stretch_start ) {
				continue;
			}
			/**
			 * Starts per local day in this stretch (wpdb returns strings).
			 *
			 * @var list<array{day:string,starts:string}>|null $days_rows
			 */
			$days_rows = $wpdb->get_results( $wpdb->prepare( "SELECT DATE(DATE_ADD(created_at, INTERVAL %d SECOND)) AS day, COUNT(*) AS starts FROM {$table} WHERE {$where} AND created_at >= %s AND created_at < %s GROUP BY day", (int) $changes[ $i ]['offset'], gmdate( 'Y-m-d H:i:s', $stretch_start ), gmdate( 'Y-m-d H:i:s', $stretch_end ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			foreach ( (array) $days_rows as $row ) {
				$by_day[ $row['day'] ] = ( isset( $by_day[ $row['day'] ] ) ? $by_day[ $row['day'] ] : 0 ) + (int) $row['starts'];
			}
		}
		/**
		 * Starts per ref, most first (first seen first on a tie).
		 *
		 * @var list<array{value:string,starts:string}>|null $refs
		 */
		$refs = $wpdb->get_results( "SELECT ref AS value, COUNT(*) AS starts FROM {$table} WHERE {$where} GROUP BY ref ORDER BY starts DESC, MIN(id) ASC LIMIT {$limit}", ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared
		/**
		 * Starts per page, most first.
		 *
		 * @var list<array{value:string,starts:string}>|null $pages
		 */
		$pages = $wpdb->get_results( "SELECT page_url AS value, COUNT(*) AS starts FROM {$table} WHERE {$where} GROUP BY page_url ORDER BY starts DESC, MIN(id) ASC LIMIT {$limit}", ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared
		/**
		 * Starts per source.
		 *
		 * @var list<array{value:string,starts:string}>|null $by_source
		 */
		$by_source = $wpdb->get_results( "SELECT source AS value, COUNT(*) AS starts FROM {$table} WHERE {$where} GROUP BY source", ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared

		$per_day = array();
		for ( $day = $from; $day <= $to; $day = $day->modify( '+1 day' ) ) {
			$per_day[ $day->format( 'Y-m-d' ) ] = 0;
		}
		$total = 0;
		foreach ( $by_day as $day => $starts ) {
			if ( isset( $per_day[ $day ] ) ) {
				$per_day[ $day ] += $starts;
			}
			$total += $starts;
		}
		$sources = array(
			'plugin' => 0,
			'link'   => 0,
			'other'  => 0,
		);
		foreach ( (array) $by_source as $row ) {
			$bucket              = 'CUSTOMER_CHAT_PLUGIN' === $row['value'] ? 'plugin' : ( 'SHORTLINK' === $row['value'] ? 'link' : 'other' );
			$sources[ $bucket ] += (int) $row['starts'];
		}
		$days = array();
		foreach ( $per_day as $day => $starts ) {
			$days[] = array(
				'day'    => $day,
				'starts' => $starts,
			);
		}
		return array(
			'from'     => $from->format( 'Y-m-d' ),
			'to'       => $to->format( 'Y-m-d' ),
			'total'    => $total,
			'per_day'  => $days,
			'per_ref'  => self::report_list( $refs, 'ref' ),
			'per_page' => self::report_list( $pages, 'page_url' ),
			'sources'  => $sources,
			'share'    => array(
				'plugin' => $total ? round( 100 * $sources['plugin'] / $total, 1 ) : 0,
				'link'   => $total ? round( 100 * $sources['link'] / $total, 1 ) : 0,
			),
		);
	}

	/**
	 * A ref or page list as the report answers it.
	 *
	 * @param list<array{value:string,starts:string}>|null $rows Rows.
	 * @param string                                       $key ref or page_url.
	 * @return list<array<string,int|string>>
	 */
	private static function report_list( $rows, $key ) {
		$out = array();
		foreach ( (array) $rows as $row ) {
			$out[] = array(
				$key     => (string) $row['value'],
				'starts' => (int) $row['starts'],
			);
		}
		return $out;
	}

	/**
	 * Adds the exporter.
	 *
	 * @since 1.1.0
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
	 * @since 1.1.0
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
	 * @since 1.1.0
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
		$table = self::table();
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
	 * @since 1.1.0
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
		self::adopt_legacy( $id );
		$number = 200;
		$rows   = self::rows_of( self::sender_key( $id ), max( 1, (int) $page ), $number );
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
	 * @since 1.1.0
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
			self::adopt_legacy( $id );
			$key     = self::sender_key( $id );
			$table   = self::table();
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
