<?php
/**
 * The click funnel: the beacon route's validation and daily cap, the daily
 * aggregates and their pruning, the report joining clicks with the starts
 * the webhook confirmed (and its CSV), and uninstall dropping the table.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Platform\Click_Route;
use CCFM\Platform\Conversation_Pruning;
use CCFM\Platform\Conversation_Table;
use CCFM\Platform\Click_Store;
use CCFM\Platform\Funnel_Report;

require_once __DIR__ . '/PlatformTestCase.php';

/**
 * Click funnel.
 */
class ClickFunnelTest extends PlatformTestCase {

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
		$wpdb->query( 'TRUNCATE TABLE ' . Click_Store::clients_table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		$_SERVER['REMOTE_ADDR']     = '203.0.113.7';
		$_SERVER['HTTP_USER_AGENT'] = 'FunnelTest/1.0';
	}

	protected function tear_down() {
		global $wpdb;
		foreach ( $this->posts as $id ) {
			wp_delete_post( $id, true );
		}
		$wpdb->query( 'TRUNCATE TABLE ' . Click_Store::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		$wpdb->query( 'TRUNCATE TABLE ' . Click_Store::clients_table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		delete_option( 'timezone_string' );
		parent::tear_down();
	}

	/**
	 * A published page.
	 *
	 * @param string $slug Slug.
	 * @return int
	 */
	private function page( $slug ) {
		$id = wp_insert_post(
			array(
				'post_title'  => 'Funnel ' . $slug,
				'post_name'   => $slug,
				'post_status' => 'publish',
				'post_type'   => 'page',
			)
		);
		$this->assertIsInt( $id );
		$this->posts[] = $id;
		return $id;
	}

	/**
	 * A beacon as navigator.sendBeacon sends it.
	 *
	 * @param array<string,string> $query Query arguments.
	 * @param string               $body  Body (the m.me link).
	 * @param string               $type  Content type.
	 * @return \WP_REST_Response
	 */
	private function beacon( array $query, $body = 'https://m.me/examplepage?ref=spring', $type = 'text/plain;charset=UTF-8' ) {
		// The key the page printed for its page and the ref of the link (ClickSigningTest forges it).
		if ( isset( $query['page'] ) && ! array_key_exists( 'k', $query ) ) {
			$ref        = Click_Route::ref_of( $body );
			$query['k'] = Click_Route::key( $query['page'], null === $ref ? '' : $ref );
		}
		$request = new \WP_REST_Request( 'POST', '/ccfm/v1/click' );
		$request->set_query_params( $query );
		$request->set_header( 'content-type', $type );
		$request->set_header( 'user-agent', (string) $_SERVER['HTTP_USER_AGENT'] );
		$request->set_body( $body );
		$response = rest_get_server()->dispatch( $request );
		$this->assertInstanceOf( \WP_REST_Response::class, $response );
		return $response;
	}

	/**
	 * Every stored click row.
	 *
	 * @return list<array<string,string>>
	 */
	private static function clicks() {
		global $wpdb;
		return (array) $wpdb->get_results( 'SELECT day, page, ref, path, clicks FROM ' . Click_Store::table() . ' ORDER BY day, page, ref, path', ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
	}

	public function test_a_valid_beacon_is_counted_as_a_daily_aggregate() {
		$id = $this->page( 'funnel-pricing' );
		foreach ( array( 1, 2 ) as $n ) {
			$this->assertSame( 204, $this->beacon( array( 'page' => (string) $id, 'path' => 'link' ) )->get_status(), "click $n" );
		}
		// Link mode's beacon leaves the path out: the route's default is link.
		$this->assertSame( 204, $this->beacon( array( 'page' => (string) $id ) )->get_status(), 'click 3' );
		$this->assertSame( 204, $this->beacon( array( 'page' => (string) $id, 'path' => 'chat' ) )->get_status() );
		$this->assertSame( 204, $this->beacon( array( 'page' => '/category/news/', 'path' => 'link' ), 'https://m.me/examplepage' )->get_status() );
		// A link with a pre-filled message counts under its ref; the text is not stored.
		$this->assertSame( 204, $this->beacon( array( 'page' => '/category/news/', 'path' => 'link' ), 'https://m.me/examplepage?text=' . rawurlencode( str_repeat( 'Frage zu Größen ', 31 ) ) )->get_status() );
		$today = wp_date( 'Y-m-d' );
		$this->assertSame(
			array(
				array(
					'day'    => $today,
					'page'   => '/category/news/',
					'ref'    => '',
					'path'   => 'link',
					'clicks' => '2',
				),
				array(
					'day'    => $today,
					'page'   => (string) $id,
					'ref'    => 'spring',
					'path'   => 'chat',
					'clicks' => '1',
				),
				array(
					'day'    => $today,
					'page'   => (string) $id,
					'ref'    => 'spring',
					'path'   => 'link',
					'clicks' => '3',
				),
			),
			self::clicks()
		);
	}

	/**
	 * Beacons that must be refused.
	 *
	 * @return array<string,array{0:array<string,string>,1:string}>
	 */
	public function refused_beacons() {
		return array(
			'no page'               => array( array( 'path' => 'link' ), 'https://m.me/examplepage?ref=a' ),
			'empty path'            => array( array( 'page' => '/x/', 'path' => '' ), 'https://m.me/examplepage?ref=a' ),
			'unknown path'          => array( array( 'page' => '/x/', 'path' => 'phone' ), 'https://m.me/examplepage?ref=a' ),
			'page not a path'       => array( array( 'page' => 'x/', 'path' => 'link' ), 'https://m.me/examplepage?ref=a' ),
			'page with a query'     => array( array( 'page' => '/x/?a=1', 'path' => 'link' ), 'https://m.me/examplepage?ref=a' ),
			'page with a space'     => array( array( 'page' => '/x y/', 'path' => 'link' ), 'https://m.me/examplepage?ref=a' ),
			'page too long'         => array( array( 'page' => '/' . str_repeat( 'a', 255 ), 'path' => 'link' ), 'https://m.me/examplepage?ref=a' ),
			'unknown post ID'       => array( array( 'page' => '999999999', 'path' => 'link' ), 'https://m.me/examplepage?ref=a' ),
			'extra field'           => array( array( 'page' => '/x/', 'path' => 'link', 'ip' => '1.2.3.4' ), 'https://m.me/examplepage?ref=a' ),
			'empty body'            => array( array( 'page' => '/x/', 'path' => 'link' ), '' ),
			'not an m.me link'      => array( array( 'page' => '/x/', 'path' => 'link' ), 'https://evil.example/examplepage?ref=a' ),
			'm.me look-alike'       => array( array( 'page' => '/x/', 'path' => 'link' ), 'https://m.me.evil.example/p?ref=a' ),
			'bad ref'               => array( array( 'page' => '/x/', 'path' => 'link' ), 'https://m.me/examplepage?ref=%3Cscript%3E' ),
			'other query argument'  => array( array( 'page' => '/x/', 'path' => 'link' ), 'https://m.me/examplepage?ref=a&utm=b' ),
			'ref too long'          => array( array( 'page' => '/x/', 'path' => 'link' ), 'https://m.me/examplepage?ref=' . str_repeat( 'a', 251 ) ),
			'body too long'         => array( array( 'page' => '/x/', 'path' => 'link' ), 'https://m.me/examplepage?ref=' . str_repeat( 'a', 600 ) ),
		);
	}

	/**
	 * @dataProvider refused_beacons
	 *
	 * @param array<string,string> $query Query.
	 * @param string               $body  Body.
	 */
	public function test_anything_else_is_refused_with_400_and_nothing_is_stored( array $query, $body ) {
		$response = $this->beacon( $query, $body );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( array(), self::clicks() );
	}

	public function test_a_form_encoded_field_beyond_page_and_path_is_refused() {
		$response = $this->beacon( array( 'page' => '/x/', 'path' => 'link' ), 'cookie=1', 'application/x-www-form-urlencoded' );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( array(), self::clicks() );
	}

	public function test_a_client_is_capped_per_day_and_another_client_is_not() {
		$statuses = array();
		for ( $i = 0; $i < Click_Route::DAILY_CAP + 20; $i++ ) {
			$statuses[] = $this->beacon( array( 'page' => '/', 'path' => 'link' ) )->get_status();
		}
		$this->assertSame( array_fill( 0, Click_Route::DAILY_CAP, 204 ), array_slice( $statuses, 0, Click_Route::DAILY_CAP ) );
		$this->assertSame( array_fill( 0, 20, 429 ), array_slice( $statuses, Click_Route::DAILY_CAP ) );
		$this->assertSame( (string) Click_Route::DAILY_CAP, self::clicks()[0]['clicks'] );

		$_SERVER['REMOTE_ADDR'] = '198.51.100.9';
		$this->assertSame( 204, $this->beacon( array( 'page' => '/', 'path' => 'link' ) )->get_status() );
		$this->assertSame( (string) ( Click_Route::DAILY_CAP + 1 ), self::clicks()[0]['clicks'] );

		// Neither the IP address nor the user agent is stored, not even in the cap's key.
		global $wpdb;
		$keys = $wpdb->get_results( 'SELECT client_key, day, clicks FROM ' . Click_Store::clients_table() . ' ORDER BY clicks', ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		$dump = (string) wp_json_encode( $keys ) . wp_json_encode( self::clicks() );
		$this->assertStringNotContainsString( '203.0.113.7', $dump );
		$this->assertStringNotContainsString( 'FunnelTest', $dump );
		// Two clients, two IP addresses, the budget of new rows (one row).
		$this->assertCount( 5, $keys );
		$this->assertSame( array( gmdate( 'Y-m-d' ) ), array_values( array_unique( array_column( $keys, 'day' ) ) ) );
		$hmacs = array_values( array_filter( array_column( $keys, 'client_key' ), static fn( $key ) => 0 !== strpos( $key, 'rows:' ) ) );
		$this->assertCount( 4, $hmacs );
		foreach ( $hmacs as $key ) {
			$this->assertMatchesRegularExpression( '/^[0-9a-f]{40}$/', $key );
		}
		$this->assertSame( (string) ( Click_Route::DAILY_CAP + 20 ), $keys[4]['clicks'], 'The first client\'s every beacon, the capped ones too.' );
	}

	/**
	 * The caps' keys of a day are gone once the day is over, deleted by the
	 * daily pruning (never in a visitor's request: a new day's first click
	 * deletes nothing).
	 */
	public function test_the_cap_forgets_yesterday() {
		global $wpdb;
		$yesterday = gmdate( 'Y-m-d', time() - DAY_IN_SECONDS );
		Click_Store::take( str_repeat( 'a', 40 ), $yesterday );
		Click_Store::take( str_repeat( 'b', 40 ), $yesterday );
		$this->assertSame( 1, Click_Store::take( str_repeat( 'c', 40 ), gmdate( 'Y-m-d' ) ) );
		$this->assertSame( 2, Click_Store::take( str_repeat( 'c', 40 ), gmdate( 'Y-m-d' ) ) );
		$this->assertCount( 3, $wpdb->get_col( 'SELECT client_key FROM ' . Click_Store::clients_table() ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		do_action( Conversation_Pruning::CRON_HOOK );
		$this->assertSame( array( str_repeat( 'c', 40 ) ), $wpdb->get_col( 'SELECT client_key FROM ' . Click_Store::clients_table() ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared

		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Click_Store::clients_table() . ' SET day = %s', $yesterday ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		do_action( Conversation_Pruning::CRON_HOOK );
		$this->assertSame( array(), $wpdb->get_col( 'SELECT client_key FROM ' . Click_Store::clients_table() ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
	}

	public function test_counting_off_refuses_beacons_and_prints_no_beacon_url() {
		update_option( self::OPTION, array( 'click_counting' => 'off' ) );
		$this->assertSame( array(), Click_Route::front_config( 'spring' ) );
		$this->assertSame( 403, $this->beacon( array( 'page' => '/', 'path' => 'link' ) )->get_status() );
		$this->assertSame( array(), self::clicks() );

		update_option( self::OPTION, array( 'click_counting' => 'on' ) );
		$config = Click_Route::front_config( 'spring' );
		$this->assertArrayHasKey( 'beacon', $config );
		// The boot script appends &k= and the key, and in Chat Plugin mode the path.
		$this->assertStringEndsWith( '?page=%2F', (string) $config['beacon'] );
		$this->assertSame( Click_Route::key( '/', 'spring' ), $config['key'] );
		$this->assertStringContainsString( '/ccfm/v1/click', (string) $config['beacon'] );
	}

	public function test_counting_is_on_by_default_and_the_setting_is_validated() {
		$this->assertSame( 'on', \CCFM\Settings\Settings::get()['click_counting'] );
		$this->assertInstanceOf( \WP_Error::class, \CCFM\Settings\Validator::validate_field( 'click_counting', 'maybe' ) );
	}

	public function test_pruning_keeps_the_retention_period() {
		$this->save_secrets( array( 'retention_days' => 10 ) );
		Click_Store::add( wp_date( 'Y-m-d', time() - 11 * DAY_IN_SECONDS ), '/old/', 'a', 'link' );
		Click_Store::add( wp_date( 'Y-m-d', time() - 9 * DAY_IN_SECONDS ), '/new/', 'b', 'link' );
		do_action( Conversation_Pruning::CRON_HOOK );
		$this->assertSame( array( '/new/' ), array_column( self::clicks(), 'page' ) );
	}

	/**
	 * A Chat Plugin conversation start.
	 *
	 * @param string $sender Sender.
	 * @param string $time   UTC time.
	 * @param string $ref    Ref.
	 * @param string $url    referer_uri, or '' for an m.me link.
	 * @return array<string,mixed>
	 */
	private static function start( $sender, $time, $ref, $url ) {
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

	public function test_the_report_joins_clicks_with_webhook_starts_per_day_page_and_ref() {
		update_option( 'timezone_string', 'UTC' );
		$this->save_secrets();
		$pricing = $this->page( 'funnel-pricing-join' );
		$path    = (string) wp_parse_url( (string) get_permalink( $pricing ), PHP_URL_PATH );
		for ( $i = 0; $i < 4; $i++ ) {
			Click_Store::add( '2024-03-01', (string) $pricing, 'spring', 'link' );
		}
		Click_Store::add( '2024-03-01', (string) $pricing, 'spring', 'chat' );
		Click_Store::add( '2024-03-01', '/blog/', 'home', 'link' );
		Click_Store::add( '2024-03-02', '/blog/', 'home', 'link' );
		Click_Store::add( '2024-02-29', '/blog/', 'home', 'link' ); // Before the range.
		$this->deliver(
			self::body(
				array(
					self::start( 's1', '2024-03-01 10:00:00', 'spring', (string) get_permalink( $pricing ) . '?utm=x' ),
					self::start( 's2', '2024-03-01 11:00:00', 'spring', (string) get_permalink( $pricing ) ),
					self::start( 's3', '2024-03-02 09:00:00', 'newsletter', '' ),
					self::start( 's4', '2024-03-04 09:00:00', 'spring', (string) get_permalink( $pricing ) ), // After the range.
				)
			)
		);

		$report = Funnel_Report::report( new \DateTimeImmutable( '2024-03-01', wp_timezone() ), new \DateTimeImmutable( '2024-03-03', wp_timezone() ) );
		$this->assertTrue( $report['connected'] );
		$this->assertSame(
			array(
				array( '2024-03-02', '/blog/', 'home', 1, 0, 1, 0, 0.0 ),
				array( '2024-03-02', '', 'newsletter', 0, 0, 0, 1, null ),
				array( '2024-03-01', $path, 'spring', 5, 1, 4, 2, 40.0 ),
				array( '2024-03-01', '/blog/', 'home', 1, 0, 1, 0, 0.0 ),
			),
			array_map(
				static function ( $row ) {
					return array( $row['day'], $row['page'], $row['ref'], $row['clicks'], $row['chat'], $row['link'], $row['starts'], $row['rate'] );
				},
				$report['rows']
			)
		);
		$this->assertSame( 'Funnel funnel-pricing-join', $report['rows'][2]['title'] );
		$this->assertSame(
			array(
				array(
					'day'    => '2024-03-01',
					'clicks' => 6,
					'starts' => 2,
				),
				array(
					'day'    => '2024-03-02',
					'clicks' => 1,
					'starts' => 1,
				),
				array(
					'day'    => '2024-03-03',
					'clicks' => 0,
					'starts' => 0,
				),
			),
			$report['per_day']
		);
		$this->assertSame(
			array(
				'clicks' => 7,
				'starts' => 3,
				'rate'   => 42.9,
			),
			$report['totals']
		);
		$this->assertSame( array( 'spring', 'home', 'newsletter' ), array_column( $report['per_ref'], 'ref' ) );

		// The CSV is the same table.
		$csv = Funnel_Report::csv( $report['rows'], true );
		$this->assertSame(
			array(
				'day,page,title,ref,clicks,chat,link,starts,rate',
				'2024-03-02,/blog/,,home,1,0,1,0,0',
				'2024-03-02,,,newsletter,0,0,0,1,',
				'2024-03-01,' . $path . ',Funnel funnel-pricing-join,spring,5,1,4,2,40',
				'2024-03-01,/blog/,,home,1,0,1,0,0',
				'',
			),
			explode( "\r\n", $csv )
		);

		// Without a webhook connection: clicks alone.
		delete_option( \CCFM\Platform\Secrets::OPTION );
		$alone = Funnel_Report::report( new \DateTimeImmutable( '2024-03-01', wp_timezone() ), new \DateTimeImmutable( '2024-03-03', wp_timezone() ) );
		$this->assertFalse( $alone['connected'] );
		$this->assertSame( 0, $alone['totals']['starts'] );
		$this->assertSame( 3, count( $alone['rows'] ) );
		$this->assertSame( 'day,page,title,ref,clicks,chat,link', explode( "\r\n", Funnel_Report::csv( $alone['rows'], false ) )[0] );
	}

	public function test_the_csv_defuses_spreadsheet_formulas_and_quotes() {
		$csv = Funnel_Report::csv(
			array(
				array(
					'day'    => '2024-03-01',
					'page'   => '/a,b/',
					'title'  => '=HYPERLINK("x")',
					'ref'    => '-x',
					'clicks' => 1,
					'chat'   => 0,
					'link'   => 1,
					'starts' => 0,
					'rate'   => 0.0,
				),
			),
			true
		);
		$this->assertSame( "2024-03-01,\"/a,b/\",\"'=HYPERLINK(\"\"x\"\")\",\"'-x\",1,0,1,0,0", explode( "\r\n", $csv )[1] );
	}

	public function test_the_report_route_is_for_administrators_only_and_answers_csv() {
		update_option( 'timezone_string', 'UTC' );
		Click_Store::add( '2024-03-01', '/blog/', 'home', 'link' );
		foreach ( array( 'anonymous' => 401, 'editor' => 403, 'author' => 403, 'subscriber' => 403 ) as $role => $status ) {
			$this->as_role( $role );
			$request = new \WP_REST_Request( 'GET', '/ccfm/v1/funnel' );
			$this->assertSame( $status, rest_get_server()->dispatch( $request )->get_status(), $role );
		}
		$this->as_role( 'administrator' );
		$request = new \WP_REST_Request( 'GET', '/ccfm/v1/funnel' );
		$request->set_query_params(
			array(
				'from'   => '2024-03-01',
				'to'     => '2024-03-01',
				'format' => 'csv',
			)
		);
		$response = rest_get_server()->dispatch( $request );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'text/csv; charset=utf-8', $response->get_headers()['Content-Type'] );
		$this->assertSame( "day,page,title,ref,clicks,chat,link\r\n2024-03-01,/blog/,,home,1,0,1\r\n", $response->get_data() );

		$request->set_query_params(
			array(
				'from' => '2024-03-02',
				'to'   => '2024-03-01',
			)
		);
		$this->assertSame( 400, rest_get_server()->dispatch( $request )->get_status() );
	}

	public function test_uninstall_drops_the_clicks_table() {
		global $wpdb;
		Click_Store::add( '2024-03-01', '/blog/', 'home', 'link' );
		$table = Click_Store::table();
		$this->assertSame( $table, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$this->assertSame( Click_Store::clients_table(), $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( Click_Store::clients_table() ) ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'customer-chat-for-messenger/customer-chat-for-messenger.php' );
		}
		( static function () {
			include CCFM_DIR . 'uninstall.php';
		} )();
		$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( Click_Store::clients_table() ) ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$this->assertFalse( get_option( Click_Store::DB_VERSION_OPTION ) );
		// As installed again for the other tests.
		Conversation_Table::activate();
		Click_Store::activate();
		$this->assertSame( $table, $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}
}
