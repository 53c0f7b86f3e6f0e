<?php
/**
 * The daily totals of conversation starts: the ccfm_conversation_days table
 * (local day × ref × page × source → starts), counted when a new start is
 * stored, and rebuilt from the raw events in batches (cron) on upgrade and
 * when the site's time zone changes.
 *
 * Who counts which event, without counting one twice: the state option
 * names the id range [from, upto] of raw events the batches count and how
 * far they got (done). A start stored later (id > upto) is counted as it
 * arrives; one inside the range is left to the batches. Counting an event,
 * a batch and a restart each hold one database lock (GET_LOCK), so a start
 * that arrives while a rebuild begins is counted exactly once.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

use CCFM\Stored_Data;

defined( 'ABSPATH' ) || exit;

/**
 * Daily totals of conversation starts.
 *
 * @since 1.0.0
 *
 * @phpstan-type RollupState array{zone:string,from:int,upto:int,done:int}
 */
final class Conversation_Rollup {

	const OPTION = Stored_Data::ROLLUP_OPTION;

	const CRON_HOOK = Stored_Data::ROLLUP_HOOK;

	/**
	 * Raw event ids one batch reads (a primary-key range).
	 */
	const BATCH = 25000;

	/**
	 * Seconds one cron run spends on batches before it hands over to the next run.
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
		add_action( self::CRON_HOOK, array( self::class, 'run' ) );
		// Days are the site's local days: another time zone rebuilds them.
		add_action( 'update_option_timezone_string', array( self::class, 'maybe_restart' ) );
		add_action( 'update_option_gmt_offset', array( self::class, 'maybe_restart' ) );
		add_action( 'add_option_timezone_string', array( self::class, 'maybe_restart' ) );
		add_action( 'add_option_gmt_offset', array( self::class, 'maybe_restart' ) );
	}

	/**
	 * The table name.
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public static function table() {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		return $wpdb->prefix . Stored_Data::CONVERSATION_DAYS_TABLE;
	}

	/**
	 * The CREATE TABLE statement for dbDelta (Conversation_Table::install()).
	 * row_key is the SHA-1 of day, ref, page and source (one short unique key
	 * instead of a composite one over a 2,048-character address), behind the
	 * day in the primary key so a range of days is one sequential read of
	 * the clustered index; first_id the first raw event counted in the row,
	 * so lists keep "first seen first" on a tie.
	 *
	 * @since 1.0.0
	 *
	 * @param string $charset Charset and collation clause.
	 * @return string
	 */
	public static function schema( $charset ) {
		$table = self::table();
		return "CREATE TABLE {$table} (
  row_key char(40) NOT NULL,
  day date NOT NULL,
  ref varchar(255) NOT NULL DEFAULT '',
  page_url varchar(2048) NOT NULL DEFAULT '',
  source varchar(40) NOT NULL DEFAULT '',
  starts int(10) unsigned NOT NULL DEFAULT 0,
  first_id bigint(20) unsigned NOT NULL DEFAULT 0,
  PRIMARY KEY  (day,row_key)
) {$charset};";
	}

	/**
	 * The time zone the days are counted in (Settings → General): a named
	 * zone, or a fixed offset such as +05:30.
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public static function zone() {
		return wp_timezone()->getName();
	}

	/**
	 * The stored state, read from the database itself (not a cache another
	 * process may have made stale); null before the first rollup.
	 *
	 * @since 1.0.0
	 *
	 * @phpstan-return RollupState|null
	 * @return array<string,int|string>|null
	 */
	public static function state() {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$raw   = $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", self::OPTION ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$state = is_string( $raw ) ? json_decode( $raw, true ) : null;
		if ( ! is_array( $state ) || ! isset( $state['zone'], $state['from'], $state['upto'], $state['done'] ) || ! is_string( $state['zone'] ) || ! is_int( $state['from'] ) || ! is_int( $state['upto'] ) || ! is_int( $state['done'] ) ) {
			return null;
		}
		return array(
			'zone' => $state['zone'],
			'from' => $state['from'],
			'upto' => $state['upto'],
			'done' => $state['done'],
		);
	}

	/**
	 * Stores the state (JSON, not autoloaded).
	 *
	 * @phpstan-param RollupState $state
	 * @param array<string,int|string> $state State.
	 * @return void
	 */
	private static function save_state( array $state ) {
		update_option( self::OPTION, (string) wp_json_encode( $state ), false );
	}

	/**
	 * How far the rebuild of the totals is, in percent (0–99); null when the
	 * totals are complete. A time zone that differs from the totals' starts
	 * their rebuild here (a quick step; the counting runs in cron).
	 *
	 * @since 1.0.0
	 *
	 * @return int|null
	 */
	public static function preparing() {
		$state = self::state();
		if ( null === $state || self::zone() !== $state['zone'] ) {
			self::restart();
			$state = self::state();
		}
		if ( null === $state || $state['done'] >= $state['upto'] ) {
			return null;
		}
		self::schedule();
		$span = max( 1, $state['upto'] - $state['from'] + 1 );
		return (int) min( 99, floor( 100 * max( 0, $state['done'] - $state['from'] + 1 ) / $span ) );
	}

	/**
	 * Rebuilds the totals when the site's time zone is not theirs (the time
	 * zone options changed).
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function maybe_restart() {
		$state = self::state();
		if ( null === $state || self::zone() !== $state['zone'] ) {
			self::restart();
		}
	}

	/**
	 * Starts counting the totals again from the raw events: empties the
	 * table, names the id range the batches will count and schedules them.
	 * Quick whatever the number of events (two queries and a TRUNCATE).
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function restart() {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$locked = self::lock();
		$raw    = Conversation_Table::table();
		$range  = $wpdb->get_row( "SELECT MIN(id) AS lo, MAX(id) AS hi FROM {$raw}", ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$lo     = is_array( $range ) && is_numeric( $range['lo'] ) ? (int) $range['lo'] : 1;
		$hi     = is_array( $range ) && is_numeric( $range['hi'] ) ? (int) $range['hi'] : 0;
		$wpdb->query( 'TRUNCATE TABLE ' . self::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		self::save_state(
			array(
				'zone' => self::zone(),
				'from' => $lo,
				'upto' => $hi,
				'done' => $lo - 1,
			)
		);
		if ( $locked ) {
			self::unlock();
		}
		if ( $hi >= $lo ) {
			self::schedule();
		}
	}

	/**
	 * Schedules the next batch run unless one is scheduled.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function schedule() {
		if ( ! wp_next_scheduled( self::CRON_HOOK ) ) {
			wp_schedule_single_event( time(), self::CRON_HOOK );
		}
	}

	/**
	 * Counts one new conversation start as it is stored (the INSERT inserted
	 * it: a retry never gets here). Left to the batches when a rebuild covers
	 * its id.
	 *
	 * @since 1.0.0
	 *
	 * @param int                      $id  The raw event's id.
	 * @param array<string,string|int> $row Its columns (created_at in UTC, ref, page_url, source).
	 * @return bool Whether it was counted here.
	 */
	public static function count_start( $id, array $row ) {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$locked = self::lock();
		$state  = self::state();
		if ( null === $state || self::zone() !== $state['zone'] ) {
			if ( $locked ) {
				self::unlock();
			}
			self::restart(); // Counts this event with the others.
			return false;
		}
		$counted = false;
		if ( $id > $state['upto'] ) {
			$at      = new \DateTimeImmutable( (string) $row['created_at'], new \DateTimeZone( 'UTC' ) );
			$day     = $at->setTimezone( wp_timezone() )->format( 'Y-m-d' );
			$ref     = isset( $row['ref'] ) ? (string) $row['ref'] : '';
			$page    = isset( $row['page_url'] ) ? (string) $row['page_url'] : '';
			$source  = isset( $row['source'] ) ? (string) $row['source'] : '';
			$table   = self::table();
			$key     = sha1( $day . "\n" . $ref . "\n" . $page . "\n" . $source );
			$counted = false !== $wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (row_key, day, ref, page_url, source, starts, first_id) VALUES (%s, %s, %s, %s, %s, 1, %d) ON DUPLICATE KEY UPDATE starts = starts + 1, first_id = LEAST(first_id, VALUES(first_id))", $key, $day, $ref, $page, $source, $id ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		if ( $locked ) {
			self::unlock();
		}
		return $counted;
	}

	/**
	 * The cron run: batches until the totals are complete or RUN_SECONDS
	 * have passed; then another run is scheduled.
	 *
	 * @since 1.0.0
	 *
	 * @return int Batches done.
	 */
	public static function run() {
		$started = microtime( true );
		$batches = 0;
		do {
			$more = self::batch();
			++$batches;
		} while ( $more && microtime( true ) - $started < self::RUN_SECONDS );
		if ( $more ) {
			self::schedule();
		}
		return $batches;
	}

	/**
	 * Counts the next BATCH ids of the rebuild's range into the totals, in
	 * one INSERT … SELECT … GROUP BY (the database shifts each event to the
	 * site's local day, DST changes included), and moves the state on.
	 *
	 * @since 1.0.0
	 *
	 * @return bool Whether ids remain.
	 */
	public static function batch() {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		if ( ! self::lock() ) {
			return true; // Another batch or a start holds the lock: the next run goes on.
		}
		$state = self::state();
		if ( null === $state || self::zone() !== $state['zone'] ) {
			self::unlock();
			self::restart();
			return true;
		}
		if ( $state['done'] >= $state['upto'] ) {
			self::unlock();
			return false;
		}
		$raw   = Conversation_Table::table();
		$lo    = $state['done'] + 1;
		$hi    = min( $state['upto'], $state['done'] + self::BATCH );
		$where = $wpdb->prepare( 'id >= %d AND id <= %d AND ', $lo, $hi ) . Conversation_Report::STARTS_WHERE;
		$span  = $wpdb->get_row( "SELECT MIN(created_at) AS first_at, MAX(created_at) AS last_at FROM {$raw} WHERE {$where}", ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$ok    = true;
		if ( is_array( $span ) && is_string( $span['first_at'] ) && is_string( $span['last_at'] ) ) {
			$offset = self::offset_sql( strtotime( $span['first_at'] . ' UTC' ), strtotime( $span['last_at'] . ' UTC' ) + 1 );
			$table  = self::table();
			$ok     = false !== $wpdb->query( "INSERT INTO {$table} (row_key, day, ref, page_url, source, starts, first_id) SELECT SHA1(CONCAT_WS(CHAR(10), day, ref, page_url, source)), day, ref, page_url, source, COUNT(*), MIN(id) FROM (SELECT id, DATE(DATE_ADD(created_at, INTERVAL {$offset} SECOND)) AS day, ref, page_url, source FROM {$raw} WHERE {$where}) AS events GROUP BY day, ref, page_url, source ON DUPLICATE KEY UPDATE starts = starts + VALUES(starts), first_id = LEAST(first_id, VALUES(first_id))" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		}
		if ( $ok ) {
			$state['done'] = $hi;
			self::save_state( $state );
		}
		self::unlock();
		return $ok && $hi < $state['upto'];
	}

	/**
	 * Runs the batches to the end in this process (tests, the bench, WP-CLI).
	 *
	 * @since 1.0.0
	 *
	 * @return int Batches done.
	 */
	public static function run_to_end() {
		$batches = 0;
		do {
			$more = self::batch();
			++$batches;
		} while ( $more );
		return $batches;
	}

	/**
	 * The site's UTC offset in seconds as SQL over created_at, for events
	 * between two instants: one number, or a CASE over the DST changes.
	 *
	 * @param int|false $first First instant (Unix time).
	 * @param int|false $last  Instant after the last one.
	 * @return string
	 */
	private static function offset_sql( $first, $last ) {
		$zone  = wp_timezone();
		$first = false === $first ? time() : $first;
		$last  = false === $last ? $first + 1 : max( $first + 1, $last );
		// False for a fixed offset such as +05:30.
		$changes = array_values( array_filter( (array) $zone->getTransitions( $first, $last ), 'is_array' ) );
		if ( count( $changes ) < 2 ) {
			return (string) ( $changes ? (int) $changes[0]['offset'] : ( new \DateTimeImmutable( '@' . $first ) )->setTimezone( $zone )->getOffset() );
		}
		$sql   = 'CASE';
		$count = count( $changes );
		for ( $i = 1; $i < $count; $i++ ) {
			$sql .= " WHEN created_at < '" . gmdate( 'Y-m-d H:i:s', (int) $changes[ $i ]['ts'] ) . "' THEN " . (int) $changes[ $i - 1 ]['offset'];
		}
		return $sql . ' ELSE ' . (int) $changes[ $count - 1 ]['offset'] . ' END';
	}

	/**
	 * Deletes the days older than the retention period, 5,000 rows a query
	 * (daily cron).
	 *
	 * @since 1.0.0
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
		$table   = self::table();
		$cutoff  = current_datetime()->modify( '-' . Secrets::retention_days() . ' days' )->format( 'Y-m-d' );
		$deleted = 0;
		do {
			$batch    = (int) $wpdb->query( $wpdb->prepare( "DELETE FROM {$table} WHERE day < %s LIMIT 5000", $cutoff ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
			$deleted += $batch;
		} while ( 5000 === $batch );
		return $deleted;
	}

	/**
	 * The name of this site's lock (at most 64 characters).
	 *
	 * @return string
	 */
	private static function lock_name() {
		// Locks are per database server: the site's address keeps sites apart.
		$site = get_option( 'siteurl' );
		return 'ccfm_rollup_' . md5( ( is_string( $site ) ? $site : '' ) . '|' . self::table() );
	}

	/**
	 * Takes the lock (waits up to 5 s).
	 *
	 * @return bool Whether it was taken.
	 */
	private static function lock() {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		return '1' === $wpdb->get_var( $wpdb->prepare( 'SELECT GET_LOCK(%s, 5)', self::lock_name() ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}

	/**
	 * Releases the lock.
	 *
	 * @return void
	 */
	private static function unlock() {
		/**
		 * WordPress database abstraction (set up by wp-settings.php).
		 *
		 * @var \wpdb $wpdb
		 */
		global $wpdb;
		$wpdb->query( $wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', self::lock_name() ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}
}
