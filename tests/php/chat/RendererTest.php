<?php
/**
 * CCFM\Chat\Renderer: escaping, the m.me link and the embed code.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Chat\Renderer;
use CCFM\Platform\Graph_Client;
use CCFM\Settings\Schema;
use CCFM\Settings\Settings;
use CCFM\Settings\Validator;

/**
 * Renderer tests.
 */
class RendererTest extends TestCase {

	/**
	 * Settings: the defaults with some fields replaced.
	 *
	 * @param array<string,mixed> $fields Fields.
	 * @return array<string,mixed>
	 */
	private static function settings( array $fields = array() ) {
		// The Chat Plugin's markup is what most of these tests read.
		return array_merge(
			Schema::defaults(),
			array(
				'page_id' => '1234567890',
				'mode'    => 'chat_plugin',
			),
			$fields
		);
	}

	/**
	 * Parses an HTML fragment.
	 *
	 * @param string $html Fragment.
	 * @return \DOMXPath
	 */
	private static function parse( $html ) {
		$document = new \DOMDocument();
		$previous = libxml_use_internal_errors( true );
		$document->loadHTML( '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>' . $html . '</body></html>' );
		libxml_clear_errors();
		libxml_use_internal_errors( $previous );
		return new \DOMXPath( $document );
	}

	/**
	 * The single element an XPath query finds.
	 *
	 * @param \DOMXPath $xpath Document.
	 * @param string    $query Query.
	 * @return \DOMElement
	 */
	private function one( \DOMXPath $xpath, $query ) {
		$nodes = $xpath->query( $query );
		$this->assertNotFalse( $nodes );
		$this->assertSame( 1, $nodes->length, "Exactly one match for $query" );
		$node = $nodes->item( 0 );
		$this->assertInstanceOf( \DOMElement::class, $node );
		return $node;
	}

	/**
	 * Hostile greetings.
	 *
	 * @return array<string,array{0:string}>
	 */
	public function data_payloads() {
		return array(
			'attribute break-out' => array( '"><script>alert(1)</script>' ),
			'img onerror'         => array( '<img src=x onerror=alert(1)>' ),
			'single quote'        => array( "' onmouseover='alert(1)" ),
			'template close'      => array( '</template><script>alert(1)</script>' ),
		);
	}

	/**
	 * Asserts markup holds no element or attribute the payload would inject.
	 *
	 * @param string $html Markup.
	 */
	private function assertNoInjectedMarkup( $html ) {
		$this->assertStringNotContainsString( '<script', $html );
		$this->assertStringNotContainsString( '<img', $html );
		$xpath = self::parse( $html );
		$this->assertSame( 0, $xpath->query( '//script' )->length );
		$this->assertSame( 0, $xpath->query( '//img' )->length );
		$this->assertSame( 0, $xpath->query( '//@onerror | //@onmouseover' )->length );
	}

	/**
	 * @dataProvider data_payloads
	 *
	 * @param string $payload Greeting.
	 */
	public function test_element_markup_escapes_greetings( $payload ) {
		$html = Renderer::element_markup(
			self::settings(
				array(
					'logged_in_greeting'  => $payload,
					'logged_out_greeting' => $payload,
				)
			)
		);

		$this->assertNoInjectedMarkup( $html );
		$element = $this->one( self::parse( $html ), '//div[@class="fb-customerchat"]' );
		$this->assertSame( $payload, $element->getAttribute( 'logged_in_greeting' ) );
		$this->assertSame( $payload, $element->getAttribute( 'logged_out_greeting' ) );
		$this->assertSame( '1234567890', $element->getAttribute( 'page_id' ) );
		$this->assertSame( 'wordpress', $element->getAttribute( 'attribution' ) );
	}

	/**
	 * @dataProvider data_payloads
	 *
	 * @param string $payload Greeting.
	 */
	public function test_bubble_escapes_greetings( $payload ) {
		$settings = self::settings(
			array(
				'logged_in_greeting'  => $payload,
				'logged_out_greeting' => $payload,
			)
		);
		$html     = Renderer::bubble( $settings );

		$this->assertNoInjectedMarkup( $html );
		$xpath = self::parse( $html );
		$this->one( $xpath, '//div[@id="ccfm-chat"]' );
		$this->assertSame( $payload, $this->one( $xpath, '//p[@class="ccfm-greeting__text"]' )->textContent );
		$this->assertStringNotContainsString( 'fb-customerchat', $html, 'The SDK element is built by the script from the config.' );
		$settings['mode'] = 'chat_plugin';
		$element          = Renderer::config( $settings, 'en_US' )['element'];
		$this->assertIsArray( $element );
		$this->assertSame( $payload, $element['logged_out_greeting'] );
		$this->assertSame( $payload, $element['logged_in_greeting'] );
	}

