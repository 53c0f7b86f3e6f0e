<?php
/**
 * Every JSON the plugin prints inside a script element (the settings
 * screen's boot data, the settings' messages, the front end's config) has no
 * "<", ">", "&" or quote left as such: a site name or setting of
 * "<!--<script>" or "</script>" cannot end or change the element.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Admin\Admin_Page;
use CCFM\Assets;
use CCFM\Settings\Messages;

/**
 * Inline JSON.
 */
class InlineJsonTest extends TestCase {

	const HOSTILE = 'Tom & Jerry\'s <!--<script> </script>';

	/**
	 * The site name before the test.
	 *
	 * @var string
	 */
	private $blogname = '';

	/**
	 * A hostile site name, as an administrator.
	 */
	protected function set_up() {
		parent::set_up();
		$this->blogname = (string) get_option( 'blogname' );
		update_option( 'blogname', self::HOSTILE );
		$this->as_role( 'administrator' );
	}

	/**
	 * The site name back.
	 */
	protected function tear_down() {
		update_option( 'blogname', $this->blogname );
		parent::tear_down();
	}

	/**
	 * The JSON printed after "window.<name>=" before a script.
	 *
	 * @param string $handle Script handle.
	 * @param string $name   Global name.
	 * @return string
	 */
	private static function printed( $handle, $name ) {
		$before = wp_scripts()->get_data( $handle, 'before' );
		foreach ( is_array( $before ) ? $before : array() as $code ) {
			if ( is_string( $code ) && preg_match( '/^window\.' . $name . '=(.*);$/s', $code, $m ) ) {
				return $m[1];
			}
		}
		return '';
	}

	public function test_inline_json_escapes_what_could_end_a_script() {
		$json = Assets::inline_json( array( 'name' => self::HOSTILE ) );
		foreach ( array( '<', '>', '&', "'" ) as $character ) {
			$this->assertStringNotContainsString( $character, $json );
		}
		$this->assertSame( array( 'name' => self::HOSTILE ), json_decode( $json, true ), 'The value itself is unchanged.' );
	}

	public function test_the_settings_screens_boot_data_carries_a_hostile_site_name_safely() {
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		$page = new Admin_Page();
		$page->add_page();
		$hooks = array_keys( $GLOBALS['_registered_pages'] );
		$hook  = (string) end( $hooks );
		$page->enqueue( $hook );
		$json = self::printed( 'ccfm-admin', 'ccfmAdmin' );
		$this->assertNotSame( '', $json, 'The boot data is printed.' );
		$this->assertStringNotContainsString( '<', $json );
		$this->assertStringNotContainsString( '>', $json );
		$data = json_decode( $json, true );
		$this->assertIsArray( $data );
		$this->assertStringContainsString( '&', (string) $data['context']['variables']['site'], 'The site name (as text) is in the data, decoded as it is.' );
		$this->assertStringNotContainsString( '&', $json );
		$this->assertStringNotContainsString( "'", $json );
	}

	public function test_the_settings_messages_are_printed_safely() {
		wp_register_script( 'ccfm-probe', 'https://example.org/probe.js', array(), '1', true );
		Messages::add_inline( 'ccfm-probe' );
		$json = self::printed( 'ccfm-probe', 'ccfmSettingsMessages' );
		$this->assertNotSame( '', $json );
		$this->assertIsArray( json_decode( $json, true ) );
		$this->assertStringNotContainsString( '<', $json );
	}
}
