<?php
/**
 * Scale figures of the conversations report: inserts 1,000,000 conversation
 * starts into the TEST database (wordpress_test, never the development site)
 * with INSERT … SELECT, times the report over a year of them and measures
 * PHP's peak memory, then removes them. Prints one JSON line for bin/bench/bench.js.
 *
 * Usage: php bin/bench/bench-report.php [events]   (default 1000000)
 *
 * @package CustomerChatForMessenger
 */

// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange, WordPress.WP.AlternativeFunctions, WordPress.Security.EscapeOutput -- a development tool.

putenv( 'CCFM_WP_TESTS=1' );
$_SERVER['HTTP_HOST']   = 'localhost:' . ( getenv( 'CCFM_WP_PORT' ) ? getenv( 'CCFM_WP_PORT' ) : '8888' );
$_SERVER['REQUEST_URI'] = '/';
require dirname( __DIR__, 2 ) . '/.wp/wordpress/wp-load.php';

if ( 'wordpress_test' !== DB_NAME || ! class_exists( 'CCFM\Platform\Conversation_Table' ) ) {
	fwrite( STDERR, "bench-report: the test database with the plugin active is needed (run the PHP tests once).\n" );
	exit( 1 );
}

global $wpdb;
$events = isset( $argv[1] ) ? max( 1000, (int) $argv[1] ) : 1000000;
$table  = CCFM\Platform\Conversation_Table::table();
CCFM\Platform\Conversation_Table::maybe_upgrade();
$before = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" );

// One event every 31 seconds over a year up to yesterday, 200 refs, 2,000 pages.
$step  = (int) floor( 365 * DAY_IN_SECONDS / $events );
$first = gmdate( 'Y-m-d H:i:s', strtotime( 'yesterday UTC' ) - $events * $step );

$t0 = microtime( true );
$wpdb->query( 'CREATE TEMPORARY TABLE ccfm_bench_digits (d INT NOT NULL)' );
$wpdb->query( 'INSERT INTO ccfm_bench_digits VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)' );
$wpdb->query(
	$wpdb->prepare(
		"INSERT INTO {$table} (created_at, event_type, referral_type, ref, source, page_url, is_guest, sender_kind, sender_key, linked_key, state, event_key)
		SELECT DATE_ADD(%s, INTERVAL n * %d SECOND), 'referral', 'OPEN_THREAD', CONCAT('bench-', n %% 200), ELT(1 + n %% 3, 'SHORTLINK', 'CUSTOMER_CHAT_PLUGIN', 'ADS'), CONCAT('https://shop.example.org/p/', n %% 2000, '/'), 0, 'id', CONCAT('x', LPAD(HEX(n %% 50000), 63, '0')), '', 'open', CONCAT('x', LPAD(HEX(n), 63, '0'))
		FROM ( SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d + 100000 * g.d AS n
			FROM ccfm_bench_digits a, ccfm_bench_digits b, ccfm_bench_digits c, ccfm_bench_digits e, ccfm_bench_digits f, ccfm_bench_digits g ) nums
		WHERE n < %d",
		$first,
		$step,
		$events
	)
);
if ( $wpdb->last_error ) {
	fwrite( STDERR, "bench-report: " . $wpdb->last_error . "\n" );
}
$wpdb->query( 'DROP TEMPORARY TABLE ccfm_bench_digits' );
$inserted = (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table}" ) - $before;
$insert_s = microtime( true ) - $t0;

$zone = wp_timezone();
$to   = new DateTimeImmutable( 'yesterday', $zone );
$from = $to->modify( '-364 days' );

$runs = array();
$peak = 0;
for ( $i = 0; $i < 3; $i++ ) {
	if ( function_exists( 'memory_reset_peak_usage' ) ) {
		memory_reset_peak_usage();
	}
	$base   = memory_get_usage();
	$t      = microtime( true );
	$report = CCFM\Platform\Conversation_Report::report( $from, $to );
	$runs[] = ( microtime( true ) - $t ) * 1000;
	$peak   = max( $peak, memory_get_peak_usage() - $base );
}
sort( $runs );

// Clean up: the bench rows only (the test suite truncates the table anyway).
$t0 = microtime( true );
if ( 0 === $before ) {
	$wpdb->query( "TRUNCATE TABLE {$table}" );
}
do {
	$deleted = (int) $wpdb->query( "DELETE FROM {$table} WHERE ref LIKE 'bench-%' LIMIT 50000" );
} while ( $deleted > 0 );
$cleanup_s = microtime( true ) - $t0;

echo wp_json_encode(
	array(
		'events'      => $inserted,
		'counted'     => $report['total'],
		'days'        => count( $report['per_day'] ),
		'refs'        => count( $report['per_ref'] ),
		'pages'       => count( $report['per_page'] ),
		'insert_s'    => round( $insert_s, 1 ),
		'report_ms'   => array_map(
			static function ( $ms ) {
				return round( $ms, 1 );
			},
			$runs
		),
		'peak_bytes'  => $peak,
		'cleanup_s'   => round( $cleanup_s, 1 ),
		'left_behind' => (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table} WHERE ref LIKE 'bench-%'" ),
		'mariadb'     => (string) $wpdb->get_var( 'SELECT VERSION()' ),
	)
) . "\n";
