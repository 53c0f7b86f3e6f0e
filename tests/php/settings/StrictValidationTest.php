<?php
/**
 * One strict validation for every patterned text and every number: the
 * settings (over /wp/v2/settings, update_option() and form-style strings),
 * the Platform secrets, the _ccfm_ref post meta and the block and shortcode
 * attributes. Each bad value answers 400 naming the field and leaves what is
 * stored byte-identical.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Chat\Placement;
use CCFM\Platform\Platform;
use CCFM\Platform\Secrets;
use CCFM\Settings\Validator;

/**
 * Strict validation tests.
 */
class StrictValidationTest extends TestCase {

	/**
	 * Values that WordPress' own schema check lets through, by field.
	 *
	 * @return array<string,array{0:string,1:mixed}>
	 */
	public function data_bad_values() {
		return array(
			'page_id with final newline'       => array( 'page_id', "1234567890\n" ),
			'page_id only a newline'           => array( 'page_id', "\n" ),
			'page_username with final newline' => array( 'page_username', "shop.page\n" ),
			'theme_color with final newline'   => array( 'theme_color', "#0084ff\n" ),
			'ref with final newline'           => array( 'ref', "abc\n" ),
			'greeting with final newline'      => array( 'logged_in_greeting', "Hello\n" ),
			'greeting with CR LF'              => array( 'logged_out_greeting', "Hello\r\n" ),
			'greeting with RLO U+202E'         => array( 'logged_in_greeting', "Buy \u{202E}won" ),
			'greeting with LRE U+202A'         => array( 'logged_out_greeting', "a\u{202A}b" ),
			'greeting with PDF U+202C'         => array( 'logged_out_greeting', "a\u{202C}b" ),
			'greeting with LRI U+2066'         => array( 'logged_in_greeting', "a\u{2066}b" ),
			'greeting with PDI U+2069'         => array( 'logged_in_greeting', "a\u{2069}b" ),
			'greeting with NEL U+0085'         => array( 'logged_out_greeting', "a\u{0085}b" ),
			'greeting with C1 U+009B'          => array( 'logged_out_greeting', "a\u{009B}b" ),
			'greeting with ZWSP U+200B'        => array( 'logged_in_greeting', "a\u{200B}b" ),
			'greeting with WJ U+2060'          => array( 'logged_in_greeting', "a\u{2060}b" ),
			'greeting with BOM U+FEFF'         => array( 'logged_in_greeting', "\u{FEFF}Hello" ),
			'greeting with LS U+2028'          => array( 'logged_in_greeting', "a\u{2028}b" ),
			'greeting with LRM U+200E'         => array( 'logged_in_greeting', "a\u{200E}b" ),
			'greeting with RLM U+200F'         => array( 'logged_out_greeting', "a\u{200F}b" ),
			'greeting with ALM U+061C'         => array( 'logged_out_greeting', "a\u{061C}b" ),
			'greeting with soft hyphen U+00AD' => array( 'logged_in_greeting', "a\u{00AD}b" ),
			'greeting with MVS U+180E'         => array( 'logged_in_greeting', "a\u{180E}b" ),
			'greeting with a tag U+E0041'      => array( 'logged_in_greeting', "a\u{E0041}b" ),
			'message with RLM U+200F'          => array( 'message_text', "Hi\u{200F}" ),
			'away greeting with LRM U+200E'    => array( 'away_greeting', "\u{200E}Closed" ),
			'exclude_ids 1e30'                 => array( 'exclude_ids', array( 1e30 ) ),
			'exclude_ids beyond PHP_INT_MAX'   => array( 'exclude_ids', array( (float) PHP_INT_MAX * 2 ) ),
			'exclude_ids 1.5'                  => array( 'exclude_ids', array( 1.5 ) ),
			'exclude_ids "1e3"'                => array( 'exclude_ids', array( '1e3' ) ),
			'exclude_ids " 7"'                 => array( 'exclude_ids', array( ' 7' ) ),
			'exclude_ids true'                 => array( 'exclude_ids', array( true ) ),
			'delay "1e3"'                      => array( 'greeting_dialog_delay', '1e3' ),
			'delay " 5"'                       => array( 'greeting_dialog_delay', ' 5' ),
			'delay "5 "'                       => array( 'greeting_dialog_delay', '5 ' ),
			'delay "05"'                       => array( 'greeting_dialog_delay', '05' ),
			'delay "+5"'                       => array( 'greeting_dialog_delay', '+5' ),
			'delay "5\n"'                      => array( 'greeting_dialog_delay', "5\n" ),
			'spacing "2.4e1"'                  => array( 'bottom_spacing', '2.4e1' ),
			'spacing "0x18"'                   => array( 'bottom_spacing', '0x18' ),
			'spacing true'                     => array( 'bottom_spacing', true ),
		);
	}

