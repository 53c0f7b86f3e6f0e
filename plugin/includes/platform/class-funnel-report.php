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
 * @since 1.0.0
 */
final class Funnel_Report {

	/**
	 * Rows the table lists at most (most recent days first, then most clicks).
	 */
	const MAX_ROWS = 2000;

	/**
	 * Refs listed at most (the most clicks, then the most starts).
	 */
	const REF_LIMIT = 100;

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
	 * @since 1.0.0
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
	 * @since 1.0.0
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
	 * @since 1.0.0
	 *
	 * @return bool
	 */
	public static function connected() {
		return '' !== Secrets::secret( 'app_secret' ) && '' !== Secrets::secret( 'verify_token' );
	}

	/**
	 * GET /funnel.
	 *
	 * @since 1.0.0
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
	 * @since 1.0.0
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
	 * Whether a spreadsheet could read a text cell as a formula: it starts
	 * with = + - @, a tab or a CR, or one of = + - @ follows a semicolon, a
	 * tab or a line break inside it (Excel in German or French settings
	 * splits a line on ";", so "/x;=1+1" would become a formula cell). A
	 * number as text ("-5", "12.5") is left a number.
	 *
	 * @since 1.0.0
	 *
	 * @param string $cell Cell text.
	 * @return bool
	 */
	public static function is_formula( $cell ) {
		if ( 1 === preg_match( '/^-?\d+(\.\d+)?$/', $cell ) ) {
			return false;
		}
		return 1 === preg_match( '/^[=+\-@\t\r]|[;\t\r\n][=+\-@]/', $cell );
	}

