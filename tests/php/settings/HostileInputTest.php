<?php
/**
 * Hostile input: for every settings field, a corpus of bad values is refused
 * with 400 naming the field, and the stored option stays byte-identical.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

/**
 * Corpus over every field of the schema.
 */
class HostileInputTest extends TestCase {

	/**
	 * Values no field accepts (wrong types, nested objects).
	 *
	 * @return array<string,mixed>
	 */
	private static function universal_bad() {
		return array(
			'object'       => array( 'a' => 'b' ),
			'nested'       => array( 'x' => array( 'y' => array( 'z' => 1 ) ) ),
			'true'         => true,
			'null'         => null,
			'float'        => 1.25,
			'huge string'  => str_repeat( 'x', 10000 ),
			'control char' => "ab\x01cd",
			'newline'      => "ab\ncd",
			'html'         => '<script>alert(1)</script>',
		);
	}

	/**
	 * Values valid for string fields that some fields must still refuse, by field.
	 *
	 * @return array<string,array<int,mixed>>
	 */
	private static function field_bad() {
		return array(
			'page_id'                 => array( '12 34', '-1', '1e5', '１２３', str_repeat( '9', 21 ), 42 ),
			'page_username'           => array( 'a b', 'ab', 'x/y', '<b>' ),
			'mode'                    => array( 'Link', '' ),
			'locale'                  => array( 'en', 'EN_us', 'en_US ', '' ),
			'theme_color'             => array( '#ffffff', '#FFFFFF', '#FfFfFf', '#fff', 'white', 'rgb(0,0,0)', '#0084ff ', '0084ff' ),
			'logged_in_greeting'      => array( str_repeat( 'é', 81 ), "tab\there", "\x7f" ),
			'logged_out_greeting'     => array( str_repeat( 'a', 81 ), "\0" ),
			'greeting_dialog_display' => array( 'SHOW', 'show ', 'blink' ),
			'greeting_dialog_delay'   => array( -1, 3601, '3601', 'ten', ' ', PHP_INT_MAX ),
			'phone_greeting'          => array( 'Hide', 'never', '' ),
			'ref'                     => array( 'a b', 'a/b', 'a?b', str_repeat( 'r', 251 ), 'ünï' ),
			'alignment'               => array( 'center', 'RIGHT' ),
			'bottom_spacing'          => array( -1, 501, '24px', '' ),
			'load_strategy'           => array( 'lazy', 'Immediate' ),
			'display_on'              => array( 'nowhere' ),
			'display_places'          => array( array( 'home' ), array( 'posts', 'posts' ), 'posts' ),
			'exclude_ids'             => array( array( 0 ), array( -5 ), array( 'abc' ), array( 1, 1 ), '1,2' ),
			'devices'                 => array( 'tablet' ),
			'click_counting'          => array( 'On', 'yes', '', 1 ),
			'message_text'            => array( str_repeat( 'm', 301 ), "a\nb", "rtl\u{202E}", array( 'x' ) ),
			'away_hours'              => array( array( '1 17:00-09:00' ), array( '0 09:00-17:00' ), array( '1 09:00-17:00', '1 09:00-17:00' ), '1 09:00-17:00' ),
			'away_action'             => array( 'close', '' ),
			'away_greeting'           => array( str_repeat( 'g', 81 ), "tab\t" ),
		);
	}

	/**
	 * Every field in the schema has a corpus here.
	 */
	public function test_corpus_covers_every_field() {
		$this->assertSame( array_keys( \CCFM\Settings\Schema::defaults() ), array_keys( self::field_bad() ) );
	}

	/**
	 * Every bad value is refused with 400 naming the field, nothing stored.
	 */
	public function test_every_bad_value_is_refused_and_nothing_changes() {
		$this->as_role( 'administrator' );
		$this->seed_settings();
		$before  = $this->raw_option();
		$checked = 0;
		foreach ( self::field_bad() as $field => $values ) {
			$string_field = is_string( \CCFM\Settings\Schema::defaults()[ $field ] );
			$corpus       = array_merge( array_values( self::universal_bad() ), $values );
			foreach ( $corpus as $value ) {
				if ( $string_field && is_string( $value ) && ! preg_match( '/[\x00-\x1F\x7F]/', $value ) && in_array( $field, array( 'logged_in_greeting', 'logged_out_greeting', 'away_greeting', 'message_text' ), true ) && mb_strlen( $value ) <= ( 'message_text' === $field ? 300 : 80 ) ) {
					continue; // Plain text up to 80 characters is a valid greeting (escaped at output).
				}
				$response = $this->rest( 'POST', '/wp/v2/settings', array( 'ccfm_settings' => array( $field => $value ) ) );
				$label    = $field . ' = ' . wp_json_encode( $value );
				$this->assertSame( 400, $response->get_status(), $label );
				list( , $message ) = self::error_of( $response );
				$this->assertStringStartsWith( $field . ':', $message, $label );
				$this->assertSame( $before, $this->raw_option(), 'Stored option unchanged after ' . $label );
				++$checked;
			}
		}
		$this->assertGreaterThan( 200, $checked );
	}

	/**
	 * Unknown keys, a list instead of an object, and non-UTF-8 bytes.
	 */
	public function test_structural_attacks_are_refused() {
		$this->as_role( 'administrator' );
		$this->seed_settings();
		$before = $this->raw_option();
		foreach ( array(
			'unknown key' => array(
				'page_id'   => '1',
				'__proto__' => 'x',
			),
			'list'        => array( '1', '2' ),
			'string'      => 'page_id=1',
			'number'      => 5,
		) as $label => $value ) {
			$response = $this->rest( 'POST', '/wp/v2/settings', array( 'ccfm_settings' => $value ) );
			$this->assertSame( 400, $response->get_status(), $label );
			$this->assertSame( $before, $this->raw_option(), $label );
		}
		// Non-UTF-8 bytes cannot travel in JSON; send them form-encoded.
		$request = new \WP_REST_Request( 'POST', '/wp/v2/settings' );
		$request->set_body_params( array( 'ccfm_settings' => array( 'logged_out_greeting' => "caf\xE9" ) ) );
		$response = rest_get_server()->dispatch( $request );
		$this->assertSame( 400, $response->get_status() );
		list( , $message ) = self::error_of( $response );
		$this->assertStringStartsWith( 'logged_out_greeting:', $message );
		$this->assertSame( $before, $this->raw_option() );
	}
}
