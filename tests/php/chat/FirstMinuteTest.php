<?php
/**
 * The site owner's first minute on the server: link mode works with a Page
 * username alone (display rules, front end, button), the Plugins screen says
 * what is missing until the chat can show (dismissible per user, nonce and
 * capability checked), and unknown shortcode attributes are reported to
 * people who can edit the content, never to visitors.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Admin\Admin_Page;
use CCFM\Chat\Display_Rules;
use CCFM\Chat\Front_End;
use CCFM\Chat\Placement;
use CCFM\Settings\Schema;

/**
 * First-minute tests.
 */
class FirstMinuteTest extends TestCase {

	/**
	 * No user has dismissed the notice yet.
	 */
	protected function set_up() {
		parent::set_up();
		delete_metadata( 'user', 0, Admin_Page::META_DISMISSED, '', true );
	}

	/**
	 * What the Plugins screen prints in the admin notices.
	 *
	 * @return string
	 */
	private static function plugins_screen_notices() {
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		set_current_screen( 'plugins' );
		ob_start();
		( new Admin_Page() )->setup_notice();
		$html = (string) ob_get_clean();
		set_current_screen( 'front' );
		return $html;
	}

	public function test_what_each_mode_needs_to_show() {
		$cases = array(
			array( 'link', '', '', false ),
			array( 'link', '', 'acme.bakery', true ),
			array( 'link', '1234567890', '', true ),
			array( 'chat_plugin', '', 'acme.bakery', false ),
			array( 'chat_plugin', '1234567890', '', true ),
		);
		foreach ( $cases as list( $mode, $id, $username, $expected ) ) {
			$settings = array_merge(
				Schema::defaults(),
				array(
					'mode'          => $mode,
					'page_id'       => $id,
					'page_username' => $username,
				)
			);
			$this->assertSame( $expected, Display_Rules::configured( $settings ), "$mode / $id / $username" );
			$this->assertSame( $expected, Display_Rules::visible( $settings ), "$mode / $id / $username" );
		}
	}

	public function test_link_mode_with_a_username_alone_prints_the_bubble_and_the_button() {
		update_option(
			self::OPTION,
			array(
				'mode'          => 'link',
				'page_username' => 'acme.bakery',
			)
		);
		$front = new Front_End();
		$this->assertTrue( $front->is_enabled() );
		ob_start();
		$front->print_chat();
		$html = (string) ob_get_clean();
		$this->assertStringContainsString( 'id="ccfm-chat"', $html );
		$this->assertStringContainsString( 'href="https://m.me/acme.bakery"', $html );
		$this->assertStringNotContainsString( 'fb-customerchat', $html );

		$button = Placement::render( array( 'type' => 'button' ) );
		$this->assertStringContainsString( 'href="https://m.me/acme.bakery"', $button );

		update_option(
			self::OPTION,
			array(
				'mode'          => 'chat_plugin',
				'page_username' => 'acme.bakery',
			)
		);
		$this->assertFalse( ( new Front_End() )->is_enabled(), 'The Chat Plugin needs the numeric ID.' );
		$this->assertSame( '', Placement::render( array( 'type' => 'button' ) ) );
	}

	public function test_the_plugins_screen_says_the_chat_is_not_live_until_it_can_show() {
		$this->as_role( 'administrator' );
		$html = self::plugins_screen_notices();
		$this->assertStringContainsString( 'Messenger Chat is not live yet.', $html );
		$this->assertStringContainsString( 'href="' . esc_url( admin_url( 'options-general.php?page=customer-chat-for-messenger' ) ) . '"', $html );
		$this->assertMatchesRegularExpression( '~admin-post\.php\?action=ccfm_dismiss_setup_notice&#038;_wpnonce=[0-9a-f]{10}~', $html );

		// Only on the Plugins screen.
		set_current_screen( 'dashboard' );
		ob_start();
		( new Admin_Page() )->setup_notice();
		$this->assertSame( '', ob_get_clean() );

		// Not for users who cannot change the settings.
		$this->as_role( 'editor' );
		$this->assertSame( '', self::plugins_screen_notices() );

		// Gone once the chat can show.
		$this->as_role( 'administrator' );
		update_option( self::OPTION, array( 'page_username' => 'acme.bakery' ) );
		$this->assertSame( '', self::plugins_screen_notices() );
	}

