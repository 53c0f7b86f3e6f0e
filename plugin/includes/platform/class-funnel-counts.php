<?php
/**
 * The funnel's figures as the database counts them: clicks from the daily
 * click counts (ccfm_clicks) and conversation starts from their daily totals
 * (ccfm_conversation_days), each grouped, ordered and LIMITed in SQL, so PHP
 * only ever holds a bounded number of rows (Funnel_Report joins them).
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

defined( 'ABSPATH' ) || exit;

/**
 * Aggregated, bounded reads of clicks and starts between two days.
 *
 * @since 1.0.0
 */
final class Funnel_Counts {

	/**
	 * The days condition (inclusive), for a table with a `day` column.
	 *
	 * @param string $from First day, YYYY-MM-DD.
	 * @param string $to   Last day, YYYY-MM-DD.
	 * @return string
	 */
	private static function days( $from, $to ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		return (string) $wpdb->prepare( 'day >= %s AND day <= %s', $from, $to );
	}

	/**
	 * The index hint for reading many days of clicks: ccfm_clicks is keyed
	 * by a hash, so walking its day index over months of rows costs a random
	 * read a row; one sequential pass over the table is several times
	 * faster. A short range keeps the index.
	 *
	 * @param string $from First day, YYYY-MM-DD.
	 * @param string $to   Last day, YYYY-MM-DD.
	 * @return string
	 */
	private static function scan( $from, $to ) {
		$days = ( (int) strtotime( $to . ' UTC' ) - (int) strtotime( $from . ' UTC' ) ) / DAY_IN_SECONDS;
		return $days > 62 ? ' IGNORE INDEX (day)' : '';
	}

