<?php
/**
 * CCFM\Chat\Page_Overrides: on a post's own view, the chat block's or the
 * shortcode's settings and the post's _ccfm_ref override the saved
 * settings, through the same rules as the settings; anywhere else nothing
 * changes.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Chat\Front_End;
use CCFM\Chat\Page_Overrides;
use CCFM\Chat\Post_Meta;
use CCFM\Settings\Settings;

require_once __DIR__ . '/ChatQueryTrait.php';

/**
 * Page overrides.
 */
class PageOverridesTest extends TestCase {

	use ChatQueryTrait;

	/**
	 * Seeds the settings.
	 */
	protected function set_up() {
		parent::set_up();
		$this->seed_settings();
	}

	/**
	 * Deletes the test's posts.
	 */
	protected function tear_down() {
		$this->forget_visit();
		parent::tear_down();
	}

	/**
	 * The settings in effect on the current request.
	 *
	 * @return array<string,mixed>
	 */
	private static function effective() {
		return ( new Front_End() )->effective_settings();
	}

	public function test_the_blocks_settings_apply_on_its_own_post() {
		$post = $this->make_post( 'post', '<!-- wp:customer-chat-for-messenger/chat {"ref":"from-block","logged_in_greeting":"Hi from the block","greeting_dialog_display":"icon","greeting_dialog_delay":7,"page_id":"999"} /-->' );
		$this->visit( array( 'p' => $post ) );
		$expected                            = Settings::get();
		$expected['ref']                     = 'from-block';
		$expected['logged_in_greeting']      = 'Hi from the block';
		$expected['greeting_dialog_display'] = 'icon';
		$expected['greeting_dialog_delay']   = 7;
		$this->assertSame( $expected, self::effective(), 'Only the fields a page may override; never the Page ID.' );
	}

	public function test_the_shortcodes_settings_apply_the_same_way() {
		$post = $this->make_post( 'page', 'Text [messenger_chat ref="from-shortcode" greeting_dialog_delay="5"] more' );
		$this->visit( array( 'page_id' => $post ) );
		$effective = self::effective();
		$this->assertSame( 'from-shortcode', $effective['ref'] );
		$this->assertSame( 5, $effective['greeting_dialog_delay'], 'The shortcode\'s "5" is the delay 5.' );
	}

	public function test_the_posts_ref_wins_and_invalid_values_are_ignored() {
		$post = $this->make_post( 'post', '<!-- wp:customer-chat-for-messenger/chat {"ref":"from-block","greeting_dialog_display":"popup","greeting_dialog_delay":"1e3"} /-->' );
		update_post_meta( $post, Post_Meta::META_REF, 'from-meta' );
		$this->visit( array( 'p' => $post ) );
		$effective = self::effective();
		$saved     = Settings::get();
		$this->assertSame( 'from-meta', $effective['ref'] );
		$this->assertSame( $saved['greeting_dialog_display'], $effective['greeting_dialog_display'], 'popup is not a display value.' );
		$this->assertSame( $saved['greeting_dialog_delay'], $effective['greeting_dialog_delay'], '1e3 is not whole seconds.' );
	}

	public function test_a_button_block_overrides_nothing_and_other_requests_are_untouched() {
		$button = $this->make_post( 'post', '<!-- wp:customer-chat-for-messenger/chat {"type":"button","ref":"from-button"} /-->' );
		$this->visit( array( 'p' => $button ) );
		$this->assertSame( Settings::get(), self::effective(), 'A button block is a button, not page settings.' );

		$this->make_post( 'post', '<!-- wp:customer-chat-for-messenger/chat {"ref":"from-block"} /-->' );
		$this->visit( array() );
		$this->assertSame( Settings::get(), self::effective(), 'Not on a list of posts.' );
		$this->assertSame( Settings::get(), ( new Page_Overrides() )->apply_overrides( Settings::get() ) );
	}
}