	public function test_dismissing_the_notice_is_per_user_and_needs_the_nonce_and_the_capability() {
		add_filter(
			'wp_redirect',
			static function ( $location ) {
				throw new \RuntimeException( 'redirect:' . $location ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Test only.
			}
		);
		add_filter(
			'wp_die_handler',
			static function () {
				return static function ( $message ) {
					throw new \RuntimeException( 'die:' . ( is_string( $message ) ? $message : '' ) ); // phpcs:ignore WordPress.Security.EscapeOutput.ExceptionNotEscaped -- Test only.
				};
			}
		);
		$this->as_role( 'administrator' );
		$admin = get_current_user_id();

		// Without a nonce: refused, nothing stored.
		unset( $_REQUEST['_wpnonce'] );
		try {
			( new Admin_Page() )->dismiss_setup_notice();
			$this->fail( 'Dismissed without a nonce.' );
		} catch ( \RuntimeException $e ) {
			$this->assertStringStartsWith( 'die:', $e->getMessage() );
		}
		$this->assertSame( '', get_user_meta( $admin, Admin_Page::META_DISMISSED, true ) );

		// With the nonce: stored for this user, then back to the Plugins screen.
		$_REQUEST['_wpnonce'] = wp_create_nonce( Admin_Page::DISMISS_ACTION );
		try {
			( new Admin_Page() )->dismiss_setup_notice();
			$this->fail( 'No redirect.' );
		} catch ( \RuntimeException $e ) {
			$this->assertSame( 'redirect:' . admin_url( 'plugins.php' ), $e->getMessage() );
		}
		$this->assertSame( '1', get_user_meta( $admin, Admin_Page::META_DISMISSED, true ) );
		$this->assertSame( '', self::plugins_screen_notices() );

		// Another administrator still sees it.
		$other = self::factory_admin();
		wp_set_current_user( $other );
		$this->assertStringContainsString( 'Messenger Chat is not live yet.', self::plugins_screen_notices() );

		// A user without the capability cannot dismiss it, even with a nonce.
		$this->as_role( 'editor' );
		$_REQUEST['_wpnonce'] = wp_create_nonce( Admin_Page::DISMISS_ACTION );
		try {
			( new Admin_Page() )->dismiss_setup_notice();
			$this->fail( 'An editor dismissed it.' );
		} catch ( \RuntimeException $e ) {
			$this->assertStringStartsWith( 'die:', $e->getMessage() );
		}
		$this->assertSame( '', get_user_meta( get_current_user_id(), Admin_Page::META_DISMISSED, true ) );
		unset( $_REQUEST['_wpnonce'] );
		delete_user_meta( $admin, Admin_Page::META_DISMISSED );
		require_once ABSPATH . 'wp-admin/includes/user.php';
		wp_delete_user( $other );
	}

	/**
	 * A second administrator.
	 *
	 * @return int
	 */
	private static function factory_admin() {
		$id = wp_insert_user(
			array(
				'user_login' => 'ccfm_second_admin_' . wp_rand(),
				'user_pass'  => wp_generate_password(),
				'role'       => 'administrator',
			)
		);
		return is_int( $id ) ? $id : 0;
	}

	public function test_unknown_shortcode_attributes_are_reported_to_editors_of_the_post_only() {
		update_option( self::OPTION, array( 'page_id' => '1234567890' ) );
		$author = self::user_id( 'author' );
		$post   = get_post(
			wp_insert_post(
				array(
					'post_title'   => 'Shortcode',
					'post_status'  => 'publish',
					'post_author'  => $author,
					'post_content' => '[messenger_chat type="button" label="Hi there" text="Write to us"]',
				)
			)
		);
		$this->assertInstanceOf( \WP_Post::class, $post );
		$GLOBALS['post'] = $post; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- The loop's post, as on its page.
		setup_postdata( $post );

		foreach ( array( 'administrator', 'editor', 'author' ) as $role ) {
			$this->as_role( $role );
			$html = do_shortcode( $post->post_content );
			$this->assertStringContainsString( '<p class="ccfm-shortcode-notice" role="note"', $html, $role );
			$this->assertStringContainsString( '[messenger_chat]: the attribute label is not known and is ignored. Known attributes: type, text, ref,', $html, $role );
			$this->assertStringContainsString( '>Write to us</a>', $html, 'The button still works.' );
		}
		foreach ( array( null, 'subscriber', 'contributor' ) as $role ) {
			$this->as_role( $role );
			$html = do_shortcode( $post->post_content );
			$this->assertStringNotContainsString( 'ccfm-shortcode-notice', $html, (string) $role );
			$this->assertStringContainsString( '>Write to us</a>', $html );
		}
		// Known attributes only: no note.
		$this->as_role( 'administrator' );
		$this->assertStringNotContainsString( 'ccfm-shortcode-notice', do_shortcode( '[messenger_chat type="button" ref="a"]' ) );
		$this->assertStringContainsString( 'the attributes button, color are not known', do_shortcode( '[messenger_chat button color="red"]' ) );
		wp_reset_postdata();
		wp_delete_post( $post->ID, true );
	}
}
