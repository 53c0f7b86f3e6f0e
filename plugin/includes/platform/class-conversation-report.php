<?php
/**
 * GET /ccfm/v1/conversations: the report of conversation starts.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

use CCFM\Response_Schemas;
use CCFM\Rest_Access;

defined( 'ABSPATH' ) || exit;

/**
 * The conversation report.
 *
 * @since 1.0.0
 */
final class Conversation_Report {

	/**
	 * The rows that are conversation starts (SQL condition).
	 */
	const STARTS_WHERE = "referral_type = 'OPEN_THREAD' AND event_type IN ('referral','postback')";

	/**
	 * Refs and pages listed in the report: the ones with the most starts.
	 */
	const REPORT_LIST_LIMIT = 100;

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the routes.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_routes() {
		register_rest_route(
			Rest_Access::NAMESPACE_V1,
			'/conversations',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'rest_report' ),
					'permission_callback' => array( Rest_Access::class, 'can_manage' ),
					'args'                => Report_Range::args(),
				),
				'schema' => Response_Schemas::callback( 'conversations' ),
			)
		);
	}

	/**
	 * GET /conversations.
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function rest_report( $request ) {
		$range = Report_Range::of( $request );
		if ( is_wp_error( $range ) ) {
			return $range;
		}
		list( $from, $to ) = $range;
		return rest_ensure_response( self::report( $from, $to ) );
	}

	/**
	 * Conversation starts between two days (inclusive, site time zone).
	 *
	 * Read from the daily totals (Conversation_Rollup), counted by the
	 * database with the GROUP BY and the LIMIT in SQL: one row per day of the
	 * range, the REPORT_LIST_LIMIT refs and pages with the most starts (first
	 * seen first on a tie) and the sources, whatever the number of events.
	 * While the totals are being rebuilt (upgrade, new time zone) `preparing`
	 * says how far, in percent; null once they are complete.
	 *
	 * @since 1.0.0
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
		$preparing = Conversation_Rollup::preparing();
		$table     = Conversation_Rollup::table();
		$where     = $wpdb->prepare( 'day >= %s AND day <= %s', $from->format( 'Y-m-d' ), $to->format( 'Y-m-d' ) );
		$limit     = self::REPORT_LIST_LIMIT;
		/**
		 * Starts per local day and source bucket, in one pass (wpdb returns strings).
		 *
		 * @var list<array{day:string,bucket:string,starts:string}>|null $days_rows
		 */
		$days_rows = $wpdb->get_results( "SELECT day, CASE source WHEN 'CUSTOMER_CHAT_PLUGIN' THEN 'plugin' WHEN 'SHORTLINK' THEN 'link' ELSE 'other' END AS bucket, SUM(starts) AS starts FROM {$table} WHERE {$where} GROUP BY day, bucket", ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared
		/**
		 * Starts per ref, most first (first seen first on a tie).
		 *
		 * @var list<array{value:string,starts:string}>|null $refs
		 */
		$refs = $wpdb->get_results( "SELECT ref AS value, SUM(starts) AS starts FROM {$table} WHERE {$where} GROUP BY ref ORDER BY starts DESC, MIN(first_id) ASC LIMIT {$limit}", ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared
		// Starts per page, most first. Starts without a page (m.me links, ads:
		// most of them) are summed apart, so the GROUP BY over the long
		// addresses reads only the rows that have one.
		/**
		 * Starts with no page (wpdb returns strings).
		 *
		 * @var array{starts:string|null,first_id:string|null}|null $no_page
		 */
		$no_page = $wpdb->get_row( "SELECT SUM(starts) AS starts, MIN(first_id) AS first_id FROM {$table} WHERE {$where} AND page_url = ''", ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared
		/**
		 * Starts per page.
		 *
		 * @var list<array{value:string,starts:string,first_id:string}>|null $pages
		 */
		$pages = $wpdb->get_results( "SELECT page_url AS value, SUM(starts) AS starts, MIN(first_id) AS first_id FROM {$table} WHERE {$where} AND page_url <> '' GROUP BY page_url ORDER BY starts DESC, first_id ASC LIMIT {$limit}", ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared
		$pages = (array) $pages;
		if ( is_array( $no_page ) && is_numeric( $no_page['starts'] ) && (int) $no_page['starts'] > 0 ) {
			$pages[] = array(
				'value'    => '',
				'starts'   => (string) $no_page['starts'],
				'first_id' => (string) $no_page['first_id'],
			);
			usort(
				$pages,
				static function ( $a, $b ) {
					return array( (int) $b['starts'], (int) $a['first_id'] ) <=> array( (int) $a['starts'], (int) $b['first_id'] );
				}
			);
			$pages = array_slice( $pages, 0, $limit );
		}

		$per_day = array();
		for ( $day = $from; $day <= $to; $day = $day->modify( '+1 day' ) ) {
			$per_day[ $day->format( 'Y-m-d' ) ] = 0;
		}
		$total   = 0;
		$sources = array(
			'plugin' => 0,
			'link'   => 0,
			'other'  => 0,
		);
		foreach ( (array) $days_rows as $row ) {
			if ( isset( $per_day[ $row['day'] ], $sources[ $row['bucket'] ] ) ) {
				$per_day[ $row['day'] ]    += (int) $row['starts'];
				$sources[ $row['bucket'] ] += (int) $row['starts'];
				$total                     += (int) $row['starts'];
			}
		}
		$days = array();
		foreach ( $per_day as $day => $starts ) {
			$days[] = array(
				'day'    => $day,
				'starts' => $starts,
			);
		}
		return array(
			'from'      => $from->format( 'Y-m-d' ),
			'to'        => $to->format( 'Y-m-d' ),
			'total'     => $total,
			'per_day'   => $days,
			'per_ref'   => self::report_list( $refs, 'ref' ),
			'per_page'  => self::report_list( $pages, 'page_url' ),
			'sources'   => $sources,
			'share'     => array(
				'plugin' => $total ? round( 100 * $sources['plugin'] / $total, 1 ) : 0,
				'link'   => $total ? round( 100 * $sources['link'] / $total, 1 ) : 0,
			),
			'preparing' => $preparing,
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
}
