<?php
/**
 * The click beacon trusts nothing a stranger sends: the page and ref must
 * carry the key the site printed; bots and prefetches are refused; the
 * per-client cap, the per-IP ceiling and the daily budget of new rows hold
 * and fail closed; the client-IP header is used only when the site names
 * it. The parts where what matters is what a stranger sends are driven over
 * real HTTP against the local site (its own database, read back here
 * through a connection of its own), Plain permalinks included.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Admin\Diagnostics;
use CCFM\Platform\Click_Route;
use CCFM\Platform\Click_Store;

/**
 * Click signing, budgets and request shapes.
 */
class ClickSigningTest extends TestCase {

	const LINK = 'https://m.me/examplepage?ref=spring';

	const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) ClickSigningTest/1.0';

	/**
	 * Posts created by the test.
	 *
	 * @var int[]
	 */
	private $posts = array();

	/**
	 * The local site's database (what the web server on CCFM_WP_PORT uses).
	 *
	 * @var \wpdb|null
	 */
	private static $site_db;

	protected function set_up() {
		parent::set_up();
		Click_Store::maybe_upgrade();
		self::empty_tables();
		$_SERVER['REMOTE_ADDR']     = '203.0.113.7';
		$_SERVER['HTTP_USER_AGENT'] = self::BROWSER;
		unset( $_SERVER['HTTP_X_FORWARDED_FOR'] );
	}

	protected function tear_down() {
		foreach ( $this->posts as $id ) {
			wp_delete_post( $id, true );
		}
		self::empty_tables();
		unset( $_SERVER['HTTP_X_FORWARDED_FOR'] );
		parent::tear_down();
	}

	/**
	 * Empties both click tables of the test database.
	 */
	private static function empty_tables() {
		global $wpdb;
		$wpdb->query( 'TRUNCATE TABLE ' . Click_Store::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		$wpdb->query( 'TRUNCATE TABLE ' . Click_Store::clients_table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
	}

	/**
	 * A beacon dispatched inside WordPress, as a browser sends it.
	 *
	 * @param array<string,string> $query   Query (signed for its page and the body's ref unless it has k).
	 * @param string               $body    Body.
	 * @param array<string,string> $headers Extra headers.
	 * @return \WP_REST_Response
	 */
	private function beacon( array $query, $body = self::LINK, array $headers = array() ) {
		if ( isset( $query['page'] ) && ! array_key_exists( 'k', $query ) ) {
			$ref        = Click_Route::ref_of( $body );
			$query['k'] = Click_Route::key( $query['page'], null === $ref ? '' : $ref );
		}
		$request = new \WP_REST_Request( 'POST', '/ccfm/v1/click' );
		$request->set_query_params( $query );
		$request->set_header( 'content-type', 'text/plain;charset=UTF-8' );
		$request->set_header( 'user-agent', (string) $_SERVER['HTTP_USER_AGENT'] );
		foreach ( $headers as $name => $value ) {
			$request->set_header( $name, $value );
		}
		$request->set_body( $body );
		$response = rest_get_server()->dispatch( $request );
		$this->assertInstanceOf( \WP_REST_Response::class, $response );
		return $response;
	}

	/**
	 * Every stored click row (test database).
	 *
	 * @return list<array<string,string>>
	 */
	private static function clicks() {
		global $wpdb;
		return (array) $wpdb->get_results( 'SELECT page, ref, path, clicks FROM ' . Click_Store::table() . ' ORDER BY page, ref, path', ARRAY_A ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
	}

	public function test_a_signed_page_and_ref_count_and_forged_ones_are_refused_with_400() {
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9_-]{16}$/D', Click_Route::key( '/', 'spring' ) );
		$this->assertSame( Click_Route::key( '/', 'spring' ), Click_Route::key( '/', 'spring' ), 'The same on every render (page caches).' );
		$this->assertSame( 204, $this->beacon( array( 'page' => '/' ) )->get_status() );

		$forged = array(
			'made-up key'         => array( array( 'page' => '/', 'k' => 'AAAAAAAAAAAAAAAA' ), self::LINK ),
			'no key'              => array( array( 'page' => '/' ), self::LINK, true ),
			'forged page'         => array( array( 'page' => '/made-up-17/', 'k' => Click_Route::key( '/', 'spring' ) ), self::LINK ),
			'forged ref'          => array( array( 'page' => '/', 'k' => Click_Route::key( '/', 'spring' ) ), 'https://m.me/examplepage?ref=junk17' ),
			'key of another page' => array( array( 'page' => '/shop/', 'k' => Click_Route::key( '/blog/', 'spring' ) ), self::LINK ),
			'key of no ref'       => array( array( 'page' => '/', 'k' => Click_Route::key( '/', '' ) ), self::LINK ),
			'key as an array'     => array( array( 'page' => '/', 'k' => array( Click_Route::key( '/', 'spring' ) ) ), self::LINK ),
		);
		foreach ( $forged as $what => $case ) {
			$query = $case[0];
			if ( isset( $case[2] ) ) {
				$request = new \WP_REST_Request( 'POST', '/ccfm/v1/click' );
				$request->set_query_params( $query );
				$request->set_header( 'user-agent', self::BROWSER );
				$request->set_body( $case[1] );
				$response = rest_get_server()->dispatch( $request );
			} else {
				$response = $this->beacon( $query, $case[1] );
			}
			$this->assertSame( 400, $response->get_status(), $what );
		}
		$this->assertSame(
			array(
				array(
					'page'   => '/',
					'ref'    => 'spring',
					'path'   => 'link',
					'clicks' => '1',
				),
			),
			self::clicks(),
			'Only the signed click is stored.'
		);
	}

	public function test_printed_buttons_carry_the_key_of_their_own_ref() {
		update_option( self::OPTION, array( 'page_id' => '1234567890' ) );
		$settings        = \CCFM\Settings\Settings::get();
		$settings['ref'] = 'button-ref';
		$html            = \CCFM\Chat\Renderer::button( $settings, 'Ask us' );
		$this->assertStringContainsString( 'data-ccfm-k="' . Click_Route::key( Click_Route::current_page(), 'button-ref' ) . '"', $html );

		update_option( self::OPTION, array( 'click_counting' => 'off' ) );
		$this->assertStringNotContainsString( 'data-ccfm-k', \CCFM\Chat\Renderer::button( $settings, 'Ask us' ) );
	}

	public function test_bots_and_prefetches_are_refused_before_any_write() {
		foreach ( array( 'Googlebot/2.1 (+http://www.google.com/bot.html)', 'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)', 'Mozilla/5.0 (Linux; Android 11; moto g power (2022)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Mobile Safari/537.36 Chrome-Lighthouse', 'facebookexternalhit/1.1', 'curl/8.5.0', 'python-requests/2.31', '' ) as $agent ) {
			$_SERVER['HTTP_USER_AGENT'] = $agent;
			$this->assertSame( 403, $this->beacon( array( 'page' => '/' ) )->get_status(), "user agent '$agent'" );
		}
		$_SERVER['HTTP_USER_AGENT'] = self::BROWSER;
		foreach ( array( 'sec-purpose' => 'prefetch;prerender', 'purpose' => 'prefetch', 'x-moz' => 'prefetch' ) as $header => $value ) {
			$this->assertSame( 403, $this->beacon( array( 'page' => '/' ), self::LINK, array( $header => $value ) )->get_status(), $header );
		}
		global $wpdb;
		$this->assertSame( '0', $wpdb->get_var( 'SELECT COUNT(*) FROM ' . Click_Store::clients_table() ), 'Not even a cap was written.' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		$this->assertSame( array(), self::clicks() );
		$this->assertSame( 204, $this->beacon( array( 'page' => '/' ) )->get_status(), 'A browser still counts.' );
	}

	public function test_one_ip_address_has_a_ceiling_above_the_per_client_cap() {
		// An office behind one address: many browsers, each under its own cap, all counted.
		for ( $i = 0; $i < 3 * Click_Route::DAILY_CAP; $i++ ) {
			$_SERVER['HTTP_USER_AGENT'] = self::BROWSER . ' visitor-' . intdiv( $i, 3 );
			$this->assertSame( 204, $this->beacon( array( 'page' => '/' ) )->get_status(), "click $i" );
		}
		// One script changing its user agent on every beacon stops at the ceiling.
		global $wpdb;
		$keys = Click_Route::cap_keys();
		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Click_Store::clients_table() . ' SET clicks = %d WHERE client_key = %s', Click_Route::IP_DAILY_CAP, $keys['ip'] ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		$_SERVER['HTTP_USER_AGENT'] = self::BROWSER . ' junk-1';
		$this->assertSame( 429, $this->beacon( array( 'page' => '/' ) )->get_status() );
		$_SERVER['HTTP_USER_AGENT'] = self::BROWSER . ' junk-2';
		$this->assertSame( 429, $this->beacon( array( 'page' => '/' ) )->get_status() );
		$this->assertSame( (string) ( 3 * Click_Route::DAILY_CAP ), self::clicks()[0]['clicks'] );

		$_SERVER['REMOTE_ADDR'] = '198.51.100.20';
		$this->assertSame( 204, $this->beacon( array( 'page' => '/' ) )->get_status(), 'Another address is not capped.' );
	}

	public function test_the_daily_budget_of_new_rows_refuses_new_combinations_only() {
		$this->assertSame( 204, $this->beacon( array( 'page' => '/' ) )->get_status() );
		global $wpdb;
		$day = gmdate( 'Y-m-d' );
		$this->assertSame( '1', $wpdb->get_var( $wpdb->prepare( 'SELECT clicks FROM ' . Click_Store::clients_table() . ' WHERE client_key = %s', 'rows:' . $day ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		$this->assertSame( 204, $this->beacon( array( 'page' => '/' ) )->get_status() );
		$this->assertSame( '1', $wpdb->get_var( $wpdb->prepare( 'SELECT clicks FROM ' . Click_Store::clients_table() . ' WHERE client_key = %s', 'rows:' . $day ) ), 'An existing row takes nothing from the budget.' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared

		$wpdb->query( $wpdb->prepare( 'UPDATE ' . Click_Store::clients_table() . ' SET clicks = %d WHERE client_key = %s', Click_Route::NEW_ROWS_PER_DAY, 'rows:' . $day ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		$response = $this->beacon( array( 'page' => '/shop/' ) );
		$this->assertSame( 429, $response->get_status() );
		$this->assertSame( 'ccfm_click_budget', $response->as_error()->get_error_code() );
		$_SERVER['HTTP_USER_AGENT'] = self::BROWSER . ' other';
		$this->assertSame( 204, $this->beacon( array( 'page' => '/' ) )->get_status(), 'Existing rows still count.' );
		$this->assertSame(
			array(
				array(
					'page'   => '/',
					'ref'    => 'spring',
					'path'   => 'link',
					'clicks' => '3',
				),
			),
			self::clicks()
		);
	}

	public function test_the_caps_fail_closed_when_they_cannot_be_written() {
		global $wpdb;
		$clients = Click_Store::clients_table();
		$wpdb->query( "RENAME TABLE {$clients} TO {$clients}_away" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange
		$suppress = $wpdb->suppress_errors( true );
		try {
			$response = $this->beacon( array( 'page' => '/' ) );
		} finally {
			$wpdb->suppress_errors( $suppress );
			$wpdb->query( "RENAME TABLE {$clients}_away TO {$clients}" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared, WordPress.DB.DirectDatabaseQuery.SchemaChange
		}
		$this->assertSame( 503, $response->get_status() );
		$this->assertSame( array(), self::clicks(), 'Nothing counted without a cap.' );
		$this->assertSame( 204, $this->beacon( array( 'page' => '/' ) )->get_status(), 'Counted again once the cap can be written.' );
	}

	public function test_the_client_ip_header_is_used_only_when_the_site_names_it() {
		remove_all_filters( 'ccfm_client_ip_header' );
		$_SERVER['REMOTE_ADDR']          = '10.0.0.5';
		$_SERVER['HTTP_X_FORWARDED_FOR'] = '198.51.100.1, 192.0.2.44';
		$this->assertSame( '10.0.0.5', Click_Route::client_ip(), 'Off by default: anyone can send the header.' );

		add_filter( 'ccfm_client_ip_header', static fn() => 'HTTP_X_FORWARDED_FOR' );
		$this->assertSame( '192.0.2.44', Click_Route::client_ip(), 'The right-most address: the one our proxy saw.' );
		add_filter( 'ccfm_trusted_proxies', static fn() => array( '192.0.2.0/24' ) );
		$this->assertSame( '198.51.100.1', Click_Route::client_ip(), 'The site\'s own proxies are skipped.' );
		$_SERVER['HTTP_X_FORWARDED_FOR'] = 'forged, 198.51.100.1:4711, 192.0.2.44';
		$this->assertSame( '198.51.100.1', Click_Route::client_ip(), 'A port is taken off; what a visitor prepends is never reached.' );
		$_SERVER['HTTP_X_FORWARDED_FOR'] = '198.51.100.1, not-an-ip, 192.0.2.44';
		$this->assertSame( '10.0.0.5', Click_Route::client_ip(), 'A malformed untrusted hop: REMOTE_ADDR.' );
		$_SERVER['HTTP_X_FORWARDED_FOR'] = '[2001:DB8:0:0::1]:443';
		$this->assertSame( '2001:db8::1', Click_Route::client_ip(), 'IPv6, canonical form.' );
		unset( $_SERVER['HTTP_X_FORWARDED_FOR'] );
		$this->assertSame( '10.0.0.5', Click_Route::client_ip(), 'No header: REMOTE_ADDR.' );
		add_filter( 'ccfm_client_ip_header', static fn() => 'REMOTE_ADDR; DROP' );
		$this->assertSame( '10.0.0.5', Click_Route::client_ip(), 'Only an HTTP_ header can be named.' );

		// Behind the proxy, each visitor is a client of its own.
		add_filter( 'ccfm_client_ip_header', static fn() => 'HTTP_X_FORWARDED_FOR', 20 );
		$_SERVER['HTTP_X_FORWARDED_FOR'] = '198.51.100.77';
		for ( $i = 0; $i < Click_Route::DAILY_CAP; $i++ ) {
			$this->beacon( array( 'page' => '/' ) );
		}
		$this->assertSame( 429, $this->beacon( array( 'page' => '/' ) )->get_status() );
		$_SERVER['HTTP_X_FORWARDED_FOR'] = '198.51.100.78';
		$this->assertSame( 204, $this->beacon( array( 'page' => '/' ) )->get_status() );
	}

	/**
	 * Runs PHP inside the local site (its own database, not the tests').
	 *
	 * @param string $code PHP code.
	 * @return string Output.
	 */
	private static function site_eval( $code ) {
		$command = 'env -u CCFM_WP_TESTS ' . escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( CCFM_TESTS_ROOT . '/bin/stack/wp-eval.php' ) . ' ' . escapeshellarg( $code ) . ' 2>&1';
		exec( $command, $output, $status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec
		if ( 0 !== $status ) {
			self::fail( "wp-eval failed:\n" . implode( "\n", $output ) );
		}
		return implode( "\n", $output );
	}

	/**
	 * A connection to the local site's database.
	 *
	 * @return \wpdb
	 */
	private static function site_db() {
		if ( null === self::$site_db ) {
			self::$site_db = new \wpdb( DB_USER, DB_PASSWORD, 'wordpress', DB_HOST );
		}
		return self::$site_db;
	}

	/**
	 * Clicks stored by the local site for a page.
	 *
	 * @param string $page Page.
	 * @return int
	 */
	private static function site_clicks( $page ) {
		$db = self::site_db();
		return (int) $db->get_var( $db->prepare( 'SELECT COALESCE(SUM(clicks), 0) FROM wp_ccfm_clicks WHERE page = %s', $page ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}

	/**
	 * Rows stored by the local site.
	 *
	 * @return int
	 */
	private static function site_rows() {
		return (int) self::site_db()->get_var( 'SELECT COUNT(*) FROM wp_ccfm_clicks' ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}

	/**
	 * What a stranger's browser gets from a page of the local site: the
	 * beacon URL (absolute) and the key.
	 *
	 * @param string $path Path.
	 * @return array{beacon:string,key:string,status:int}
	 */
	private function printed( $path ) {
		$response = wp_remote_get( CCFM_TESTS_SITE_URL . $path, array( 'timeout' => 20 ) );
		$this->assertFalse( is_wp_error( $response ), is_wp_error( $response ) ? $response->get_error_message() : "" );
		$html = (string) wp_remote_retrieve_body( $response );
		$this->assertSame( 1, preg_match( '/window\.ccfmConfig=(\{.*?\});/', $html, $m ), "The bubble's config on $path" );
		$config = json_decode( $m[1], true );
		$this->assertIsArray( $config );
		return array(
			'beacon' => CCFM_TESTS_SITE_URL . $config['beacon'],
			'key'    => (string) $config['key'],
			'status' => (int) wp_remote_retrieve_response_code( $response ),
		);
	}

	/**
	 * A beacon over HTTP, as a stranger sends it.
	 *
	 * @param string               $url     URL.
	 * @param string               $body    Body.
	 * @param array<string,string> $headers Headers.
	 * @return int Status.
	 */
	private function send( $url, $body = 'https://m.me/1234567890', array $headers = array() ) {
		$response = wp_remote_post(
			$url,
			array(
				'timeout'    => 20,
				'user-agent' => self::BROWSER . ' ' . wp_generate_password( 8, false ),
				'headers'    => $headers + array( 'Content-Type' => 'text/plain;charset=UTF-8' ),
				'body'       => $body,
			)
		);
		$this->assertFalse( is_wp_error( $response ), is_wp_error( $response ) ? $response->get_error_message() : "" );
		return (int) wp_remote_retrieve_response_code( $response );
	}

	/**
	 * Over HTTP, on Plain and pretty permalinks: the page's beacon counts
	 * (the `rest_route` parameter is accepted); a made-up page or ref, or
	 * a wrong key, answers 400; a bot and a prefetch 403; a 404 and a
	 * made-up address count under one page value.
	 */
	public function test_over_http_on_plain_and_pretty_permalinks() {
		$saved = self::site_eval( 'echo wp_json_encode( array( get_option( "permalink_structure" ), get_option( "ccfm_settings" ) ) );' );
		try {
			self::site_eval( '$s = get_option( "ccfm_settings" ); $s = is_array( $s ) ? $s : array(); $s["page_id"] = "1234567890"; $s["click_counting"] = "on"; $s["ref"] = ""; update_option( "ccfm_settings", $s ); global $wpdb; $wpdb->query( "TRUNCATE TABLE {$wpdb->prefix}ccfm_click_clients" );' );
			foreach ( array( '', '/%postname%/' ) as $structure ) {
				self::site_eval( 'update_option( "permalink_structure", ' . var_export( $structure, true ) . ' ); flush_rewrite_rules();' ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export
				$home = $this->printed( '/' );
				if ( '' === $structure ) {
					$this->assertStringContainsString( 'rest_route=', $home['beacon'], 'Plain permalinks: the ?rest_route= form.' );
				} else {
					$this->assertStringContainsString( '/wp-json/ccfm/v1/click?page=', $home['beacon'] );
				}
				$rows   = self::site_rows();
				$before = self::site_clicks( '/' );
				$this->assertSame( 204, $this->send( $home['beacon'] . '&k=' . $home['key'] ), "counted ($structure)" );
				$this->assertSame( $before + 1, self::site_clicks( '/' ) );

				$this->assertSame( 400, $this->send( $home['beacon'] . '&k=' . $home['key'], 'https://m.me/1234567890?ref=junk17' ), 'made-up ref' );
				$this->assertSame( 400, $this->send( str_replace( 'page=%2F', 'page=%2Fmade-up-17', $home['beacon'] ) . '&k=' . $home['key'] ), 'made-up page' );
				$this->assertSame( 400, $this->send( $home['beacon'] . '&k=' . strrev( $home['key'] ) ), 'wrong key' );
				$this->assertSame( 403, $this->send( $home['beacon'] . '&k=' . $home['key'], 'https://m.me/1234567890', array( 'User-Agent' => 'Googlebot/2.1' ) ), 'bot' );
				$this->assertSame( 403, $this->send( $home['beacon'] . '&k=' . $home['key'], 'https://m.me/1234567890', array( 'Sec-Purpose' => 'prefetch' ) ), 'prefetch' );
				$this->assertSame( $before + 1, self::site_clicks( '/' ), 'Nothing else counted.' );
				$this->assertSame( max( $rows, 1 ), self::site_rows(), 'No new row.' );
			}
			// Made-up addresses (a 404 on pretty permalinks) all sign one page value.
			$one = $this->printed( '/made-up-' . wp_generate_password( 6, false, false ) . '/' );
			$two = $this->printed( '/made-up-' . wp_generate_password( 6, false, false ) . '/' );
			$this->assertSame( 404, $one['status'] );
			$this->assertSame( $one, $two );
			$this->assertStringEndsWith( 'page=' . rawurlencode( Click_Route::NOT_FOUND_PAGE ), $one['beacon'] );
		} finally {
			$restore = json_decode( $saved, true );
			self::site_eval( '$r = ' . var_export( $restore, true ) . '; update_option( "permalink_structure", $r[0] ); flush_rewrite_rules(); if ( is_array( $r[1] ) ) { update_option( "ccfm_settings", $r[1] ); }' ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export
		}
	}

	/**
	 * The settings screen's check makes the visitor's request: good when the
	 * route answers it; a warning naming the refusal when the REST API is
	 * limited to logged-in users.
	 */
	public function test_the_diagnostics_check_reports_a_refused_beacon() {
		update_option( self::OPTION, array( 'page_id' => '1234567890' ) );
		$seen = array();
		add_filter(
			'pre_http_request',
			static function ( $pre, $args, $url ) use ( &$seen ) {
				if ( false !== strpos( $url, 'ccfm/v1/click' ) ) {
					$seen[] = array( $url, $args['method'], isset( $args['cookies'] ) ? $args['cookies'] : null );
				}
				return $pre;
			},
			10,
			3
		);
		$check = self::click_check();
		$this->assertSame( 'good', $check['status'], $check['description'] );
		$this->assertCount( 1, $seen );
		$this->assertSame( 'POST', $seen[0][1] );
		$this->assertSame( array(), $seen[0][2], 'Anonymous: no cookies.' );
		$this->assertStringStartsWith( Click_Route::beacon_url( '/', false ), $seen[0][0] );

		// A security plugin that limits the REST API to logged-in users.
		add_filter(
			'pre_http_request',
			static function ( $pre, $args, $url ) {
				if ( false === strpos( $url, 'ccfm/v1/click' ) ) {
					return $pre;
				}
				return array(
					'headers'  => array(),
					'body'     => '{"code":"rest_not_logged_in","message":"You are not currently logged in.","data":{"status":401}}',
					'response' => array(
						'code'    => 401,
						'message' => 'Unauthorized',
					),
					'cookies'  => array(),
					'filename' => null,
				);
			},
			20,
			3
		);
		$check = self::click_check();
		$this->assertSame( 'warning', $check['status'] );
		$this->assertStringContainsString( 'HTTP 401, rest_not_logged_in', $check['description'] );
		$this->assertStringContainsString( 'logged-in users', $check['fix'] );

		update_option( self::OPTION, array( 'click_counting' => 'off' ) );
		$this->assertSame( 'good', self::click_check()['status'] );
	}

	/**
	 * The click-counting check of the diagnostics.
	 *
	 * @return array<string,mixed>
	 */
	private static function click_check() {
		foreach ( Diagnostics::run() as $check ) {
			if ( 'click_counting' === $check['id'] ) {
				return $check;
			}
		}
		self::fail( 'No click_counting check.' );
	}
}
