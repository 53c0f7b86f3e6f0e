<?php
/**
 * Wires each concern of the plugin to WordPress.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * The plugin: one instance that registers every part.
 *
 * @since 1.0.0
 */
final class Plugin {

	/**
	 * The single instance.
	 *
	 * @var Plugin|null
	 */
	private static $instance = null;

	/**
	 * Returns the single instance.
	 *
	 * @since 1.0.0
	 *
	 * @return Plugin
	 */
	public static function instance() {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}

	/**
	 * Adds every part's hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		( new Settings() )->register();
		( new Admin_Page() )->register();
		( new Front_End() )->register();
		( new Rest() )->register();
		( new Display_Rules() )->register();
		( new Placement() )->register();
		( new Chat\Message_Text() )->register();
		( new Diagnostics() )->register();
		( new Platform() )->register();
		( new Privacy() )->register();
		( new I18n() )->register();
	}
}