	/**
	 * Clicks and starts per day (only days that have any), and how many
	 * stored rows each day has of each (at least its rows in the table:
	 * what Funnel_Report needs to choose the days it lists in full).
	 *
	 * @since 1.0.0
	 *
	 * @param string $from        First day, YYYY-MM-DD.
	 * @param string $to          Last day, YYYY-MM-DD.
	 * @param bool   $with_starts Whether to count starts.
	 * @return array<string,array{clicks:int,starts:int,rows:int}> By day.
	 */
	public static function per_day( $from, $to, $with_starts ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$days    = self::days( $from, $to );
		$queries = array( 'clicks' => 'SELECT day, SUM(clicks) AS n, COUNT(*) AS r FROM ' . Click_Store::table() . self::scan( $from, $to ) . " WHERE {$days} GROUP BY day" );
		if ( $with_starts ) {
			$queries['starts'] = 'SELECT day, SUM(starts) AS n, COUNT(*) AS r FROM ' . Conversation_Rollup::table() . " WHERE {$days} GROUP BY day";
		}
		$out = array();
		foreach ( $queries as $column => $sql ) {
			/**
			 * Sums and row counts per day (wpdb returns strings).
			 *
			 * @var list<array{day:string,n:string,r:string}>|null $rows
			 */
			$rows = $wpdb->get_results( $sql, ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
			foreach ( (array) $rows as $row ) {
				if ( ! isset( $out[ $row['day'] ] ) ) {
					$out[ $row['day'] ] = array(
						'clicks' => 0,
						'starts' => 0,
						'rows'   => 0,
					);
				}
				$out[ $row['day'] ][ $column ] = (int) $row['n'];
				$out[ $row['day'] ]['rows']   += (int) $row['r'];
			}
		}
		return $out;
	}

	/**
	 * Clicks and starts per ref, for the refs with the most clicks and the
	 * refs with the most starts ($limit of each); each listed ref's clicks
	 * and starts are its full counts.
	 *
	 * @since 1.0.0
	 *
	 * @param string $from        First day, YYYY-MM-DD.
	 * @param string $to          Last day, YYYY-MM-DD.
	 * @param bool   $with_starts Whether to count starts.
	 * @param int    $limit       Refs of each kind.
	 * @return array<string,array{clicks:int,starts:int}> By ref.
	 */
	public static function per_ref( $from, $to, $with_starts, $limit ) {
		$clicks = self::sum_by_ref( Click_Store::table(), 'clicks', $from, $to, $limit, array() );
		$starts = $with_starts ? self::sum_by_ref( Conversation_Rollup::table(), 'starts', $from, $to, $limit, array() ) : array();
		// A list that was cut may lack the other count of a listed ref: ask for those alone.
		if ( count( $clicks ) >= $limit ) {
			$missing = array_values( array_diff( array_map( 'strval', array_keys( $starts ) ), array_map( 'strval', array_keys( $clicks ) ) ) );
			$clicks += $missing ? self::sum_by_ref( Click_Store::table(), 'clicks', $from, $to, $limit, $missing ) : array();
		}
		if ( $with_starts && count( $starts ) >= $limit ) {
			$missing = array_values( array_diff( array_map( 'strval', array_keys( $clicks ) ), array_map( 'strval', array_keys( $starts ) ) ) );
			$starts += $missing ? self::sum_by_ref( Conversation_Rollup::table(), 'starts', $from, $to, $limit, $missing ) : array();
		}
		$out = array();
		foreach ( array_unique( array_merge( array_map( 'strval', array_keys( $clicks ) ), array_map( 'strval', array_keys( $starts ) ) ) ) as $ref ) {
			$out[ $ref ] = array(
				'clicks' => isset( $clicks[ $ref ] ) ? $clicks[ $ref ] : 0,
				'starts' => isset( $starts[ $ref ] ) ? $starts[ $ref ] : 0,
			);
		}
		return $out;
	}

	/**
	 * A column summed per ref, most first: the top $limit, or the given refs.
	 *
	 * @param string   $table  Table.
	 * @param string   $column clicks or starts.
	 * @param string   $from   First day.
	 * @param string   $to     Last day.
	 * @param int      $limit  Rows at most.
	 * @param string[] $refs   Only these refs (none: any).
	 * @phpstan-param list<string> $refs
	 * @return array<string,int> By ref.
	 */
	private static function sum_by_ref( $table, $column, $from, $to, $limit, array $refs ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$where = self::days( $from, $to );
		if ( $refs ) {
			$where .= $wpdb->prepare( ' AND ref IN (' . implode( ',', array_fill( 0, count( $refs ), '%s' ) ) . ')', $refs ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQLPlaceholders.UnfinishedPrepare
		}
		$column = 'starts' === $column ? 'starts' : 'clicks';
		$limit  = max( 1, (int) $limit );
		$hint   = 'clicks' === $column ? self::scan( $from, $to ) : '';
		/**
		 * Sums per ref (wpdb returns strings).
		 *
		 * @var list<array{ref:string,n:string}>|null $rows
		 */
		$rows = $wpdb->get_results( "SELECT ref, SUM({$column}) AS n FROM {$table}{$hint} WHERE {$where} GROUP BY ref ORDER BY n DESC, ref ASC LIMIT {$limit}", ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[ (string) $row['ref'] ] = (int) $row['n'];
		}
		return $out;
	}

	/**
	 * Clicks per day, page and ref (the Chat Plugin path apart): the most
	 * recent days first, then the most clicks; $limit rows at most.
	 *
	 * @since 1.0.0
	 *
	 * @param string $from  First day, YYYY-MM-DD.
	 * @param string $to    Last day, YYYY-MM-DD.
	 * @param int    $limit Rows at most.
	 * @return list<array{day:string,page:string,ref:string,clicks:int,chat:int}>
	 */
	public static function click_rows( $from, $to, $limit ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$table = Click_Store::table();
		$days  = self::days( $from, $to );
		$limit = max( 1, (int) $limit );
		/**
		 * Rows (wpdb returns strings).
		 *
		 * @var list<array{day:string,page:string,ref:string,clicks:string,chat:string}>|null $rows
		 */
		$rows = $wpdb->get_results( "SELECT day, page, ref, SUM(clicks) AS clicks, SUM(CASE WHEN path = 'chat' THEN clicks ELSE 0 END) AS chat FROM {$table} WHERE {$days} GROUP BY day, page, ref ORDER BY day DESC, clicks DESC, page ASC, ref ASC LIMIT {$limit}", ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[] = array(
				'day'    => (string) $row['day'],
				'page'   => (string) $row['page'],
				'ref'    => (string) $row['ref'],
				'clicks' => (int) $row['clicks'],
				'chat'   => (int) $row['chat'],
			);
		}
		return $out;
	}

	/**
	 * Conversation starts per local day, ref and page address: the most
	 * recent days first, then the most starts; $limit rows at most.
	 *
	 * @since 1.0.0
	 *
	 * @param string $from  First day, YYYY-MM-DD.
	 * @param string $to    Last day, YYYY-MM-DD.
	 * @param int    $limit Rows at most.
	 * @return list<array{day:string,ref:string,page_url:string,starts:int}>
	 */
	public static function start_rows( $from, $to, $limit ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$table = Conversation_Rollup::table();
		$days  = self::days( $from, $to );
		$limit = max( 1, (int) $limit );
		/**
		 * Rows (wpdb returns strings).
		 *
		 * @var list<array{day:string,ref:string,page_url:string,starts:string}>|null $rows
		 */
		$rows = $wpdb->get_results( "SELECT day, ref, page_url, SUM(starts) AS starts FROM {$table} WHERE {$days} GROUP BY day, ref, page_url ORDER BY day DESC, starts DESC, MIN(first_id) ASC LIMIT {$limit}", ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.PreparedSQL.NotPrepared
		$out  = array();
		foreach ( (array) $rows as $row ) {
			$out[] = array(
				'day'      => (string) $row['day'],
				'ref'      => (string) $row['ref'],
				'page_url' => (string) $row['page_url'],
				'starts'   => (int) $row['starts'],
			);
		}
		return $out;
	}
}
