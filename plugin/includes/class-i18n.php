<?php
/**
 * Loads the plugin's translations from its own languages/ folder (those
 * from translate.wordpress.org in wp-content/languages/plugins/ win).
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * Translations.
 *
 * @since 1.0.0
 */
final class I18n {

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'init', array( $this, 'load_textdomain' ), 0 );
	}

	/**
	 * Registers languages/ as the text domain's path.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function load_textdomain() {
		load_plugin_textdomain( 'customer-chat-for-messenger', false, dirname( plugin_basename( CCFM_FILE ) ) . '/languages' );
	}
}
