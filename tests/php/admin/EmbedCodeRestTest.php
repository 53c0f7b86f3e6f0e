<?php
/**
 * POST /ccfm/v1/embed-code.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Chat\Renderer;

/**
 * Embed code REST tests.
 */
class EmbedCodeRestTest extends TestCase {

	const ROUTE = '/ccfm/v1/embed-code';

	public function test_route_is_registered_for_post_only() {
		$routes = rest_get_server()->get_routes();
		$this->assertArrayHasKey( self::ROUTE, $routes );
		$this->assertSame( array( 'POST' => true ), $routes[ self::ROUTE ][0]['methods'] );

		$this->as_role( 'administrator' );
		$this->assertSame( 404, $this->rest( 'GET', self::ROUTE )->get_status() );
	}

	public function test_admin_gets_the_code_for_unsaved_settings() {
		$this->as_role( 'administrator' );
		$response = $this->rest(
			'POST',
			self::ROUTE,
			array(
				'settings' => array(
					'page_id'     => '9876543210',
					'mode'        => 'chat_plugin',
					'locale'      => 'fr_FR',
					'theme_color' => '#00AA11',
				),
			)
		);

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertSame( array( 'code' ), array_keys( $data ) );
		$code = $data['code'];
		$this->assertStringContainsString( 'page_id="9876543210"', $code );
		$this->assertStringContainsString( 'theme_color="#00aa11"', $code, 'Normalised like a saved value.' );
		$this->assertStringContainsString( 'https://connect.facebook.net/fr_FR/sdk/xfbml.customerchat.js', $code );
		$this->assertStringContainsString( '<div id="fb-root"></div>', $code );
		$this->assertNull( $this->raw_option(), 'Nothing is saved.' );

		$expected = array_merge(
			\CCFM\Settings\Schema::defaults(),
			array(
				'page_id'     => '9876543210',
				'mode'        => 'chat_plugin',
				'locale'      => 'fr_FR',
				'theme_color' => '#00aa11',
			)
		);
		$this->assertSame( Renderer::embed_code( $expected, 'fr_FR' ), $code );
	}

	public function test_missing_fields_use_the_saved_settings() {
		$this->seed_settings();
		$this->as_role( 'administrator' );

		$response = $this->rest( 'POST', self::ROUTE, array( 'settings' => array( 'ref' => 'landing' ) ) );

		$this->assertSame( 200, $response->get_status() );
		$code = $response->get_data()['code'];
		$this->assertStringContainsString( 'page_id="1234567890"', $code );
		$this->assertStringContainsString( 'ref="landing"', $code );
		$this->assertStringContainsString( '/de_DE/sdk/xfbml.customerchat.js', $code );
	}

	public function test_auto_locale_follows_the_site_language() {
		add_filter(
			'locale',
			static function () {
				return 'es_MX';
			}
		);
		$this->as_role( 'administrator' );

		$response = $this->rest(
			'POST',
			self::ROUTE,
			array(
				'settings' => array(
					'page_id' => '1',
					'mode'    => 'chat_plugin',
					'locale'  => 'auto',
				),
			)
		);

		$this->assertSame( 200, $response->get_status() );
		$this->assertStringContainsString( 'https://connect.facebook.net/es_LA/sdk/xfbml.customerchat.js', $response->get_data()['code'] );
	}

	public function test_link_mode_gets_a_floating_messenger_link_and_nothing_from_meta() {
		$this->as_role( 'administrator' );
		$response = $this->rest(
			'POST',
			self::ROUTE,
			array(
				'settings' => array(
					'mode'           => 'link',
					'page_username'  => 'acme.bakery',
					'ref'            => 'site=1',
					'alignment'      => 'left',
					'bottom_spacing' => 40,
					'theme_color'    => '#A334FA',
				),
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$code = $response->get_data()['code'];
		$this->assertStringStartsWith( '<a href="https://m.me/acme.bakery?ref=site%3D1" target="_blank" rel="noopener" style="position:fixed;left:24px;bottom:40px;', $code );
		$this->assertStringContainsString( 'background:#a334fa', $code );
		$this->assertStringEndsWith( '>Chat with us on Messenger</a>', $code );
		$this->assertStringNotContainsString( 'facebook', $code );
		$this->assertStringNotContainsString( '<script', $code );
	}

	/**
	 * Invalid settings.
	 *
	 * @return array<string,array{0:array<string,mixed>,1:string}>
	 */
	public function data_invalid_settings() {
		return array(
			'page_id letters' => array( array( 'page_id' => 'abc' ), 'page_id' ),
			'white colour'    => array( array( 'theme_color' => '#FFFFFF' ), 'theme_color' ),
			'long greeting'   => array( array( 'logged_in_greeting' => str_repeat( 'a', 81 ) ), 'logged_in_greeting' ),
			'unknown field'   => array( array( 'foo' => 'bar' ), 'foo' ),
			'delay'           => array( array( 'greeting_dialog_delay' => 3601 ), 'greeting_dialog_delay' ),
		);
	}

	/**
	 * @dataProvider data_invalid_settings
	 *
	 * @param array<string,mixed> $settings Settings.
	 * @param string              $field    Field the message names.
	 */
	public function test_invalid_settings_give_400( array $settings, $field ) {
		$this->as_role( 'administrator' );

		$response = $this->rest( 'POST', self::ROUTE, array( 'settings' => $settings ) );

		list( $code, $message ) = self::error_of( $response );
		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', $code );
		$this->assertStringStartsWith( $field, $message );
		$this->assertSame( array( 'status' => 400 ), $response->get_data()['data'] );
	}

	/**
	 * Bodies that are not a settings object.
	 *
	 * @return array<string,array{0:mixed}>
	 */
	public function data_bad_bodies() {
		return array(
			'no settings'         => array( array() ),
			'settings is string'  => array( array( 'settings' => 'page_id=1' ) ),
			'settings is list'    => array( array( 'settings' => array( '1', '2' ) ) ),
			'settings is integer' => array( array( 'settings' => 5 ) ),
		);
	}

	/**
	 * @dataProvider data_bad_bodies
	 *
	 * @param mixed $body Body.
	 */
	public function test_bad_bodies_give_400( $body ) {
		$this->as_role( 'administrator' );
		$response = $this->rest( 'POST', self::ROUTE, $body );
		$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( array( 'code', 'message', 'data' ), array_keys( $response->get_data() ) );
		$this->assertStringNotContainsString( 'fb-root', (string) wp_json_encode( $response->get_data() ) );
	}

	/**
	 * Who may not use the route, and the status they get.
	 *
	 * @return array<string,array{0:string|null,1:int}>
	 */
	public function data_forbidden_users() {
		return array(
			'logged out'  => array( null, 401 ),
			'subscriber'  => array( 'subscriber', 403 ),
			'contributor' => array( 'contributor', 403 ),
			'author'      => array( 'author', 403 ),
			'editor'      => array( 'editor', 403 ),
		);
	}

	/**
	 * @dataProvider data_forbidden_users
	 *
	 * @param string|null $role   Role, null for logged out.
	 * @param int         $status Expected status.
	 */
	public function test_non_admin_is_refused( $role, $status ) {
		$this->as_role( $role );
		$response = $this->rest( 'POST', self::ROUTE, array( 'settings' => array( 'page_id' => '9876543210' ) ) );

		$this->assertSame( $status, $response->get_status() );
		$this->assertSame( 'rest_forbidden', self::error_of( $response )[0] );
		$this->assertStringNotContainsString( '9876543210', (string) wp_json_encode( $response->get_data() ) );
	}
}
