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

	public function test_a_settings_block_nested_in_a_group_and_columns_counts() {
		$post = $this->make_post( 'post', '<!-- wp:group --><div class="wp-block-group"><!-- wp:columns --><div class="wp-block-columns"><!-- wp:column --><div class="wp-block-column"><!-- wp:customer-chat-for-messenger/chat {"ref":"from-nested","greeting_dialog_delay":9} /--></div><!-- /wp:column --></div><!-- /wp:columns --></div><!-- /wp:group -->' );
		$this->visit( array( 'p' => $post ) );
		$effective = self::effective();
		$this->assertSame( 'from-nested', $effective['ref'], 'A block inside a Column inside a Group is the page\'s settings block.' );
		$this->assertSame( 9, $effective['greeting_dialog_delay'] );
	}

	public function test_an_escaped_shortcode_does_not_count() {
		$post = $this->make_post( 'page', 'Type [[messenger_chat ref="escaped"]] to get [messenger_chat ref="real"] this' );
		$this->visit( array( 'page_id' => $post ) );
		$this->assertSame( 'real', self::effective()['ref'], 'The escaped shortcode is text; the next one counts.' );

		$only = $this->make_post( 'page', 'Write [[messenger_chat ref="escaped"]] in a post.' );
		$this->visit( array( 'page_id' => $only ) );
		$this->assertSame( Settings::get()['ref'], self::effective()['ref'], 'An escaped shortcode alone overrides nothing.' );
		$this->assertStringContainsString( '[messenger_chat ref="escaped"]', do_shortcode( 'Write [[messenger_chat ref="escaped"]] in a post.' ), 'WordPress prints it as text.' );
	}

	public function test_a_post_with_300_buttons_is_parsed_once_per_request() {
		$parses = 0;
		$count  = static function ( $parser ) use ( &$parses ) {
			++$parses;
			return $parser;
		};
		add_filter( 'block_parser_class', $count ); // Applied by every parse_blocks() call.
		$rendered = array();
		try {
			foreach ( array( 10, 300 ) as $buttons ) {
				$content = '<!-- wp:customer-chat-for-messenger/chat {"ref":"page-ref"} /-->' . str_repeat( '<!-- wp:paragraph --><p>Text</p><!-- /wp:paragraph --><!-- wp:customer-chat-for-messenger/chat {"type":"button","text":"Message us"} /-->', $buttons );
				$post    = $this->make_post( 'post', $content );
				$this->visit( array( 'p' => $post ) );
				$parses = 0;
				$html   = apply_filters( 'the_content', get_post_field( 'post_content', $post ) );
				$rendered[ $buttons ] = array( $parses, substr_count( $html, 'ref=page-ref' ) );
			}
		} finally {
			remove_filter( 'block_parser_class', $count );
		}
		$this->assertSame( 10, $rendered[10][1], 'Every button carries the page\'s ref.' );
		$this->assertSame( 300, $rendered[300][1], 'Every button carries the page\'s ref.' );
		$this->assertSame( $rendered[10][0], $rendered[300][0], 'The parses do not grow with the buttons.' );
		$this->assertLessThanOrEqual( 3, $rendered[300][0], 'WordPress\'s own two parses of the content (block hooks, do_blocks) and one of the plugin.' );
	}

	public function test_the_page_settings_follow_the_queried_post() {
		$first  = $this->make_post( 'post', '<!-- wp:customer-chat-for-messenger/chat {"ref":"first"} /-->' );
		$second = $this->make_post( 'post', '<!-- wp:customer-chat-for-messenger/chat {"ref":"second"} /-->' );
		$this->visit( array( 'p' => $first ) );
		$this->assertSame( 'first', self::effective()['ref'] );
		$this->visit( array( 'p' => $second ) );
		$this->assertSame( 'second', self::effective()['ref'], 'Another queried post is read afresh.' );
		wp_update_post(
			array(
				'ID'           => $second,
				'post_content' => '<!-- wp:customer-chat-for-messenger/chat {"ref":"edited"} /-->',
			)
		);
		$this->visit( array( 'p' => $second ) );
		$this->assertSame( 'edited', self::effective()['ref'], 'Changed content is read afresh.' );
	}
}
