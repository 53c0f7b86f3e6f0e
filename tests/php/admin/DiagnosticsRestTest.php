<?php
/**
 * CCFM\Admin\Diagnostics and GET /ccfm/v1/diagnostics.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Admin\Diagnostics;
use CCFM\Admin\Site_Health;
use CCFM\Platform\Whitelist;

/**
 * Diagnostics tests.
 */
class DiagnosticsRestTest extends TestCase {

	const ROUTE = '/ccfm/v1/diagnostics';

	/**
	 * The checks of a diagnostics response, by id.
	 *
	 * @param array<int,array<string,string>> $checks Checks.
	 * @return array<string,array<string,string>>
	 */
	private function by_id( array $checks ) {
		$by_id = array();
		foreach ( $checks as $check ) {
			$this->assertSame( array( 'id', 'label', 'status', 'description', 'fix', 'modes', 'needed', 'needs' ), array_keys( $check ) );
			$this->assertContains( $check['status'], array( 'good', 'warning', 'critical', 'info' ) );
			$this->assertSame( Diagnostics::modes_of( $check['id'] ), $check['modes'] );
			$this->assertNotSame( '', $check['needs'] );
			$this->assertNotSame( '', $check['label'] );
			$this->assertNotSame( '', $check['description'] );
			$this->assertArrayNotHasKey( $check['id'], $by_id, 'Check ids are unique.' );
			$by_id[ $check['id'] ] = $check;
		}
		return $by_id;
	}

	/**
	 * Most checks here are about the Chat Plugin: the site is in that mode
	 * unless a test says otherwise (new installs default to the link).
	 */
	public function set_up() {
		parent::set_up();
		update_option( self::OPTION, array( 'mode' => 'chat_plugin' ) );
	}

	public function test_in_link_mode_what_only_the_chat_plugin_needs_is_never_critical() {
		$this->stub_home_page( array( array( 'Referrer-Policy', 'no-referrer' ), array( 'Content-Security-Policy', "default-src 'self'" ) ), '<html><script src="https://connect.facebook.net/en_US/sdk.js"></script></html>' );
		update_option(
			self::OPTION,
			array(
				'mode'          => 'link',
				'page_username' => 'acme.bakery',
			)
		);
		$checks = $this->run_checks();
		$this->assertSame( 'good', $checks['page_id']['status'], 'A username alone is enough for the link.' );
		$this->assertTrue( $checks['page_id']['needed'] );
		foreach ( array( 'https', 'domain', 'referrer', 'csp', 'other_sdk' ) as $id ) {
			$this->assertSame( 'info', $checks[ $id ]['status'], $id );
			$this->assertFalse( $checks[ $id ]['needed'], $id );
			$this->assertSame( array( 'chat_plugin' ), $checks[ $id ]['modes'], $id );
			$this->assertSame( 'Needed by the Chat Plugin only.', $checks[ $id ]['needs'], $id );
		}
		// The finding is still told, for information.
		$this->assertStringStartsWith( 'localhost cannot be whitelisted', $checks['domain']['description'] );

		$result = Site_Health::site_health_result();
		$this->assertSame( 'good', $result['status'] );
		$this->assertSame( 'The Messenger chat is set up correctly', $result['label'] );
		$this->assertStringContainsString( '<li><strong>HTTPS</strong> (Not needed in this mode) ', $result['description'] );
		$this->assertStringNotContainsString( '(Critical)', $result['description'] );
		$this->assertStringNotContainsString( '(Recommended)', $result['description'] );
	}

	public function test_the_page_check_follows_the_mode() {
		$this->stub_home_page( array(), '<html></html>' );
		update_option( self::OPTION, array( 'mode' => 'link' ) );
		$this->assertSame( 'critical', $this->run_checks()['page_id']['status'], 'Nothing set.' );
		update_option(
			self::OPTION,
			array(
				'mode'          => 'chat_plugin',
				'page_username' => 'acme.bakery',
			)
		);
		$checks = $this->run_checks();
		$this->assertSame( 'critical', $checks['page_id']['status'], 'The Chat Plugin needs the numeric ID.' );
		$this->assertStringContainsString( 'numeric Page ID', $checks['page_id']['description'] );
		$this->assertSame( 'critical', $checks['https']['status'], 'Needed in Chat Plugin mode.' );
	}

