<?php
/**
 * CCFM\Chat\Display_Rules: where the chat shows (everywhere, where it is
 * placed, on chosen kinds of pages), the excluded posts and a post's own
 * show/hide choice.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Chat\Display_Rules;
use CCFM\Chat\Post_Meta;
use CCFM\Settings\Settings;

require_once __DIR__ . '/ChatQueryTrait.php';

/**
 * Display rules.
 */
class DisplayRulesTest extends TestCase {

	use ChatQueryTrait;

	/**
	 * Deletes the test's posts.
	 */
	protected function tear_down() {
		$this->forget_visit();
		parent::tear_down();
	}

	/**
	 * The stored settings with some fields changed.
	 *
	 * @param array<string,mixed> $fields Fields.
	 * @return array<string,mixed>
	 */
	private function settings( array $fields ) {
		$this->seed_settings();
		return Settings::conform( array_merge( Settings::get(), $fields ), Settings::get() );
	}

	public function test_each_request_is_one_kind_of_place() {
		$post = $this->make_post();
		$page = $this->make_post( 'page' );
		$this->visit( array() );
		$this->assertSame( 'front_page', Display_Rules::current_place() );
		$this->visit( array( 'p' => $post ) );
		$this->assertSame( 'posts', Display_Rules::current_place() );
		$this->visit( array( 'page_id' => $page ) );
		$this->assertSame( 'pages', Display_Rules::current_place() );
		$this->visit( array( 's' => 'probe' ) );
		$this->assertSame( 'search', Display_Rules::current_place() );
		$this->visit( array( 'p' => 999999 ), true );
		$this->assertSame( '404', Display_Rules::current_place() );
		$this->visit( array( 'cat' => 1 ) );
		$this->assertSame( 'archives', Display_Rules::current_place() );
	}

	public function test_chosen_places_show_the_chat_only_there() {
		$post     = $this->make_post();
		$page     = $this->make_post( 'page' );
		$settings = $this->settings(
			array(
				'display_on'     => 'chosen',
				'display_places' => array( 'pages', 'search' ),
			)
		);
		$this->visit( array( 'page_id' => $page ) );
		$this->assertTrue( Display_Rules::visible( $settings ) );
		$this->visit( array( 's' => 'probe' ) );
		$this->assertTrue( Display_Rules::visible( $settings ) );
		$this->visit( array( 'p' => $post ) );
		$this->assertFalse( Display_Rules::visible( $settings ) );
		$this->visit( array() );
		$this->assertFalse( Display_Rules::visible( $settings ) );
	}

	public function test_placed_shows_the_chat_only_where_the_block_or_shortcode_is() {
		$settings  = $this->settings( array( 'display_on' => 'placed' ) );
		$block     = $this->make_post( 'post', '<!-- wp:customer-chat-for-messenger/chat {"type":"button"} /-->' );
		$shortcode = $this->make_post( 'page', '[messenger_chat type="button"]' );
		$plain     = $this->make_post( 'post', 'No chat here.' );
		$this->visit( array( 'p' => $block ) );
		$this->assertTrue( Display_Rules::visible( $settings ) );
		$this->visit( array( 'page_id' => $shortcode ) );
		$this->assertTrue( Display_Rules::visible( $settings ) );
		$this->visit( array( 'p' => $plain ) );
		$this->assertFalse( Display_Rules::visible( $settings ) );
		$this->visit( array() );
		$this->assertFalse( Display_Rules::visible( $settings ), 'Not on a list of posts.' );
	}

	public function test_a_posts_own_choice_and_the_excluded_posts_win_over_the_site_rule() {
		$shown    = $this->make_post();
		$hidden   = $this->make_post();
		$excluded = $this->make_post();
		update_post_meta( $shown, Post_Meta::META_VISIBILITY, 'show' );
		update_post_meta( $hidden, Post_Meta::META_VISIBILITY, 'hide' );
		update_post_meta( $excluded, Post_Meta::META_VISIBILITY, 'show' );

		$chosen = $this->settings(
			array(
				'display_on'     => 'chosen',
				'display_places' => array( 'pages' ),
				'exclude_ids'    => array( $excluded ),
			)
		);
		$this->visit( array( 'p' => $shown ) );
		$this->assertTrue( Display_Rules::visible( $chosen ), 'Shown on this post although posts are not chosen.' );
		$this->visit( array( 'p' => $excluded ) );
		$this->assertFalse( Display_Rules::visible( $chosen ), 'Excluded wins over the post\'s own choice.' );

		$everywhere = $this->settings( array( 'display_on' => 'everywhere' ) );
		$this->visit( array( 'p' => $hidden ) );
		$this->assertFalse( Display_Rules::visible( $everywhere ) );
		$this->visit( array( 'p' => $shown ) );
		$this->assertTrue( Display_Rules::visible( $everywhere ) );
	}

	public function test_without_a_page_the_chat_never_shows() {
		$post     = $this->make_post();
		$settings = $this->settings(
			array(
				'page_id'       => '',
				'page_username' => '',
			)
		);
		update_post_meta( $post, Post_Meta::META_VISIBILITY, 'show' );
		$this->visit( array( 'p' => $post ) );
		$this->assertFalse( Display_Rules::visible( $settings ) );
	}
}
