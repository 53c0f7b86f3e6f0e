<?php
/**
 * CCFM\Platform\Platform, CCFM\Platform\Graph_Client and the /ccfm/v1/platform routes, against
 * the stand-in Graph server.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Platform\Graph_Client;
use CCFM\Platform\Platform;
use CCFM\Platform\Secrets;

require_once __DIR__ . '/PlatformTestCase.php';

/**
 * Platform connection tests.
 */
class PlatformTest extends PlatformTestCase {

	const SITE = 'https://www.myshop-site.com';

	/**
	 * The option as stored, or null.
	 *
	 * @return string|null
	 */
	private function raw_platform() {
		global $wpdb;
		return $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", Secrets::OPTION ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}

	public function test_get_reports_flags_and_defaults() {
		$this->as_role( 'administrator' );
		$response = $this->rest( 'GET', '/ccfm/v1/platform' );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame(
			array(
				'page_access_token' => false,
				'app_secret'        => false,
				'verify_token'      => false,
			),
			$data['secrets']
		);
		$this->assertSame( 90, $data['retention_days'] );
		$this->assertSame( rest_url( 'ccfm/v1/webhook' ), $data['webhook_url'] );
	}

	public function test_secrets_are_stored_apart_and_not_autoloaded() {
		$this->as_role( 'administrator' );
		$response = $this->rest(
			'POST',
			'/ccfm/v1/platform',
			array(
				'page_access_token' => self::TOKEN,
				'app_secret'        => self::APP_SECRET,
				'verify_token'      => self::VERIFY_TOKEN,
				'retention_days'    => 30,
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array_fill_keys( Secrets::SECRETS, true ), $response->get_data()['secrets'] );
		$this->assertSame( 30, $response->get_data()['retention_days'] );
		$this->assertSame(
			array(
				'page_access_token' => self::TOKEN,
				'app_secret'        => self::APP_SECRET,
				'verify_token'      => self::VERIFY_TOKEN,
				'retention_days'    => 30,
			),
			array_diff_key( (array) maybe_unserialize( (string) $this->raw_platform() ), array( Secrets::SENDER_SECRET => true ) )
		);
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', Secrets::sender_secret(), 'The records\' own key is kept with the secrets.' );
		$this->assertStringNotContainsString( Secrets::sender_secret(), (string) wp_json_encode( $response->get_data() ), 'Never shown.' );
		global $wpdb;
		$this->assertContains( $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", Secrets::OPTION ) ), array( 'no', 'off' ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$this->assertNull( $this->raw_option(), 'Nothing went into ccfm_settings.' );
		$settings = get_registered_settings();
		$this->assertArrayNotHasKey( Secrets::OPTION, $settings, 'ccfm_platform is not a registered (REST) setting.' );
	}

	public function test_replace_keep_and_clear() {
		$this->save_secrets();
		$this->as_role( 'administrator' );
		$new_token = 'EAAGReplacedToken9876543210zyx';
		$response  = $this->rest(
			'POST',
			'/ccfm/v1/platform',
			array(
				'page_access_token' => $new_token,
				'verify_token'      => '',
				'clear'             => array( 'app_secret' ),
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame(
			array(
				'page_access_token' => true,
				'app_secret'        => false,
				'verify_token'      => true,
			),
			$response->get_data()['secrets']
		);
		$stored = Secrets::get();
		$this->assertSame( $new_token, $stored['page_access_token'] );
		$this->assertSame( '', $stored['app_secret'] );
		$this->assertSame( self::VERIFY_TOKEN, $stored['verify_token'], 'An empty value keeps the saved secret.' );
	}

	/**
	 * Invalid writes: the field and the words its message must contain.
	 *
	 * @return array<string,array{0:array<string,mixed>,1:string,2:string}>
	 */
	public function data_invalid_writes() {
		return array(
			'token with a space'      => array( array( 'page_access_token' => 'EAAG abc def ghi jkl mno pqr' ), 'page_access_token', 'no spaces' ),
			'token too short'         => array( array( 'page_access_token' => 'EAAG123' ), 'page_access_token', '20 to 1024' ),
			'token not a string'      => array( array( 'page_access_token' => array( 'x' ) ), 'page_access_token', 'Page access token' ),
			'app secret 31 hex'       => array( array( 'app_secret' => substr( self::APP_SECRET, 1 ) ), 'app_secret', '32 hexadecimal' ),
			'app secret not hex'      => array( array( 'app_secret' => str_repeat( 'g', 32 ) ), 'app_secret', '32 hexadecimal' ),
			'verify token short'      => array( array( 'verify_token' => 'short' ), 'verify_token', '8 to 200' ),
			'verify token with space' => array( array( 'verify_token' => 'has a space in it' ), 'verify_token', 'no spaces' ),
			'retention 0'             => array( array( 'retention_days' => 0 ), 'retention_days', '1 to 3650 days' ),
			'retention text'          => array( array( 'retention_days' => 'many' ), 'retention_days', '1 to 3650 days' ),
			'clear unknown'           => array( array( 'clear' => array( 'retention_days' ) ), 'clear', 'Clear may only list' ),
			'set and clear at once'   => array(
				array(
					'app_secret' => self::APP_SECRET,
					'clear'      => array( 'app_secret' ),
				),
				'app_secret',
				'set and cleared',
			),
			'one bad field of three'  => array(
				array(
					'page_access_token' => 'EAAGReplacedToken9876543210zyx',
					'app_secret'        => 'nope',
					'verify_token'      => 'another-verify-token',
				),
				'app_secret',
				'32 hexadecimal',
			),
		);
	}

	/**
	 * @dataProvider data_invalid_writes
	 *
	 * @param array<string,mixed> $body  Request body.
	 * @param string              $field Field that is wrong.
	 * @param string              $words Words of the message.
	 */
	public function test_invalid_writes_store_nothing( array $body, $field, $words ) {
		$this->save_secrets();
		$before = $this->raw_platform();
		$this->as_role( 'administrator' );
		$response = $this->rest( 'POST', '/ccfm/v1/platform', $body );
		$this->assertSame( 400, $response->get_status() );
		$data    = $response->get_data();
		$message = isset( $data['data']['params'][ $field ] ) ? $data['data']['params'][ $field ] : $data['message'];
		$this->assertStringContainsStringIgnoringCase( $words, $message . ' ' . $data['message'] );
		$this->assertSame( $before, $this->raw_platform(), 'Nothing was stored.' );
		$this->assertStringNotContainsString( self::TOKEN, (string) wp_json_encode( $data ) );
	}

	/**
	 * Every route of the Platform connection with a body that would succeed.
	 *
	 * @return array<string,array{0:string,1:string,2:array<string,mixed>|null}>
	 */
	public function data_admin_routes() {
		return array(
			'GET platform'            => array( 'GET', '/ccfm/v1/platform', null ),
			'POST platform'           => array( 'POST', '/ccfm/v1/platform', array( 'retention_days' => 10 ) ),
			'GET whitelist'           => array( 'GET', '/ccfm/v1/platform/whitelist', null ),
			'POST whitelist'          => array( 'POST', '/ccfm/v1/platform/whitelist', array() ),
			'POST chat-surface'       => array( 'POST', '/ccfm/v1/platform/chat-surface', array( 'get_started_payload' => 'GET_STARTED' ) ),
			'GET conversations'       => array( 'GET', '/ccfm/v1/conversations', null ),
			'POST platform (secrets)' => array( 'POST', '/ccfm/v1/platform', array( 'clear' => array( 'app_secret' ) ) ),
		);
	}

	/**
	 * @dataProvider data_admin_routes
	 *
	 * @param string                   $method Method.
	 * @param string                   $route  Route.
	 * @param array<string,mixed>|null $body   Body.
	 */
	public function test_only_administrators_reach_the_routes( $method, $route, $body ) {
		$this->save_secrets();
		$this->site_at( self::SITE );
		$before = $this->raw_platform();
		foreach ( array( 'anonymous', 'subscriber', 'contributor', 'author', 'editor' ) as $role ) {
			$this->as_role( $role );
			$response = $this->rest( $method, $route, $body );
			$this->assertSame( 'anonymous' === $role ? 401 : 403, $response->get_status(), "$role on $method $route" );
			$this->assertSame( 'rest_forbidden', self::error_of( $response )[0] );
		}
		$this->assertSame( array(), $this->graph_calls(), 'No Graph call for a refused request.' );
		$this->assertSame( $before, $this->raw_platform() );
		$this->as_role( 'administrator' );
		$this->assertSame( 200, $this->rest( $method, $route, $body )->get_status(), "administrator on $method $route" );
	}

	public function test_base_url_default_constant_and_filter() {
		remove_all_filters( 'ccfm_graph_base_url' );
		$this->assertFalse( defined( 'CCFM_GRAPH_BASE_URL' ) );
		$this->assertSame( 'https://graph.facebook.com/v18.0', Graph_Client::base_url() );
		add_filter(
			'ccfm_graph_base_url',
			static function () {
				return 'http://localhost:9/v19.0/';
			}
		);
		$this->assertSame( 'http://localhost:9/v19.0', Graph_Client::base_url() );
	}

	public function test_whitelist_missing_origin_is_added_and_existing_kept() {
		$existing = array( 'https://partner.example.org/', 'https://blog.other-site.com' );
		$this->graph_seed(
			array(
				'whitelisted_domains' => $existing,
				'get_started'         => array( 'payload' => 'KEEP' ),
			)
		);
		$this->save_secrets();
		$this->site_at( self::SITE );
		$this->as_role( 'administrator' );

		$report = $this->rest( 'GET', '/ccfm/v1/platform/whitelist' );
		$this->assertSame( 200, $report->get_status() );
		$this->assertSame( $existing, $report->get_data()['domains'] );
		$this->assertSame( self::SITE, $report->get_data()['origin'] );
		$this->assertFalse( $report->get_data()['origin_listed'] );
		$this->assertSame( 'https://myshop-site.com', $report->get_data()['twin'] );
		$this->assertFalse( $report->get_data()['twin_listed'] );
		$this->assertTrue( $report->get_data()['whitelistable'] );

		$added = $this->rest( 'POST', '/ccfm/v1/platform/whitelist' );
		$this->assertSame( 200, $added->get_status() );
		$this->assertSame( array( self::SITE ), $added->get_data()['added'] );
		$this->assertTrue( $added->get_data()['origin_listed'] );
		$profile = $this->graph_state()['profile'];
		$this->assertSame( array_merge( $existing, array( self::SITE ) ), $profile['whitelisted_domains'], 'Merged, never replaced.' );
		$this->assertSame( array( 'payload' => 'KEEP' ), $profile['get_started'] );
		$state = $this->graph_state();
		$this->assertArrayNotHasKey( 'access_token', $state['requests'][1]['query'], 'The token is never in the URL.' );
		$this->assertSame( 'header', $state['requests'][1]['token_in'] );
		$this->assertSame( array( 'whitelisted_domains' => array_merge( $existing, array( self::SITE ) ) ), $state['requests'][2]['body'] );
	}

	public function test_whitelist_adds_the_twin_when_asked() {
		$this->graph_seed( array( 'whitelisted_domains' => array( 'https://a-site.com' ) ) );
		$this->save_secrets();
		$this->site_at( 'https://myshop-site.com' );
		$this->as_role( 'administrator' );
		$added = $this->rest( 'POST', '/ccfm/v1/platform/whitelist', array( 'include_twin' => true ) );
		$this->assertSame( 200, $added->get_status() );
		$this->assertSame( array( 'https://a-site.com', 'https://myshop-site.com', 'https://www.myshop-site.com' ), $this->graph_state()['profile']['whitelisted_domains'] );
	}

	public function test_whitelist_already_present_is_reported_and_not_written() {
		$this->graph_seed( array( 'whitelisted_domains' => array( 'https://WWW.MyShop-Site.com/', 'https://myshop-site.com/' ) ) );
		$this->save_secrets();
		$this->site_at( self::SITE );
		$this->as_role( 'administrator' );
		$report = $this->rest( 'GET', '/ccfm/v1/platform/whitelist' )->get_data();
		$this->assertTrue( $report['origin_listed'] );
		$this->assertTrue( $report['twin_listed'] );
		$again = $this->rest( 'POST', '/ccfm/v1/platform/whitelist', array( 'include_twin' => true ) );
		$this->assertSame( 200, $again->get_status() );
		$this->assertSame( array(), $again->get_data()['added'] );
		$this->assertNotContains( 'POST whitelisted_domains', $this->graph_calls() );
	}

	public function test_whitelist_only_twin_listed() {
		$this->graph_seed( array( 'whitelisted_domains' => array( 'https://myshop-site.com' ) ) );
		$this->save_secrets();
		$this->site_at( self::SITE );
		$this->as_role( 'administrator' );
		$report = $this->rest( 'GET', '/ccfm/v1/platform/whitelist' )->get_data();
		$this->assertFalse( $report['origin_listed'] );
		$this->assertTrue( $report['twin_listed'] );
	}

	public function test_whitelist_bad_token_gives_metas_message() {
		$this->graph_seed( array( 'whitelisted_domains' => array( 'https://a-site.com' ) ), 'bad-token' );
		$this->save_secrets();
		$this->site_at( self::SITE );
		$this->as_role( 'administrator' );
		foreach ( array( 'GET', 'POST' ) as $method ) {
			$response = $this->rest( $method, '/ccfm/v1/platform/whitelist' );
			$this->assertSame( 400, $response->get_status() );
			list( $code, $message ) = self::error_of( $response );
			$this->assertSame( 'ccfm_graph_bad_token', $code );
			$this->assertStringContainsString( 'Meta did not accept the Page access token', $message );
			$this->assertStringContainsString( 'Error validating access token: Session has expired', $message );
			$this->assertStringContainsString( '(code 190)', $message );
			$this->assertStringNotContainsString( self::TOKEN, (string) wp_json_encode( $response->get_data() ) );
		}
		$this->assertSame( array( 'https://a-site.com' ), $this->graph_state()['profile']['whitelisted_domains'] );
	}

	public function test_a_token_meta_does_not_know_is_refused() {
		$this->save_secrets( array( 'page_access_token' => 'EAAGSomeOtherTokenNotKnown12345' ) );
		$this->site_at( self::SITE );
		$this->as_role( 'administrator' );
		$response = $this->rest( 'GET', '/ccfm/v1/platform/whitelist' );
		$this->assertSame( 'ccfm_graph_bad_token', self::error_of( $response )[0] );
		$this->assertStringContainsString( 'Invalid OAuth access token', self::error_of( $response )[1] );
	}

	/**
	 * @testWith [4, "Application request limit reached"]
	 *           [613, "Calls to this api have exceeded the rate limit"]
	 *
	 * @param int    $code  Meta's code.
	 * @param string $words Meta's message.
	 */
	public function test_rate_limit_is_explained( $code, $words ) {
		$this->graph_seed( array(), 'rate-limit', $code );
		$this->save_secrets();
		$this->site_at( self::SITE );
		$this->as_role( 'administrator' );
		$response = $this->rest( 'POST', '/ccfm/v1/platform/chat-surface', array( 'get_started_payload' => 'X' ) );
		$this->assertSame( 429, $response->get_status() );
		list( $wp_code, $message ) = self::error_of( $response );
		$this->assertSame( 'ccfm_graph_rate_limited', $wp_code );
		$this->assertStringContainsString( 'rate limit was reached', $message );
		$this->assertStringContainsString( $words, $message );
		$this->assertSame( $code, $response->get_data()['data']['graph_code'] );
	}

	public function test_whitelist_limit_of_fifty() {
		$full = array();
		for ( $i = 1; $i <= 50; $i++ ) {
			$full[] = "https://site$i.example.org";
		}
		$this->graph_seed( array( 'whitelisted_domains' => $full ) );
		$this->save_secrets();
		$this->site_at( self::SITE );
		$this->as_role( 'administrator' );
		$response = $this->rest( 'POST', '/ccfm/v1/platform/whitelist' );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'ccfm_whitelist_full', self::error_of( $response )[0] );
		$this->assertSame( $full, $this->graph_state()['profile']['whitelisted_domains'] );
	}

	public function test_whitelist_refuses_a_local_site() {
		$this->graph_seed( array( 'whitelisted_domains' => array( 'https://a-site.com' ) ) );
		$this->save_secrets();
		$this->as_role( 'administrator' );
		$report = $this->rest( 'GET', '/ccfm/v1/platform/whitelist' )->get_data();
		$this->assertFalse( $report['whitelistable'], 'http://localhost cannot be whitelisted.' );
		$response = $this->rest( 'POST', '/ccfm/v1/platform/whitelist' );
		$this->assertSame( 'ccfm_not_whitelistable', self::error_of( $response )[0] );
		$this->assertSame( array( 'https://a-site.com' ), $this->graph_state()['profile']['whitelisted_domains'] );
	}

	public function test_no_token_saved() {
		$this->as_role( 'administrator' );
		$response = $this->rest( 'GET', '/ccfm/v1/platform/whitelist' );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'ccfm_graph_no_token', self::error_of( $response )[0] );
		$this->assertSame( array(), $this->graph_calls() );
	}

	/**
	 * A persistent menu with two locales, nested items and other settings.
	 *
	 * @return array<int,array<string,mixed>>
	 */
	private static function menu() {
		return array(
			array(
				'locale'                  => 'default',
				'composer_input_disabled' => false,
				'call_to_actions'         => array(
					array(
						'title'   => 'My Account',
						'type'    => 'postback',
						'payload' => 'PAYBILL_PAYLOAD',
					),
					array(
						'type'                 => 'web_url',
						'title'                => 'Shop now',
						'url'                  => 'https://www.originalcoastclothing.com/',
						'webview_height_ratio' => 'full',
					),
				),
			),
			array(
				'locale'            => 'de_DE',
				'disabled_surfaces' => array( 'SOME_OTHER_SURFACE' ),
				'call_to_actions'   => array(
					array(
						'title'   => 'Mein Konto',
						'type'    => 'postback',
						'payload' => 'KONTO',
					),
				),
			),
		);
	}

	public function test_chat_surface_sets_payload_and_hides_the_menu_only_there() {
		$this->graph_seed(
			array(
				'whitelisted_domains' => array( 'https://a-site.com' ),
				'get_started'         => array( 'payload' => 'OLD' ),
				'persistent_menu'     => self::menu(),
			)
		);
		$this->save_secrets();
		$this->as_role( 'administrator' );
		$payload  = str_repeat( 'ü', 1000 );
		$response = $this->rest( 'POST', '/ccfm/v1/platform/chat-surface', array( 'get_started_payload' => $payload ) );
		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame(
			array(
				'get_started' => true,
				'menu'        => 'hidden',
				'locales'     => array( 'default', 'de_DE' ),
			),
			$response->get_data()
		);
		$profile                          = $this->graph_state()['profile'];
		$expected                         = self::menu();
		$expected[0]['disabled_surfaces'] = array( 'CUSTOMER_CHAT_PLUGIN' );
		$expected[1]['disabled_surfaces'] = array( 'SOME_OTHER_SURFACE', 'CUSTOMER_CHAT_PLUGIN' );
		$this->assertSame( $expected, $profile['persistent_menu'] );
		$this->assertSame( array( 'payload' => $payload ), $profile['get_started'] );
		$this->assertSame( array( 'https://a-site.com' ), $profile['whitelisted_domains'] );
		$this->assertSame( array( 'POST get_started', 'GET persistent_menu', 'POST persistent_menu' ), $this->graph_calls() );

		// Again: nothing to change, nothing written.
		$this->graph_seed( $profile );
		$again = $this->rest( 'POST', '/ccfm/v1/platform/chat-surface', array() );
		$this->assertSame( 'already_hidden', $again->get_data()['menu'] );
		$this->assertSame( array( 'GET persistent_menu' ), $this->graph_calls() );
	}

	public function test_chat_surface_without_a_menu() {
		$this->save_secrets();
		$this->as_role( 'administrator' );
		$response = $this->rest( 'POST', '/ccfm/v1/platform/chat-surface', array() );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'none', $response->get_data()['menu'] );
		$this->assertFalse( $response->get_data()['get_started'] );
		$this->assertSame( array( 'GET persistent_menu' ), $this->graph_calls() );
	}

	/**
	 * @testWith [""]
	 *           ["1001"]
	 *
	 * @param string $length Payload length ("" for empty).
	 */
	public function test_chat_surface_payload_limits( $length ) {
		$this->save_secrets();
		$this->as_role( 'administrator' );
		$response = $this->rest( 'POST', '/ccfm/v1/platform/chat-surface', array( 'get_started_payload' => str_repeat( 'a', (int) $length ) ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertStringContainsString( '1 to 1000 characters', (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( array(), $this->graph_calls() );
	}

	public function test_graph_error_mapping() {
		$permission = Graph_Client::error_from_meta(
			array(
				'message' => '(#200) Requires pages_messaging permission',
				'code'    => 200,
			)
		);
		$this->assertSame( 'ccfm_graph_permission', $permission->get_error_code() );
		$other = Graph_Client::error_from_meta(
			array(
				'message' => 'Token ' . self::TOKEN . ' <b>broke</b>',
				'code'    => 1,
			),
			self::TOKEN
		);
		$this->assertSame( 'ccfm_graph_error', $other->get_error_code() );
		$this->assertStringNotContainsString( self::TOKEN, $other->get_error_message() );
		$this->assertStringNotContainsString( '<b>', $other->get_error_message() );
	}
}
