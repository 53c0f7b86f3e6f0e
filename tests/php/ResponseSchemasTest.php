<?php
/**
 * Every custom REST route declares its response schema (the file
 * plugin/data/responses/<route>.json), and what each route really answers
 * matches it: no property missing, none extra.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Response_Schemas;
use CCFM\Rest_Access;

require_once __DIR__ . '/platform/PlatformTestCase.php';

/**
 * Response schemas.
 */
class ResponseSchemasTest extends PlatformTestCase {

	/**
	 * Route => its schema file's name.
	 */
	const ROUTES = array(
		'/ccfm/v1/embed-code'             => 'embed-code',
		'/ccfm/v1/site-health'            => 'site-health',
		'/ccfm/v1/diagnostics'            => 'diagnostics',
		'/ccfm/v1/settings-state'         => 'settings-state',
		'/ccfm/v1/platform'               => 'platform',
		'/ccfm/v1/platform/whitelist'     => 'platform-whitelist',
		'/ccfm/v1/platform/chat-surface'  => 'platform-chat-surface',
		'/ccfm/v1/conversations'          => 'conversations',
		'/ccfm/v1/webhook'                => 'webhook',
		'/ccfm/v1/funnel'                 => 'funnel',
		'/ccfm/v1/click'                  => 'click',
	);

	/**
	 * Asserts that data matches a response schema, and that the schema
	 * would refuse the same data with a property more or one less.
	 *
	 * @param string $name Schema name.
	 * @param mixed  $data Response data.
	 */
	private function assertMatchesResponseSchema( $name, $data ) {
		$schema = Response_Schemas::get( $name );
		$this->assertSame( 'ccfm-' . $name, $schema['title'] );
		$this->assertFalse( $schema['additionalProperties'], $name );
		$data  = json_decode( (string) wp_json_encode( $data ), true );
		$valid = rest_validate_value_from_schema( $data, $schema, $name );
		$this->assertTrue( $valid, $name . ': ' . ( is_wp_error( $valid ) ? $valid->get_error_message() : '' ) );

		$this->assertIsArray( $data );
		$extra = $data + array( 'unexpected' => 1 );
		$this->assertInstanceOf( \WP_Error::class, rest_validate_value_from_schema( $extra, $schema, $name ), "$name refuses an extra property." );
		$this->assertIsArray( $schema['required'] );
		$missing = $data;
		unset( $missing[ $schema['required'][0] ] );
		$this->assertInstanceOf( \WP_Error::class, rest_validate_value_from_schema( $missing, $schema, $name ), "$name refuses a missing property." );
	}

	public function test_every_custom_route_declares_its_response_schema() {
		$routes = array_filter(
			array_keys( rest_get_server()->get_routes() ),
			static function ( $route ) {
				return 0 === strpos( $route, '/' . Rest_Access::NAMESPACE_V1 . '/' );
			}
		);
		sort( $routes );
		$expected = array_keys( self::ROUTES );
		sort( $expected );
		$this->assertSame( $expected, $routes, 'A new route needs a response schema here.' );
		$this->as_role( 'administrator' );
		foreach ( self::ROUTES as $route => $name ) {
			$options = rest_get_server()->get_route_options( $route );
			$this->assertIsArray( $options, $route );
			$this->assertArrayHasKey( 'schema', $options, $route );
			$this->assertIsCallable( $options['schema'], $route );
			$this->assertSame( Response_Schemas::get( $name ), call_user_func( $options['schema'] ), $route );
			$this->assertSame( Response_Schemas::get( $name ), $this->rest( 'OPTIONS', $route )->get_data()['schema'], "OPTIONS $route" );
		}
	}

