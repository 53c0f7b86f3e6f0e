<?php
/**
 * Base of the Messenger Platform tests: the stand-in Graph server (started
 * once per test class), its state file, the secrets, signed webhook requests
 * and the spec's webhook payloads.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Platform\Conversation_Table;
use CCFM\Platform\Platform;
use CCFM\Platform\Secrets;

/**
 * Helpers for PlatformTest, WebhookTest and ConversationsTest.
 */
abstract class PlatformTestCase extends TestCase {

	const TOKEN = 'EAAGStandInPageToken0123456789abcdefXYZ';

	const APP_SECRET = '0123456789abcdef0123456789abcdef';

	const VERIFY_TOKEN = 'verify-Me-9f8e7d';

	const PAGE_ID = '105000000000001';

	/**
	 * The stand-in server process.
	 *
	 * @var resource|null
	 */
	private static $server = null;

	/**
	 * The stand-in's state file.
	 *
	 * @var string
	 */
	protected static $state_file = '';

	/**
	 * Port of the stand-in Graph server.
	 *
	 * @return int
	 */
	protected static function graph_port() {
		return getenv( 'CCFM_GRAPH_PORT' ) ? (int) getenv( 'CCFM_GRAPH_PORT' ) : 8893;
	}

	/**
	 * Starts `php -S localhost:<port> tests/stand-ins/graph.php`.
	 */
	public static function set_up_before_class() {
		parent::set_up_before_class();
		self::$state_file = (string) tempnam( sys_get_temp_dir(), 'ccfm-graph-' );
		file_put_contents( self::$state_file, '{}' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
		$port = self::graph_port();
		if ( @fsockopen( 'localhost', $port, $errno, $errstr, 0.2 ) ) { // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.file_system_operations_fsockopen
			throw new \RuntimeException( "Port $port is already in use; set CCFM_GRAPH_PORT to a free port." );
		}
		$env                     = getenv();
		$env['CCFM_GRAPH_STATE'] = self::$state_file;
		self::$server            = proc_open(
			array( PHP_BINARY, '-S', 'localhost:' . $port, CCFM_TESTS_ROOT . '/tests/stand-ins/graph.php' ),
			array(
				0 => array( 'file', '/dev/null', 'r' ),
				1 => array( 'file', '/dev/null', 'w' ),
				2 => array( 'file', '/dev/null', 'w' ),
			),
			$pipes,
			CCFM_TESTS_ROOT,
			$env
		);
		if ( ! is_resource( self::$server ) ) {
			throw new \RuntimeException( 'Could not start the stand-in Graph server.' );
		}
		for ( $i = 0; $i < 100; $i++ ) {
			$socket = @fsockopen( 'localhost', $port, $errno, $errstr, 0.1 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged, WordPress.WP.AlternativeFunctions.file_system_operations_fsockopen
			if ( $socket ) {
				fclose( $socket ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose
				return;
			}
			usleep( 50000 );
		}
		throw new \RuntimeException( "The stand-in Graph server did not listen on port $port." );
	}

	/**
	 * Stops the stand-in server.
	 */
	public static function tear_down_after_class() {
		if ( is_resource( self::$server ) ) {
			proc_terminate( self::$server );
			proc_close( self::$server );
		}
		self::$server = null;
		if ( is_file( self::$state_file ) ) {
			unlink( self::$state_file ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink
		}
		parent::tear_down_after_class();
	}

	/**
	 * Empty tables, no secrets, the stand-in as Graph API, a fresh stand-in.
	 */
	protected function set_up() {
		parent::set_up();
		global $wpdb;
		$wpdb->query( 'TRUNCATE TABLE ' . Conversation_Table::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		// No events: the daily totals are emptied and complete in the site's time zone.
		\CCFM\Platform\Conversation_Rollup::restart();
		delete_option( Secrets::OPTION );
		$base = 'http://localhost:' . self::graph_port() . '/v18.0';
		add_filter(
			'ccfm_graph_base_url',
			static function () use ( $base ) {
				return $base;
			}
		);
		$this->graph_seed( array() );
	}

	/**
	 * Removes what the test stored.
	 */
	protected function tear_down() {
		global $wpdb;
		$wpdb->query( 'TRUNCATE TABLE ' . Conversation_Table::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		// No events: the daily totals are emptied and complete in the site's time zone.
		\CCFM\Platform\Conversation_Rollup::restart();
		delete_option( Secrets::OPTION );
		parent::tear_down();
	}

	/**
	 * Seeds the stand-in: the profile and the mode; accepts self::TOKEN.
	 *
	 * @param array<string,mixed> $profile   Messenger Profile fields.
	 * @param string              $mode      ok, bad-token or rate-limit.
	 * @param int                 $rate_code Code answered in rate-limit mode.
	 */
	protected function graph_seed( array $profile, $mode = 'ok', $rate_code = 4 ) {
		$state = array(
			'token'      => self::TOKEN,
			'app_secret' => self::APP_SECRET,
			'mode'       => $mode,
			'rate_code'  => $rate_code,
			'profile'    => $profile ? $profile : new \stdClass(),
			'requests'   => array(),
		);
		file_put_contents( self::$state_file, wp_json_encode( $state ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
	}

	/**
	 * The stand-in's state.
	 *
	 * @return array<string,mixed>
	 */
	protected function graph_state() {
		$state = json_decode( (string) file_get_contents( self::$state_file ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		$this->assertIsArray( $state );
		$state['profile'] = (array) $state['profile'];
		return $state;
	}

	/**
	 * The requests the stand-in received, as "METHOD fields".
	 *
	 * @return string[]
	 */
	protected function graph_calls() {
		$calls = array();
		foreach ( $this->graph_state()['requests'] as $request ) {
			$calls[] = 'GET' === $request['method'] ? 'GET ' . $request['query']['fields'] : $request['method'] . ' ' . implode( ',', array_keys( (array) $request['body'] ) );
		}
		return $calls;
	}

	/**
	 * Stores the three secrets directly.
	 *
	 * @param array<string,mixed> $overrides Values to change.
	 */
	protected function save_secrets( array $overrides = array() ) {
		update_option(
			Secrets::OPTION,
			array_merge(
				array(
					'page_access_token' => self::TOKEN,
					'app_secret'        => self::APP_SECRET,
					'verify_token'      => self::VERIFY_TOKEN,
					// The spec's events are from 2019: kept, not stale.
					'retention_days'    => 3650,
				),
				$overrides
			),
			false
		);
	}

	/**
	 * Makes home_url() answer for an origin such as https://www.myshop-site.com.
	 *
	 * @param string $origin Origin.
	 */
	protected function site_at( $origin ) {
		add_filter(
			'home_url',
			static function ( $url, $path ) use ( $origin ) {
				return $origin . '/' . ltrim( (string) $path, '/' );
			},
			10,
			2
		);
	}

	/**
	 * A POST to the webhook with a raw body and headers.
	 *
	 * @param string               $body    Raw body.
	 * @param array<string,string> $headers Headers.
	 * @return \WP_REST_Response
	 */
	protected function post_webhook( $body, array $headers ) {
		$request = new \WP_REST_Request( 'POST', '/ccfm/v1/webhook' );
		$request->set_header( 'content-type', 'application/json' );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		$request->set_body( $body );
		$response = rest_get_server()->dispatch( $request );
		$this->assertInstanceOf( \WP_REST_Response::class, $response );
		return $response;
	}

	/**
	 * A webhook POST signed like Meta signs it (HMAC-SHA256 of the raw body).
	 *
	 * @param string $body   Raw body.
	 * @param string $secret Key.
	 * @return \WP_REST_Response
	 */
	protected function deliver( $body, $secret = self::APP_SECRET ) {
		return $this->post_webhook( $body, array( 'X-Hub-Signature-256' => 'sha256=' . hash_hmac( 'sha256', $body, $secret ) ) );
	}

	/**
	 * Every stored row.
	 *
	 * @return array<int,array<string,string>>
	 */
	protected function rows() {
		global $wpdb;
		return (array) $wpdb->get_results( 'SELECT * FROM ' . Conversation_Table::table() . ' ORDER BY id', ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * A webhook body: one entry per list of messaging events.
	 *
	 * @param array<int,array<string,mixed>> ...$entries Messaging events per entry.
	 * @return string
	 */
	protected static function body( array ...$entries ) {
		$out = array(
			'object' => 'page',
			'entry'  => array(),
		);
		foreach ( $entries as $messaging ) {
			$out['entry'][] = array(
				'id'        => self::PAGE_ID,
				'time'      => 1559598385735,
				'messaging' => $messaging,
			);
		}
		return (string) wp_json_encode( $out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	}

	/**
	 * The webhook events of the spec, with its placeholders filled in.
	 *
	 * @return array<string,array<string,mixed>>
	 */
	protected static function spec_events() {
		$page = array( 'id' => self::PAGE_ID );
		return array(
			'postback, new user_ref'        => array(
				'sender'    => array( 'user_ref' => 'UREF-postback-1' ),
				'recipient' => $page,
				'timestamp' => 1559598000478,
				'postback'  => array(
					'title'    => 'Get Started',
					'payload'  => 'GET_STARTED',
					'referral' => array(
						'ref'    => 'pricing',
						'source' => 'SHORTLINK',
						'type'   => 'OPEN_THREAD',
					),
				),
			),
			'postback, PSID'                => array(
				'sender'    => array( 'id' => '2900000000000001' ),
				'recipient' => $page,
				'timestamp' => 1559598000478,
				'postback'  => array(
					'title'    => 'Get Started',
					'payload'  => 'GET_STARTED',
					'referral' => array(
						'ref'    => 'pricing',
						'source' => 'SHORTLINK',
						'type'   => 'OPEN_THREAD',
					),
				),
			),
			'referral, user_ref'            => array(
				'recipient' => $page,
				'timestamp' => 1559598385735,
				'sender'    => array( 'user_ref' => 'UREF-referral-1' ),
				'referral'  => array(
					'ref'         => 'home-page',
					'source'      => 'CUSTOMER_CHAT_PLUGIN',
					'type'        => 'OPEN_THREAD',
					'referer_uri' => 'https://shop.example.org/products/?utm_source=x&email=a@b.c#top',
				),
			),
			'referral, PSID'                => array(
				'recipient' => $page,
				'timestamp' => 1559598385735,
				'sender'    => array( 'id' => '2900000000000002' ),
				'referral'  => array(
					'ref'         => 'home-page',
					'source'      => 'CUSTOMER_CHAT_PLUGIN',
					'type'        => 'OPEN_THREAD',
					'referer_uri' => 'https://shop.example.org/',
				),
			),
			'referral, guest'               => array(
				'sender'    => array( 'id' => 'GUEST-4000000000000001' ),
				'recipient' => $page,
				'timestamp' => 1559598000478,
				'referral'  => array(
					'ref'           => 'checkout',
					'source'        => 'CUSTOMER_CHAT_PLUGIN',
					'type'          => 'OPEN_THREAD',
					'referer_uri'   => 'https://shop.example.org/checkout/',
					'is_guest_user' => 'true',
				),
			),
			'referral, guest END_CHAT'      => array(
				'sender'    => array( 'id' => 'GUEST-4000000000000001' ),
				'recipient' => $page,
				'timestamp' => 1559598000478,
				'referral'  => array(
					'ref'           => 'checkout',
					'source'        => 'CUSTOMER_CHAT_PLUGIN',
					'type'          => 'END_CHAT',
					'referer_uri'   => 'https://shop.example.org/checkout/',
					'is_guest_user' => 'true',
				),
			),
			'referral, guest GUEST_UPGRADE' => array(
				'sender'    => array( 'id' => 'GUEST-4000000000000002' ),
				'recipient' => $page,
				'timestamp' => 1559598000478,
				'referral'  => array(
					'ref'         => '2900000000000099',
					'source'      => 'CUSTOMER_CHAT_PLUGIN',
					'type'        => 'GUEST_UPGRADE',
					'referer_uri' => 'https://shop.example.org/',
				),
			),
			'message from the plugin'       => array(
				'sender'    => array( 'id' => '2900000000000003' ),
				'recipient' => $page,
				'timestamp' => 1559598623749,
				'message'   => array(
					'tags' => array( 'source' => 'customer_chat_plugin' ),
					'mid'  => 'nhEqs_THGoYyAhpK93uNCrIfLZD',
					'text' => 'hello, from customer chat!',
				),
			),
		);
	}
}
