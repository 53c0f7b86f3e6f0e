<?php
/**
 * Click counts reported by browsers: the ccfm_clicks table of daily
 * aggregates (day × page × ref × path → clicks), its installation on every
 * site, and its pruning with the conversation records' retention period.
 *
 * Nothing about a visitor is stored: a row is a day, a page (post ID or
 * path), the ref of the Messenger link and the path taken (chat or link).
 * The daily caps (per client, per IP address, the site's budget of new
 * rows) count in ccfm_click_clients, keyed by HMACs (Click_Route::cap_keys());
 * a day's keys are deleted, in batches, by the daily pruning after it.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

use CCFM\Stored_Data;


defined( 'ABSPATH' ) || exit;

/**
 * The ccfm_clicks table.
 *
 * @since 1.0.0
 */
final class Click_Store {

	const DB_VERSION = '2';

	const DB_VERSION_OPTION = Stored_Data::CLICKS_DB_VERSION_OPTION;

	/**
	 * The paths a click can take: the Chat Plugin, or the m.me link.
	 */
	const PATHS = array( 'chat', 'link' );

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		// A deleted site's tables are dropped from Stored_Data's list (Conversation_Table).
		register_activation_hook( CCFM_FILE, array( self::class, 'activate' ) );
		add_action( 'wp_initialize_site', array( self::class, 'initialize_site' ), 200 );
		add_action( 'plugins_loaded', array( self::class, 'maybe_upgrade' ) );
		// The conversation records' daily pruning prunes the clicks too.
		add_action( Conversation_Pruning::CRON_HOOK, array( self::class, 'prune' ) );
	}

	/**
	 * The table name.
	 *
	 * @since 1.0.0
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
		return $wpdb->prefix . Stored_Data::CLICKS_TABLE;
	}

	/**
	 * The table of the daily cap: client key, day, clicks.
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public static function clients_table() {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		return $wpdb->prefix . Stored_Data::CLICK_CLIENTS_TABLE;
	}

	/**
	 * Creates the table; on network activation, on every site (a large
	 * network's other sites install it on their next request).
	 *
	 * @since 1.0.0
	 *
	 * @param bool $network_wide Whether the plugin is being network-activated.
	 * @return void
	 */
	public static function activate( $network_wide = false ) {
		if ( ! $network_wide || ! is_multisite() || wp_is_large_network() ) {
			self::install();
			return;
		}
		foreach ( get_sites(
			array(
				'fields'     => 'ids',
				'number'     => 0,
				'network_id' => get_current_network_id(),
			)
		) as $site_id ) {
			switch_to_blog( (int) $site_id );
			self::install();
			restore_current_blog();
		}
	}

	/**
	 * Sets up a site created while the plugin is network-active.
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_Site $site The new site.
	 * @return void
	 */
	public static function initialize_site( $site ) {
		if ( ! function_exists( 'is_plugin_active_for_network' ) ) {
			require_once ABSPATH . 'wp-admin/includes/plugin.php';
		}
		if ( is_plugin_active_for_network( plugin_basename( CCFM_FILE ) ) ) {
			switch_to_blog( (int) $site->blog_id );
			self::install();
			restore_current_blog();
		}
	}

	/**
	 * Installs the table when its version changed.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function maybe_upgrade() {
		if ( self::DB_VERSION !== get_option( self::DB_VERSION_OPTION ) ) {
			self::install();
		}
	}

	/**
	 * Creates or updates the table with dbDelta. row_key is the SHA-1 of
	 * day, page, ref and path, so one INSERT … ON DUPLICATE KEY counts a
	 * click without a long composite index.
	 *
	 * @since 1.0.0
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
		$clients = self::clients_table();
		$charset = $wpdb->get_charset_collate();
		dbDelta(
			"CREATE TABLE {$table} (
  row_key char(40) NOT NULL,
  day date NOT NULL,
  page varchar(255) NOT NULL DEFAULT '',
  ref varchar(250) NOT NULL DEFAULT '',
  path varchar(10) NOT NULL DEFAULT '',
  clicks int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (row_key),
  KEY day (day)
) {$charset};
CREATE TABLE {$clients} (
  client_key char(40) NOT NULL,
  day date NOT NULL,
  clicks int(10) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (client_key),
  KEY day (day)
) {$charset};"
		);
		update_option( self::DB_VERSION_OPTION, self::DB_VERSION );
	}

	/**
	 * The primary key of a row: the SHA-1 of day, page, ref and path.
	 *
	 * @param string $day  YYYY-MM-DD, site time zone.
	 * @param string $page Post ID or path.
	 * @param string $ref  Ref.
	 * @param string $path chat or link.
	 * @return string
	 */
	private static function row_key( $day, $page, $ref, $path ) {
		return sha1( $day . "\n" . $page . "\n" . $ref . "\n" . $path );
	}

	/**
	 * Whether a day × page × ref × path row exists (the daily budget of new
	 * rows applies to the others).
	 *
	 * @since 1.0.0
	 *
	 * @param string $day  YYYY-MM-DD, site time zone.
	 * @param string $page Post ID or path.
	 * @param string $ref  Ref.
	 * @param string $path chat or link.
	 * @return bool|null Null when the table cannot be read.
	 */
	public static function exists( $day, $page, $ref, $path ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$table = self::table();
		$found = $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$table} WHERE row_key = %s", self::row_key( $day, $page, $ref, $path ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return null === $found || '' !== $wpdb->last_error ? null : '0' !== (string) $found;
	}

	/**
	 * Counts one click.
	 *
	 * @since 1.0.0
	 *
	 * @param string $day  YYYY-MM-DD, site time zone.
	 * @param string $page Post ID or path (validated by Click_Route).
	 * @param string $ref  Ref.
	 * @param string $path chat or link.
	 * @return bool Whether it was stored.
	 */
	public static function add( $day, $page, $ref, $path ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$table = self::table();
		$done  = $wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (row_key, day, page, ref, path, clicks) VALUES (%s, %s, %s, %s, %s, 1) ON DUPLICATE KEY UPDATE clicks = clicks + 1", self::row_key( $day, $page, $ref, $path ), $day, $page, $ref, $path ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		return false !== $done && $done > 0;
	}

	/**
	 * Counts one use of a daily cap, atomically (parallel beacons cannot
	 * slip past it), and returns the uses today including this one. The
	 * caps are the client's and the IP address's (HMAC keys) and the site's
	 * budget of new rows ("rows:" and the day). Old keys go with the daily
	 * pruning (prune()), never in a visitor's request.
	 *
	 * @since 1.0.0
	 *
	 * @param string $cap_key Up to 40 characters.
	 * @param string $day     YYYY-MM-DD (UTC).
	 * @return int|null Null when the cap could not be written: the caller refuses (fails closed).
	 */
	public static function take( $cap_key, $day ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$clients = self::clients_table();
		$done    = $wpdb->query( $wpdb->prepare( "INSERT INTO {$clients} (client_key, day, clicks) VALUES (%s, %s, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE clicks = LAST_INSERT_ID(clicks + 1)", $cap_key, $day ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$uses    = (int) $wpdb->insert_id;
		return false === $done || $done < 1 || $uses < 1 ? null : $uses;
	}

	/**
	 * Rows one DELETE of the daily pruning removes at most.
	 *
	 * @since 1.0.0
	 */
	const PRUNE_BATCH = 5000;

	/**
	 * Batches one pruning run deletes at most per table (the rest goes the
	 * next day).
	 *
	 * @since 1.0.0
	 */
	const PRUNE_BATCHES = 200;

	/**
	 * Deletes, in batches, the days older than the retention period and the
	 * caps' keys of the days before today (UTC). Daily cron, never a
	 * visitor's request.
	 *
	 * @since 1.0.0
	 *
	 * @return int Click rows deleted.
	 */
	public static function prune() {
		$cutoff = current_datetime()->modify( '-' . Secrets::retention_days() . ' days' )->format( 'Y-m-d' );
		self::delete_before( self::clients_table(), gmdate( 'Y-m-d' ) );
		return self::delete_before( self::table(), $cutoff );
	}

	/**
	 * Deletes a table's rows of the days before a day, PRUNE_BATCH at a
	 * time (each DELETE short, so it never holds the table long).
	 *
	 * @param string $table Table (ours).
	 * @param string $day   YYYY-MM-DD.
	 * @return int Rows deleted.
	 */
	private static function delete_before( $table, $day ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$deleted = 0;
		for ( $i = 0; $i < self::PRUNE_BATCHES; $i++ ) {
			$done = $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE day < %s LIMIT %d", $day, self::PRUNE_BATCH ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			if ( ! is_int( $done ) || $done < 1 ) {
				break;
			}
			$deleted += $done;
			if ( $done < self::PRUNE_BATCH ) {
				break;
			}
		}
		return $deleted;
	}
}
