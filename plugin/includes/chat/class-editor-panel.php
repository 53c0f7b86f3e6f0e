<?php
/**
 * The post-editor panel (per-post visibility and ref).
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Chat;

use CCFM\Assets;
use CCFM\Settings\Messages;

defined( 'ABSPATH' ) || exit;

/**
 * Loads the post-editor panel.
 *
 * @since 1.0.0
 */
final class Editor_Panel {

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'enqueue_block_editor_assets', array( $this, 'enqueue_editor_panel' ) );
	}

	/**
	 * The post editor's "Messenger chat" document panel.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function enqueue_editor_panel() {
		$handle = Assets::register( 'editor' );
		wp_enqueue_script( $handle );
		wp_set_script_translations( $handle, 'customer-chat-for-messenger', CCFM_DIR . 'languages' );
		Messages::add_inline( $handle );
	}
}
