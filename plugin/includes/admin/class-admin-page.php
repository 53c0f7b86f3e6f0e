<?php
/**
 * Settings → Messenger Chat: the page that hosts the React settings app.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Admin;

use CCFM\Assets;
use CCFM\Chat\Display_Rules;
use CCFM\Chat\Locale;
use CCFM\Chat\Message_Text;
use CCFM\Settings\Messages;
use CCFM\Settings\Settings;
use CCFM\Stored_Data;

defined( 'ABSPATH' ) || exit;

/**
 * Admin page and its assets (only on its own screen).
 *
 * @since 1.0.0
 */
final class Admin_Page {

	const SLUG = 'customer-chat-for-messenger';

	/**
	 * User meta: the user dismissed the "not live yet" notice.
	 */
	const META_DISMISSED = Stored_Data::NOTICE_DISMISSED_META;

	/**
	 * The admin-post.php action that dismisses it.
	 */
	const DISMISS_ACTION = 'ccfm_dismiss_setup_notice';

	/**
	 * The page's hook suffix.
	 *
	 * @var string
	 */
	private $hook = '';

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'admin_menu', array( $this, 'add_page' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
		add_filter( 'plugin_action_links_' . plugin_basename( CCFM_FILE ), array( $this, 'action_links' ) );
		add_action( 'admin_notices', array( $this, 'setup_notice' ) );
		add_action( 'admin_post_' . self::DISMISS_ACTION, array( $this, 'dismiss_setup_notice' ) );
	}

	/**
	 * On the Plugins screen, until the chat can show: a notice that says what
	 * is missing, with a link to the settings, for users who may change them
	 * and have not dismissed it.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function setup_notice() {
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( ! $screen || ! in_array( $screen->id, array( 'plugins', 'plugins-network' ), true ) || ! current_user_can( 'manage_options' ) ) {
			return;
		}
		if ( Display_Rules::configured( Settings::get() ) || get_user_meta( get_current_user_id(), self::META_DISMISSED, true ) ) {
			return;
		}
		$settings = admin_url( 'options-general.php?page=' . self::SLUG );
		$dismiss  = wp_nonce_url( admin_url( 'admin-post.php?action=' . self::DISMISS_ACTION ), self::DISMISS_ACTION );
		echo '<div class="notice notice-info ccfm-setup-notice"><p><strong>' . esc_html__( 'Messenger Chat is not live yet.', 'customer-chat-for-messenger' ) . '</strong> '
			. esc_html__( 'Enter your Facebook Page (its link, username or ID) and the chat bubble appears on your site.', 'customer-chat-for-messenger' ) . '</p><p>'
			. '<a class="button button-primary" href="' . esc_url( $settings ) . '">' . esc_html__( 'Set up Messenger Chat', 'customer-chat-for-messenger' ) . '</a> '
			. '<a class="button-link" href="' . esc_url( $dismiss ) . '">' . esc_html__( 'Dismiss this notice', 'customer-chat-for-messenger' ) . '</a></p></div>';
	}

	/**
	 * Dismisses the notice for the current user (nonce and capability
	 * checked), then goes back to where the user was.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function dismiss_setup_notice() {
		check_admin_referer( self::DISMISS_ACTION );
		if ( ! current_user_can( 'manage_options' ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to do that.', 'customer-chat-for-messenger' ), 403 );
		}
		update_user_meta( get_current_user_id(), self::META_DISMISSED, 1 );
		wp_safe_redirect( wp_get_referer() ? wp_get_referer() : admin_url( 'plugins.php' ) );
		exit;
	}

	/**
	 * Adds Settings → Messenger Chat.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function add_page() {
		$this->hook = (string) add_options_page(
			__( 'Messenger Chat', 'customer-chat-for-messenger' ),
			__( 'Messenger Chat', 'customer-chat-for-messenger' ),
			'manage_options',
			self::SLUG,
			array( $this, 'render' )
		);
	}

	/**
	 * A "Settings" link on the Plugins screen.
	 *
	 * @since 1.0.0
	 *
	 * @param string[] $links Action links.
	 * @return string[]
	 */
	public function action_links( $links ) {
		array_unshift( $links, '<a href="' . esc_url( admin_url( 'options-general.php?page=' . self::SLUG ) ) . '">' . esc_html__( 'Settings', 'customer-chat-for-messenger' ) . '</a>' );
		return $links;
	}

	/**
	 * Enqueues the settings app on this page only.
	 *
	 * @since 1.0.0
	 *
	 * @param string $hook_suffix Current admin page.
	 * @return void
	 */
	public function enqueue( $hook_suffix ) {
		if ( $hook_suffix !== $this->hook || '' === $this->hook ) {
			return;
		}
		$handle = Assets::register( 'admin', array( 'wp-components' ) );
		Assets::register( 'front' );
		wp_enqueue_script( $handle );
		wp_enqueue_style( $handle );
		wp_enqueue_style( 'ccfm-bubble' );
		wp_enqueue_style( 'ccfm-greeting' );
		wp_enqueue_style( 'ccfm-left' );
		wp_set_script_translations( $handle, 'customer-chat-for-messenger', CCFM_DIR . 'languages' );
		wp_add_inline_script( $handle, 'window.ccfmAdmin=' . Assets::inline_json( self::boot_data() ) . ';', 'before' );
		Messages::add_inline( $handle );
	}

	/**
	 * Data the settings app needs besides the option itself.
	 *
	 * @since 1.0.0
	 *
	 * @return array<string,mixed>
	 */
	public static function boot_data() {
		return array(
			'siteLocale'     => get_locale(),
			'resolvedLocale' => Locale::from_wordpress( get_locale() ),
			'locales'        => Locale::names(),
			'consentApi'     => function_exists( 'wp_has_consent' ),
			'context'        => Message_Text::admin_data(),
		);
	}

	/**
	 * The app's mount point.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function render() {
		echo '<div class="wrap"><h1>' . esc_html__( 'Messenger Chat', 'customer-chat-for-messenger' ) . '</h1><div id="ccfm-admin-root"></div></div>';
	}
}
