<?php
/**
 * The block customer-chat-for-messenger/chat.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Chat;

use CCFM\Assets;
use CCFM\Settings\Messages;

defined( 'ABSPATH' ) || exit;

/**
 * Registers the block.
 *
 * @since 1.0.0
 */
final class Block {

	/**
	 * The handle WordPress gives the block's editor script (from block.json).
	 */
	const EDITOR_SCRIPT = 'customer-chat-for-messenger-chat-editor-script';

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'init', array( $this, 'register_block' ) );
	}

	/**
	 * Registers the block (its style handle is the front end's, ccfm-front),
	 * the translations of its editor script and the settings' messages that
	 * script shows.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_block() {
		Assets::register( 'front', array(), true );
		register_block_type( CCFM_DIR . 'build/blocks/chat', array( 'render_callback' => array( Placement::class, 'render_block' ) ) );
		wp_set_script_translations( self::EDITOR_SCRIPT, 'customer-chat-for-messenger', CCFM_DIR . 'languages' );
		Messages::add_inline( self::EDITOR_SCRIPT );
	}
}
