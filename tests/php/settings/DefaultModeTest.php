<?php
/**
 * The honest default: a site with no stored settings is in link mode; a site
 * that saved settings keeps its mode.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Chat\Renderer;
use CCFM\Settings\Schema;
use CCFM\Settings\Settings;

/**
 * Default mode tests.
 */
class DefaultModeTest extends TestCase {

	public function test_no_stored_settings_is_link_mode() {
		delete_option( Settings::OPTION );
		$this->assertSame( 'link', Schema::defaults()['mode'] );
		$this->assertSame( 'link', Settings::get()['mode'] );
	}

	public function test_a_first_save_without_a_mode_stores_link_mode() {
		delete_option( Settings::OPTION );
		update_option( Settings::OPTION, array( 'page_id' => '1234567890' ) );
		$stored = get_option( Settings::OPTION );
		$this->assertIsArray( $stored );
		$this->assertSame( 'link', $stored['mode'] );
		$config = Renderer::config( Settings::get(), 'en_US' );
		$this->assertArrayNotHasKey( 'sdk', $config, 'Link mode: nothing of the SDK on the page.' );
	}

	public function test_a_saved_chat_plugin_mode_is_kept() {
		update_option(
			Settings::OPTION,
			array(
				'page_id' => '1234567890',
				'mode'    => 'chat_plugin',
			)
		);
		$this->assertSame( 'chat_plugin', Settings::get()['mode'] );
	}

	/**
	 * An option saved by a version that stored no mode (the Chat Plugin was
	 * the default then) keeps the Chat Plugin.
	 */
	public function test_an_older_option_without_a_mode_keeps_the_chat_plugin() {
		remove_all_filters( 'sanitize_option_' . Settings::OPTION );
		update_option( Settings::OPTION, array( 'page_id' => '1234567890' ) );
		$this->assertArrayNotHasKey( 'mode', (array) get_option( Settings::OPTION ) );
		$this->assertSame( 'chat_plugin', Settings::get()['mode'] );
	}
}
