<?php
/**
 * The daily totals of conversation starts (CCFM\Platform\Conversation_Rollup):
 * a webhook start counted once (a retry is not), on the site's local day
 * across DST; the upgrade counting raw rows stored the old way in batches,
 * equal to a GROUP BY over them, with events arriving meanwhile; a new time
 * zone rebuilding them; pruning in batches; the funnel's CSV, titles and
 * bounded rows.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Platform\Click_Store;
use CCFM\Platform\Conversation_Pruning;
use CCFM\Platform\Conversation_Report;
use CCFM\Platform\Conversation_Rollup;
use CCFM\Platform\Conversation_Table;
use CCFM\Platform\Funnel_Report;

require_once __DIR__ . '/PlatformTestCase.php';

/**
 * Daily totals tests.
 */
class ConversationRollupTest extends PlatformTestCase {

	/**
	 * Posts created by the test.
	 *
	 * @var int[]
	 */
	private $posts = array();

	protected function set_up() {
		parent::set_up();
		global $wpdb;
		Click_Store::maybe_upgrade();
		$wpdb->query( 'TRUNCATE TABLE ' . Click_Store::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
	}

	protected function tear_down() {
		global $wpdb;
		foreach ( $this->posts as $id ) {
			wp_delete_post( $id, true );
		}
		$wpdb->query( 'TRUNCATE TABLE ' . Click_Store::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		update_option( 'timezone_string', '' );
		update_option( 'gmt_offset', 0 );
		parent::tear_down();
	}

	/**
	 * A conversation start as Meta sends it.
	 *
	 * @param string $sender Sender id.
	 * @param string $time   UTC time, Y-m-d H:i:s.
	 * @param string $ref    Ref.
	 * @param string $url    referer_uri ('' for an m.me link).
	 * @return array<string,mixed>
	 */
	private static function start( $sender, $time, $ref, $url = '' ) {
		$referral = array(
			'ref'    => $ref,
			'source' => '' === $url ? 'SHORTLINK' : 'CUSTOMER_CHAT_PLUGIN',
			'type'   => 'OPEN_THREAD',
		);
		if ( '' !== $url ) {
			$referral['referer_uri'] = $url;
		}
		return array(
			'sender'    => array( 'id' => $sender ),
			'recipient' => array( 'id' => self::PAGE_ID ),
			'timestamp' => strtotime( $time . ' UTC' ) * 1000,
			'referral'  => $referral,
		);
	}

	/**
	 * The daily totals: day|ref|page|source => starts.
	 *
	 * @return array<string,int>
	 */
	private static function totals() {
		global $wpdb;
		$rows = (array) $wpdb->get_results( 'SELECT day, ref, page_url, source, SUM(starts) AS starts FROM ' . Conversation_Rollup::table() . ' GROUP BY day, ref, page_url, source', ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		$out  = array();
		foreach ( $rows as $row ) {
			$out[ $row['day'] . '|' . $row['ref'] . '|' . $row['page_url'] . '|' . $row['source'] ] = (int) $row['starts'];
		}
		ksort( $out );
		return $out;
	}

	/**
	 * The same figures counted from the raw events, each shifted to the
	 * site's local day by PHP.
	 *
	 * @return array<string,int>
	 */
	private static function raw_totals() {
		global $wpdb;
		$rows = (array) $wpdb->get_results( 'SELECT created_at, ref, page_url, source FROM ' . Conversation_Table::table() . ' WHERE ' . Conversation_Report::STARTS_WHERE, ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		$out  = array();
		foreach ( $rows as $row ) {
			$day         = ( new \DateTimeImmutable( $row['created_at'], new \DateTimeZone( 'UTC' ) ) )->setTimezone( wp_timezone() )->format( 'Y-m-d' );
			$key         = $day . '|' . $row['ref'] . '|' . $row['page_url'] . '|' . $row['source'];
			$out[ $key ] = ( isset( $out[ $key ] ) ? $out[ $key ] : 0 ) + 1;
		}
		ksort( $out );
		return $out;
	}

	/**
	 * Stores $count starts the way a version before the daily totals did
	 * (INSERT … SELECT straight into the raw table), one every $step seconds.
	 *
	 * @param int    $count Rows.
	 * @param string $first First created_at (UTC).
	 * @param int    $step  Seconds between rows.
	 */
	private static function insert_raw( $count, $first, $step ) {
		global $wpdb;
		$table = Conversation_Table::table();
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange
		$wpdb->query( 'CREATE TEMPORARY TABLE ccfm_digits (d INT NOT NULL)' );
		$wpdb->query( 'INSERT INTO ccfm_digits VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)' );
		$wpdb->query(
			$wpdb->prepare(
				"INSERT INTO {$table} (created_at, event_type, referral_type, ref, source, page_url, is_guest, sender_kind, sender_key, linked_key, state, event_key)
				SELECT DATE_ADD(%s, INTERVAL n * %d SECOND), IF(n %% 11 = 0, 'message', 'referral'), IF(n %% 11 = 0, '', 'OPEN_THREAD'), CONCAT('ref-', n %% 7), IF(n %% 3 = 0, 'SHORTLINK', 'CUSTOMER_CHAT_PLUGIN'), IF(n %% 3 = 0, '', CONCAT('https://shop.example.org/p/', n %% 5, '/')), 0, 'id', SHA2(CONCAT('s', n), 256), '', 'open', SHA2(CONCAT('rollup|', n), 256)
				FROM ( SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n FROM ccfm_digits a, ccfm_digits b, ccfm_digits c, ccfm_digits e, ccfm_digits f ) nums
				WHERE n < %d",
				$first,
				$step,
				$count
			)
		);
		$wpdb->query( 'DROP TEMPORARY TABLE ccfm_digits' );
		// phpcs:enable
	}

	public function test_a_webhook_start_is_counted_once_and_a_retry_is_not() {
		$this->save_secrets();
		update_option( 'timezone_string', 'UTC' );
		$body = self::body(
			array(
				self::start( 'p1', '2024-03-01 10:00:00', 'home', 'https://shop.example.org/pricing/?utm=x' ),
				self::start( 'p2', '2024-03-01 11:00:00', 'home', 'https://shop.example.org/pricing/' ),
				self::start( 'p3', '2024-03-02 09:00:00', 'newsletter' ),
				array(
					'sender'    => array( 'id' => 'p3' ),
					'recipient' => array( 'id' => self::PAGE_ID ),
					'timestamp' => strtotime( '2024-03-02 09:01:00 UTC' ) * 1000,
					'message'   => array(
						'mid'  => 'm-rollup',
						'text' => 'hi',
					),
				),
			)
		);
		$this->assertSame( array( 'stored' => 4 ), $this->deliver( $body )->get_data() );
		$expected = array(
			'2024-03-01|home|https://shop.example.org/pricing/|CUSTOMER_CHAT_PLUGIN' => 2,
			'2024-03-02|newsletter||SHORTLINK' => 1,
		);
		$this->assertSame( $expected, self::totals() );

		// Meta retries the delivery: nothing is stored or counted again.
		$this->assertSame( array( 'stored' => 0 ), $this->deliver( $body )->get_data() );
		$this->assertSame( $expected, self::totals() );
		$this->assertSame( self::raw_totals(), self::totals() );
		$this->assertNull( Conversation_Rollup::preparing() );
	}

	public function test_the_local_day_of_a_named_time_zone_across_dst() {
		$this->save_secrets();
		update_option( 'timezone_string', 'Europe/Berlin' );
		$this->deliver(
			self::body(
				array(
					self::start( 'b1', '2024-03-30 22:30:00', 'a' ), // 23:30 on 30 March (UTC+1).
					self::start( 'b2', '2024-03-31 22:30:00', 'a' ), // 00:30 on 1 April (UTC+2 since 31 March).
					self::start( 'b3', '2024-03-31 21:59:00', 'a' ), // 23:59 on 31 March.
				)
			)
		);
		$this->assertSame(
			array(
				'2024-03-30|a||SHORTLINK' => 1,
				'2024-03-31|a||SHORTLINK' => 1,
				'2024-04-01|a||SHORTLINK' => 1,
			),
			self::totals()
		);
		$report = Conversation_Report::report( new \DateTimeImmutable( '2024-03-30', wp_timezone() ), new \DateTimeImmutable( '2024-04-01', wp_timezone() ) );
		$this->assertSame( array( 1, 1, 1 ), array_column( $report['per_day'], 'starts' ) );
	}

	public function test_the_upgrade_counts_old_rows_in_batches_while_events_arrive() {
		global $wpdb;
		$this->save_secrets();
		update_option( 'timezone_string', 'America/New_York' );
		// 60,000 events every 97 s across the DST change of 10 March 2024.
		self::insert_raw( 60000, '2024-02-20 00:00:00', 97 );
		$this->assertSame( array(), self::totals(), 'Stored behind the totals, as before them.' );

		// The version check of a request after the update: quick, marks the rollup.
		update_option( Conversation_Table::DB_VERSION_OPTION, '2' );
		$started = microtime( true );
		Conversation_Table::maybe_upgrade();
		$this->assertLessThan( 2.0, microtime( true ) - $started );
		$this->assertSame( Conversation_Table::DB_VERSION, get_option( Conversation_Table::DB_VERSION_OPTION ) );
		$this->assertSame( 0, Conversation_Rollup::preparing() );
		$this->assertIsInt( wp_next_scheduled( Conversation_Rollup::CRON_HOOK ) );
		$this->as_role( 'administrator' );
		$request = new \WP_REST_Request( 'GET', '/ccfm/v1/conversations' );
		$request->set_query_params(
			array(
				'from' => '2024-02-20',
				'to'   => '2024-03-31',
			)
		);
		$this->assertSame( 0, rest_get_server()->dispatch( $request )->get_data()['preparing'] );

		// One batch, then a start arrives (counted as it arrives), then the rest.
		$this->assertTrue( Conversation_Rollup::batch() );
		$this->assertGreaterThan( 0, Conversation_Rollup::preparing() );
		$this->deliver( self::body( array( self::start( 'late', '2024-03-15 12:00:00', 'ref-1' ) ) ) );
		$batches = 1 + Conversation_Rollup::run_to_end();
		$this->assertSame( (int) ceil( 60000 / Conversation_Rollup::BATCH ), $batches );
		$this->assertNull( Conversation_Rollup::preparing() );

		$raw = self::raw_totals();
		$this->assertSame( 60000 - (int) ceil( 60000 / 11 ) + 1, array_sum( $raw ) );
		$this->assertSame( $raw, self::totals() );

		// Idempotent: another version check or activation counts nothing again.
		Conversation_Table::maybe_upgrade();
		Conversation_Table::activate();
		$this->assertNull( Conversation_Rollup::preparing() );
		$this->assertSame( $raw, self::totals() );
		$this->assertSame( array_sum( $raw ), (int) $wpdb->get_var( 'SELECT SUM(starts) FROM ' . Conversation_Rollup::table() ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
	}

	public function test_a_new_time_zone_rebuilds_the_days_in_cron() {
		$this->save_secrets();
		update_option( 'timezone_string', 'UTC' );
		$this->deliver( self::body( array( self::start( 'z1', '2024-06-01 02:00:00', 'night' ) ) ) );
		$this->assertSame( array( '2024-06-01|night||SHORTLINK' => 1 ), self::totals() );

		update_option( 'timezone_string', 'America/Los_Angeles' ); // 19:00 on 31 May there.
		$this->assertSame( 0, Conversation_Rollup::preparing() );
		do_action( Conversation_Rollup::CRON_HOOK );
		$this->assertNull( Conversation_Rollup::preparing() );
		$this->assertSame( array( '2024-05-31|night||SHORTLINK' => 1 ), self::totals() );

		// A fixed offset (Settings → General, UTC+5:30).
		update_option( 'timezone_string', '' );
		update_option( 'gmt_offset', 5.5 );
		Conversation_Rollup::run_to_end();
		$this->assertSame( array( '2024-06-01|night||SHORTLINK' => 1 ), self::totals() );
		$this->deliver( self::body( array( self::start( 'z2', '2024-06-01 20:00:00', 'night' ) ) ) ); // 01:30 on 2 June.
		$this->assertSame(
			array(
				'2024-06-01|night||SHORTLINK' => 1,
				'2024-06-02|night||SHORTLINK' => 1,
			),
			self::totals()
		);
	}

	public function test_pruning_deletes_in_batches_and_prunes_the_totals() {
		global $wpdb;
		$this->save_secrets( array( 'retention_days' => 10 ) );
		update_option( 'timezone_string', 'UTC' );
		// 2,500 old events (20 to 22 days ago), then one recent start.
		self::insert_raw( 2500, gmdate( 'Y-m-d H:i:s', time() - 22 * DAY_IN_SECONDS ), 60 );
		Conversation_Rollup::restart();
		Conversation_Rollup::run_to_end();
		$this->deliver( self::body( array( self::start( 'new', gmdate( 'Y-m-d H:i:s', time() - 2 * DAY_IN_SECONDS ), 'recent' ) ) ) );
		$this->assertGreaterThan( 1, count( self::totals() ) );

		$deletes = array();
		$watch   = static function ( $query ) use ( &$deletes ) {
			if ( 0 === strpos( $query, 'DELETE FROM ' . Conversation_Table::table() ) ) {
				$deletes[] = $query;
			}
			return $query;
		};
		add_filter( 'query', $watch );
		do_action( Conversation_Pruning::CRON_HOOK );
		remove_filter( 'query', $watch );

		$this->assertCount( 3, $deletes, '1,000 + 1,000 + 500 rows.' );
		foreach ( $deletes as $query ) {
			$this->assertStringEndsWith( 'LIMIT ' . Conversation_Pruning::BATCH, $query );
		}
		$this->assertSame( array( 'recent' ), array_column( $this->rows(), 'ref' ) );
		$this->assertSame( array( gmdate( 'Y-m-d', time() - 2 * DAY_IN_SECONDS ) . '|recent||SHORTLINK' => 1 ), self::totals() );
		$this->assertSame( 0, (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Conversation_Rollup::table() . " WHERE ref <> 'recent'" ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * Cells a spreadsheet would read as a formula, and cells it would not.
	 *
	 * @return array<string,array{0:string|int|float,1:string}>
	 */
	public function data_cells() {
		return array(
			'semicolon then ='   => array( '/x;=1+1;', "\"'/x;=1+1;\"" ),
			'semicolon then +'   => array( 'a;+1', "\"'a;+1\"" ),
			'semicolon then -'   => array( 'a;-1', "\"'a;-1\"" ),
			'semicolon then @'   => array( 'a;@SUM(A1)', "\"'a;@SUM(A1)\"" ),
			'tab then ='         => array( "a\t=1", "\"'a\t=1\"" ),
			'CR then ='          => array( "a\r=1", "\"'a\r=1\"" ),
			'LF then ='          => array( "a\n=1", "\"'a\n=1\"" ),
			'leading tab'        => array( "\tx", "\"'\tx\"" ),
			'leading CR'         => array( "\rx", "\"'\rx\"" ),
			'leading ='          => array( '=1+1', "\"'=1+1\"" ),
			'leading @'          => array( '@x', "\"'@x\"" ),
			'negative number'    => array( '-5', '-5' ),
			'decimal'            => array( '12.5', '12.5' ),
			'int'                => array( 7, '7' ),
			'float'              => array( 42.9, '42.9' ),
			'plain semicolon'    => array( 'a;b', '"a;b"' ),
			'path with a hyphen' => array( '/a-b/', '/a-b/' ),
		);
	}

	/**
	 * @dataProvider data_cells
	 *
	 * @param string|int|float $cell     Cell.
	 * @param string           $expected The cell in the CSV.
	 */
	public function test_the_csv_defuses_formulas_after_semicolons_tabs_and_line_breaks( $cell, $expected ) {
		$csv = Funnel_Report::csv(
			array(
				array(
					'day'    => '2024-03-01',
					'page'   => '/p/',
					'title'  => '',
					'ref'    => $cell,
					'clicks' => 1,
					'chat'   => 0,
					'link'   => 1,
				),
			),
			false
		);
		$this->assertSame( "day,page,title,ref,clicks,chat,link\r\n2024-03-01,/p/,," . $expected . ",1,0,1\r\n", $csv );
	}

	public function test_titles_are_plain_text_in_the_json_and_the_csv() {
		update_option( 'timezone_string', 'UTC' );
		$id            = (int) wp_insert_post(
			array(
				'post_title'  => 'Tom\'s "Shop" & <em>more</em>',
				'post_status' => 'publish',
				'post_type'   => 'page',
				'post_name'   => 'toms-shop-rollup',
			)
		);
		$this->posts[] = $id;
		Click_Store::add( '2024-03-01', (string) $id, 'home', 'link' );
		$report = Funnel_Report::report( new \DateTimeImmutable( '2024-03-01', wp_timezone() ), new \DateTimeImmutable( '2024-03-01', wp_timezone() ) );
		$title  = $report['rows'][0]['title'];
		$this->assertSame( 'Tom’s “Shop” & more', $title );
		$this->assertStringContainsString( ',Tom’s “Shop” & more,home,', Funnel_Report::csv( $report['rows'], false ) );
		$this->as_role( 'administrator' );
		$request = new \WP_REST_Request( 'GET', '/ccfm/v1/funnel' );
		$request->set_query_params(
			array(
				'from' => '2024-03-01',
				'to'   => '2024-03-01',
			)
		);
		$this->assertSame( 'Tom’s “Shop” & more', rest_get_server()->dispatch( $request )->get_data()['rows'][0]['title'] );
	}

	public function test_the_funnel_lists_whole_recent_days_when_rows_are_too_many() {
		global $wpdb;
		update_option( 'timezone_string', 'UTC' );
		$table = Click_Store::table();
		// 1,000 click rows on each of 1, 2 and 3 March: two days fit in the table.
		foreach ( array( '2024-03-01', '2024-03-02', '2024-03-03' ) as $day ) {
			$wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (row_key, day, page, ref, path, clicks) SELECT SHA1(CONCAT(%s, seq)), %s, CONCAT('/p/', seq, '/'), 'r', 'link', 1 + seq %% 3 FROM seq_0_to_999", $day, $day ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		$report = Funnel_Report::report( new \DateTimeImmutable( '2024-03-01', wp_timezone() ), new \DateTimeImmutable( '2024-03-03', wp_timezone() ) );
		$this->assertTrue( $report['truncated'] );
		$this->assertCount( Funnel_Report::MAX_ROWS, $report['rows'] );
		$this->assertSame( array( '2024-03-03', '2024-03-02' ), array_values( array_unique( array_column( $report['rows'], 'day' ) ) ) );
		// The totals and days still cover the whole range.
		$this->assertSame( 3 * ( 334 * 1 + 333 * 2 + 333 * 3 ), $report['totals']['clicks'] );
		$this->assertSame( array( 1999, 1999, 1999 ), array_column( $report['per_day'], 'clicks' ) );
	}
}
