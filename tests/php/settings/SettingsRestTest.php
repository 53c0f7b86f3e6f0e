<?php
/**
 * The ccfm_settings option through /wp/v2/settings and update_option().
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

/**
 * Settings REST tests.
 */
class SettingsRestTest extends TestCase {

	/**
	 * The defaults, as the schema file states them.
	 *
	 * @return array<string,mixed>
	 */
	private static function expected_defaults() {
		return array(
			'page_id'                 => '',
			'page_username'           => '',
			'mode'                    => 'link',
			'locale'                  => 'auto',
			'theme_color'             => '',
			'logged_in_greeting'      => '',
			'logged_out_greeting'     => '',
			'greeting_dialog_display' => 'show',
			'greeting_dialog_delay'   => '',
			'phone_greeting'          => 'hide',
			'ref'                     => '',
			'alignment'               => 'right',
			'bottom_spacing'          => 24,
			'load_strategy'           => 'interaction',
			'display_on'              => 'everywhere',
			'display_places'          => array( 'front_page', 'posts', 'pages', 'other_types', 'archives', 'search', '404' ),
			'exclude_ids'             => array(),
			'devices'                 => 'all',
			'click_counting'          => 'on',
			'message_text'            => '',
			'away_hours'              => array(),
			'away_action'             => 'greeting',
			'away_greeting'           => '',
		);
	}

	public function test_defaults_match_schema_file() {
		$this->assertSame( self::expected_defaults(), \CCFM\Settings\Schema::defaults() );
		$this->assertSame( self::expected_defaults(), \CCFM\Settings\Settings::get() );
	}

	public function test_admin_get_lists_the_option_with_defaults() {
		$this->as_role( 'administrator' );
		$response = $this->rest( 'GET', '/wp/v2/settings' );

		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertArrayHasKey( self::OPTION, $data );
		$this->assertSame( self::expected_defaults(), $data[ self::OPTION ] );
	}

	public function test_admin_get_returns_stored_values() {
		$this->seed_settings();
		$this->as_role( 'administrator' );
		$response = $this->rest( 'GET', '/wp/v2/settings' );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( self::valid_settings(), $response->get_data()[ self::OPTION ] );
	}

