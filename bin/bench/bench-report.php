<?php
/**
 * Scale figures of the reports: inserts 1,000,000 conversation events into
 * the TEST database (wordpress_test, never the development site) with
 * INSERT … SELECT, as a site that stored them before the daily totals had
 * them; runs the plugin's upgrade (the version check, then the rollup's cron
 * runs until the totals are complete), timing each; adds 100,000 click rows;
 * then times the conversations report and the funnel report over a year and
 * measures PHP's peak memory; then removes everything it added. Prints one
 * JSON line for bin/bench/bench.js.
 *
 * The events: a business with ~2,700 conversation starts a day for a year,
 * as a site in link mode gets them since Meta switched the Chat Plugin off:
 * 90 % from m.me links (no page; the ref of the page the link was on, 200
 * refs), 5 % from ads (no page, 7 ad refs), 5 % from the Chat Plugin (with
 * the page). 2,000 pages, a few popular and most rare (page = 2000 × u³).
 * What the reports cost follows the rows of daily totals (distinct day ×
 * ref × page × source), printed as day_rows.
 *
 * Usage: php bin/bench/bench-report.php [events] [click rows]   (default 1000000 100000)
 *
 * @package CustomerChatForMessenger
 */

// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange, WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput -- a development tool.

putenv( 'CCFM_WP_TESTS=1' );
$_SERVER['HTTP_HOST']   = 'localhost:' . ( getenv( 'CCFM_WP_PORT' ) ? getenv( 'CCFM_WP_PORT' ) : '8888' );
$_SERVER['REQUEST_URI'] = '/';
require dirname( __DIR__, 2 ) . '/.wp/wordpress/wp-load.php';

use CCFM\Platform\Click_Store;
use CCFM\Platform\Conversation_Report;
use CCFM\Platform\Conversation_Rollup;
use CCFM\Platform\Conversation_Table;
use CCFM\Platform\Funnel_Report;
use CCFM\Platform\Secrets;

if ( 'wordpress_test' !== DB_NAME || ! class_exists( 'CCFM\Platform\Conversation_Rollup' ) ) {
	fwrite( STDERR, "bench-report: the test database with the plugin active is needed (run the PHP tests once).\n" );
	exit( 1 );
}

global $wpdb;
$events     = isset( $argv[1] ) ? max( 1000, (int) $argv[1] ) : 1000000;
$click_rows = isset( $argv[2] ) ? max( 1000, (int) $argv[2] ) : 100000;
$table      = Conversation_Table::table();
$days_table = Conversation_Rollup::table();
$clicks     = Click_Store::table();
Conversation_Table::maybe_upgrade();
Click_Store::maybe_upgrade();
$before        = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" );
$clicks_before = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$clicks}" );
$host          = (string) wp_parse_url( home_url(), PHP_URL_HOST );

/**
 * Times a callback, ms.
 *
 * @param callable $callback What to time.
 * @return float
 */
function ccfm_bench_ms( $callback ) {
	$t = microtime( true );
	$callback();
	return ( microtime( true ) - $t ) * 1000;
}

// One start every 31 seconds over a year up to yesterday.
$step  = (int) floor( 365 * DAY_IN_SECONDS / $events );
$first = gmdate( 'Y-m-d H:i:s', strtotime( 'yesterday UTC' ) - $events * $step );

$t0 = microtime( true );
$wpdb->query( 'CREATE TEMPORARY TABLE ccfm_bench_digits (d INT NOT NULL)' );
$wpdb->query( 'INSERT INTO ccfm_bench_digits VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)' );
$numbers = 'SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 100000 * g.d AS n FROM ccfm_bench_digits a, ccfm_bench_digits b, ccfm_bench_digits c, ccfm_bench_digits e, ccfm_bench_digits f, ccfm_bench_digits g';
$wpdb->query(
	$wpdb->prepare(
		"INSERT INTO {$table} (created_at, event_type, referral_type, ref, source, page_url, is_guest, sender_kind, sender_key, linked_key, state, event_key)
		SELECT DATE_ADD(%s, INTERVAL n * %d SECOND), 'referral', 'OPEN_THREAD',
			IF(n %% 20 = 1, CONCAT('bench-ad-', n %% 7), CONCAT('bench-', p %% 200)),
			IF(n %% 20 = 0, 'CUSTOMER_CHAT_PLUGIN', IF(n %% 20 = 1, 'ADS', 'SHORTLINK')),
			IF(n %% 20 = 0, CONCAT('http://', %s, '/p/', p, '/'), ''),
			0, 'id', CONCAT('x', LPAD(HEX(n %% 50000), 63, '0')), '', 'open', CONCAT('x', LPAD(HEX(n), 63, '0'))
		FROM ( SELECT n, FLOOR(2000 * POW(MOD(n * 2654435761, 4294967296) / 4294967296, 3)) AS p FROM ( {$numbers} ) nums WHERE n < %d ) events",
		$first,
		$step,
		$host,
		$events
	)
);
if ( $wpdb->last_error ) {
	fwrite( STDERR, 'bench-report: ' . $wpdb->last_error . "\n" );
}
$inserted = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" ) - $before;
$insert_s = microtime( true ) - $t0;

// The upgrade as a site gets it: the stored version is the one before the
// daily totals; the version check (a request) marks the rollup, cron runs count.
update_option( Conversation_Table::DB_VERSION_OPTION, '2' );
$upgrade_ms = ccfm_bench_ms( array( Conversation_Table::class, 'maybe_upgrade' ) );
$cron_runs  = 0;
$batches    = 0;
$longest    = 0.0;
$t0         = microtime( true );
while ( null !== Conversation_Rollup::preparing() && $cron_runs < 1000 ) {
	$run_ms = ccfm_bench_ms(
		static function () use ( &$batches ) {
			$batches += Conversation_Rollup::run();
		}
	);
	$longest = max( $longest, $run_ms );
	++$cron_runs;
}
$rollup_s  = microtime( true ) - $t0;
$day_rows  = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$days_table}" );
$day_total = (int) $wpdb->get_var( "SELECT SUM(starts) FROM {$days_table}" );

