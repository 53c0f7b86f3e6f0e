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
 * @since 1.0.0
 */
final class Conversation_Pruning {

	const CRON_HOOK = Stored_Data::PRUNE_HOOK;

	/**
	 * Raw events one DELETE removes at most.
	 */
	const BATCH = 1000;

	/**
	 * Seconds one run spends deleting before it leaves the rest to a follow-up run.
	 */
	const RUN_SECONDS = 10;

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( self::CRON_HOOK, array( self::class, 'prune' ) );
	}

	/**
	 * Schedules the daily pruning once.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function schedule() {
		if ( ! wp_next_scheduled( self::CRON_HOOK ) ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'daily', self::CRON_HOOK );
		}
	}

	/**
	 * Deletes raw events older than the retention period, BATCH rows a query,
	 * and the daily totals of the days before it (daily cron, never in a
	 * visitor's request). A backlog larger than one run can delete in
	 * RUN_SECONDS is left to a follow-up run a minute later.
	 *
	 * @since 1.0.0
	 *
	 * @return int Raw events deleted.
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
		$started = microtime( true );
		$deleted = 0;
		do {
			$batch    = (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE created_at < %s LIMIT %d", $cutoff, self::BATCH ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$deleted += $batch;
			$more     = self::BATCH === $batch;
		} while ( $more && microtime( true ) - $started < self::RUN_SECONDS );
		if ( $more ) {
			wp_schedule_single_event( time() + MINUTE_IN_SECONDS, self::CRON_HOOK );
		}
		Conversation_Rollup::prune();
		return $deleted;
	}
}