	/**
	 * @dataProvider data_bad_values
	 *
	 * @param string $field Field.
	 * @param mixed  $value Bad value.
	 */
	public function test_rest_refuses_with_400_naming_the_field_and_keeps_the_option( $field, $value ) {
		$raw = $this->seed_settings();
		$this->as_role( 'administrator' );

		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => array( $field => $value ) ) );

		list( $code, $message ) = self::error_of( $response );
		$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( 'rest_invalid_param', $code );
		$this->assertStringStartsWith( $field . ': ', $message );
		$this->assertSame( $raw, $this->raw_option(), 'The stored option is byte-identical.' );
	}

	/**
	 * @dataProvider data_bad_values
	 *
	 * @param string $field Field.
	 * @param mixed  $value Bad value.
	 */
	public function test_update_option_keeps_the_option( $field, $value ) {
		$raw = $this->seed_settings();

		update_option( self::OPTION, array_merge( self::valid_settings(), array( $field => $value ) ) );

		$this->assertSame( $raw, $this->raw_option() );
	}

	/**
	 * @dataProvider data_bad_values
	 *
	 * @param string $field Field.
	 * @param mixed  $value Bad value.
	 */
	public function test_validate_field_refuses( $field, $value ) {
		$this->assertInstanceOf( \WP_Error::class, Validator::validate_field( $field, $value ) );
	}

	/**
	 * A PHP float is never taken for an integer, whatever its value (JSON
	 * cannot carry 5.0 as anything but 5 from most encoders, so this is the
	 * update_option() path).
	 */
	public function test_floats_are_never_integers() {
		$raw = $this->seed_settings();
		foreach ( array(
			'greeting_dialog_delay' => 5.0,
			'bottom_spacing'        => 24.0,
		) as $field => $float ) {
			$this->assertInstanceOf( \WP_Error::class, Validator::validate_field( $field, $float ) );
			update_option( self::OPTION, array_merge( self::valid_settings(), array( $field => $float ) ) );
			$this->assertSame( $raw, $this->raw_option() );
		}
	}

	/**
	 * An invisible character is named in the message.
	 */
	public function test_the_message_names_the_hidden_character() {
		$error = Validator::validate_field( 'logged_in_greeting', "Buy \u{202E}won" );
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertStringContainsString( 'U+202E', $error->get_error_message() );
		$this->assertStringContainsString( 'direction-changing', $error->get_error_message() );

		$error = Validator::validate_field( 'page_id', "1234567890\n" );
		$this->assertInstanceOf( \WP_Error::class, $error );
		$this->assertStringContainsString( 'U+000A', $error->get_error_message() );
	}

	/**
	 * Real text in any script, stored exactly as sent.
	 *
	 * @return array<string,array{0:string}>
	 */
	public function data_real_text() {
		return array(
			'Arabic'         => array( 'مرحبا! كيف يمكننا مساعدتك؟' ),
			'Hebrew'         => array( 'שלום, איך אפשר לעזור?' ),
			'Chinese'        => array( '您好，有什么可以帮您？' ),
			'Japanese emoji' => array( 'こんにちは 👋' ),
			'accents'        => array( 'Ça va ? Grüße aus Köln, señor' ),
			'Persian ZWNJ'   => array( "می\u{200C}خواهم" ),
			'emoji with ZWJ' => array( "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} family" ),
			'emoji with VS'  => array( "\u{2764}\u{FE0F} thanks" ),
			'Devanagari'     => array( 'नमस्ते, हम कैसे मदद करें?' ),
		);
	}

	/**
	 * @dataProvider data_real_text
	 *
	 * @param string $text Greeting.
	 */
	public function test_real_text_is_accepted_unchanged( $text ) {
		$this->seed_settings();
		$this->as_role( 'administrator' );

		$response = $this->rest(
			'POST',
			'/wp/v2/settings',
			array(
				self::OPTION => array(
					'logged_in_greeting'  => $text,
					'logged_out_greeting' => $text,
				),
			)
		);

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$stored = get_option( self::OPTION );
		$this->assertIsArray( $stored );
		$this->assertSame( $text, $stored['logged_in_greeting'] );
		$this->assertSame( $text, $stored['logged_out_greeting'] );
	}

	/**
	 * Numbers as core's REST schema takes them from forms: plain decimal
	 * strings become integers; the largest post ID PHP holds is accepted.
	 */
	public function test_decimal_strings_and_big_ids_are_accepted() {
		$this->seed_settings();
		$this->as_role( 'administrator' );

		$response = $this->rest(
			'POST',
			'/wp/v2/settings',
			array(
				self::OPTION => array(
					'greeting_dialog_delay' => '5',
					'bottom_spacing'        => '0',
					'exclude_ids'           => array( 7, '42', PHP_INT_MAX ),
				),
			)
		);

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$stored = get_option( self::OPTION );
		$this->assertIsArray( $stored );
		$this->assertSame( 5, $stored['greeting_dialog_delay'] );
		$this->assertSame( 0, $stored['bottom_spacing'] );
		$this->assertSame( array( 7, 42, PHP_INT_MAX ), $stored['exclude_ids'] );
	}

	/**
	 * The raw JSON number 1e30 (and an integer too big for PHP) is refused,
	 * never stored as a wrapped-around integer.
	 */
	public function test_a_raw_json_1e30_is_refused() {
		$raw = $this->seed_settings();
		$this->as_role( 'administrator' );
		foreach ( array( '[1e30]', '[9223372036854775808]', '[5076964154930102272.0]' ) as $list ) {
			$request = new \WP_REST_Request( 'POST', '/wp/v2/settings' );
			$request->set_header( 'content-type', 'application/json' );
			$request->set_body( '{"' . self::OPTION . '":{"exclude_ids":' . $list . '}}' );
			$response = rest_get_server()->dispatch( $request );

			$this->assertSame( 400, $response->get_status(), $list );
			$this->assertStringStartsWith( 'exclude_ids: ', self::error_of( $response )[1] );
			$this->assertSame( $raw, $this->raw_option() );
		}
	}

	/**
	 * The admin form path (options.php) sends every value as a string.
	 */
	public function test_form_strings_are_checked_the_same_way() {
		$raw  = $this->seed_settings();
		$form = array_map(
			static function ( $value ) {
				return is_array( $value ) ? array_map( 'strval', $value ) : (string) $value;
			},
			self::valid_settings()
		);

		update_option( self::OPTION, array_merge( $form, array( 'bottom_spacing' => '2.4e1' ) ) );
		$this->assertSame( $raw, $this->raw_option(), 'A loose number in a form leaves the option.' );

		update_option( self::OPTION, array_merge( $form, array( 'bottom_spacing' => '30' ) ) );
		$this->assertSame( array_merge( self::valid_settings(), array( 'bottom_spacing' => 30 ) ), get_option( self::OPTION ) );
	}

	/**
	 * Platform secrets with a final newline (or any surrounding space) are
	 * refused with 400 naming the secret, and nothing is saved.
	 *
	 * @return array<string,array{0:string,1:string}>
	 */
	public function data_bad_secrets() {
		return array(
			'app secret with newline'   => array( 'app_secret', "0123456789abcdef0123456789abcdef\n" ),
			'token with newline'        => array( 'page_access_token', "EAAGStandInPageToken0123456789\n" ),
			'verify token with newline' => array( 'verify_token', "verify-Me-9f8e7d\n" ),
			'retention "1e1"'           => array( 'retention_days', '1e1' ),
			'retention 10.5'            => array( 'retention_days', 10.5 ),
		);
	}

	/**
	 * @dataProvider data_bad_secrets
	 *
	 * @param string $key   Secret.
	 * @param mixed  $value Bad value.
	 */
	public function test_platform_refuses_a_secret_with_a_final_newline( $key, $value ) {
		update_option( Secrets::OPTION, array( 'retention_days' => 30 ), false );
		$before = get_option( Secrets::OPTION );
		$this->as_role( 'administrator' );

		$response = $this->rest( 'POST', '/ccfm/v1/platform', array( $key => $value ) );

		$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$data = $response->get_data();
		$this->assertIsArray( $data );
		$this->assertArrayHasKey( $key, $data['data']['params'] );
		$this->assertSame( $before, get_option( Secrets::OPTION ) );
		delete_option( Secrets::OPTION );
	}

	/**
	 * A post with a valid _ccfm_ref.
	 *
	 * @return int Post ID.
	 */
	private function post_with_ref() {
		$id = wp_insert_post(
			array(
				'post_title'  => 'Strict ref',
				'post_status' => 'publish',
				'post_type'   => 'post',
			)
		);
		$this->assertIsInt( $id );
		update_post_meta( $id, '_ccfm_ref', 'kept-ref' );
		$this->assertSame( 'kept-ref', get_post_meta( $id, '_ccfm_ref', true ) );
		return $id;
	}

	/**
	 * Bad refs for the post meta.
	 *
	 * @return array<string,array{0:mixed}>
	 */
	public function data_bad_refs() {
		return array(
			'final newline' => array( "abc\n" ),
			'space'         => array( 'a b' ),
			'RLO'           => array( "ab\u{202E}c" ),
			'too long'      => array( str_repeat( 'r', 251 ) ),
		);
	}

	/**
	 * @dataProvider data_bad_refs
	 *
	 * @param mixed $ref Bad ref.
	 */
	public function test_post_meta_ref_over_rest_is_refused_with_400( $ref ) {
		$id = $this->post_with_ref();
		$this->as_role( 'administrator' );

		$response = $this->rest(
			'POST',
			'/wp/v2/posts/' . $id,
			array(
				'title' => 'Changed',
				'meta'  => array( '_ccfm_ref' => $ref ),
			)
		);

		$this->assertSame( 400, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertStringStartsWith( 'meta._ccfm_ref: ', self::error_of( $response )[1] );
		$this->assertSame( 'kept-ref', get_post_meta( $id, '_ccfm_ref', true ) );
		$this->assertSame( 'Strict ref', get_post( $id )->post_title ?? '', 'Nothing of the post changed.' );
		wp_delete_post( $id, true );
	}

	/**
	 * @dataProvider data_bad_refs
	 *
	 * @param mixed $ref Bad ref.
	 */
	public function test_post_meta_ref_through_update_post_meta_is_refused( $ref ) {
		$id = $this->post_with_ref();

		$this->assertFalse( update_post_meta( $id, '_ccfm_ref', $ref ) );
		$this->assertSame( 'kept-ref', get_post_meta( $id, '_ccfm_ref', true ) );
		delete_post_meta( $id, '_ccfm_ref' );
		$this->assertFalse( add_post_meta( $id, '_ccfm_ref', $ref ) );
		$this->assertSame( '', get_post_meta( $id, '_ccfm_ref', true ) );
		wp_delete_post( $id, true );
	}

	public function test_post_meta_ref_valid_value_is_saved() {
		$id = $this->post_with_ref();
		$this->as_role( 'administrator' );

		$response = $this->rest( 'POST', '/wp/v2/posts/' . $id, array( 'meta' => array( '_ccfm_ref' => 'new_ref=2' ) ) );

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$this->assertSame( 'new_ref=2', get_post_meta( $id, '_ccfm_ref', true ) );
		wp_delete_post( $id, true );
	}

	/**
	 * Shortcode and block attributes: a bad value falls back to the site
	 * setting (it is dropped); a good one is kept.
	 */
	public function test_attributes_follow_the_same_rules() {
		$clean = Placement::clean_attributes(
			array(
				'type'                  => 'button',
				'text'                  => "Chat \u{202E}now",
				'ref'                   => "abc\n",
				'logged_in_greeting'    => "Hi\u{0085}",
				'logged_out_greeting'   => "Hello\n",
				'greeting_dialog_delay' => '1e3',
			)
		);
		$this->assertSame(
			array(
				'type' => 'button',
				'text' => '',
			),
			$clean
		);
		foreach ( array( ' 5', '5 ', '2.4e1', '05' ) as $loose ) {
			$this->assertArrayNotHasKey( 'greeting_dialog_delay', Placement::clean_attributes( array( 'greeting_dialog_delay' => $loose ) ), $loose );
		}

		$clean = Placement::clean_attributes(
			array(
				'type'                  => 'button',
				'text'                  => 'تواصل معنا 💬',
				'ref'                   => 'abc',
				'logged_in_greeting'    => '您好',
				'greeting_dialog_delay' => '5',
			)
		);
		$this->assertSame( 'تواصل معنا 💬', $clean['text'] );
		$this->assertSame( 'abc', $clean['ref'] );
		$this->assertSame( '您好', $clean['logged_in_greeting'] );
		$this->assertSame( 5, $clean['greeting_dialog_delay'] );
	}

	/**
	 * The shortcode renders with the site settings when its ref is bad.
	 */
	public function test_shortcode_with_a_bad_ref_uses_the_site_ref() {
		update_option( self::OPTION, array_merge( self::valid_settings(), array( 'page_username' => '' ) ) );
		$html = do_shortcode( "[messenger_chat type=\"button\" ref=\"ab\u{202E}c\"]" );
		$this->assertStringContainsString( 'ref=home-page_v%3D2', $html );
		$this->assertStringNotContainsString( "\u{202E}", $html );
	}

	public function test_joiners_in_emoji_and_persian_stay_allowed() {
		foreach ( array( "Family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", "\u{0645}\u{06CC}\u{200C}\u{062E}\u{0648}\u{0627}\u{0647}\u{0645}" ) as $text ) {
			$this->assertSame( $text, \CCFM\Settings\Validator::validate_field( 'logged_in_greeting', $text ), 'ZWJ (emoji) and ZWNJ (Persian) are parts of words.' );
		}
	}
}