	/**
	 * The rows as CSV (RFC 4180, a header line). A cell a spreadsheet would
	 * read as a formula gets a leading apostrophe (is_formula()); a cell with
	 * a comma, a semicolon, a quote, a tab or a line break is quoted.
	 *
	 * @since 1.0.0
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
				$value = isset( $row[ $column ] ) ? $row[ $column ] : '';
				$cell  = (string) $value;
				if ( ! is_int( $value ) && ! is_float( $value ) && self::is_formula( $cell ) ) {
					$cell = "'" . $cell;
				}
				$cells[] = preg_match( '/[",;\t\r\n\']/', $cell ) ? '"' . str_replace( '"', '""', $cell ) . '"' : $cell;
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
	 * A post's title as plain text: get_the_title() is HTML (texturized
	 * "Tom&#8217;s", entities, tags), the JSON and the CSV carry text.
	 *
	 * @since 1.0.0
	 *
	 * @param int $post_id Post ID.
	 * @return string
	 */
	public static function plain_title( $post_id ) {
		if ( ! get_post( $post_id ) ) {
			return '';
		}
		return trim( html_entity_decode( wp_strip_all_tags( get_the_title( $post_id ) ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
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
		return array( is_string( $path ) ? $path : $page, self::plain_title( (int) $page ) );
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
	 * The funnel between two days (inclusive, site time zone).
	 *
	 * Every figure is counted by the database from daily aggregates, with
	 * the LIMIT in SQL (Funnel_Counts): the days (and the totals from them)
	 * over the whole range, the REF_LIMIT refs with the most clicks and with
	 * the most starts, and the rows of the most recent days whose stored
	 * rows fit in MAX_ROWS (each day's row count bounds the rows it adds),
	 * read for those days alone and LIMITed. PHP joins those bounded rows by
	 * page path. When days were left out, `truncated` says so; a listed day
	 * is never listed in part, unless one day alone has more rows than
	 * MAX_ROWS.
	 *
	 * @since 1.0.0
	 *
	 * @param \DateTimeImmutable $from First day, midnight.
	 * @param \DateTimeImmutable $to   Last day, midnight.
	 * @return array{from:string,to:string,connected:bool,truncated:bool,preparing:int|null,totals:array{clicks:int,starts:int,rate:float|null},per_day:list<array{day:string,clicks:int,starts:int}>,per_ref:list<array{ref:string,clicks:int,starts:int,rate:float|null}>,rows:list<array{day:string,page:string,title:string,ref:string,clicks:int,chat:int,link:int,starts:int,rate:float|null}>}
	 */
	public static function report( \DateTimeImmutable $from, \DateTimeImmutable $to ) {
		$connected = self::connected();
		$first     = $from->format( 'Y-m-d' );
		$last      = $to->format( 'Y-m-d' );
		$preparing = $connected ? Conversation_Rollup::preparing() : null;
		$counts    = Funnel_Counts::per_day( $first, $last, $connected );

		// The most recent days whose stored rows fit in the table are listed
		// in full; each day's row count bounds the rows it adds.
		krsort( $counts );
		$since = $first;
		$held  = 0;
		$cut   = false;
		foreach ( $counts as $day => $count ) {
			if ( $held + $count['rows'] > self::MAX_ROWS ) {
				$cut   = true;
				$since = 0 === $held ? (string) $day : $since; // One day alone is more than the table: its first rows.
				break;
			}
			$held += $count['rows'];
			$since = (string) $day;
		}
		$since  = $cut ? $since : $first;
		$clicks = Funnel_Counts::click_rows( $since, $last, self::MAX_ROWS + 1 );
		// Without a connection there are no starts to join: clicks alone.
		$starts    = $connected ? Funnel_Counts::start_rows( $since, $last, self::MAX_ROWS + 1 ) : array();
		$truncated = $cut || count( $clicks ) > self::MAX_ROWS || count( $starts ) > self::MAX_ROWS;

		$ids = array();
		foreach ( $clicks as $click ) {
			if ( ctype_digit( $click['page'] ) ) {
				$ids[] = (int) $click['page'];
			}
		}
		if ( $ids ) {
			_prime_post_caches( array_values( array_unique( $ids ) ), false, false );
		}

		$merged = array();
		$pages  = array();
		foreach ( $clicks as $click ) {
			if ( ! isset( $pages[ $click['page'] ] ) ) {
				$pages[ $click['page'] ] = self::page_of( $click['page'] );
			}
			list( $path, $title ) = $pages[ $click['page'] ];
			$key                  = $click['day'] . "\n" . $path . "\n" . $click['ref'];
			if ( ! isset( $merged[ $key ] ) ) {
				$merged[ $key ] = self::row( $click['day'], $path, $title, $click['ref'] );
			}
			$merged[ $key ]['clicks'] += $click['clicks'];
			$merged[ $key ]['chat']   += $click['chat'];
			$merged[ $key ]['link']   += $click['clicks'] - $click['chat'];
		}
		foreach ( $starts as $start ) {
			$path = self::start_page( $start['page_url'] );
			$key  = $start['day'] . "\n" . $path . "\n" . $start['ref'];
			if ( ! isset( $merged[ $key ] ) ) {
				$merged[ $key ] = self::row( $start['day'], $path, '', $start['ref'] );
			}
			$merged[ $key ]['starts'] += $start['starts'];
		}
		$rows = array();
		foreach ( $merged as $row ) {
			$row['rate'] = self::rate( $row['starts'], $row['clicks'] );
			$rows[]      = $row;
		}
		usort(
			$rows,
			static function ( $a, $b ) {
				return array( $b['day'], $b['clicks'], $b['starts'], $a['page'], $a['ref'] ) <=> array( $a['day'], $a['clicks'], $a['starts'], $b['page'], $b['ref'] );
			}
		);
		$truncated = $truncated || count( $rows ) > self::MAX_ROWS;

		$totals  = array(
			'clicks' => 0,
			'starts' => 0,
		);
		$per_day = array();
		for ( $day = $from; $day <= $to; $day = $day->modify( '+1 day' ) ) {
			$key               = $day->format( 'Y-m-d' );
			$per_day[]         = array(
				'day'    => $key,
				'clicks' => isset( $counts[ $key ] ) ? $counts[ $key ]['clicks'] : 0,
				'starts' => isset( $counts[ $key ] ) ? $counts[ $key ]['starts'] : 0,
			);
			$totals['clicks'] += isset( $counts[ $key ] ) ? $counts[ $key ]['clicks'] : 0;
			$totals['starts'] += isset( $counts[ $key ] ) ? $counts[ $key ]['starts'] : 0;
		}
		$per_ref = array();
		foreach ( Funnel_Counts::per_ref( $first, $last, $connected, 10 * self::REF_LIMIT ) as $ref => $row ) {
			$per_ref[] = array(
				'ref'    => (string) $ref,
				'clicks' => $row['clicks'],
				'starts' => $row['starts'],
				'rate'   => self::rate( $row['starts'], $row['clicks'] ),
			);
		}
		usort(
			$per_ref,
			static function ( $a, $b ) {
				return array( $b['clicks'], $b['starts'], $a['ref'] ) <=> array( $a['clicks'], $a['starts'], $b['ref'] );
			}
		);
		return array(
			'from'      => $first,
			'to'        => $last,
			'connected' => $connected,
			'truncated' => $truncated,
			'preparing' => $preparing,
			'totals'    => $totals + array( 'rate' => self::rate( $totals['starts'], $totals['clicks'] ) ),
			'per_day'   => $per_day,
			'per_ref'   => array_slice( $per_ref, 0, self::REF_LIMIT ),
			'rows'      => array_slice( $rows, 0, self::MAX_ROWS ),
		);
	}

	/**
	 * An empty row of the table.
	 *
	 * @param string $day   Day.
	 * @param string $page  Path.
	 * @param string $title Title.
	 * @param string $ref   Ref.
	 * @return array{day:string,page:string,title:string,ref:string,clicks:int,chat:int,link:int,starts:int,rate:float|null}
	 */
	private static function row( $day, $page, $title, $ref ) {
		return array(
			'day'    => $day,
			'page'   => $page,
			'title'  => $title,
			'ref'    => $ref,
			'clicks' => 0,
			'chat'   => 0,
			'link'   => 0,
			'starts' => 0,
			'rate'   => null,
		);
	}
}
