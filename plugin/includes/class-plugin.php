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
		( new Settings\Registration() )->register();
		( new Settings\State_Route() )->register();
		( new Chat\Front_End() )->register();
		( new Chat\Post_Meta() )->register();
		( new Chat\Page_Overrides() )->register();
		( new Chat\Block() )->register();
		( new Chat\Shortcode() )->register();
		( new Chat\Editor_Panel() )->register();
		( new Admin\Admin_Page() )->register();
		( new Admin\Admin_Routes() )->register();
		( new Admin\Site_Health() )->register();
		( new Admin\Privacy_Policy() )->register();
		( new Platform\Platform() )->register();
		( new Platform\Click_Store() )->register();
		( new Platform\Click_Route() )->register();
		( new Platform\Funnel_Report() )->register();
		( new I18n() )->register();
		( new Script_Compat() )->register();
	}
}
