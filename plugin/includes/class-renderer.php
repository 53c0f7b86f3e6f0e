<?php
/**
 * The one render path: the bubble, the inline button, the Chat Plugin element
 * and the embed code are all built here.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * Builds escaped markup from (already validated) settings.
 *
 * @since 1.0.0
 *
 * @phpstan-import-type CcfmSettings from Settings
 */
final class Renderer {

	const SDK_HOST = 'https://connect.facebook.net';

	/**
	 * The SDK attributes of the fb-customerchat element, in order.
	 */
	const ELEMENT_ATTRIBUTES = array( 'page_id', 'theme_color', 'logged_in_greeting', 'logged_out_greeting', 'greeting_dialog_display', 'greeting_dialog_delay', 'ref' );

	/**
	 * Graph API version for FB.init.
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public static function graph_version() {
		/**
		 * Filters the Graph API version passed to FB.init.
		 *
		 * @since 1.0.0
		 *
		 * @param string $version Version such as v18.0.
		 */
		$version = apply_filters( 'ccfm_graph_version', 'v18.0' );
		return is_string( $version ) && preg_match( '/^v[0-9]{1,2}\.[0-9]$/', $version ) ? $version : 'v18.0';
	}

	/**
	 * URL of the customer-chat build of the SDK for a locale.
	 *
	 * @since 1.0.0
	 *
	 * @param string $locale Facebook locale.
	 * @return string
	 */
	public static function sdk_url( $locale ) {
		return self::SDK_HOST . '/' . rawurlencode( $locale ) . '/sdk/xfbml.customerchat.js';
	}

	/**
	 * The m.me link for the settings: the Page username when set, otherwise
	 * the numeric Page ID, plus the ref.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return string
	 */
	public static function messenger_url( array $settings ) {
		$target = '' !== $settings['page_username'] ? $settings['page_username'] : $settings['page_id'];
		$url    = 'https://m.me/' . rawurlencode( (string) $target );
		if ( '' !== $settings['ref'] ) {
			$url .= '?ref=' . rawurlencode( (string) $settings['ref'] );
		}
		return $url;
	}

	/**
	 * The attributes of the fb-customerchat element (unescaped).
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return array<string,string>
	 */
	public static function element_attributes( array $settings ) {
		$attributes = array();
		foreach ( self::ELEMENT_ATTRIBUTES as $name ) {
			if ( '' !== (string) $settings[ $name ] ) {
				$attributes[ $name ] = (string) $settings[ $name ];
			}
		}
		/**
		 * Filters the attribution attribute of the Chat Plugin element.
		 *
		 * @since 1.0.0
		 *
		 * @param string $attribution Attribution value.
		 */
		$attribution               = apply_filters( 'ccfm_attribution', 'wordpress' ); // phpcs:ignore WordPress.WP.CapitalPDangit.Misspelled -- Meta's attribution value is lowercase.
		$attributes['attribution'] = is_string( $attribution ) ? $attribution : 'wordpress'; // phpcs:ignore WordPress.WP.CapitalPDangit.Misspelled -- Meta's attribution value is lowercase.
		return $attributes;
	}

	/**
	 * The escaped fb-customerchat element.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return string
	 */
	public static function element_markup( array $settings ) {
		$html = '<div class="fb-customerchat"';
		foreach ( self::element_attributes( $settings ) as $name => $value ) {
			$html .= ' ' . $name . '="' . self::escape_text( $value ) . '"';
		}
		return $html . '></div>';
	}

	/**
	 * The code to paste into a page outside WordPress: in Messenger-link mode
	 * a floating m.me link; in Chat Plugin mode what Meta's setup tool
	 * generates, for these settings.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Settings.
	 * @param string              $locale   Facebook locale.
	 * @phpstan-param CcfmSettings $settings
	 * @return string
	 */
	public static function embed_code( array $settings, $locale ) {
		if ( 'link' === $settings['mode'] ) {
			// Messenger-link mode: a floating m.me link, no code from Meta.
			$side  = 'left' === $settings['alignment'] ? 'left' : 'right';
			$color = '' !== $settings['theme_color'] ? $settings['theme_color'] : '#0084ff';
			$style = 'position:fixed;' . $side . ':24px;bottom:' . (int) $settings['bottom_spacing'] . 'px;z-index:99999;padding:12px 20px;border-radius:24px;background:' . $color . ';color:#fff;font:600 15px/1.4 sans-serif;text-decoration:none;box-shadow:0 4px 12px rgba(0,0,0,.25)';
			return '<a href="' . esc_url( self::messenger_url( $settings ) ) . '" target="_blank" rel="noopener" style="' . esc_attr( $style ) . '">' . esc_html__( 'Chat with us on Messenger', 'customer-chat-for-messenger' ) . '</a>';
		}
		$init = wp_json_encode(
			array(
				'xfbml'   => true,
				'version' => self::graph_version(),
			)
		);
		return '<div id="fb-root"></div>' . "\n"
			. self::element_markup( $settings ) . "\n"
			. "<script>\n  window.fbAsyncInit = function () {\n    FB.init(" . $init . ");\n  };\n</script>\n"
			. '<script async defer crossorigin="anonymous" id="facebook-jssdk" src="' . esc_url( self::sdk_url( $locale ) ) . '"></script>';  // phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript -- Code for the site owner to paste outside WordPress, never printed on a page.
	}

	/**
	 * Escapes plain text for HTML text or a quoted attribute. Unlike esc_html()
	 * and esc_attr(), it re-escapes text that looks like an entity, so a
	 * greeting of "Fish &amp; Chips" shows exactly as typed.
	 *
	 * @since 1.0.0
	 *
	 * @param string $text Plain text.
	 * @return string
	 */
	public static function escape_text( $text ) {
		return htmlspecialchars( (string) $text, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8', true );
	}

	/**
	 * Messenger logo, decorative.
	 *
	 * @return string
	 */
	private static function icon() {
		return '<svg class="ccfm-icon" viewBox="0 0 36 36" width="32" height="32" aria-hidden="true" focusable="false"><path fill="currentColor" d="M18 2.1C9.1 2.1 2 8.7 2 16.9c0 4.3 1.9 8.1 5 10.8V33l4.9-2.7c1.9.5 3.9.8 6.1.8 8.9 0 16-6.6 16-14.8S26.9 2.1 18 2.1zm1.7 19.9-4.1-4.4-7.9 4.4 8.7-9.2 4.2 4.4 7.8-4.4-8.7 9.2z"/></svg>';
	}

	/**
	 * Front-end configuration read by the script.
	 *
	 * @param array<string,mixed> $settings Settings.
	 * @param string              $locale   Facebook locale.
	 * @phpstan-param CcfmSettings $settings
	 * @return array<string,mixed>
	 */
	private static function config( array $settings, $locale ) {
		/**
		 * Filters how long the front end waits for the Chat Plugin to become
		 * visible before it falls back to the Messenger link, in milliseconds.
		 *
		 * @since 1.0.0
		 *
		 * @param int $timeout Milliseconds.
		 */
		$timeout = apply_filters( 'ccfm_render_timeout', 6000 );
		$timeout = is_numeric( $timeout ) ? (int) $timeout : 6000;
		return array(
			'sdk'      => self::sdk_url( $locale ),
			'version'  => self::graph_version(),
			'link'     => self::messenger_url( $settings ),
			'mode'     => $settings['mode'],
			'strategy' => $settings['load_strategy'],
			'display'  => $settings['greeting_dialog_display'],
			'delay'    => '' === $settings['greeting_dialog_delay'] ? 0 : (int) $settings['greeting_dialog_delay'],
			'timeout'  => max( 500, $timeout ),
			'consent'  => function_exists( 'wp_has_consent' ),
			'text'     => array(
				'loading'  => __( 'Opening the chat…', 'customer-chat-for-messenger' ),
				'fallback' => __( 'Continue in Messenger', 'customer-chat-for-messenger' ),
			),
		);
	}

	/**
	 * The floating bubble with its greeting, the no-JavaScript link and the
	 * Chat Plugin element the script activates on intent.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Effective settings.
	 * @param string              $locale   Facebook locale.
	 * @phpstan-param CcfmSettings $settings
	 * @return string
	 */
	public static function bubble( array $settings, $locale ) {
		$label    = __( 'Chat with us on Messenger', 'customer-chat-for-messenger' );
		$style    = '--ccfm-bottom:' . (int) $settings['bottom_spacing'] . 'px';
		$style   .= '' !== $settings['theme_color'] ? ';--ccfm-color:' . $settings['theme_color'] : '';
		$greeting = (string) $settings['logged_out_greeting'];
		$classes  = 'ccfm-chat ccfm-chat--' . $settings['alignment'] . ( 'all' !== $settings['devices'] ? ' ccfm-chat--' . $settings['devices'] . '-only' : '' );
		$html     = '<div id="ccfm-chat" class="' . esc_attr( $classes ) . '" style="' . esc_attr( $style ) . '" data-ccfm="' . esc_attr( (string) wp_json_encode( self::config( $settings, $locale ) ) ) . '">';
		// The greeting box is always there: it also carries the link to
		// Messenger when the Chat Plugin fails after a click.
		$html .= '<div class="ccfm-greeting" hidden><p class="ccfm-greeting__text">' . self::escape_text( $greeting ) . '</p>'
			. '<button type="button" class="ccfm-greeting__close" aria-label="' . esc_attr__( 'Close the greeting', 'customer-chat-for-messenger' ) . '">&times;</button></div>';
		$html .= '<button type="button" class="ccfm-bubble" aria-label="' . esc_attr( $label ) . '" hidden>' . self::icon() . '</button>';
		$html .= '<noscript><a class="ccfm-bubble" href="' . esc_url( self::messenger_url( $settings ) ) . '" target="_blank" rel="noopener" aria-label="' . esc_attr( $label ) . '">' . self::icon() . '</a></noscript>';
		if ( 'chat_plugin' === $settings['mode'] ) {
			$html .= '<template class="ccfm-sdk-markup">' . self::element_markup( $settings ) . '</template>';
		}
		return $html . '</div>';
	}

	/**
	 * An inline "Message us" button: a plain m.me link without JavaScript,
	 * the chat opener with it.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Effective settings.
	 * @param string              $text     Button text.
	 * @param string              $extra    The wrapper's attributes, already escaped.
	 * @phpstan-param CcfmSettings $settings
	 * @return string
	 */
	public static function button( array $settings, $text, $extra = '' ) {
		if ( '' === $text ) {
			$text = __( 'Message us', 'customer-chat-for-messenger' );
		}
		return '<div ' . ( '' !== $extra ? $extra : 'class="ccfm-button-wrap"' ) . '><a class="ccfm-button wp-element-button" href="' . esc_url( self::messenger_url( $settings ) ) . '" target="_blank" rel="noopener" data-ccfm-open>' . self::escape_text( $text ) . '</a></div>';
	}
}
