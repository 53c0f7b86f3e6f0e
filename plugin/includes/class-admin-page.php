<?php
/**
 * Settings → Messenger Chat: the page that hosts the React settings app.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * Admin page and its assets (only on its own screen).
 *
 * @since 1.0.0
 */
final class Admin_Page {

	const SLUG = 'customer-chat-for-messenger';

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
		wp_add_inline_script( $handle, 'window.ccfmAdmin=' . wp_json_encode( self::boot_data() ) . ';', 'before' );
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
			'graphVersion'   => Renderer::graph_version(),
			'attribution'    => Renderer::element_attributes( Settings::defaults() )['attribution'],
			'consentApi'     => function_exists( 'wp_has_consent' ),
			'messages'       => array_combine( array_keys( Settings::defaults() ), array_map( array( Settings::class, 'message' ), array_keys( Settings::defaults() ) ) ),
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
