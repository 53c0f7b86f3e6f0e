<?php
/**
 * Every name under which the plugin stores data: options, post meta, user
 * meta, tables and cron hooks (it sets no transients and no network
 * options). The code that writes uses these names, and uninstall removes
 * exactly these (a new table is one line in TABLES).
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * What the plugin writes, and its removal.
 *
 * @since 1.0.0
 */
final class Stored_Data {

	/** The settings (register_setting). */
	const SETTINGS_OPTION = 'ccfm_settings';

	/** The Messenger Platform secrets and the sender-key secret. */
	const PLATFORM_OPTION = 'ccfm_platform';

	/** The version of the conversation records table. */
	const DB_VERSION_OPTION = 'ccfm_db_version';

	/** When records keyed the 1.1 way were last adopted. */
	const LEGACY_KEYS_OPTION = 'ccfm_legacy_sender_keys';

	/** The post's own chat visibility (post-editor panel). */
	const VISIBILITY_META = '_ccfm_visibility';

	/** The post's own Messenger ref (post-editor panel). */
	const REF_META = '_ccfm_ref';

	/** The post's own pre-filled message (post-editor panel). */
	const MESSAGE_TEXT_META = '_ccfm_message_text';

	/** A user dismissed the setup notice. */
	const NOTICE_DISMISSED_META = 'ccfm_setup_notice_dismissed';

	/** The conversation records, without the site's table prefix. */
	const CONVERSATIONS_TABLE = 'ccfm_conversations';

	/** The version of the click tables. */
	const CLICKS_DB_VERSION_OPTION = 'ccfm_clicks_db_version';

	/** The daily click counts (day × page × ref × path), without the table prefix. */
	const CLICKS_TABLE = 'ccfm_clicks';

	/** Today's per-client click caps (keys deleted once the day is over), without the table prefix. */
	const CLICK_CLIENTS_TABLE = 'ccfm_click_clients';

	/** The daily totals of conversation starts (local day × ref × page × source), without the table prefix. */
	const CONVERSATION_DAYS_TABLE = 'ccfm_conversation_days';

	/** How far the daily totals are counted from the raw events (Conversation_Rollup). */
	const ROLLUP_OPTION = 'ccfm_conversation_rollup';

	/** The batches that count the daily totals from the raw events. */
	const ROLLUP_HOOK = 'ccfm_rollup_conversations';

	/** The daily pruning of the conversation records. */
	const PRUNE_HOOK = 'ccfm_prune_conversations';

	/** Options of each site. */
	const OPTIONS = array( self::SETTINGS_OPTION, self::PLATFORM_OPTION, self::DB_VERSION_OPTION, self::LEGACY_KEYS_OPTION, self::CLICKS_DB_VERSION_OPTION, self::ROLLUP_OPTION );

	/** Post meta keys. */
	const POST_META = array( self::VISIBILITY_META, self::REF_META, self::MESSAGE_TEXT_META );

	/** User meta keys (shared by the sites of a network). */
	const USER_META = array( self::NOTICE_DISMISSED_META );

	/** Tables of each site, without the table prefix. */
	const TABLES = array( self::CONVERSATIONS_TABLE, self::CONVERSATION_DAYS_TABLE, self::CLICKS_TABLE, self::CLICK_CLIENTS_TABLE );

	/** Cron hooks of each site. */
	const CRON_HOOKS = array( self::PRUNE_HOOK, self::ROLLUP_HOOK );

	/**
	 * The site's tables of the plugin, with the current site's prefix.
	 *
	 * @since 1.0.0
	 *
	 * @return list<string>
	 */
	public static function tables() {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$tables = array();
		foreach ( self::TABLES as $table ) {
			$tables[] = $wpdb->prefix . $table;
		}
		return $tables;
	}

	/**
	 * Removes what the plugin stored on the current site.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function remove_from_site() {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		foreach ( self::OPTIONS as $option ) {
			delete_option( $option );
		}
		foreach ( self::POST_META as $key ) {
			delete_post_meta_by_key( $key );
		}
		foreach ( self::CRON_HOOKS as $hook ) {
			wp_clear_scheduled_hook( $hook );
		}
		foreach ( self::tables() as $table ) {
			$wpdb->query( "DROP TABLE IF EXISTS {$table}" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
	}

	/**
	 * Removes what the plugin stored: on every site of a network (or the
	 * single site), and the user meta once.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function remove_all() {
		if ( is_multisite() ) {
			$site_ids = get_sites(
				array(
					'fields' => 'ids',
					'number' => 0,
				)
			);
			foreach ( $site_ids as $site_id ) {
				switch_to_blog( (int) $site_id );
				self::remove_from_site();
				restore_current_blog();
			}
		} else {
			self::remove_from_site();
		}
		foreach ( self::USER_META as $key ) {
			delete_metadata( 'user', 0, $key, '', true );
		}
	}
}
