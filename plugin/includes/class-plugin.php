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
	 * Adds every part's hooks. A page view loads only the parts it uses: the
	 * REST parts are wired when REST starts (rest_api_init), the wp-admin
	 * parts in wp-admin only, so their files are not even read otherwise.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		( new Settings\Registration() )->register();
		( new Chat\Front_End() )->register();
		( new Chat\Post_Meta() )->register();
		( new Chat\Page_Overrides() )->register();
		( new Chat\Block() )->register();
		( new Chat\Shortcode() )->register();
		( new Admin\Privacy_Policy() )->register();
		( new Platform\Platform() )->register();
		( new Platform\Click_Store() )->register();
		( new I18n() )->register();
		( new Script_Compat() )->register();
		add_action( 'rest_api_init', array( $this, 'register_rest_parts' ), 0 );
		if ( is_admin() ) {
			$this->register_admin_parts();
		}
	}

	/**
	 * The parts only REST uses (their own rest_api_init hooks run after this).
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_rest_parts() {
		( new Settings\State_Route() )->register();
		( new Admin\Admin_Routes() )->register();
		( new Platform\Click_Route() )->register();
		( new Platform\Funnel_Report() )->register();
		if ( ! is_admin() ) {
			// Site Health asks for its asynchronous test over REST.
			( new Admin\Site_Health() )->register();
		}
	}

	/**
	 * The parts only wp-admin uses: the settings page, the post editor's
	 * panel, Site Health.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_admin_parts() {
		( new Admin\Admin_Page() )->register();
		( new Chat\Editor_Panel() )->register();
		( new Admin\Site_Health() )->register();
	}
}
