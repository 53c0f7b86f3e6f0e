<?php
/**
 * CCFM\Chat\Message_Text: the pre-filled message of every m.me link.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests\Chat;

use CCFM\Chat\Message_Text;
use CCFM\Chat\Page_Overrides;
use CCFM\Chat\Placement;
use CCFM\Chat\Renderer;
use CCFM\Settings\Schema;
use CCFM\Settings\Settings;
use CCFM\Tests\TestCase;

/**
 * Expansion, the filter, the cap, validation and where the text goes.
 */
class MessageTextTest extends TestCase {

	/**
	 * Posts made by the test.
	 *
	 * @var int[]
	 */
	private $posts = array();

	/**
	 * Deletes the test's posts and resets the query.
	 */
	protected function tear_down() {
		foreach ( $this->posts as $id ) {
			wp_delete_post( $id, true );
		}
		$this->posts = array();
		wp_reset_query(); // phpcs:ignore WordPress.WP.DiscouragedFunctions.wp_reset_query_wp_reset_query -- The tests replace the main query.
		parent::tear_down();
	}

	/**
	 * A published post (or page).
	 *
	 * @param array<string,mixed> $args wp_insert_post() arguments.
	 * @return int
	 */
	private function post( array $args ) {
		$id = wp_insert_post( $args + array( 'post_status' => 'publish' ) );
		$this->assertIsInt( $id );
		$this->assertGreaterThan( 0, $id );
		$this->posts[] = $id;
		return $id;
	}

	/**
	 * Makes a query the main one, with its first post set up, as on its page.
	 *
	 * @param array<string,mixed> $query WP_Query arguments.
	 * @return void
	 */
	private static function visit( array $query ) {
		$GLOBALS['wp_the_query'] = new \WP_Query( $query ); // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- The request's main query.
		$GLOBALS['wp_query']     = $GLOBALS['wp_the_query']; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- The request's main query.
		if ( have_posts() ) {
			the_post();
		}
	}

	/**
	 * Visits the page of a post.
	 *
	 * @param int $id Post ID.
	 * @return void
	 */
	private static function visit_post( $id ) {
		self::visit(
			array(
				'p'         => $id,
				'post_type' => get_post_type( $id ),
			)
		);
	}

	/**
	 * Stores settings over the defaults.
	 *
	 * @param array<string,mixed> $fields Fields.
	 * @return void
	 */
	private static function store( array $fields ) {
		update_option( self::OPTION, array_merge( Schema::defaults(), array( 'page_username' => 'blue.shop' ), $fields ) );
	}

	public function test_expands_title_url_and_site_on_a_post() {
		update_option( 'blogname', 'Shoe & Co' );
		$post = $this->post( array( 'post_title' => 'Blue "shoes" <em>new</em>' ) );
		self::visit_post( $post );
		$text = Message_Text::expand( 'Hi {site}, about {title} ({url}) {unknown} {Title}' );
		$this->assertSame( 'Hi Shoe & Co, about Blue “shoes” new (' . get_permalink( $post ) . ') {unknown} {Title}', $text );
	}

	public function test_elsewhere_the_title_is_the_site_name() {
		update_option( 'blogname', 'Shoe shop' );
		self::visit( array( 's' => 'boots' ) );
		$this->assertSame( 'Shoe shop at ' . home_url( '/' ), Message_Text::expand( '{title} at {url}' ) );
	}

	public function test_a_filter_adds_variables_and_bad_names_are_ignored() {
		add_filter(
			'ccfm_message_variables',
			static function ( $variables ) {
				$variables['sku']      = 'SKU-<b>42</b>';
				$variables['Bad Name'] = 'x';
				$variables['array']    = array( 'no' );
				return $variables;
			}
		);
		$vars = Message_Text::front_page_variables();
		$this->assertSame( 'SKU-42', $vars['sku'] );
		$this->assertArrayNotHasKey( 'Bad Name', $vars );
		$this->assertArrayNotHasKey( 'array', $vars );
		$this->assertSame( 'Order SKU-42 {array}', Message_Text::expand( 'Order {sku} {array}', $vars ) );
	}

