<?php
/**
 * CCFM\Chat\Front_End: the chat shows, and its script loads, only with a Page ID.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Chat\Front_End;

/**
 * Front-end tests.
 */
class FrontEndTest extends TestCase {

	/**
	 * Front_End caches its decision per instance, so each test detaches the
	 * plugin's global instance (the hooks are restored after the test) and
	 * registers a fresh one.
	 */
	protected function set_up() {
		parent::set_up();
		$this->use_fresh_front_end();
		// Exactly one instance: the global one is detached, the fresh one hooked.
		$this->assertSame( 1, self::front_end_callbacks( 'wp_footer' ) );
		$this->assertSame( 1, self::front_end_callbacks( 'wp_enqueue_scripts' ) );
	}

	/**
	 * How many Front_End instances are hooked to a hook.
	 *
	 * @param string $hook_name Hook.
	 * @return int
	 */
	private static function front_end_callbacks( $hook_name ) {
		$count = 0;
		if ( isset( $GLOBALS['wp_filter'][ $hook_name ] ) ) {
			foreach ( $GLOBALS['wp_filter'][ $hook_name ]->callbacks as $callbacks ) {
				foreach ( $callbacks as $callback ) {
					if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof Front_End ) {
						++$count;
					}
				}
			}
		}
		return $count;
	}

	/**
	 * Simulates the front-end page: enqueue, then the footer.
	 *
	 * @return string The footer output.
	 */
	private function render_front_end() {
		do_action( 'wp_enqueue_scripts' );
		ob_start();
		do_action( 'wp_footer' );
		return (string) ob_get_clean();
	}

	/**
	 * Enqueued script handles of the plugin.
	 *
	 * @return string[]
	 */
	private static function ccfm_queue() {
		return array_values(
			array_filter(
				wp_scripts()->queue,
				static function ( $handle ) {
					return 0 === strpos( $handle, 'ccfm' );
				}
			)
		);
	}

	/**
	 * Without a Page ID nothing is printed nor enqueued, for any visitor.
	 *
	 * @dataProvider data_visitors
	 *
	 * @param string|null $role Role, null for logged out.
	 */
	public function test_no_page_id_prints_nothing( $role ) {
		$this->as_role( $role );
		$this->assertSame( '', \CCFM\Settings\Settings::get()['page_id'] );

		$footer = $this->render_front_end();

		$this->assertStringNotContainsString( 'ccfm', $footer );
		$this->assertStringNotContainsString( 'fb-customerchat', $footer );
		$this->assertSame( array(), self::ccfm_queue() );
		$this->assertFalse( wp_script_is( 'ccfm-front', 'enqueued' ) );
		$this->assertFalse( wp_script_is( 'ccfm-front', 'registered' ) );
		$this->assertFalse( wp_style_is( 'ccfm-front', 'enqueued' ) );
	}

	/**
	 * Visitors.
	 *
	 * @return array<string,array{0:string|null}>
	 */
	public function data_visitors() {
		return array(
			'logged out'    => array( null ),
			'administrator' => array( 'administrator' ),
		);
	}

	/**
	 * The config the boot script gets, from the footer.
	 *
	 * @param string $footer Footer output.
	 * @return array<string,mixed>
	 */
	private static function boot_config( $footer ) {
		if ( 1 !== preg_match( '#<script id="ccfm-boot">\s*window\.ccfmConfig=(.*?);\n#', $footer, $match ) ) {
			return array();
		}
		$config = json_decode( $match[1], true );
		return is_array( $config ) ? $config : array();
	}

	public function test_page_id_prints_the_bubble_with_its_inline_style_and_boot_script_and_no_script_file() {
		update_option( self::OPTION, array( 'page_id' => '1234567890' ) );
		$this->assertSame( '1234567890', \CCFM\Settings\Settings::get()['page_id'] );

		$footer = $this->render_front_end();

		$this->assertSame( 1, substr_count( $footer, 'id="ccfm-chat"' ) );
		$this->assertSame( array(), self::ccfm_queue(), 'No script file before intent.' );
		$this->assertStringNotContainsString( 'build/front.js\'', $footer );
		$this->assertStringContainsString( '<style id="ccfm-inline-css">.ccfm-chat{', $footer );
		$this->assertStringNotContainsString( '.ccfm-greeting{', $footer, 'Link mode without a greeting: no greeting style.' );
		// The boot script comes right after the bubble: it finds it as its previous sibling.
		$this->assertMatchesRegularExpression( '#</a></div><script id="ccfm-boot">\s*window\.ccfmConfig=#', $footer );
		$this->assertSame(
			array(
				'link'  => 'https://m.me/1234567890',
				'front' => '/wp-content/plugins/customer-chat-for-messenger/build/front.js?ver=' . substr( ( require CCFM_DIR . 'build/front.asset.php' )['version'], 0, 8 ),
			),
			array(
				'link'  => self::boot_config( $footer )['link'],
				'front' => self::boot_config( $footer )['front'],
			)
		);
		$this->assertArrayNotHasKey( 'sdk', self::boot_config( $footer ), 'Link mode: nothing of the SDK.' );
		$this->assertStringContainsString( trim( (string) file_get_contents( CCFM_DIR . 'build/boot-link.js' ) ), $footer );
		$this->assertFalse( wp_script_is( 'ccfm-diagnostics', 'enqueued' ) );
	}

	public function test_chat_plugin_mode_prints_the_chat_boot_script_and_the_sdk_settings() {
		update_option(
			self::OPTION,
			array(
				'page_id'             => '1234567890',
				'mode'                => 'chat_plugin',
				'logged_out_greeting' => 'Hi',
			)
		);

		$footer = $this->render_front_end();
		$config = self::boot_config( $footer );

		$this->assertStringContainsString( trim( (string) file_get_contents( CCFM_DIR . 'build/boot-chat.js' ) ), $footer );
		$this->assertStringContainsString( trim( (string) file_get_contents( CCFM_DIR . 'build/greeting.js' ) ), $footer );
		$this->assertStringContainsString( '.ccfm-greeting{', $footer );
		$this->assertSame( 'https://connect.facebook.net/en_US/sdk/xfbml.customerchat.js', $config['sdk'] );
		$this->assertSame( '1234567890', $config['element']['page_id'] );
		$this->assertSame( 'Hi', $config['element']['logged_out_greeting'] );
		$this->assertSame( 15000, $config['timeout'] );
	}

	/**
	 * A missing build (a broken upload) leaves the bubble a plain m.me link: no
	 * boot script, no error.
	 */
	public function test_a_missing_boot_script_leaves_a_working_link() {
		update_option( self::OPTION, array( 'page_id' => '1234567890' ) );
		$files = array( CCFM_DIR . 'build/boot-link.js', CCFM_DIR . 'build/inline.php' );
		foreach ( $files as $file ) {
			rename( $file, $file . '.kept' );
		}
		\CCFM\Assets::flush();
		try {
			$footer = $this->render_front_end();
		} finally {
			foreach ( $files as $file ) {
				rename( $file . '.kept', $file );
			}
			\CCFM\Assets::flush();
		}
		$this->assertStringContainsString( 'href="https://m.me/1234567890"', $footer );
		$this->assertStringNotContainsString( 'ccfm-boot', $footer );
	}

	public function test_page_id_prints_the_stored_settings_escaped() {
		update_option(
			self::OPTION,
			array(
				'page_id'             => '1234567890',
				'mode'                => 'chat_plugin',
				'logged_out_greeting' => '</script><img src=x onerror=alert(1)>',
				'locale'              => 'fr_FR',
			)
		);

		$footer = $this->render_front_end();

		$this->assertStringNotContainsString( '<img', $footer );
		$this->assertStringNotContainsString( '</script><', $footer );
		$this->assertStringContainsString( '&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;', $footer );
		$config = self::boot_config( $footer );
		$this->assertSame( '</script><img src=x onerror=alert(1)>', $config['element']['logged_out_greeting'], 'Plain text, exactly as typed.' );
		$this->assertSame( 'https://connect.facebook.net/fr_FR/sdk/xfbml.customerchat.js', $config['sdk'] );
	}

	public function test_administrator_also_gets_the_diagnostics() {
		update_option( self::OPTION, array( 'page_id' => '1234567890' ) );
		$this->as_role( 'administrator' );

		$footer = $this->render_front_end();

		$this->assertSame( 1, substr_count( $footer, 'id="ccfm-chat"' ) );
		$this->assertSame( array( 'ccfm-diagnostics' ), self::ccfm_queue() );
	}

	public function test_show_chat_filter_can_hide_the_chat() {
		update_option( self::OPTION, array( 'page_id' => '1234567890' ) );
		add_filter( 'ccfm_show_chat', '__return_false' );

		$footer = $this->render_front_end();

		$this->assertStringNotContainsString( 'ccfm', $footer );
		$this->assertSame( array(), self::ccfm_queue() );
	}

	public function test_decision_is_made_once_per_instance() {
		$front_end = new Front_End();
		$this->assertFalse( $front_end->is_enabled() );
		update_option( self::OPTION, array( 'page_id' => '1234567890' ) );
		$this->assertFalse( $front_end->is_enabled(), 'Cached for the request.' );
		$this->assertTrue( ( new Front_End() )->is_enabled() );
	}
}
