<?php
/**
 * Every REST route and method of the plugin × logged out, subscriber,
 * contributor, author, editor and administrator → the expected status.
 *
 * The matrix is checked against the routes WordPress really has: a route or
 * method added without a line here fails the test. Refused requests make no
 * outbound request and change nothing stored.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

/**
 * The REST permission matrix.
 */
class RestRoutesTest extends PlatformTestCase {

	/**
	 * "METHOD route" => array( who may use it, body that would succeed ).
	 * "admin": 401 logged out, 403 for every role below administrator, 200
	 * for an administrator. "signed": the webhook answers Meta's signature or
	 * verify token only, so a cookie login changes nothing: 403 for a
	 * handshake without the verify token, 401 for an unsigned delivery.
	 * "public": the click beacon, the same for everyone (400 without a page,
	 * a path and an m.me link; ClickFunnelTest covers what it counts).
	 */
	const MATRIX = array(
		'GET /wp/v2/settings'                  => array( 'admin', null ),
		'POST /wp/v2/settings'                 => array( 'admin', array( 'ccfm_settings' => array( 'page_id' => '1234567890' ) ) ),
		'GET /ccfm/v1/diagnostics'             => array( 'admin', null ),
		'GET /ccfm/v1/site-health'             => array( 'admin', null ),
		'GET /ccfm/v1/settings-state'          => array( 'admin', null ),
		'POST /ccfm/v1/embed-code'             => array( 'admin', array( 'settings' => array( 'page_id' => '1234567890' ) ) ),
		'GET /ccfm/v1/platform'                => array( 'admin', null ),
		'POST /ccfm/v1/platform'               => array( 'admin', array( 'retention_days' => 10 ) ),
		'GET /ccfm/v1/platform/whitelist'      => array( 'admin', null ),
		'POST /ccfm/v1/platform/whitelist'     => array( 'admin', array() ),
		'POST /ccfm/v1/platform/chat-surface'  => array( 'admin', array( 'get_started_payload' => 'GET_STARTED' ) ),
		'GET /ccfm/v1/conversations'           => array( 'admin', null ),
		'GET /ccfm/v1/funnel'                  => array( 'admin', null ),
		'POST /ccfm/v1/click'                  => array( 'public', null ),
		'GET /ccfm/v1/webhook'                 => array( 'signed', null ),
		'POST /ccfm/v1/webhook'                => array( 'signed', array( 'object' => 'page' ) ),
	);

	const ROLES = array( 'anonymous', 'subscriber', 'contributor', 'author', 'editor', 'administrator' );

	/**
	 * Outbound requests other than the stand-in Graph server's.
	 *
	 * @var string[]
	 */
	private $outbound = array();

	protected function set_up() {
		parent::set_up();
		$this->outbound = array();
		// The diagnostics' loopback request gets a plain page; anything else
		// that is not the stand-in Graph server is recorded and refused.
		add_filter(
			'pre_http_request',
			function ( $pre, $args, $url ) {
				if ( 0 === strpos( $url, 'http://localhost:' . self::graph_port() ) ) {
					return $pre;
				}
				$this->outbound[] = $url;
				return array(
					'headers'  => array(),
					'body'     => '<html><body></body></html>',
					'response' => array(
						'code'    => 200,
						'message' => 'OK',
					),
					'cookies'  => array(),
					'filename' => null,
				);
			},
			10,
			3
		);
	}

	public function test_the_matrix_lists_every_route_and_method_the_plugin_registers() {
		$registered = array();
		foreach ( rest_get_server()->get_routes( 'ccfm/v1' ) as $route => $handlers ) {
			if ( '/ccfm/v1' === $route ) {
				continue; // The namespace index, WordPress's own.
			}
			foreach ( $handlers as $handler ) {
				foreach ( array_keys( $handler['methods'] ) as $method ) {
					$registered[] = "$method $route";
				}
			}
		}
		$registered[] = 'GET /wp/v2/settings';
		$registered[] = 'POST /wp/v2/settings';
		$listed       = array_keys( self::MATRIX );
		sort( $registered );
		sort( $listed );
		$this->assertSame( $listed, $registered );
	}

	/**
	 * Every line of the matrix.
	 *
	 * @return array<string,array{0:string,1:string,2:string,3:array<string,mixed>|null}>
	 */
	public function data_matrix() {
		$data = array();
		foreach ( self::MATRIX as $key => $line ) {
			list( $method, $route ) = explode( ' ', $key, 2 );
			$data[ $key ]           = array( $method, $route, $line[0], $line[1] );
		}
		return $data;
	}

	/**
	 * @dataProvider data_matrix
	 *
	 * @param string                   $method Method.
	 * @param string                   $route  Route.
	 * @param string                   $who    "admin" or "signed".
	 * @param array<string,mixed>|null $body   Body that would succeed.
	 */
	public function test_every_role_gets_the_expected_status( $method, $route, $who, $body ) {
		$this->save_secrets();
		$this->site_at( 'https://www.myshop-site.com' );
		$this->graph_seed( array( 'whitelisted_domains' => array() ) );
		foreach ( self::ROLES as $role ) {
			$this->as_role( $role );
			$settings = $this->raw_option();
			$platform = get_option( 'ccfm_platform' );
			$response = $this->rest( $method, $route, $body );
			$status   = $response->get_status();
			if ( 'public' === $who ) {
				$this->assertSame( 400, $status, "$role: $method $route" );
			} elseif ( 'signed' === $who ) {
				$this->assertSame( 'GET' === $method ? 403 : 401, $status, "$role: $method $route" );
			} elseif ( 'administrator' === $role ) {
				$this->assertSame( 200, $status, "$role: $method $route " . wp_json_encode( $response->get_data() ) );
				continue;
			} else {
				$this->assertSame( 'anonymous' === $role ? 401 : 403, $status, "$role: $method $route" );
			}
			$this->assertSame( $settings, $this->raw_option(), "$role: $method $route changed the settings" );
			$this->assertSame( $platform, get_option( 'ccfm_platform' ), "$role: $method $route changed the connection" );
			$this->assertSame( array(), $this->graph_calls(), "$role: $method $route reached the Graph API" );
			$this->assertSame( array(), $this->outbound, "$role: $method $route made a request" );
		}
	}
}
