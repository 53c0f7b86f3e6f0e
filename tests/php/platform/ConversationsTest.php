<?php
/**
 * CCFM\Platform\Conversation_Table: the table, the report, pruning, the privacy exporter
 * and eraser; and that no secret leaves the server through any ccfm/v1 route.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Admin\Admin_Page;
use CCFM\Platform\Conversation_Pruning;
use CCFM\Platform\Conversation_Store;
use CCFM\Platform\Conversation_Table;
use CCFM\Platform\Secrets;
use CCFM\Platform\Webhook_Events;

require_once __DIR__ . '/PlatformTestCase.php';

/**
 * Conversation records tests.
 */
class ConversationsTest extends PlatformTestCase {

	/**
	 * A conversation start as Meta sends it.
	 *
	 * @param string $sender Sender id.
	 * @param string $time   UTC time, Y-m-d H:i:s.
	 * @param string $ref    Ref.
	 * @param string $source CUSTOMER_CHAT_PLUGIN or SHORTLINK.
	 * @param string $url    referer_uri.
	 * @return array<string,mixed>
	 */
	private static function start( $sender, $time, $ref, $source = 'CUSTOMER_CHAT_PLUGIN', $url = 'https://shop.example.org/' ) {
		$referral = array(
			'ref'    => $ref,
			'source' => $source,
			'type'   => 'OPEN_THREAD',
		);
		if ( 'CUSTOMER_CHAT_PLUGIN' === $source ) {
			$referral['referer_uri'] = $url;
		}
		return array(
			'sender'    => array( 'id' => $sender ),
			'recipient' => array( 'id' => self::PAGE_ID ),
			'timestamp' => strtotime( $time . ' UTC' ) * 1000,
			'referral'  => $referral,
		);
	}

	public function test_table_and_cron_exist() {
		global $wpdb;
		$this->assertSame( Conversation_Table::table(), $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', Conversation_Table::table() ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$columns = $wpdb->get_col( 'DESCRIBE ' . Conversation_Table::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		foreach ( array( 'created_at', 'ref', 'source', 'page_url', 'is_guest', 'sender_key', 'state', 'event_key' ) as $column ) {
			$this->assertContains( $column, $columns );
		}
		$this->assertNotContains( 'text', $columns );
		$this->assertSame( Conversation_Table::DB_VERSION, get_option( Conversation_Table::DB_VERSION_OPTION ) );
		$this->assertIsInt( wp_next_scheduled( Conversation_Pruning::CRON_HOOK ) );
		$this->assertSame( 'daily', wp_get_schedule( Conversation_Pruning::CRON_HOOK ) );
		$this->assertNotFalse( has_action( Conversation_Pruning::CRON_HOOK, array( Conversation_Pruning::class, 'prune' ) ) );
	}