	/**
	 * Greetings are plain text: what the administrator typed is what the
	 * visitor sees, even when it looks like an HTML entity.
	 */
	public function test_greeting_text_with_entities_round_trips() {
		$greeting = 'Fish &amp; Chips &lt;3';
		$this->assertSame( $greeting, Validator::validate_field( 'logged_out_greeting', $greeting ), 'A valid greeting.' );
		$settings = self::settings(
			array(
				'logged_in_greeting'  => $greeting,
				'logged_out_greeting' => $greeting,
			)
		);

		$element = $this->one( self::parse( Renderer::element_markup( $settings ) ), '//div[@class="fb-customerchat"]' );
		$this->assertSame( $greeting, $element->getAttribute( 'logged_out_greeting' ), 'Chat Plugin attribute.' );
		$this->assertSame( $greeting, $element->getAttribute( 'logged_in_greeting' ), 'Chat Plugin attribute.' );
		$text = $this->one( self::parse( Renderer::bubble( $settings ) ), '//p[@class="ccfm-greeting__text"]' );
		$this->assertSame( $greeting, $text->textContent, 'Bubble greeting.' );
	}

	public function test_bubble_structure_and_config() {
		$settings = self::settings(
			array(
				'mode'                  => 'chat_plugin',
				'theme_color'           => '#0084ff',
				'alignment'             => 'left',
				'bottom_spacing'        => 40,
				'logged_out_greeting'   => 'Hello',
				'greeting_dialog_delay' => 7,
				'ref'                   => 'promo',
			)
		);
		$xpath    = self::parse( Renderer::bubble( $settings ) );

		$root = $this->one( $xpath, '//div[@id="ccfm-chat"]' );
		$this->assertSame( 'ccfm-chat ccfm-chat--left', $root->getAttribute( 'class' ) );
		$this->assertSame( '--ccfm-bottom:40px;--ccfm-color:#0084ff', $root->getAttribute( 'style' ) );
		$this->assertFalse( $root->hasAttribute( 'data-ccfm' ), 'No configuration in the markup.' );
		$bubble = $this->one( $xpath, '//div[@id="ccfm-chat"]/a[@class="ccfm-bubble"]' );
		$this->assertSame( 'https://m.me/1234567890?ref=promo', $bubble->getAttribute( 'href' ), 'A working link before and without any script.' );
		$this->assertSame( '_blank', $bubble->getAttribute( 'target' ) );
		$config = Renderer::config( $settings, 'fr_FR' );
		$this->assertSame( 'https://connect.facebook.net/fr_FR/sdk/xfbml.customerchat.js', $config['sdk'] );
		$this->assertSame( 'https://m.me/1234567890?ref=promo', $config['link'] );
		$this->assertSame( 7, $config['delay'] );
		$this->assertSame( 'hide', $config['phone'] );
		$this->assertSame( Graph_Client::version(), $config['version'] );
		$this->assertSame( 'promo', $config['element']['ref'] );
	}

	public function test_link_mode_carries_nothing_of_the_sdk() {
		$settings = self::settings( array( 'mode' => 'link' ) );
		$html     = Renderer::bubble( $settings );
		$this->assertStringNotContainsString( 'fb-customerchat', $html );
		$this->assertStringNotContainsString( 'ccfm-greeting', $html, 'No greeting, no greeting box.' );
		$this->assertStringContainsString( 'href="https://m.me/1234567890"', $html );
		$this->assertEqualsCanonicalizing( array( 'beacon', 'front', 'key', 'link' ), array_keys( Renderer::config( $settings, 'en_US' ) ), 'Link mode without a greeting: the link, where the rest of the API is, the click beacon and its key.' );
	}

	/**
	 * Settings and their m.me URL.
	 *
	 * @return array<string,array{0:array<string,mixed>,1:string}>
	 */
	public function data_messenger_urls() {
		return array(
			'page id'               => array( array(), 'https://m.me/1234567890' ),
			'page username wins'    => array( array( 'page_username' => 'my.shop.page' ), 'https://m.me/my.shop.page' ),
			'page id with ref'      => array( array( 'ref' => 'home-page_v=2' ), 'https://m.me/1234567890?ref=home-page_v%3D2' ),
			'username with ref'     => array(
				array(
					'page_username' => 'myshop',
					'ref'           => 'a_b-c',
				),
				'https://m.me/myshop?ref=a_b-c',
			),
			'empty ref is left out' => array( array( 'ref' => '' ), 'https://m.me/1234567890' ),
		);
	}

	/**
	 * @dataProvider data_messenger_urls
	 *
	 * @param array<string,mixed> $fields   Fields.
	 * @param string              $expected URL.
	 */
	public function test_messenger_url( array $fields, $expected ) {
		$this->assertSame( $expected, Renderer::messenger_url( self::settings( $fields ) ) );
	}