// Clicks: 274 rows a day (137 pages × chat and link), the page's ref.
$per_day = (int) ceil( $click_rows / 365 );
$wpdb->query(
	$wpdb->prepare(
		"INSERT INTO {$clicks} (row_key, day, page, ref, path, clicks)
		SELECT SHA1(CONCAT('bench|', n)), DATE_SUB(CURDATE(), INTERVAL 1 + FLOOR(n / %d) DAY), CONCAT('/p/', FLOOR((n %% %d) / 2), '/'), CONCAT('bench-', FLOOR((n %% %d) / 2) %% 200), IF(n %% 2 = 0, 'link', 'chat'), 1 + n %% 9
		FROM ( {$numbers} ) nums WHERE n < %d",
		$per_day,
		$per_day,
		$per_day,
		$click_rows
	)
);
if ( $wpdb->last_error ) {
	fwrite( STDERR, 'bench-report: ' . $wpdb->last_error . "\n" );
}
$wpdb->query( 'DROP TEMPORARY TABLE ccfm_bench_digits' );
$clicks_added = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$clicks}" ) - $clicks_before;

// The funnel joins starts only on a connected site.
$secrets = get_option( Secrets::OPTION );
update_option( Secrets::OPTION, array_merge( is_array( $secrets ) ? $secrets : array(), array( 'app_secret' => 'bench', 'verify_token' => 'bench', 'retention_days' => 400 ) ), false );

$zone = wp_timezone();
$to   = new DateTimeImmutable( 'yesterday', $zone );
$from = $to->modify( '-364 days' );

/**
 * Three runs of a report: times (sorted) and peak memory above the start.
 *
 * @param callable $report The report.
 * @return array{0:list<float>,1:int,2:mixed}
 */
function ccfm_bench_report( $report ) {
	$runs = array();
	$peak = 0;
	$last = null;
	for ( $i = 0; $i < 3; $i++ ) {
		wp_cache_flush();
		if ( function_exists( 'memory_reset_peak_usage' ) ) {
			memory_reset_peak_usage();
		}
		$base   = memory_get_usage();
		$t      = microtime( true );
		$last   = $report();
		$runs[] = round( ( microtime( true ) - $t ) * 1000, 1 );
		$peak   = max( $peak, memory_get_peak_usage() - $base );
	}
	sort( $runs );
	return array( $runs, $peak, $last );
}

list( $conv_ms, $conv_peak, $conv ) = ccfm_bench_report(
	static function () use ( $from, $to ) {
		return Conversation_Report::report( $from, $to );
	}
);
list( $funnel_ms, $funnel_peak, $funnel ) = ccfm_bench_report(
	static function () use ( $from, $to ) {
		return Funnel_Report::report( $from, $to );
	}
);

// Clean up: what the bench added only (the test suite truncates the tables
// anyway). CCFM_BENCH_KEEP=1 keeps the rows, to look at the queries.
$t0 = microtime( true );
if ( getenv( 'CCFM_BENCH_KEEP' ) ) {
	exit( 0 );
}
if ( false === $secrets ) {
	delete_option( Secrets::OPTION );
} else {
	update_option( Secrets::OPTION, $secrets, false );
}
if ( 0 === $before ) {
	$wpdb->query( "TRUNCATE TABLE {$table}" );
}
do {
	$deleted = (int) $wpdb->query( "DELETE FROM {$table} WHERE ref LIKE 'bench-%' LIMIT 50000" );
} while ( $deleted > 0 );
do {
	$deleted = (int) $wpdb->query( "DELETE FROM {$clicks} WHERE ref LIKE 'bench-%' LIMIT 50000" );
} while ( $deleted > 0 );
Conversation_Rollup::restart();
Conversation_Rollup::run_to_end();
$cleanup_s = microtime( true ) - $t0;

echo wp_json_encode(
	array(
		'events'          => $inserted,
		'insert_s'        => round( $insert_s, 1 ),
		'upgrade_ms'      => round( $upgrade_ms, 1 ),
		'rollup_s'        => round( $rollup_s, 1 ),
		'rollup_runs'     => $cron_runs,
		'rollup_batches'  => $batches,
		'rollup_batch'    => Conversation_Rollup::BATCH,
		'rollup_run_max'  => round( $longest, 0 ),
		'day_rows'        => $day_rows,
		'day_total'       => $day_total,
		'click_rows'      => $clicks_added,
		'counted'         => $conv['total'],
		'days'            => count( $conv['per_day'] ),
		'refs'            => count( $conv['per_ref'] ),
		'pages'           => count( $conv['per_page'] ),
		'report_ms'       => $conv_ms,
		'peak_bytes'      => $conv_peak,
		'funnel_ms'       => $funnel_ms,
		'funnel_peak'     => $funnel_peak,
		'funnel_rows'     => count( $funnel['rows'] ),
		'funnel_trunc'    => $funnel['truncated'],
		'funnel_clicks'   => $funnel['totals']['clicks'],
		'funnel_starts'   => $funnel['totals']['starts'],
		'cleanup_s'       => round( $cleanup_s, 1 ),
		'left_behind'     => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table} WHERE ref LIKE 'bench-%'" ) + (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$clicks} WHERE ref LIKE 'bench-%'" ) + (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$days_table} WHERE ref LIKE 'bench-%'" ),
		'mariadb'         => (string) $wpdb->get_var( 'SELECT VERSION()' ),
	)
) . "\n";