	public function test_the_expanded_text_is_capped_and_plain() {
		$long = str_repeat( 'ä', 400 );
		$text = Message_Text::expand( '{title} {title}', array( 'title' => $long ) );
		$this->assertSame( Message_Text::MAX_LENGTH, mb_strlen( $text ) );
		$this->assertSame( 'a b', Message_Text::expand( '{x}', array( 'x' => "a\u{202E}b" ) ) );
		$this->assertSame( 'a b', Message_Text::expand( 'a{x}b', array( 'x' => "\u{202E}" ) ) );
	}

	public function test_the_setting_is_validated_and_nothing_stored() {
		$this->seed_settings();
		$before = $this->raw_option();
		$this->as_role( 'administrator' );
		foreach ( array( str_repeat( 'x', 301 ), "Line\nbreak", "Hidden \u{202E}text", 42 ) as $bad ) {
			$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => array( 'message_text' => $bad ) ) );
			$this->assertSame( 400, $response->get_status() );
			$this->assertStringContainsString( 'message_text: The message text must be plain text of at most 300 characters.', self::error_of( $response )[1] );
			$this->assertSame( $before, $this->raw_option() );
		}
		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => array( 'message_text' => 'Hi about {title}' ) ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'Hi about {title}', Settings::get()['message_text'] );
	}

	public function test_every_link_carries_the_text_next_to_the_ref() {
		self::store(
			array(
				'ref'          => 'shop',
				'message_text' => 'Hello & {site}?',
			)
		);
		update_option( 'blogname', 'Blue' );
		$settings = Settings::get();
		$this->assertSame( 'https://m.me/blue.shop?ref=shop&text=Hello%20%26%20Blue%3F', Renderer::messenger_url( $settings ) );
		$this->assertStringContainsString( 'href="https://m.me/blue.shop?ref=shop&#038;text=Hello%20%26%20Blue%3F"', Renderer::bubble( $settings ) );
		$this->assertStringContainsString( 'text=Hello%20%26%20Blue%3F', Renderer::embed_code( $settings, 'en_US' ) );
		$settings['ref'] = '';
		$this->assertSame( 'https://m.me/blue.shop?text=Hello%20%26%20Blue%3F', Renderer::messenger_url( $settings ) );
		$settings['message_text'] = '';
		$this->assertSame( 'https://m.me/blue.shop', Renderer::messenger_url( $settings ) );
	}

	public function test_shortcode_and_meta_override_on_their_page_only() {
		self::store(
			array(
				'ref'          => 'site',
				'message_text' => 'Site text',
			)
		);
		$page  = $this->post(
			array(
				'post_type'    => 'page',
				'post_title'   => 'Sizes',
				'post_content' => '[messenger_chat type="button" message_text="Ask about {title}"]',
			)
		);
		$other = $this->post(
			array(
				'post_type'    => 'page',
				'post_content' => '[messenger_chat type="button"]',
			)
		);
		self::visit_post( $page );
		$this->assertStringContainsString( 'text=Ask%20about%20Sizes', do_shortcode( (string) get_post_field( 'post_content', $page ) ) );
		self::visit_post( $other );
		$this->assertStringContainsString( 'text=Site%20text', do_shortcode( (string) get_post_field( 'post_content', $other ) ) );

		update_post_meta( $other, Message_Text::META, 'From the panel' );
		self::visit_post( $other );
		$this->assertSame( 'From the panel', ( new Page_Overrides() )->apply_overrides( Settings::get() )['message_text'] );
	}

	public function test_the_post_meta_is_refused_with_400() {
		$post = $this->post( array( 'post_title' => 'Meta' ) );
		$this->as_role( 'administrator' );
		$response = $this->rest( 'POST', '/wp/v2/posts/' . $post, array( 'meta' => array( Message_Text::META => str_repeat( 'x', 301 ) ) ) );
		$this->assertSame( 400, $response->get_status() );
		$this->assertStringContainsString( 'meta._ccfm_message_text', self::error_of( $response )[1] );
		$this->assertSame( '', get_post_meta( $post, Message_Text::META, true ) );
		$response = $this->rest( 'POST', '/wp/v2/posts/' . $post, array( 'meta' => array( Message_Text::META => 'About {title}' ) ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'About {title}', get_post_meta( $post, Message_Text::META, true ) );
	}
}
