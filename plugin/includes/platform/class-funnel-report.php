<?php
/**
 * The funnel: clicks reported by browsers (Click_Store) joined with the
 * conversation starts the webhook confirmed (Conversations), per day, page
 * and ref, with the conversion rate; GET /ccfm/v1/funnel answers it as JSON
 * or as CSV (the same table).
 *
 * A page is joined by its path: a click's post ID becomes the path of its
 * permalink, a start's page address (referer_uri) its path when it is on
 * this site. Starts from m.me links carry no page.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

use CCFM\Response_Schemas;
use CCFM\Rest_Access;

defined( 'ABSPATH' ) || exit;

/**
 * Funnel report and its route.
 *
 * @since 1.3.0
 */
final class Funnel_Report {

	/**
	 * Rows the table lists at most (most recent days first, then most clicks).
	 */
	const MAX_ROWS = 2000;

	/**
	 * The table's columns, in order (the admin's table shows the same).
	 */
	const COLUMNS = array( 'day', 'page', 'title', 'ref', 'clicks', 'chat', 'link', 'starts', 'rate' );

	/**
	 * Columns only a connected site has.
	 */
	const START_COLUMNS = array( 'starts', 'rate' );

	/**
	 * Adds the hooks.
	 *
	 * @since 1.3.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_pre_serve_request', array( self::class, 'serve_csv' ), 10, 4 );
	}

	/**
	 * Registers the route.
	 *
	 * @since 1.3.0
	 *
	 * @return void
	 */
	public function register_routes() {
		register_rest_route(
			Rest_Access::NAMESPACE_V1,
			'/funnel',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'rest_report' ),
					'permission_callback' => array( Rest_Access::class, 'can_manage' ),
					'args'                => Report_Range::args() + array(
						'format' => array(
							'description' => __( 'json, or csv for the table as a CSV file.', 'customer-chat-for-messenger' ),
							'type'        => 'string',
							'enum'        => array( 'json', 'csv' ),
							'default'     => 'json',
						),
					),
				),
				'schema' => Response_Schemas::callback( 'funnel' ),
			)
		);
	}

	/**
	 * Whether the webhook can confirm conversation starts: the App Secret
	 * (signatures) and the verify token (handshake) are saved.
	 *
	 * @since 1.3.0
	 *
	 * @return bool
	 */
	public static function connected() {
		return '' !== Secrets::secret( 'app_secret' ) && '' !== Secrets::secret( 'verify_token' );
	}

	/**
	 * GET /funnel.
	 *
	 * @since 1.3.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function rest_report( $request ) {
		$range = Report_Range::of( $request );
		if ( is_wp_error( $range ) ) {
			return $range;
		}
		list( $from, $to ) = $range;
		$report            = self::report( $from, $to );
		if ( 'csv' !== $request['format'] ) {
			return rest_ensure_response( $report );
		}
		$response = new \WP_REST_Response( self::csv( $report['rows'], $report['connected'] ) );
		$response->header( 'Content-Type', 'text/csv; charset=utf-8' );
		$response->header( 'Content-Disposition', 'attachment; filename="messenger-funnel-' . $report['from'] . '-' . $report['to'] . '.csv"' );
		$response->header( 'X-Content-Type-Options', 'nosniff' );
		return $response;
	}

	/**
	 * Prints the CSV as it is instead of JSON.
	 *
	 * @since 1.3.0
	 *
	 * @param bool              $served  Whether the request was served.
	 * @param \WP_HTTP_Response $result  Response.
	 * @param \WP_REST_Request  $request Request.
	 * @param \WP_REST_Server   $server  Server.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return bool
	 */
	public static function serve_csv( $served, $result, $request, $server ) {
		unset( $server );
		if ( $served || '/' . Rest_Access::NAMESPACE_V1 . '/funnel' !== $request->get_route() || 'csv' !== $request['format'] || 200 !== $result->get_status() || ! is_string( $result->get_data() ) ) {
			return $served;
		}
		echo $result->get_data(); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a CSV file (text/csv, nosniff), cells quoted by csv().
		return true;
	}

	/**
	 * The rows as CSV (RFC 4180, a header line). A cell a spreadsheet would
	 * read as a formula gets a leading apostrophe.
	 *
	 * @since 1.3.0
	 *
	 * @param list<array<string,int|float|string|null>> $rows      Rows of report().
	 * @param bool                                      $connected Whether starts are joined (else clicks alone).
	 * @return string
	 */
	public static function csv( array $rows, $connected ) {
		$columns = $connected ? self::COLUMNS : array_values( array_diff( self::COLUMNS, self::START_COLUMNS ) );
		$lines   = array( implode( ',', $columns ) );
		foreach ( $rows as $row ) {
			$cells = array();
			foreach ( $columns as $column ) {
				$cell = isset( $row[ $column ] ) ? (string) $row[ $column ] : '';
				if ( preg_match( '/^[=+\-@\t\r]/', $cell ) && ! is_numeric( $cell ) ) {
					$cell = "'" . $cell;
				}
				$cells[] = preg_match( '/[",\r\n\']/', $cell ) ? '"' . str_replace( '"', '""', $cell ) . '"' : $cell;
			}
			$lines[] = implode( ',', $cells );
		}
		return implode( "\r\n", $lines ) . "\r\n";
	}

	/**
	 * Conversion rate in percent, one decimal; null without clicks.
	 *
	 * @param int $starts Starts.
	 * @param int $clicks Clicks.
	 * @return float|null
	 */
	private static function rate( $starts, $clicks ) {
		return $clicks > 0 ? round( 100 * $starts / $clicks, 1 ) : null;
	}

	/**
	 * The path a page is joined by, and its title when it is a post.
	 *
	 * @param string $page Post ID or path.
	 * @return array{0:string,1:string}
	 */
	private static function page_of( $page ) {
		if ( ! ctype_digit( $page ) ) {
			return array( $page, '' );
		}
		$link = get_permalink( (int) $page );
		$path = $link ? wp_parse_url( $link, PHP_URL_PATH ) : null;
		return array( is_string( $path ) ? $path : $page, get_the_title( (int) $page ) );
	}

	/**
	 * The path of a start's page address when it is on this site, the
	 * address otherwise ('' for none).
	 *
	 * @param string $url Stored page_url.
	 * @return string
	 */
	private static function start_page( $url ) {
		if ( '' === $url ) {
			return '';
		}
		$host = wp_parse_url( $url, PHP_URL_HOST );
		$path = wp_parse_url( $url, PHP_URL_PATH );
		if ( is_string( $host ) && strtolower( $host ) === strtolower( (string) wp_parse_url( home_url(), PHP_URL_HOST ) ) ) {
			return is_string( $path ) && '' !== $path ? $path : '/';
		}
		return $url;
	}

	/**
	 * Conversation starts per local day, ref and page address, counted by
	 * the database: one query per stretch of constant UTC offset of the
	 * site's time zone.
	 *
	 * @since 1.3.0
	 *
	 * @param \DateTimeImmutable $from First day, midnight.
	 * @param \DateTimeImmutable $to   Last day, midnight.
	 * @return list<array{day:string,ref:string,page_url:string,starts:int}>
	 */
	public static function starts( \DateTimeImmutable $from, \DateTimeImmutable $to ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$table   = Conversation_Table::table();
		$begin   = $from->getTimestamp();
		$end_at  = $to->modify( '+1 day' )->getTimestamp();
		$changes = array_values( array_filter( (array) $from->getTimezone()->getTransitions( $begin, $end_at ), 'is_array' ) );
		$changes = $changes ? $changes : array(
			array(
				'ts'     => $begin,
				'offset' => $from->getOffset(),
			),
		);
		$out     = array();
		$count   = count( $changes );
		for ( $i = 0; $i < $count; $i++ ) {
			$start = max( $begin, (int) $changes[ $i ]['ts'] );
			$end   = $i + 1 < $count ? min( $end_at, (int) $changes[ $i + 1 ]['ts'] ) : $end_at;
			if ( $end <= $start ) {
				continue;
			}
			/**
			 * Starts per local day, ref and page (wpdb returns strings).
			 *
			 * @var list<array{day:string,ref:string,page_url:string,starts:string}>|null $rows
			 */
			$rows = $wpdb->get_results( $wpdb->prepare( "SELECT DATE(DATE_ADD(created_at, INTERVAL %d SECOND)) AS day, ref, page_url, COUNT(*) AS starts FROM {$table} WHERE created_at >= %s AND created_at < %s AND " . Conversation_Report::STARTS_WHERE . ' GROUP BY day, ref, page_url', (int) $changes[ $i ]['offset'], gmdate( 'Y-m-d H:i:s', $start ), gmdate( 'Y-m-d H:i:s', $end ) ), ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared
			foreach ( (array) $rows as $row ) {
				$out[] = array(
					'day'      => (string) $row['day'],
					'ref'      => (string) $row['ref'],
					'page_url' => (string) $row['page_url'],
					'starts'   => (int) $row['starts'],
				);
			}
		}
		return $out;
	}

	/**
	 * The funnel between two days (inclusive, site time zone).
	 *
	 * @since 1.3.0
	 *
	 * @param \DateTimeImmutable $from First day, midnight.
	 * @param \DateTimeImmutable $to   Last day, midnight.
	 * @return array{from:string,to:string,connected:bool,truncated:bool,totals:array{clicks:int,starts:int,rate:float|null},per_day:list<array{day:string,clicks:int,starts:int}>,per_ref:list<array{ref:string,clicks:int,starts:int,rate:float|null}>,rows:list<array{day:string,page:string,title:string,ref:string,clicks:int,chat:int,link:int,starts:int,rate:float|null}>}
	 */
	public static function report( \DateTimeImmutable $from, \DateTimeImmutable $to ) {
		$connected = self::connected();
		$merged    = array();
		$pages     = array();
		foreach ( Click_Store::counts( $from->format( 'Y-m-d' ), $to->format( 'Y-m-d' ) ) as $click ) {
			if ( ! isset( $pages[ $click['page'] ] ) ) {
				$pages[ $click['page'] ] = self::page_of( $click['page'] );
			}
			list( $path, $title ) = $pages[ $click['page'] ];
			$key                  = $click['day'] . "\n" . $path . "\n" . $click['ref'];
			if ( ! isset( $merged[ $key ] ) ) {
				$merged[ $key ] = array(
					'day'    => $click['day'],
					'page'   => $path,
					'title'  => $title,
					'ref'    => $click['ref'],
					'clicks' => 0,
					'chat'   => 0,
					'link'   => 0,
					'starts' => 0,
					'rate'   => null,
				);
			}
			$merged[ $key ]['clicks'] += $click['clicks'];
			$merged[ $key ]['chat']   += $click['chat'];
			$merged[ $key ]['link']   += $click['clicks'] - $click['chat'];
		}
		// Without a connection there are no starts to join: clicks alone.
		foreach ( $connected ? self::starts( $from, $to ) : array() as $start ) {
			$path = self::start_page( $start['page_url'] );
			$key  = $start['day'] . "\n" . $path . "\n" . $start['ref'];
			if ( ! isset( $merged[ $key ] ) ) {
				$merged[ $key ] = array(
					'day'    => $start['day'],
					'page'   => $path,
					'title'  => '',
					'ref'    => $start['ref'],
					'clicks' => 0,
					'chat'   => 0,
					'link'   => 0,
					'starts' => 0,
					'rate'   => null,
				);
			}
			$merged[ $key ]['starts'] += $start['starts'];
		}
		$per_day = array();
		for ( $day = $from; $day <= $to; $day = $day->modify( '+1 day' ) ) {
			$per_day[ $day->format( 'Y-m-d' ) ] = array(
				'day'    => $day->format( 'Y-m-d' ),
				'clicks' => 0,
				'starts' => 0,
			);
		}
		$per_ref = array();
		$totals  = array(
			'clicks' => 0,
			'starts' => 0,
		);
		foreach ( $merged as $key => $row ) {
			$merged[ $key ]['rate'] = self::rate( $row['starts'], $row['clicks'] );
			if ( isset( $per_day[ $row['day'] ] ) ) {
				$per_day[ $row['day'] ]['clicks'] += $row['clicks'];
				$per_day[ $row['day'] ]['starts'] += $row['starts'];
			}
			if ( ! isset( $per_ref[ $row['ref'] ] ) ) {
				$per_ref[ $row['ref'] ] = array(
					'ref'    => $row['ref'],
					'clicks' => 0,
					'starts' => 0,
					'rate'   => null,
				);
			}
			$per_ref[ $row['ref'] ]['clicks'] += $row['clicks'];
			$per_ref[ $row['ref'] ]['starts'] += $row['starts'];
			$totals['clicks']                 += $row['clicks'];
			$totals['starts']                 += $row['starts'];
		}
		foreach ( $per_ref as $ref => $row ) {
			$per_ref[ $ref ]['rate'] = self::rate( $row['starts'], $row['clicks'] );
		}
		$rows = array_values( $merged );
		usort(
			$rows,
			static function ( $a, $b ) {
				return array( $b['day'], $b['clicks'], $b['starts'], $a['page'], $a['ref'] ) <=> array( $a['day'], $a['clicks'], $a['starts'], $b['page'], $b['ref'] );
			}
		);
		$per_ref = array_values( $per_ref );
		usort(
			$per_ref,
			static function ( $a, $b ) {
				return array( $b['clicks'], $b['starts'], $a['ref'] ) <=> array( $a['clicks'], $a['starts'], $b['ref'] );
			}
		);
		return array(
			'from'      => $from->format( 'Y-m-d' ),
			'to'        => $to->format( 'Y-m-d' ),
			'connected' => $connected,
			'truncated' => count( $rows ) > self::MAX_ROWS,
			'totals'    => $totals + array( 'rate' => self::rate( $totals['starts'], $totals['clicks'] ) ),
			'per_day'   => array_values( $per_day ),
			'per_ref'   => $per_ref,
			'rows'      => array_slice( $rows, 0, self::MAX_ROWS ),
		);
	}
}