	public function test_version_check_creates_a_missing_table() {
		global $wpdb;
		$wpdb->query( 'DROP TABLE ' . Conversation_Table::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange
		delete_option( Conversation_Table::DB_VERSION_OPTION );
		wp_clear_scheduled_hook( Conversation_Pruning::CRON_HOOK );
		// The version check runs on every admin_init (core's own admin_init
		// callbacks, once wp-admin/includes are loaded, want a real wp-admin).
		$this->assertSame( 10, has_action( 'admin_init', array( Conversation_Table::class, 'maybe_upgrade' ) ) );
		Conversation_Table::maybe_upgrade();
		$this->assertSame( Conversation_Table::table(), $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', Conversation_Table::table() ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$this->assertIsInt( wp_next_scheduled( Conversation_Pruning::CRON_HOOK ) );
	}

	public function test_report_counts() {
		$this->save_secrets();
		update_option( 'timezone_string', 'UTC' );
		$events = array(
			self::start( 'p1', '2024-03-01 10:00:00', 'home', 'CUSTOMER_CHAT_PLUGIN', 'https://shop.example.org/?a=1' ),
			self::start( 'p2', '2024-03-01 23:59:59', 'home', 'CUSTOMER_CHAT_PLUGIN', 'https://shop.example.org/pricing/' ),
			self::start( 'p3', '2024-03-03 08:00:00', 'pricing', 'CUSTOMER_CHAT_PLUGIN', 'https://shop.example.org/pricing/' ),
			self::start( 'p4', '2024-03-03 09:00:00', 'newsletter', 'SHORTLINK' ),
			self::start( 'p5', '2024-02-29 23:59:59', 'home' ), // Before the range.
			self::start( 'p6', '2024-03-04 00:00:00', 'home' ), // After the range.
		);
		// Not starts: an end, a message, a postback without referral.
		$end                     = self::start( 'p1', '2024-03-01 11:00:00', 'home' );
		$end['referral']['type'] = 'END_CHAT';
		$events[]                = $end;
		$events[]                = array(
			'sender'    => array( 'id' => 'p3' ),
			'recipient' => array( 'id' => self::PAGE_ID ),
			'timestamp' => strtotime( '2024-03-03 08:01:00 UTC' ) * 1000,
			'message'   => array(
				'mid'  => 'm1',
				'tags' => array( 'source' => 'customer_chat_plugin' ),
				'text' => 'hi',
			),
		);
		$events[]                = array(
			'sender'    => array( 'id' => 'p3' ),
			'recipient' => array( 'id' => self::PAGE_ID ),
			'timestamp' => strtotime( '2024-03-03 08:02:00 UTC' ) * 1000,
			'postback'  => array(
				'title'   => 'Menu',
				'payload' => 'MENU',
			),
		);
		$this->assertSame( array( 'stored' => 9 ), $this->deliver( self::body( $events ) )->get_data() );

		$this->as_role( 'administrator' );
		$request = new \WP_REST_Request( 'GET', '/ccfm/v1/conversations' );
		$request->set_query_params(
			array(
				'from' => '2024-03-01',
				'to'   => '2024-03-03',
			)
		);
		$response = rest_get_server()->dispatch( $request );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame(
			array(
				'from'      => '2024-03-01',
				'to'        => '2024-03-03',
				'total'     => 4,
				'per_day'   => array(
					array(
						'day'    => '2024-03-01',
						'starts' => 2,
					),
					array(
						'day'    => '2024-03-02',
						'starts' => 0,
					),
					array(
						'day'    => '2024-03-03',
						'starts' => 2,
					),
				),
				'per_ref'   => array(
					array(
						'ref'    => 'home',
						'starts' => 2,
					),
					array(
						'ref'    => 'pricing',
						'starts' => 1,
					),
					array(
						'ref'    => 'newsletter',
						'starts' => 1,
					),
				),
				'per_page'  => array(
					array(
						'page_url' => 'https://shop.example.org/pricing/',
						'starts'   => 2,
					),
					array(
						'page_url' => 'https://shop.example.org/',
						'starts'   => 1,
					),
					array(
						'page_url' => '',
						'starts'   => 1,
					),
				),
				'sources'   => array(
					'plugin' => 3,
					'link'   => 1,
					'other'  => 0,
				),
				'share'     => array(
					'plugin' => 75.0,
					'link'   => 25.0,
				),
				'preparing' => null,
			),
			$response->get_data()
		);
	}

	public function test_report_days_follow_the_site_time_zone() {
		$this->save_secrets();
		update_option( 'timezone_string', 'America/New_York' );
		$this->deliver( self::body( array( self::start( 'p1', '2024-03-02 03:00:00', 'late' ) ) ) ); // 22:00 on 1 March in New York.
		$this->as_role( 'administrator' );
		$report = \CCFM\Platform\Conversation_Report::report( new \DateTimeImmutable( '2024-03-01', wp_timezone() ), new \DateTimeImmutable( '2024-03-02', wp_timezone() ) );
		update_option( 'timezone_string', 'UTC' );
		$this->assertSame( array( 1, 0 ), array_column( $report['per_day'], 'starts' ) );
	}

	/**
	 * @testWith ["2024-02-30", "2024-03-01"]
	 *           ["2024-03-05", "2024-03-01"]
	 *           ["2023-01-01", "2024-03-01"]
	 *           ["March", "2024-03-01"]
	 *
	 * @param string $from From.
	 * @param string $to   To.
	 */
	public function test_report_refuses_bad_ranges( $from, $to ) {
		$this->as_role( 'administrator' );
		$request = new \WP_REST_Request( 'GET', '/ccfm/v1/conversations' );
		$request->set_query_params( compact( 'from', 'to' ) );
		$this->assertSame( 400, rest_get_server()->dispatch( $request )->get_status() );
	}

	public function test_report_defaults_to_the_last_thirty_days() {
		$this->as_role( 'administrator' );
		$data = $this->rest( 'GET', '/ccfm/v1/conversations' )->get_data();
		$this->assertCount( 30, $data['per_day'] );
		$this->assertSame( current_time( 'Y-m-d' ), $data['to'] );
		$this->assertSame( 0, $data['total'] );
	}

	public function test_prune_keeps_the_retention_period() {
		$this->save_secrets( array( 'retention_days' => 10 ) );
		$now = time();
		$this->deliver(
			self::body(
				array(
					self::start( 'old', gmdate( 'Y-m-d H:i:s', $now - 11 * DAY_IN_SECONDS ), 'a' ),
					self::start( 'new', gmdate( 'Y-m-d H:i:s', $now - 9 * DAY_IN_SECONDS ), 'b' ),
				)
			)
		);
		do_action( Conversation_Pruning::CRON_HOOK );
		$this->assertSame( array( 'b' ), array_column( $this->rows(), 'ref' ) );
	}

	public function test_exporter_and_eraser_use_the_hashed_sender_id() {
		$this->save_secrets();
		$events               = self::spec_events();
		$open                 = $events['referral, guest'];
		$open['sender']['id'] = 'GUEST-4000000000000002';
		$this->deliver( self::body( array( $open, $events['referral, guest GUEST_UPGRADE'], $events['referral, PSID'], $events['message from the plugin'] ) ) );
		$this->assertCount( 4, $this->rows() );

		$exporters = apply_filters( 'wp_privacy_personal_data_exporters', array() );
		$erasers   = apply_filters( 'wp_privacy_personal_data_erasers', array() );
		$this->assertArrayHasKey( 'customer-chat-for-messenger', $exporters );
		$this->assertArrayHasKey( 'customer-chat-for-messenger', $erasers );
		$export = $exporters['customer-chat-for-messenger']['callback'];
		$erase  = $erasers['customer-chat-for-messenger']['callback'];

		// The PSID a guest upgraded to finds the guest's records too.
		$data = call_user_func( $export, '2900000000000099', 1 );
		$this->assertTrue( $data['done'] );
		$this->assertCount( 2, $data['data'] );
		$this->assertSame( 'ccfm-conversations', $data['data'][0]['group_id'] );
		$values = array_column( $data['data'][0]['data'], 'value' );
		$this->assertContains( 'checkout', $values );
		$this->assertContains( 'upgraded', $values );

		// As typed in Tools → Export Personal Data.
		$this->assertCount( 1, call_user_func( $export, '2900000000000002@Messenger.invalid', 1 )['data'] );
		$this->assertSame( array(), call_user_func( $export, 'someone@example.com', 1 )['data'], 'A real email address matches nothing.' );
		$this->assertSame( array(), call_user_func( $export, '', 1 )['data'] );

		$json = (string) wp_json_encode( $data );
		foreach ( array( self::TOKEN, self::APP_SECRET, self::VERIFY_TOKEN ) as $secret ) {
			$this->assertStringNotContainsString( $secret, $json );
		}

		$this->assertSame(
			array(
				'items_removed'  => false,
				'items_retained' => false,
				'messages'       => array(),
				'done'           => true,
			),
			call_user_func( $erase, 'someone@example.com', 1 )
		);
		$this->assertTrue( call_user_func( $erase, '2900000000000099', 1 )['items_removed'] );
		$this->assertCount( 2, $this->rows() );
		$this->assertTrue( call_user_func( $erase, '2900000000000003@messenger.invalid', 1 )['items_removed'] );
		$this->assertCount( 1, $this->rows() );
		$this->assertSame( Conversation_Store::sender_key( '2900000000000002' ), $this->rows()[0]['sender_key'] );
	}

	/**
	 * Every ccfm/v1 route, each method, as an administrator (and the public
	 * webhook as anyone), with the stand-in in every mode: no secret in any
	 * JSON answer, nor in the admin page.
	 */
	public function test_secrets_never_leave_the_server() {
		$this->save_secrets();
		$this->site_at( 'https://www.myshop-site.com' );
		$this->as_role( 'administrator' );
		$secrets = array( self::TOKEN, self::APP_SECRET, self::VERIFY_TOKEN, rawurlencode( self::TOKEN ) );
		$bodies  = array(
			'/ccfm/v1/embed-code'            => array( 'settings' => array() ),
			'/ccfm/v1/platform'              => array( 'retention_days' => 90 ),
			'/ccfm/v1/platform/chat-surface' => array( 'get_started_payload' => 'GET_STARTED' ),
		);
		$routes  = rest_get_server()->get_routes( 'ccfm/v1' );
		$this->assertArrayHasKey( '/ccfm/v1/platform', $routes );
		$this->assertArrayHasKey( '/ccfm/v1/webhook', $routes );
		$seen = 0;
		foreach ( array( 'ok', 'bad-token', 'rate-limit' ) as $mode ) {
			$this->graph_seed(
				array(
					'whitelisted_domains' => array( 'https://a-site.com' ),
					'get_started'         => array( 'payload' => 'X' ),
					'persistent_menu'     => array( array( 'locale' => 'default' ) ),
				),
				$mode
			);
			foreach ( $routes as $route => $handlers ) {
				if ( '/ccfm/v1' === $route ) {
					continue;
				}
				foreach ( $handlers as $handler ) {
					foreach ( array_keys( $handler['methods'] ) as $method ) {
						$response = $this->rest( $method, $route, 'GET' === $method ? null : ( isset( $bodies[ $route ] ) ? $bodies[ $route ] : array() ) );
						$json     = (string) wp_json_encode( array( $response->get_data(), $response->get_headers() ) );
						foreach ( $secrets as $secret ) {
							$this->assertStringNotContainsString( $secret, $json, "$method $route ($mode)" );
						}
						++$seen;
					}
				}
			}
		}
		$this->assertGreaterThanOrEqual( 3 * 9, $seen );

		// A successful handshake answers the challenge, never the token.
		$request = new \WP_REST_Request( 'GET', '/ccfm/v1/webhook' );
		$request->set_query_params(
			array(
				'hub_mode'         => 'subscribe',
				'hub_verify_token' => self::VERIFY_TOKEN,
				'hub_challenge'    => 'c',
			)
		);
		$this->assertSame( 'c', rest_get_server()->dispatch( $request )->get_data() );

		// The settings endpoint, the REST index, the admin page and its data.
		$others = array(
			$this->rest( 'GET', '/wp/v2/settings' )->get_data(),
			$this->rest( 'GET', '/ccfm/v1' )->get_data(),
			Admin_Page::boot_data(),
		);
		ob_start();
		( new Admin_Page() )->render();
		$others[] = ob_get_clean();
		$json     = (string) wp_json_encode( $others );
		foreach ( $secrets as $secret ) {
			$this->assertStringNotContainsString( $secret, $json );
		}
		$this->assertStringNotContainsString( Secrets::OPTION, (string) wp_json_encode( $others[0] ) );
	}

	public function test_uninstall_removes_everything() {
		global $wpdb;
		$this->save_secrets();
		$this->deliver( self::body( array( self::start( 'p1', '2024-03-01 10:00:00', 'home' ) ) ) );
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', CCFM_TESTS_PLUGIN );
		}
		include CCFM_DIR . 'uninstall.php';
		$this->assertFalse( get_option( Secrets::OPTION ) );
		$this->assertFalse( get_option( Conversation_Table::DB_VERSION_OPTION ) );
		$this->assertFalse( wp_next_scheduled( Conversation_Pruning::CRON_HOOK ) );
		$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', Conversation_Table::table() ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		Conversation_Table::activate();
		$this->assertSame( array(), $this->rows() );
	}

	public function test_webhook_event_for_a_sender_of_another_kind_keeps_keys_apart() {
		$this->assertNotSame( Conversation_Store::sender_key( 'a' ), Conversation_Store::sender_key( 'b' ) );
		$this->assertSame( 64, strlen( Conversation_Store::sender_key( 'a' ) ) );
		$this->assertNotSame( hash( 'sha256', 'a' ), Conversation_Store::sender_key( 'a' ), 'Keyed, not a bare hash.' );
		$this->assertFalse( Webhook_Events::handle( array( 'sender' => array() ) ) );
	}
}
