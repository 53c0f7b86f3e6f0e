<?php
/**
 * The conversation records table: creation, upgrades, and activation on each site of a network.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

use CCFM\Stored_Data;

defined( 'ABSPATH' ) || exit;

/**
 * The table of conversation records.
 *
 * @since 1.0.0
 */
final class Conversation_Table {

	const DB_VERSION = '3';

	const DB_VERSION_OPTION = Stored_Data::DB_VERSION_OPTION;

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
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
		return $wpdb->prefix . Stored_Data::CONVERSATIONS_TABLE;
	}

	/**
	 * Creates or updates the table and schedules the pruning; on network
	 * activation, on every site of the network.
	 *
	 * On a large network (wp_is_large_network()) only the current site is set
	 * up here: every other site installs its table on its own next request
	 * (maybe_upgrade() on plugins_loaded), so activation stays quick.
	 *
	 * @since 1.0.0
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
				Conversation_Pruning::schedule();
			}
		);
	}

	/**
	 * Stops the pruning while the plugin is inactive (on every site when it
	 * is network-deactivated).
	 *
	 * @since 1.0.0
	 *
	 * @param bool $network_wide Whether the plugin is being network-deactivated.
	 *
	 * @return void
	 */
	public static function deactivate( $network_wide = false ) {
		self::each_site(
			$network_wide,
			static function () {
				wp_clear_scheduled_hook( Conversation_Pruning::CRON_HOOK );
				wp_clear_scheduled_hook( Conversation_Rollup::CRON_HOOK );
			}
		);
	}

	/**
	 * Runs a callback on the current site, or on each site of the network.
	 *
	 * @since 1.0.0
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
	 * @since 1.0.0
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
		Conversation_Pruning::schedule();
		restore_current_blog();
	}

	/**
	 * Drops a deleted site's table with WordPress's own tables.
	 *
	 * @since 1.0.0
	 *
	 * @param string[] $tables Tables WordPress drops for the site.
	 * @return string[]
	 */
	public static function drop_tables( $tables ) {
		return array_merge( $tables, Stored_Data::tables() );
	}

	/**
	 * Installs the table when its version changed; keeps the cron scheduled.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function maybe_upgrade() {
		if ( self::DB_VERSION !== get_option( self::DB_VERSION_OPTION ) ) {
			self::install();
		}
		Conversation_Pruning::schedule();
	}

	/**
	 * Creates or updates the tables with dbDelta: the raw events and their
	 * daily totals. The totals are counted from the raw events once (in
	 * batches, by cron: Conversation_Rollup), so an upgrade over a million
	 * stored events stays a quick request.
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
) {$charset};
" . Conversation_Rollup::schema( $charset )
		);
		$previous = get_option( self::DB_VERSION_OPTION );
		if ( is_string( $previous ) && version_compare( $previous, '2', '<' ) && $wpdb->get_var( "SELECT id FROM {$table} LIMIT 1" ) ) { // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			// Rows from 1.1 are keyed with wp_salt(): adopt_legacy() moves them.
			update_option( Conversation_Store::LEGACY_OPTION, time(), false );
		}
		Secrets::sender_secret();
		if ( ! is_string( $previous ) || version_compare( $previous, '3', '<' ) || null === Conversation_Rollup::state() ) {
			Conversation_Rollup::restart();
		}
		update_option( self::DB_VERSION_OPTION, self::DB_VERSION );
	}
}