	public function test_element_attributes_leave_out_empty_fields() {
		$this->assertSame(
			array(
				'page_id'                 => '1234567890',
				'greeting_dialog_display' => 'show',
				'attribution'             => 'wordpress',
			),
			Renderer::element_attributes( self::settings() )
		);
		$attributes = Renderer::element_attributes( self::settings( array( 'greeting_dialog_delay' => 0 ) ) );
		$this->assertSame( '0', $attributes['greeting_dialog_delay'] );
	}

	public function test_embed_code() {
		$settings = self::settings(
			array(
				'logged_out_greeting' => '"><script>alert(1)</script>',
				'theme_color'         => '#0084ff',
			)
		);
		$code     = Renderer::embed_code( $settings, 'de_DE' );

		$this->assertStringStartsWith( '<div id="fb-root"></div>', $code );
		$this->assertStringContainsString( "\n" . Renderer::element_markup( $settings ) . "\n", $code );
		$this->assertSame( 1, substr_count( $code, 'class="fb-customerchat"' ) );
		$this->assertStringContainsString( 'FB.init({"xfbml":true,"version":"v18.0"});', $code );
		$this->assertStringContainsString( 'window.fbAsyncInit = function () {', $code );
		$this->assertStringContainsString( ' src="https://connect.facebook.net/de_DE/sdk/xfbml.customerchat.js"></script>', $code );
		$this->assertSame( 2, substr_count( $code, '<script' ), 'Only the two scripts of the embed code, none from the greeting.' );

		$xpath = self::parse( $code );
		$this->one( $xpath, '//div[@id="fb-root"]' );
		$this->assertSame( '"><script>alert(1)</script>', $this->one( $xpath, '//div[@class="fb-customerchat"]' )->getAttribute( 'logged_out_greeting' ) );
		$sdk = $this->one( $xpath, '//script[@id="facebook-jssdk"]' );
		$this->assertSame( 'https://connect.facebook.net/de_DE/sdk/xfbml.customerchat.js', $sdk->getAttribute( 'src' ) );
		$this->assertTrue( $sdk->hasAttribute( 'async' ) );
		$this->assertTrue( $sdk->hasAttribute( 'defer' ) );
	}

	public function test_embed_code_in_link_mode_is_an_escaped_messenger_link() {
		$code  = Renderer::embed_code(
			self::settings(
				array(
					'mode'          => 'link',
					'page_id'       => '',
					'page_username' => 'acme.bakery',
					'ref'           => 'a-b_c',
				)
			),
			'de_DE'
		);
		$xpath = self::parse( $code );
		$link  = $this->one( $xpath, '//a' );
		$this->assertSame( 'https://m.me/acme.bakery?ref=a-b_c', $link->getAttribute( 'href' ) );
		$this->assertSame( '_blank', $link->getAttribute( 'target' ) );
		$this->assertSame( 'noopener', $link->getAttribute( 'rel' ) );
		$this->assertStringContainsString( 'right:24px;bottom:24px', $link->getAttribute( 'style' ) );
		$this->assertSame( 'Chat with us on Messenger', $link->textContent );
		$this->assertStringNotContainsString( 'connect.facebook.net', $code );
		$this->assertStringNotContainsString( 'fb-customerchat', $code );
	}

	public function test_graph_version_filter_is_validated() {
		add_filter(
			'ccfm_graph_version',
			static function () {
				return 'v19.0';
			}
		);
		$this->assertSame( 'v19.0', Graph_Client::version() );
		$this->assertStringContainsString( '"version":"v19.0"', Renderer::embed_code( self::settings(), 'en_US' ) );

		add_filter(
			'ccfm_graph_version',
			static function () {
				return '"></script><script>alert(1)</script>';
			},
			20
		);
		$this->assertSame( 'v18.0', Graph_Client::version() );
	}

	public function test_sdk_url() {
		$this->assertSame( 'https://connect.facebook.net/en_US/sdk/xfbml.customerchat.js', Renderer::sdk_url( 'en_US' ) );
		$this->assertSame( 'https://connect.facebook.net/a%2Fb/sdk/xfbml.customerchat.js', Renderer::sdk_url( 'a/b' ) );
	}

	public function test_button_escapes_text_and_links_to_messenger() {
		$html  = Renderer::button( self::settings( array( 'page_username' => 'myshop' ) ), '<b>Hi</b>' );
		$xpath = self::parse( $html );
		$link  = $this->one( $xpath, '//a[@class="ccfm-button wp-element-button"]' );
		$this->assertSame( '<b>Hi</b>', $link->textContent );
		$this->assertSame( 'https://m.me/myshop', $link->getAttribute( 'href' ) );
		$this->assertSame( 0, $xpath->query( '//b' )->length );
		$this->assertSame( 'Message us', $this->one( self::parse( Renderer::button( self::settings(), '' ) ), '//a' )->textContent );
	}
}
