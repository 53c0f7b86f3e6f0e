<?php
/**
 * Front end: decides once per request whether the chat shows, and prints the
 * bubble and its small script only where it does.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Chat;

use CCFM\Assets;
use CCFM\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Prints the chat on the front end.
 *
 * @since 1.0.0
 *
 * @phpstan-import-type CcfmSettings from \CCFM\Settings\Settings
 */
final class Front_End {

	/**
	 * Whether the chat shows on this request (null until decided).
	 *
	 * @var bool|null
	 */
	private $enabled = null;

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'wp_enqueue_scripts', array( $this, 'enqueue' ) );
		add_action( 'wp_footer', array( $this, 'print_chat' ), 5 );
		// Declares the WP Consent API integration the way that API expects.
		add_filter( 'wp_consent_api_registered_' . plugin_basename( CCFM_FILE ), '__return_true' );
	}

	/**
	 * Whether the chat shows on this request; decided once.
	 *
	 * @since 1.0.0
	 *
	 * @return bool
	 */
	public function is_enabled() {
		if ( null === $this->enabled ) {
			$this->enabled = ! is_admin() && ! is_feed() && ! is_embed() && Display_Rules::visible( Settings::get() );
			/**
			 * Filters whether the chat shows on the current request.
			 *
			 * @since 1.0.0
			 *
			 * @param bool $enabled Whether the chat shows.
			 */
			$this->enabled = (bool) apply_filters( 'ccfm_show_chat', $this->enabled );
		}
		return $this->enabled;
	}

	/**
	 * The settings in effect for this request (site settings plus any
	 * per-page overrides). A field the filters leave with a value of the
	 * wrong type keeps the site setting.
	 *
	 * @since 1.0.0
	 *
	 * @return CcfmSettings
	 */
	public function effective_settings() {
		$settings = Settings::get();
		/**
		 * Filters the settings the chat uses on this request.
		 *
		 * @since 1.0.0
		 *
		 * @param array<string,mixed> $settings Validated settings.
		 */
		return Settings::conform( apply_filters( 'ccfm_effective_settings', $settings ), $settings );
	}

	/**
	 * Enqueues the admin-only diagnostics where the chat shows. Visitors get
	 * no script file before intent: the boot script is printed inline.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function enqueue() {
		if ( $this->is_enabled() && current_user_can( 'manage_options' ) ) {
			wp_enqueue_script( Assets::register( 'diagnostics', array(), true ) );
			wp_set_script_translations( 'ccfm-diagnostics', 'customer-chat-for-messenger', CCFM_DIR . 'languages' );
		}
	}

	/**
	 * Prints the bubble with its style and, right after it, the boot script
	 * with the settings (so nothing in the page can stand in for either).
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function print_chat() {
		if ( ! $this->is_enabled() ) {
			return;
		}
		$settings = $this->effective_settings();
		$parts    = array( 'bubble' );
		$greeting = Renderer::has_greeting_box( $settings );
		if ( 'left' === $settings['alignment'] ) {
			$parts[] = 'left';
		}
		if ( $greeting ) {
			$parts[] = 'greeting';
		}
		if ( 'all' !== $settings['devices'] ) {
			$parts[] = 'devices';
		}
		$css = Assets::inline_css( $parts );
		if ( '' !== $css && false === stripos( $css, '</' ) ) {
			echo '<style id="ccfm-inline-css">' . $css . '</style>'; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- The plugin's own stylesheet.
		}
		echo Renderer::bubble( $settings ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Renderer escapes every part.
		$boot = Assets::contents( 'chat_plugin' === $settings['mode'] ? 'build/boot-chat.js' : 'build/boot-link.js' );
		if ( '' !== $boot && array() !== $settings['away_hours'] ) {
			$boot = Assets::contents( 'build/hours.js' ) . "\n" . $boot; // Before the boot script: hides the bubble before anything loads.
		}
		if ( '' !== $boot && ( '' !== $settings['logged_out_greeting'] || Away_Hours::has_greeting( $settings ) ) ) {
			$boot .= "\n" . Assets::contents( 'build/greeting.js' );
		}
		if ( '' !== $boot ) {
			// JSON_HEX_TAG: no "<" in the data, so it cannot end the script element.
			$config = Assets::inline_json( Renderer::config( $settings, Locale::resolve( $settings['locale'] ) ) );
			wp_print_inline_script_tag( 'window.ccfmConfig=' . $config . ";\n" . $boot, array( 'id' => 'ccfm-boot' ) );
		}
	}
}