	public function test_route_is_registered_for_get_only() {
		$routes = rest_get_server()->get_routes();
		$this->assertArrayHasKey( self::ROUTE, $routes );
		$this->assertSame( array( 'GET' => true ), $routes[ self::ROUTE ][0]['methods'] );
	}

	public function test_logged_out_gets_401() {
		$response = $this->rest( 'GET', self::ROUTE );
		$this->assertSame( 401, $response->get_status() );
		$this->assertSame( 'rest_forbidden', self::error_of( $response )[0] );
		$this->assertArrayNotHasKey( 'checks', $response->get_data() );
	}

	/**
	 * Logged-in roles below administrator.
	 *
	 * @return array<string,array{0:string}>
	 */
	public function data_non_admin_roles() {
		return array(
			'subscriber'  => array( 'subscriber' ),
			'contributor' => array( 'contributor' ),
			'author'      => array( 'author' ),
			'editor'      => array( 'editor' ),
		);
	}

	/**
	 * @dataProvider data_non_admin_roles
	 *
	 * @param string $role Role.
	 */
	public function test_non_admin_gets_403( $role ) {
		$this->as_role( $role );
		$response = $this->rest( 'GET', self::ROUTE );
		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'rest_forbidden', self::error_of( $response )[0] );
		$this->assertArrayNotHasKey( 'checks', $response->get_data() );
	}

	/**
	 * The real loopback request to http://localhost:8888/ (served by the
	 * running PHP server against the development database).
	 */
	public function test_admin_gets_the_checks() {
		update_option( self::OPTION, array( 'mode' => 'chat_plugin' ) );
		$this->as_role( 'administrator' );
		$response = $this->rest( 'GET', self::ROUTE );

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertSame( array( 'checks' ), array_keys( $data ) );
		$checks = $this->by_id( $data['checks'] );

		$this->assertSame( array( 'page_id', 'service', 'message_text', 'away_hours', 'https', 'domain' ), array_slice( array_keys( $checks ), 0, 6 ) );
		$this->assertSame( 'critical', $checks['page_id']['status'], 'No Page ID in the test database.' );
		$this->assertSame( 'warning', $checks['service']['status'], 'Chat Plugin mode.' );
		$this->assertSame( 'critical', $checks['https']['status'] );
		$this->assertSame( 'critical', $checks['domain']['status'] );
		$this->assertStringStartsWith( 'localhost cannot be whitelisted', $checks['domain']['description'] );
		$this->assertNotSame( '', $checks['https']['fix'] );
		$this->assertArrayNotHasKey( 'loopback', $checks, 'The local site answers its own loopback request.' );
		$this->assertSame( array( 'referrer', 'csp', 'other_sdk', 'click_counting' ), array_slice( array_keys( $checks ), 6 ) );
	}

	public function test_admin_checks_follow_the_settings() {
		$this->stub_home_page( array(), '<html></html>' );
		update_option(
			self::OPTION,
			array(
				'page_id' => '1234567890',
				'mode'    => 'link',
			)
		);
		$this->as_role( 'administrator' );

		$checks = $this->by_id( $this->rest( 'GET', self::ROUTE )->get_data()['checks'] );

		$this->assertSame( 'good', $checks['page_id']['status'] );
		$this->assertSame( 'good', $checks['service']['status'] );
		$this->assertSame( 'info', $checks['https']['status'], 'Not needed in link mode.' );
	}

	/**
	 * Answers the loopback request with a response built the way WP_Http
	 * builds it from a real one (header names case-insensitive, a header sent
	 * twice becomes a list).
	 *
	 * @param array<int,array{0:string,1:string}>|\WP_Error $headers Header name/value pairs, or an error.
	 * @param string                                        $body    Body.
	 */
	private function stub_home_page( $headers, $body = '' ) {
		if ( is_wp_error( $headers ) ) {
			$response = $headers;
		} else {
			$raw              = new \WpOrg\Requests\Response();
			$raw->status_code = 200;
			$raw->success     = true;
			$raw->url         = home_url( '/' );
			$raw->body        = $body;
			foreach ( $headers as $header ) {
				$raw->headers[ $header[0] ] = $header[1];
			}
			$http_response             = new \WP_HTTP_Requests_Response( $raw );
			$response                  = $http_response->to_array();
			$response['http_response'] = $http_response;
		}
		$test = $this;
		add_filter(
			'pre_http_request',
			static function ( $pre, $args, $url ) use ( $response, $test ) {
				if ( false !== strpos( $url, 'ccfm/v1/click' ) ) {
					return $pre; // The click beacon's own loopback (ClickSigningTest).
				}
				$test->assertSame( home_url( '/' ), $url, 'The loopback request goes to the home URL only.' );
				return $response;
			},
			10,
			3
		);
	}

	/**
	 * Runs the checks and returns them by id.
	 *
	 * @return array<string,array<string,string>>
	 */
	private function run_checks() {
		return $this->by_id( Diagnostics::run() );
	}

	public function test_run_reports_a_failed_loopback_as_a_warning() {
		$this->stub_home_page( new \WP_Error( 'http_request_failed', 'cURL error 7: Failed to connect' ) );
		$checks = $this->run_checks();
		$this->assertSame( array( 'page_id', 'service', 'message_text', 'away_hours', 'https', 'domain', 'loopback' ), array_keys( $checks ) );
		$this->assertSame( 'warning', $checks['loopback']['status'] );
		$this->assertStringContainsString( 'cURL error 7: Failed to connect', $checks['loopback']['description'] );
	}

	public function test_run_clean_home_page_is_good() {
		$this->stub_home_page( array( array( 'Referrer-Policy', 'strict-origin-when-cross-origin' ) ), '<html><head></head><body></body></html>' );
		$checks = $this->run_checks();
		$this->assertSame( 'good', $checks['referrer']['status'] );
		$this->assertSame( 'good', $checks['csp']['status'] );
		$this->assertSame( 'good', $checks['other_sdk']['status'] );
	}

	public function test_run_detects_a_breaking_referrer_header() {
		$this->stub_home_page( array( array( 'Referrer-Policy', 'no-referrer' ) ), '<html></html>' );
		$checks = $this->run_checks();
		$this->assertSame( 'critical', $checks['referrer']['status'] );
		$this->assertStringContainsString( 'The Referrer-Policy header is "no-referrer"', $checks['referrer']['description'] );
	}

	public function test_run_detects_a_breaking_referrer_meta_tag() {
		$this->stub_home_page( array(), '<html><head><meta name="referrer" content="same-origin"></head></html>' );
		$checks = $this->run_checks();
		$this->assertSame( 'critical', $checks['referrer']['status'] );
		$this->assertStringContainsString( '<meta name="referrer"> is "same-origin"', $checks['referrer']['description'] );
	}

	public function test_run_detects_a_blocking_csp() {
		$this->stub_home_page( array( array( 'Content-Security-Policy', "default-src 'self'" ) ), '<html></html>' );
		$checks = $this->run_checks();
		$this->assertSame( 'critical', $checks['csp']['status'] );
		$this->assertSame( 'The Content-Security-Policy blocks scripts from connect.facebook.net and frames from www.facebook.com.', $checks['csp']['description'] );
	}

	public function test_run_accepts_an_allowing_csp() {
		$this->stub_home_page( array( array( 'Content-Security-Policy', "default-src 'self'; script-src 'self' https://connect.facebook.net; frame-src https://www.facebook.com" ) ), '<html></html>' );
		$this->assertSame( 'good', $this->run_checks()['csp']['status'] );
	}

	public function test_run_detects_another_sdk() {
		$this->stub_home_page( array(), '<html><script async src="https://connect.facebook.net/en_US/sdk.js"></script></html>' );
		$this->assertSame( 'warning', $this->run_checks()['other_sdk']['status'] );
	}

	/**
	 * A header sent twice reaches the plugin as a list (WP_HTTP_Requests_Response
	 * keeps every value). The Referrer-Policy values form one list whose last
	 * valid token wins; each Content-Security-Policy is enforced on its own.
	 */
	public function test_run_handles_headers_sent_twice() {
		$this->stub_home_page(
			array(
				array( 'Referrer-Policy', 'strict-origin-when-cross-origin' ),
				array( 'Referrer-Policy', 'no-referrer' ),
				array( 'Content-Security-Policy', 'frame-ancestors *' ),
				array( 'Content-Security-Policy', "script-src 'self'" ),
			),
			'<html></html>'
		);
		$this->assertIsArray( wp_remote_retrieve_header( wp_remote_get( home_url( '/' ) ), 'referrer-policy' ), 'The stub sends the header twice.' );

		$checks = $this->run_checks();

		$this->assertSame( 'critical', $checks['referrer']['status'] );
		$this->assertSame( 'critical', $checks['csp']['status'] );
	}

	/**
	 * Hostnames and whether Meta could whitelist them.
	 *
	 * @return array<string,array{0:string,1:bool}>
	 */
	public function data_hosts() {
		return array(
			'example.com'    => array( 'example.com', true ),
			'www.shop.co.uk' => array( 'www.shop.co.uk', true ),
			'upper case'     => array( 'WWW.Example.COM', true ),
			'localhost'      => array( 'localhost', false ),
			'127.0.0.1'      => array( '127.0.0.1', false ),
			'mysite.local'   => array( 'mysite.local', false ),
			'site.test'      => array( 'site.test', false ),
			'x.example'      => array( 'x.example', false ),
			'foo.invalid'    => array( 'foo.invalid', false ),
			'::1'            => array( '::1', false ),
			'[::1]'          => array( '[::1]', false ),
			'empty'          => array( '', false ),
			'single label'   => array( 'intranet', false ),
		);
	}

	/**
	 * @dataProvider data_hosts
	 *
	 * @param string $host     Host.
	 * @param bool   $expected Whether it can be whitelisted.
	 */
	public function test_host_whitelistable( $host, $expected ) {
		$this->assertSame( $expected, Whitelist::host_whitelistable( $host ) );
	}

	/**
	 * Referrer policies and whether they stop the Chat Plugin.
	 *
	 * @return array<string,array{0:string,1:bool}>
	 */
	public function data_policies() {
		return array(
			'no-referrer'                          => array( 'no-referrer', true ),
			'same-origin'                          => array( 'same-origin', true ),
			'upper case'                           => array( 'No-Referrer', true ),
			'strict-origin-when-cross-origin'      => array( 'strict-origin-when-cross-origin', false ),
			'origin'                               => array( 'origin', false ),
			'unsafe-url'                           => array( 'unsafe-url', false ),
			'last wins (good)'                     => array( 'no-referrer, strict-origin', false ),
			'last wins (bad)'                      => array( 'strict-origin, no-referrer', true ),
			'spaces and trailing comma'            => array( ' strict-origin ,  same-origin , ', true ),
			'empty'                                => array( '', false ),
			'unknown token is ignored (bad stays)' => array( 'no-referrer, some-future-policy', true ),
			'only unknown token'                   => array( 'bogus', false ),
		);
	}

	/**
	 * @dataProvider data_policies
	 *
	 * @param string $policy   Policy.
	 * @param bool   $expected Whether it breaks the Chat Plugin.
	 */
	public function test_policy_breaks( $policy, $expected ) {
		$this->assertSame( $expected, Diagnostics::policy_breaks( $policy ) );
	}

	/**
	 * CSPs and whether the SDK script is allowed.
	 *
	 * @return array<string,array{0:string,1:bool}>
	 */
	public function data_csp_scripts() {
		return array(
			'no policy'                         => array( '', true ),
			'unrelated directives only'         => array( "img-src 'self'; frame-ancestors 'none'", true ),
			'default-src self'                  => array( "default-src 'self'", false ),
			'default-src none'                  => array( "default-src 'none'", false ),
			'default-src star'                  => array( 'default-src *', true ),
			'script-src https:'                 => array( "script-src 'self' https:", true ),
			'script-src host with scheme'       => array( "script-src 'self' https://connect.facebook.net", true ),
			'script-src host with slash'        => array( 'script-src https://connect.facebook.net/', true ),
			'script-src bare host'              => array( 'script-src connect.facebook.net', true ),
			'script-src wildcard'               => array( 'script-src https://*.facebook.net', true ),
			'wildcard does not match apex'      => array( 'script-src *.connect.facebook.net', false ),
			'other host'                        => array( "script-src 'self' https://www.facebook.com", false ),
			'script-src wins over default'      => array( "default-src 'none'; script-src https://connect.facebook.net", true ),
			'script-src blocks despite default' => array( "default-src *; script-src 'self'", false ),
			'script-src-elem wins'              => array( "script-src 'self'; script-src-elem https://connect.facebook.net", true ),
			'upper-case directive'              => array( "SCRIPT-SRC 'self' HTTPS://CONNECT.FACEBOOK.NET", true ),
			'trailing semicolon and spaces'     => array( "  script-src   'self'   https://connect.facebook.net ; ", true ),
		);
	}

	/**
	 * @dataProvider data_csp_scripts
	 *
	 * @param string $csp      Policy.
	 * @param bool   $expected Whether connect.facebook.net scripts load.
	 */
	public function test_csp_allows_scripts( $csp, $expected ) {
		$this->assertSame( $expected, Diagnostics::csp_allows( $csp, array( 'script-src-elem', 'script-src', 'default-src' ), 'connect.facebook.net' ) );
	}

	public function test_csp_allows_frames() {
		$chain = array( 'frame-src', 'child-src', 'default-src' );
		$this->assertTrue( Diagnostics::csp_allows( "default-src 'self'; child-src https://www.facebook.com", $chain, 'www.facebook.com' ) );
		$this->assertFalse( Diagnostics::csp_allows( "child-src https://www.facebook.com; frame-src 'self'", $chain, 'www.facebook.com' ) );
		$this->assertTrue( Diagnostics::csp_allows( 'frame-src *.facebook.com', $chain, 'www.facebook.com' ) );
		$this->assertFalse( Diagnostics::csp_allows( 'frame-src https://facebook.com', $chain, 'www.facebook.com' ) );
	}

	/**
	 * A directive repeated in one policy: browsers use the first and ignore
	 * the rest (CSP3, "parse a serialized CSP").
	 */
	public function test_csp_repeated_directive_first_wins() {
		$chain = array( 'script-src-elem', 'script-src', 'default-src' );
		$this->assertFalse( Diagnostics::csp_allows( "script-src 'none'; script-src https://connect.facebook.net", $chain, 'connect.facebook.net' ) );
		$this->assertTrue( Diagnostics::csp_allows( "script-src https://connect.facebook.net; script-src 'none'", $chain, 'connect.facebook.net' ) );
	}

	public function test_site_health_result_sums_up_the_worst_status() {
		$this->stub_home_page( array(), '<html></html>' );
		$result = Site_Health::site_health_result();
		$this->assertSame( 'critical', $result['status'] );
		$this->assertSame( 'ccfm_chat', $result['test'] );
		$this->assertStringContainsString( '<li><strong>HTTPS</strong>', $result['description'] );
		$tests = ( new Site_Health() )->site_health_tests( array( 'direct' => array( 'core' => array() ) ) );
		$this->assertSame( array(), $tests['direct']['core'], 'Core tests are kept.' );
		$this->assertSame( rest_url( 'ccfm/v1/site-health' ), $tests['async']['ccfm_chat']['test'] );
		$this->assertTrue( $tests['async']['ccfm_chat']['has_rest'] );
		$this->assertIsCallable( $tests['async']['ccfm_chat']['async_direct_test'] );
	}

	public function test_site_health_route_gives_the_result_to_administrators_only() {
		$this->stub_home_page( array(), '<html></html>' );
		$this->assertSame( 401, $this->rest( 'GET', '/ccfm/v1/site-health' )->get_status() );
		$this->as_role( 'editor' );
		$this->assertSame( 403, $this->rest( 'GET', '/ccfm/v1/site-health' )->get_status() );
		$this->as_role( 'administrator' );
		$response = $this->rest( 'GET', '/ccfm/v1/site-health' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( Site_Health::site_health_result(), $response->get_data() );
		$this->assertSame( 'critical', $response->get_data()['status'] );
	}

	public function test_site_health_items_say_their_status_worst_first() {
		update_option( self::OPTION, array( 'mode' => 'chat_plugin' ) );
		$this->stub_home_page( array(), '<html></html>' );
		$result = Site_Health::site_health_result();
		$this->assertStringContainsString( '<li><strong>HTTPS</strong> (Critical) The site is not served over HTTPS', $result['description'] );
		$this->assertStringContainsString( '<li><strong>Chat Plugin service</strong> (Recommended) ', $result['description'] );
		$this->assertStringContainsString( '<li><strong>Referrer policy</strong> (Good) ', $result['description'] );
		preg_match_all( '#</strong> \((Critical|Recommended|Good)\)#', $result['description'], $m );
		$this->assertSame( array( 'Critical', 'Critical', 'Critical', 'Recommended', 'Good', 'Good', 'Good', 'Good', 'Good', 'Good' ), $m[1] ); // The last Good: click counting (the beacon answers its loopback).
		// Within a status, the checks keep their own order.
		$this->assertLessThan( strpos( $result['description'], '<strong>HTTPS</strong>' ), strpos( $result['description'], '<strong>Facebook Page</strong>' ) );
	}
}