	/**
	 * Who may not read or write the settings, and the status they get.
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
	public function test_non_admin_cannot_read( $role, $status ) {
		$this->seed_settings();
		$this->as_role( $role );
		$response = $this->rest( 'GET', '/wp/v2/settings' );

		$this->assertSame( $status, $response->get_status() );
		$this->assertSame( 'rest_forbidden', self::error_of( $response )[0] );
		$this->assertStringNotContainsString( '1234567890', (string) wp_json_encode( $response->get_data() ) );
	}

	/**
	 * @dataProvider data_forbidden_users
	 *
	 * @param string|null $role   Role, null for logged out.
	 * @param int         $status Expected status.
	 */
	public function test_non_admin_cannot_write( $role, $status ) {
		$raw = $this->seed_settings();
		$this->as_role( $role );
		$new = array_merge( self::valid_settings(), array( 'page_id' => '999' ) );

		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => $new ) );

		$this->assertSame( $status, $response->get_status() );
		$this->assertSame( 'rest_forbidden', self::error_of( $response )[0] );
		$this->assertSame( $raw, $this->raw_option() );
	}

	/**
	 * @dataProvider data_forbidden_users
	 *
	 * @param string|null $role   Role, null for logged out.
	 * @param int         $status Expected status.
	 */
	public function test_non_admin_cannot_create_the_option( $role, $status ) {
		$this->as_role( $role );
		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => array( 'page_id' => '999' ) ) );

		$this->assertSame( $status, $response->get_status() );
		$this->assertNull( $this->raw_option() );
	}

	public function test_admin_can_save_a_full_object_and_read_it_back() {
		$this->as_role( 'administrator' );
		$settings = self::valid_settings();

		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => $settings ) );

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( $settings, $response->get_data()[ self::OPTION ] );
		$this->assertSame( $settings, maybe_unserialize( $this->raw_option() ) );
		$this->assertSame( $settings, get_option( self::OPTION ) );

		$read = $this->rest( 'GET', '/wp/v2/settings' );
		$this->assertSame( 200, $read->get_status() );
		$this->assertSame( $settings, $read->get_data()[ self::OPTION ] );
	}

	public function test_admin_put_is_validated_too() {
		$raw = $this->seed_settings();
		$this->as_role( 'administrator' );

		$response = $this->rest( 'PUT', '/wp/v2/settings', array( self::OPTION => array( 'page_id' => 'abc' ) ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertStringStartsWith( 'page_id', self::error_of( $response )[1] );
		$this->assertSame( $raw, $this->raw_option() );
	}

	/**
	 * WordPress matches REST routes case-insensitively (and tolerates a
	 * trailing slash), so every spelling that reaches the settings endpoint
	 * must get the plugin's field-naming validation.
	 *
	 * @dataProvider data_route_spellings
	 *
	 * @param string $route Route as sent.
	 */
	public function test_every_route_spelling_is_validated( $route ) {
		$raw = $this->seed_settings();
		$this->as_role( 'administrator' );

		$response = $this->rest( 'POST', $route, array( self::OPTION => array( 'page_id' => 'abc' ) ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertStringStartsWith( 'page_id: ', self::error_of( $response )[1] );
		$this->assertSame( $raw, $this->raw_option() );
	}

	/**
	 * Spellings of the settings route that WordPress dispatches to it.
	 *
	 * @return array<string,array{0:string}>
	 */
	public function data_route_spellings() {
		return array(
			'canonical'      => array( '/wp/v2/settings' ),
			'trailing slash' => array( '/wp/v2/settings/' ),
			'upper case'     => array( '/wp/v2/SETTINGS' ),
			'mixed case'     => array( '/WP/v2/Settings' ),
		);
	}

	public function test_partial_object_keeps_the_other_stored_fields() {
		$this->seed_settings();
		$this->as_role( 'administrator' );

		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => array( 'page_id' => '42' ) ) );

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$expected = array_merge( self::valid_settings(), array( 'page_id' => '42' ) );
		$this->assertSame( $expected, maybe_unserialize( $this->raw_option() ) );
		$this->assertSame( $expected, $response->get_data()[ self::OPTION ] );
	}

	public function test_partial_object_on_empty_option_fills_defaults() {
		$this->as_role( 'administrator' );

		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => array( 'page_id' => '42' ) ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array_merge( self::expected_defaults(), array( 'page_id' => '42' ) ), maybe_unserialize( $this->raw_option() ) );
	}

	/**
	 * Invalid values: field, value, field the message must start with.
	 *
	 * @return array<string,array{0:string,1:mixed}>
	 */
	public function data_invalid_values() {
		return array(
			'page_id letters'                 => array( 'page_id', 'abc' ),
			'page_id 21 digits'               => array( 'page_id', '123456789012345678901' ),
			'page_id integer'                 => array( 'page_id', 12345 ),
			'page_id nested object'           => array( 'page_id', array( 'id' => '123' ) ),
			'page_id null'                    => array( 'page_id', null ),
			'locale unknown'                  => array( 'locale', 'xx_XX' ),
			'locale with hyphen'              => array( 'locale', 'en-US' ),
			'locale empty'                    => array( 'locale', '' ),
			'theme_color white'               => array( 'theme_color', '#ffffff' ),
			'theme_color WHITE'               => array( 'theme_color', '#FFFFFF' ),
			'theme_color mixed-case white'    => array( 'theme_color', '#fFfFfF' ),
			'theme_color short'               => array( 'theme_color', '#fff' ),
			'theme_color name'                => array( 'theme_color', 'red' ),
			'theme_color bad hex'             => array( 'theme_color', '#12345g' ),
			'logged_in_greeting 81 chars'     => array( 'logged_in_greeting', str_repeat( 'a', 81 ) ),
			'logged_in_greeting 81 multibyte' => array( 'logged_in_greeting', str_repeat( 'é', 81 ) ),
			'logged_in_greeting control char' => array( 'logged_in_greeting', "a\x07b" ),
			'logged_in_greeting newline'      => array( 'logged_in_greeting', "a\nb" ),
			'logged_in_greeting array'        => array( 'logged_in_greeting', array( 'hi' ) ),
			'logged_out_greeting 81 chars'    => array( 'logged_out_greeting', str_repeat( 'a', 81 ) ),
			'logged_out_greeting control'     => array( 'logged_out_greeting', "a\x07b" ),
			'logged_out_greeting array'       => array( 'logged_out_greeting', array( 'hi' ) ),
			'greeting_dialog_display blink'   => array( 'greeting_dialog_display', 'blink' ),
			'greeting_dialog_delay -1'        => array( 'greeting_dialog_delay', -1 ),
			'greeting_dialog_delay 3601'      => array( 'greeting_dialog_delay', 3601 ),
			'greeting_dialog_delay 1.5'       => array( 'greeting_dialog_delay', 1.5 ),
			'greeting_dialog_delay soon'      => array( 'greeting_dialog_delay', 'soon' ),
			'ref space'                       => array( 'ref', 'a b' ),
			'ref angle bracket'               => array( 'ref', 'a<b' ),
			'ref 251 chars'                   => array( 'ref', str_repeat( 'a', 251 ) ),
			'unknown key foo'                 => array( 'foo', 'bar' ),
		);
	}

	/**
	 * @dataProvider data_invalid_values
	 *
	 * @param string $field Field.
	 * @param mixed  $value Invalid value.
	 */
	public function test_invalid_value_is_refused_with_400_naming_the_field( $field, $value ) {
		$raw = $this->seed_settings();
		$this->as_role( 'administrator' );
		$body = array_merge( self::valid_settings(), array( $field => $value ) );

		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => $body ) );

		list( $code, $message ) = self::error_of( $response );
		$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( 'rest_invalid_param', $code );
		$this->assertStringStartsWith( $field, $message );
		$this->assertMatchesRegularExpression( '/^' . preg_quote( $field, '/' ) . '\b/', $message );
		$this->assertSame( $raw, $this->raw_option(), 'The stored option is unchanged.' );
		$this->assertSame( self::valid_settings(), get_option( self::OPTION ) );
	}

	/**
	 * @dataProvider data_invalid_values
	 *
	 * @param string $field Field.
	 * @param mixed  $value Invalid value.
	 */
	public function test_invalid_value_alone_is_refused_and_nothing_is_created( $field, $value ) {
		$this->as_role( 'administrator' );

		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => array( $field => $value ) ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertStringStartsWith( $field, self::error_of( $response )[1] );
		$this->assertNull( $this->raw_option() );
	}

	/**
	 * Values that are not a settings object at all.
	 *
	 * @return array<string,array{0:mixed}>
	 */
	public function data_non_objects() {
		return array(
			'string'  => array( 'page_id=123' ),
			'integer' => array( 123 ),
			'list'    => array( array( '123', 'fr_FR' ) ),
			'true'    => array( true ),
		);
	}

	/**
	 * @dataProvider data_non_objects
	 *
	 * @param mixed $value Not an object.
	 */
	public function test_non_object_value_is_refused( $value ) {
		$raw = $this->seed_settings();
		$this->as_role( 'administrator' );

		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => $value ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'rest_invalid_param', self::error_of( $response )[0] );
		$this->assertSame( $raw, $this->raw_option() );
	}

	/**
	 * Valid values and what is stored for them.
	 *
	 * @return array<string,array{0:string,1:mixed,2:mixed}>
	 */
	public function data_valid_values() {
		return array(
			'page_id empty'                => array( 'page_id', '', '' ),
			'page_id 20 digits'            => array( 'page_id', '12345678901234567890', '12345678901234567890' ),
			'locale auto'                  => array( 'locale', 'auto', 'auto' ),
			'locale de_DE'                 => array( 'locale', 'de_DE', 'de_DE' ),
			'locale es_LA'                 => array( 'locale', 'es_LA', 'es_LA' ),
			'theme_color empty'            => array( 'theme_color', '', '' ),
			'theme_color upper-case'       => array( 'theme_color', '#0084FF', '#0084ff' ),
			'theme_color nearly white'     => array( 'theme_color', '#fffffe', '#fffffe' ),
			'logged_in_greeting 80 é'      => array( 'logged_in_greeting', str_repeat( 'é', 80 ), str_repeat( 'é', 80 ) ),
			'logged_out_greeting 80 é'     => array( 'logged_out_greeting', str_repeat( 'é', 80 ), str_repeat( 'é', 80 ) ),
			'logged_out_greeting markup'   => array( 'logged_out_greeting', '"><script>alert(1)</script>', '"><script>alert(1)</script>' ),
			'greeting_dialog_display show' => array( 'greeting_dialog_display', 'show', 'show' ),
			'greeting_dialog_display fade' => array( 'greeting_dialog_display', 'fade', 'fade' ),
			'greeting_dialog_display hide' => array( 'greeting_dialog_display', 'hide', 'hide' ),
			'greeting_dialog_display icon' => array( 'greeting_dialog_display', 'icon', 'icon' ),
			'greeting_dialog_delay empty'  => array( 'greeting_dialog_delay', '', '' ),
			'greeting_dialog_delay 0'      => array( 'greeting_dialog_delay', 0, 0 ),
			'greeting_dialog_delay 3600'   => array( 'greeting_dialog_delay', 3600, 3600 ),
			'ref'                          => array( 'ref', 'home-page_v=2', 'home-page_v=2' ),
			'ref empty'                    => array( 'ref', '', '' ),
			'ref 250 chars'                => array( 'ref', str_repeat( 'a', 250 ), str_repeat( 'a', 250 ) ),
		);
	}

	/**
	 * @dataProvider data_valid_values
	 *
	 * @param string $field  Field.
	 * @param mixed  $value  Valid value.
	 * @param mixed  $stored What is stored.
	 */
	public function test_valid_value_is_saved( $field, $value, $stored ) {
		$this->seed_settings();
		$this->as_role( 'administrator' );

		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => array( $field => $value ) ) );

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$expected = array_merge( self::valid_settings(), array( $field => $stored ) );
		$this->assertSame( $expected, maybe_unserialize( $this->raw_option() ) );
		$this->assertSame( $expected, $response->get_data()[ self::OPTION ] );
	}

	/**
	 * @dataProvider data_invalid_values
	 *
	 * @param string $field Field.
	 * @param mixed  $value Invalid value.
	 */
	public function test_update_option_never_stores_an_invalid_value( $field, $value ) {
		$raw = $this->seed_settings();

		update_option( self::OPTION, array_merge( self::valid_settings(), array( $field => $value ) ) );

		$this->assertSame( $raw, $this->raw_option() );
		$this->assertSame( self::valid_settings(), get_option( self::OPTION ) );
	}

	/**
	 * @dataProvider data_invalid_values
	 *
	 * @param string $field Field.
	 * @param mixed  $value Invalid value.
	 */
	public function test_update_option_on_empty_option_stores_nothing_invalid( $field, $value ) {
		update_option( self::OPTION, array( $field => $value ) );

		$raw = $this->raw_option();
		if ( null !== $raw ) {
			$this->assertSame( self::expected_defaults(), maybe_unserialize( $raw ) );
		}
		$this->assertSame( self::expected_defaults(), get_option( self::OPTION ) );
	}

	public function test_update_option_with_non_object_keeps_previous_value() {
		$raw = $this->seed_settings();

		update_option( self::OPTION, 'page_id=1' );
		$this->assertSame( $raw, $this->raw_option() );

		update_option( self::OPTION, array( '1', '2' ) );
		$this->assertSame( $raw, $this->raw_option() );

		update_option( self::OPTION, null );
		$this->assertSame( $raw, $this->raw_option() );
	}

	public function test_update_option_normalises_and_merges_valid_values() {
		$this->seed_settings();

		update_option(
			self::OPTION,
			array(
				'theme_color'    => '#00AA11',
				'bottom_spacing' => '12',
			)
		);

		$stored = maybe_unserialize( $this->raw_option() );
		$this->assertSame( '#00aa11', $stored['theme_color'] );
		$this->assertSame( 12, $stored['bottom_spacing'] );
		$this->assertSame( '1234567890', $stored['page_id'] );
		$this->assertSame( array_keys( self::expected_defaults() ), array_keys( $stored ) );
	}

	public function test_validate_field_messages_name_the_field() {
		foreach ( array_keys( self::expected_defaults() ) as $field ) {
			$error = \CCFM\Settings\Validator::validate_field( $field, array( 'not' => 'valid' ) );
			$this->assertWPError( $error, $field );
			$this->assertSame( 'ccfm_invalid_' . $field, $error->get_error_code() );
			$this->assertSame( $field . ': ' . \CCFM\Settings\Messages::message( $field ), $error->get_error_message() );
		}
	}

	public function test_invalid_utf8_is_refused() {
		$this->assertWPError( \CCFM\Settings\Validator::validate_field( 'logged_in_greeting', "caf\xC3" ) );
		$this->assertWPError( \CCFM\Settings\Validator::validate_field( 'ref', "\xFF" ) );
	}

	/**
	 * Asserts a WP_Error.
	 *
	 * @param mixed  $actual  Value.
	 * @param string $message Message.
	 */
	private function assertWPError( $actual, $message = '' ) {
		$this->assertInstanceOf( \WP_Error::class, $actual, $message );
	}
}
