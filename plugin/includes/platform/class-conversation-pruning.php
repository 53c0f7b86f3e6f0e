<?php
/**
 * Daily pruning of conversation records older than the retention period.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

use CCFM\Stored_Data;

defined( 'ABSPATH' ) || exit;

/**
 * Prunes old conversation records.
 *
 * @since 1.3.0
 */
final class Conversation_Pruning {

	const CRON_HOOK = Stored_Data::PRUNE_HOOK;

	/**
	 * Adds the hooks.
	 *
	 * @since 1.3.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( self::CRON_HOOK, array( self::class, 'prune' ) );
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
		$table   = Conversation_Table::table();
		$cutoff  = gmdate( 'Y-m-d H:i:s', time() - Secrets::retention_days() * DAY_IN_SECONDS );
		$deleted = 0;
		do {
			$batch    = (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE created_at < %s LIMIT 1000", $cutoff ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$deleted += $batch;
		} while ( 1000 === $batch );
		return $deleted;
	}
}
