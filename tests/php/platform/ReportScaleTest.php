<?php
/**
 * The conversations report is counted by the database: the days of any
 * site time zone (DST, half and quarter hour offsets) come out right, the
 * memory it takes does not grow with the number of stored events, and the
 * ref and page lists are bounded.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Platform\Conversation_Report;
use CCFM\Platform\Conversation_Rollup;
use CCFM\Platform\Conversation_Table;

require_once __DIR__ . '/PlatformTestCase.php';

/**
 * Report tests at scale.
 */
class ReportScaleTest extends PlatformTestCase {

	protected function tear_down() {
		update_option( 'timezone_string', '' );
		update_option( 'gmt_offset', 0 );
		parent::tear_down();
	}

	/**
	 * Inserts $count starts with INSERT … SELECT, one every $step seconds from
	 * $first (UTC), with $refs refs and $pages pages cycling.
	 *
	 * @param int    $count Rows.
	 * @param string $first First created_at (UTC).
	 * @param int    $step  Seconds between rows.
	 * @param int    $refs  Distinct refs.
	 * @param int    $pages Distinct pages.
	 */
	private static function insert_starts( $count, $first, $step, $refs, $pages ) {
		global $wpdb;
		$table = Conversation_Table::table();
		$wpdb->query( 'CREATE TEMPORARY TABLE ccfm_digits (d INT NOT NULL)' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.DirectDatabaseQuery.SchemaChange
		$wpdb->query( 'INSERT INTO ccfm_digits VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$wpdb->query(
			$wpdb->prepare(
				"INSERT INTO {$table} (created_at, event_type, referral_type, ref, source, page_url, is_guest, sender_kind, sender_key, linked_key, state, event_key)
				SELECT created_at, 'referral', 'OPEN_THREAD', CONCAT('ref-', n %% %d), IF(n %% 3 = 0, 'SHORTLINK', 'CUSTOMER_CHAT_PLUGIN'), CONCAT('https://shop.example.org/p/', n %% %d, '/'), 0, 'id', SHA2(CONCAT('s', n), 256), '', 'open', SHA2(CONCAT('scale|', n), 256)
				FROM ( SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n, DATE_ADD(%s, INTERVAL (a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d) * %d SECOND) AS created_at
					FROM ccfm_digits a, ccfm_digits b, ccfm_digits c, ccfm_digits e, ccfm_digits f ) nums
				WHERE n < %d",
				$refs,
				$pages,
				$first,
				$step,
				$count
			)
		);
		// phpcs:enable
		$wpdb->query( 'DROP TEMPORARY TABLE ccfm_digits' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.DirectDatabaseQuery.SchemaChange
		// Rows stored behind the plugin's back, as before the daily totals: counted as on upgrade.
		Conversation_Rollup::restart();
		Conversation_Rollup::run_to_end();
	}

	/**
	 * The report as the REST route answers it.
	 *
	 * @param string $from First day.
	 * @param string $to   Last day.
	 * @return array<string,mixed>
	 */
	private function report( $from, $to ) {
		$this->as_role( 'administrator' );
		$request = new \WP_REST_Request( 'GET', '/ccfm/v1/conversations' );
		$request->set_query_params(
			array(
				'from' => $from,
				'to'   => $to,
			)
		);
		$response = rest_get_server()->dispatch( $request );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertIsArray( $data );
		return $data;
	}

	/**
	 * Time zones whose days start off the UTC hour, or move with DST.
	 *
	 * @return array<string,array{0:string}>
	 */
	public function data_zones() {
		return array(
			'UTC'              => array( 'UTC' ),
			'India +5:30'      => array( 'Asia/Kolkata' ),
			'Nepal +5:45'      => array( 'Asia/Kathmandu' ),
			'New York DST'     => array( 'America/New_York' ),
			'Chatham +12:45'   => array( 'Pacific/Chatham' ),
			'Lord Howe DST 30' => array( 'Australia/Lord_Howe' ),
			'fixed +05:30'     => array( '+05:30' ),
		);
	}

	/**
	 * @dataProvider data_zones
	 *
	 * @param string $zone Time zone.
	 */
	public function test_days_of_the_site_time_zone( $zone ) {
		if ( '+' === $zone[0] ) {
			update_option( 'timezone_string', '' );
			update_option( 'gmt_offset', 5.5 );
		} else {
			update_option( 'timezone_string', $zone );
		}
		// Every 7 minutes 13 seconds across the DST change of March 2024.
		self::insert_starts( 1500, '2024-03-08 00:00:00', 433, 7, 5 );

		$report = $this->report( '2024-03-08', '2024-03-14' );

		$expected = array();
		$tz       = new \DateTimeZone( $zone );
		for ( $n = 0; $n < 1500; $n++ ) {
			$day = ( new \DateTimeImmutable( '@' . ( strtotime( '2024-03-08 00:00:00 UTC' ) + $n * 433 ) ) )->setTimezone( $tz )->format( 'Y-m-d' );
			if ( $day >= '2024-03-08' && $day <= '2024-03-14' ) {
				$expected[ $day ] = ( isset( $expected[ $day ] ) ? $expected[ $day ] : 0 ) + 1;
			}
		}
		$this->assertSame( $expected, array_filter( array_column( $report['per_day'], 'starts', 'day' ) ) );
		$this->assertSame( array_sum( $expected ), $report['total'] );
		$this->assertSame( $report['total'], $report['sources']['plugin'] + $report['sources']['link'] );
	}

	public function test_memory_does_not_grow_with_the_events_and_lists_are_bounded() {
		self::insert_starts( 2000, '2024-01-01 00:00:00', 1500, 300, 300 );
		$base = memory_get_usage();
		$this->report( '2024-01-01', '2024-12-31' );
		$small = memory_get_peak_usage() - $base;

		global $wpdb;
		$wpdb->query( 'TRUNCATE TABLE ' . Conversation_Table::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		self::insert_starts( 60000, '2024-01-01 00:00:00', 500, 300, 300 );
		if ( function_exists( 'memory_reset_peak_usage' ) ) {
			memory_reset_peak_usage();
		}
		$base   = memory_get_usage();
		$report = $this->report( '2024-01-01', '2024-12-31' );
		$large  = memory_get_peak_usage() - $base;

		$this->assertSame( 60000, $report['total'] );
		$this->assertCount( Conversation_Report::REPORT_LIST_LIMIT, $report['per_ref'] );
		$this->assertCount( Conversation_Report::REPORT_LIST_LIMIT, $report['per_page'] );
		$this->assertSame( 200, $report['per_ref'][0]['starts'] );
		$this->assertSame( 20000, $report['sources']['link'] );
		// Loading 60,000 rows into PHP takes tens of megabytes; counting in SQL
		// takes what the 366 days and 2 × 100 list entries take.
		$this->assertLessThan( 4 * MB_IN_BYTES, $large, 'Peak memory of the report over 60,000 events.' );
		$this->assertLessThan( max( 2 * $small, MB_IN_BYTES ) + MB_IN_BYTES, $large );
	}
}
