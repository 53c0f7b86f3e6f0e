<?php
/**
 * CCFM\Settings\Messages: one translated message per settings field, the
 * same for the REST API and for every script that validates (the settings
 * screen, the block, the post-editor panel), printed as
 * window.ccfmSettingsMessages.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Admin\Admin_Page;
use CCFM\Chat\Block;
use CCFM\Settings\Messages;
use CCFM\Settings\Schema;

/**
 * Settings messages.
 */
class MessagesTest extends TestCase {

	/**
	 * Back to English.
	 */
	protected function tear_down() {
		restore_previous_locale();
		unload_textdomain( 'customer-chat-for-messenger' );
		parent::tear_down();
	}

	/**
	 * The messages a script gets before it runs.
	 *
	 * @param string $handle Script handle.
	 * @return mixed
	 */
	private static function printed_for( $handle ) {
		$before = wp_scripts()->get_data( $handle, 'before' );
		foreach ( is_array( $before ) ? $before : array() as $code ) {
			if ( is_string( $code ) && preg_match( '/^window\.ccfmSettingsMessages=(.*);$/s', $code, $m ) ) {
				return json_decode( $m[1], true );
			}
		}
		return null;
	}

	public function test_every_field_has_its_message() {
		$messages = Messages::all();
		$this->assertSame( array_keys( Schema::defaults() ), array_keys( $messages ) );
		foreach ( $messages as $field => $message ) {
			$this->assertNotSame( '', $message, $field );
		}
		$this->assertSame( $messages['ref'], Messages::message( 'ref' ) );
		$this->assertSame( 'Invalid value.', Messages::message( 'no_such_field' ) );
	}

	public function test_the_schema_holds_no_second_copy_of_the_messages() {
		foreach ( Schema::schema()['properties'] as $field => $property ) {
			$this->assertArrayNotHasKey( 'x-message', $property, $field );
		}
	}

	public function test_every_validating_script_gets_the_translated_messages() {
		switch_to_locale( 'de_DE' );
		load_textdomain( 'customer-chat-for-messenger', CCFM_DIR . 'languages/customer-chat-for-messenger-de_DE.mo', 'de_DE' );
		$german = Messages::all();
		$this->assertSame( 'Der Modus muss chat_plugin oder link sein.', $german['mode'] );

		// The post editor (wp-admin) wires the panel.
		( new \CCFM\Chat\Editor_Panel() )->register();
		do_action( 'enqueue_block_editor_assets' );
		$this->assertSame( $german, self::printed_for( 'ccfm-editor' ), 'The post-editor panel.' );

		unregister_block_type( 'customer-chat-for-messenger/chat' );
		wp_deregister_script( Block::EDITOR_SCRIPT );
		( new Block() )->register_block();
		$this->assertSame( $german, self::printed_for( Block::EDITOR_SCRIPT ), 'The block\'s editor script.' );

		$this->as_role( 'administrator' );
		$page = new Admin_Page();
		$page->add_page();
		$hook = new \ReflectionProperty( Admin_Page::class, 'hook' );
		$hook->setAccessible( true );
		$this->assertNotSame( '', $hook->getValue( $page ) );
		$page->enqueue( $hook->getValue( $page ) );
		$this->assertSame( $german, self::printed_for( 'ccfm-admin' ), 'The settings screen.' );
		$this->assertArrayNotHasKey( 'messages', Admin_Page::boot_data(), 'The messages are printed once, as ccfmSettingsMessages.' );
		$this->assertArrayNotHasKey( 'graphVersion', Admin_Page::boot_data() );
		$this->assertArrayNotHasKey( 'attribution', Admin_Page::boot_data() );
	}
}
