<?php
/**
 * Suggested privacy-policy text (Settings → Privacy → policy guide).
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Admin\Privacy_Policy;

/**
 * Privacy-policy content.
 */
class PrivacyTest extends TestCase {

	protected function set_up() {
		parent::set_up();
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-privacy-policy-content.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		self::set_policy_content( array() );
	}

	protected function tear_down() {
		self::set_policy_content( array() );
		unset( $GLOBALS['current_screen'] );
		parent::tear_down();
	}

	/**
	 * WordPress' collected suggestions (a private static).
	 *
	 * @return array<int,array{plugin_name:string,policy_text:string}>
	 */
	private static function policy_content() {
		$property = new \ReflectionProperty( \WP_Privacy_Policy_Content::class, 'policy_content' );
		$property->setAccessible( true );
		return $property->getValue();
	}

	/**
	 * Replaces WordPress' collected suggestions.
	 *
	 * @param array $value New value.
	 */
	private static function set_policy_content( array $value ) {
		$property = new \ReflectionProperty( \WP_Privacy_Policy_Content::class, 'policy_content' );
		$property->setAccessible( true );
		$property->setValue( null, $value );
	}

	public function test_the_plugin_registers_the_privacy_part_on_admin_init() {
		$found = false;
		foreach ( $GLOBALS['wp_filter']['admin_init']->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof Privacy_Policy && 'add_policy_content' === $callback['function'][1] ) {
					$found = true;
				}
			}
		}
		$this->assertTrue( $found, 'CCFM\Admin\Privacy_Policy::add_policy_content is hooked to admin_init.' );
	}

	public function test_admin_init_adds_the_suggested_text_to_the_policy_guide() {
		remove_all_actions( 'admin_init' );
		( new Privacy_Policy() )->register();
		set_current_screen( 'options-privacy' );
		$this->assertTrue( is_admin() );
		$this->assertSame( array(), self::policy_content() );

		do_action( 'admin_init' );

		$content = self::policy_content();
		$this->assertCount( 1, $content );
		$this->assertSame( 'Customer Chat for Messenger', $content[0]['plugin_name'] );
		$text = $content[0]['policy_text'];
		$this->assertSame( Privacy_Policy::policy_text(), $text );
		foreach ( array( 'connect.facebook.net', 'm.me', 'IP address', 'Facebook cookies', 'consent', 'https://www.facebook.com/privacy/policy/', 'https://www.facebook.com/legal/terms', 'privacy-policy-tutorial' ) as $needle ) {
			$this->assertStringContainsString( $needle, $text );
		}
		$this->assertSame( wp_kses_post( $text ), $text, 'The text is already safe HTML.' );
		$this->assertSame( 7, substr_count( $text, '<p>' ) );
		$this->assertStringContainsString( 'we store no IP address', $text );
		$this->assertStringContainsString( 'pseudonymous key', $text );
	}

	public function test_nothing_is_added_outside_wp_admin_even_when_admin_init_fires() {
		remove_all_actions( 'admin_init' );
		( new Privacy_Policy() )->register();
		$this->assertFalse( is_admin() );
		do_action( 'admin_init' ); // No _doing_it_wrong notice: the test would fail on it.
		$this->assertSame( array(), self::policy_content() );
	}
}