	public function test_admin_routes_answer_as_their_schemas_say() {
		$this->seed_settings();
		$this->as_role( 'administrator' );
		add_filter(
			'pre_http_request',
			static function () {
				return array(
					'headers'  => array(),
					'body'     => '<html></html>',
					'response' => array(
						'code'    => 200,
						'message' => 'OK',
					),
					'cookies'  => array(),
					'filename' => null,
				);
			}
		);
		$embed = $this->rest( 'POST', '/ccfm/v1/embed-code', array( 'settings' => array( 'mode' => 'chat_plugin' ) ) );
		$this->assertSame( 200, $embed->get_status() );
		$this->assertMatchesResponseSchema( 'embed-code', $embed->get_data() );
		$funnel = $this->rest( 'GET', '/ccfm/v1/funnel' );
		$this->assertSame( 200, $funnel->get_status() );
		$this->assertMatchesResponseSchema( 'funnel', $funnel->get_data() );
		foreach ( array( 'site-health', 'diagnostics', 'settings-state' ) as $name ) {
			$response = $this->rest( 'GET', '/ccfm/v1/' . $name );
			$this->assertSame( 200, $response->get_status(), $name );
			$this->assertMatchesResponseSchema( $name, $response->get_data() );
		}
	}

	public function test_platform_routes_answer_as_their_schemas_say() {
		$this->as_role( 'administrator' );
		$this->site_at( 'https://www.myshop-site.com' );
		$this->graph_seed(
			array(
				'whitelisted_domains' => array( 'https://partner.example.org/' ),
				'persistent_menu'     => array(
					array(
						'locale'          => 'default',
						'call_to_actions' => array(),
					),
				),
			)
		);
		$get = $this->rest( 'GET', '/ccfm/v1/platform' );
		$this->assertSame( 200, $get->get_status() );
		$this->assertMatchesResponseSchema( 'platform', $get->get_data() );
		$post = $this->rest(
			'POST',
			'/ccfm/v1/platform',
			array(
				'page_access_token' => self::TOKEN,
				'app_secret'        => self::APP_SECRET,
				'verify_token'      => self::VERIFY_TOKEN,
				'retention_days'    => 3650,
			)
		);
		$this->assertSame( 200, $post->get_status() );
		$this->assertMatchesResponseSchema( 'platform', $post->get_data() );

		$whitelist = $this->rest( 'GET', '/ccfm/v1/platform/whitelist' );
		$this->assertSame( 200, $whitelist->get_status() );
		$this->assertMatchesResponseSchema( 'platform-whitelist', $whitelist->get_data() );
		$added = $this->rest( 'POST', '/ccfm/v1/platform/whitelist', array( 'include_twin' => true ) );
		$this->assertSame( 200, $added->get_status() );
		$this->assertSame( array( 'https://www.myshop-site.com', 'https://myshop-site.com' ), $added->get_data()['added'] );
		$this->assertMatchesResponseSchema( 'platform-whitelist', $added->get_data() );

		$surface = $this->rest(
			'POST',
			'/ccfm/v1/platform/chat-surface',
			array(
				'get_started_payload' => 'GET_STARTED',
				'hide_menu'           => true,
			)
		);
		$this->assertSame( 200, $surface->get_status() );
		$this->assertSame( 'hidden', $surface->get_data()['menu'] );
		$this->assertMatchesResponseSchema( 'platform-chat-surface', $surface->get_data() );
	}

	public function test_conversation_and_webhook_routes_answer_as_their_schemas_say() {
		$this->save_secrets();
		$delivery = $this->deliver( self::body( array_values( self::spec_events() ) ) );
		$this->assertSame( 200, $delivery->get_status() );
		$this->assertGreaterThan( 0, $delivery->get_data()['stored'] );
		$this->assertMatchesResponseSchema( 'webhook', $delivery->get_data() );

		$this->as_role( 'administrator' );
		$report = $this->rest(
			'GET',
			'/ccfm/v1/conversations',
			array(
				'from' => '2019-06-01',
				'to'   => '2019-06-30',
			)
		);
		$this->assertSame( 200, $report->get_status() );
		$this->assertGreaterThan( 0, $report->get_data()['total'] );
		$this->assertMatchesResponseSchema( 'conversations', $report->get_data() );
	}
}
