<?php
/**
 * The one render path: the bubble, the inline button, the Chat Plugin element
 * and the embed code are all built here.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Chat;

use CCFM\Assets;
use CCFM\Platform\Click_Route;
use CCFM\Platform\Graph_Client;
use CCFM\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Builds escaped markup from (already validated) settings.
 *
 * @since 1.0.0
 *
 * @phpstan-import-type CcfmSettings from \CCFM\Settings\Settings
 */
final class Renderer {

	const SDK_HOST = 'https://connect.facebook.net';

	/**
	 * The SDK attributes of the fb-customerchat element, in order.
	 */
	const ELEMENT_ATTRIBUTES = array( 'page_id', 'theme_color', 'logged_in_greeting', 'logged_out_greeting', 'greeting_dialog_display', 'greeting_dialog_delay', 'ref' );

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
	 * @param array<string,mixed>       $settings  Settings.
	 * @param array<string,string>|null $variables The message text's variables (null: this request's).
	 * @phpstan-param CcfmSettings $settings
	 * @return string
	 */
	public static function messenger_url( array $settings, $variables = null ) {
		$target = '' !== $settings['page_username'] ? $settings['page_username'] : $settings['page_id'];
		$url    = 'https://m.me/' . rawurlencode( (string) $target );
		if ( '' !== $settings['ref'] ) {
			$url .= '?ref=' . rawurlencode( (string) $settings['ref'] );
		}
		$text = Message_Text::expand( $settings['message_text'], $variables );
		if ( '' !== $text ) {
			$url .= ( '' !== $settings['ref'] ? '&' : '?' ) . 'text=' . rawurlencode( $text );
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
			return Away_Hours::embed_note( $settings ) . '<a href="' . esc_url( self::messenger_url( $settings, Message_Text::front_page_variables() ) ) . '" target="_blank" rel="noopener" style="' . esc_attr( $style ) . '">' . esc_html__( 'Chat with us on Messenger', 'customer-chat-for-messenger' ) . '</a>';
		}
		$init = wp_json_encode(
			array(
				'xfbml'   => true,
				'version' => Graph_Client::version(),
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
		return '<svg viewBox="0 0 360 360" width="32" height="32"><path d="M180 21C91 21 20 87 20 169c0 43 19 81 50 108V330l49-27c19 5 39 8 61 8 89 0 160-66 160-148S269 21 180 21zm17 199-41-44-79 44 87-92 42 44 78-44-87 92z"/></svg>';
	}

	/**
	 * The front end's settings, printed by PHP in the boot script (never
	 * read from the page, where post content could forge them). Link mode
	 * gets only what the boot script needs; Chat Plugin mode adds the SDK, its element's attributes and how long the SDK may keep trying.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Effective settings.
	 * @param string              $locale   Facebook locale.
	 * @phpstan-param CcfmSettings $settings
	 * @return array<string,mixed>
	 */
	public static function config( array $settings, $locale ) {
		$config  = array(
			'front' => Assets::url( 'front' ),
			'link'  => self::messenger_url( $settings ),
		);
		$config += Click_Route::front_config( (string) $settings['ref'] ); // The click beacon and the key of this page and ref.
		$hours   = Away_Hours::config( $settings );
		if ( null !== $hours ) {
			$config['hours'] = $hours; // For hours.js.
		}
		if ( '' !== $settings['logged_out_greeting'] || Away_Hours::has_greeting( $settings ) ) {
			$config += array( // For greeting.js.
				'display' => $settings['greeting_dialog_display'],
				'delay'   => '' === $settings['greeting_dialog_delay'] ? 0 : (int) $settings['greeting_dialog_delay'],
				'phone'   => $settings['phone_greeting'],
			);
		}
		if ( 'chat_plugin' !== $settings['mode'] ) {
			return $config;
		}
		/**
		 * Filters how long the SDK may keep trying to show the Chat Plugin
		 * behind the Messenger link, in milliseconds, before the loader stops
		 * waiting and the rest of the session uses the link alone.
		 *
		 * @since 1.0.0
		 *
		 * @param int $timeout Milliseconds.
		 */
		$timeout = apply_filters( 'ccfm_render_timeout', 15000 );
		$timeout = is_numeric( $timeout ) ? (int) $timeout : 15000;
		return $config + array(
			'strategy' => $settings['load_strategy'],
			'consent'  => function_exists( 'wp_has_consent' ),
			'text'     => array(
				'fallback' => __( 'Continue in Messenger', 'customer-chat-for-messenger' ),
			),
			'sdk'      => self::sdk_url( $locale ),
			'version'  => Graph_Client::version(),
			'timeout'  => max( 2000, $timeout ),
			'element'  => self::element_attributes( $settings ),
		);
	}

	/**
	 * Whether the bubble has a greeting box: where there is a greeting, and
	 * always in Chat Plugin mode, where it carries the Messenger link after
	 * a click.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Effective settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return bool
	 */
	public static function has_greeting_box( array $settings ) {
		return '' !== $settings['logged_out_greeting'] || 'chat_plugin' === $settings['mode'] || Away_Hours::has_greeting( $settings );
	}

	/**
	 * The floating bubble and its greeting. The bubble is an m.me link, so
	 * it works before and without any script; the boot script (printed after
	 * it by Front_End) adds the greeting and, in Chat Plugin mode, the SDK.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Effective settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return string
	 */
	public static function bubble( array $settings ) {
		$style    = 24 !== $settings['bottom_spacing'] ? '--ccfm-bottom:' . (int) $settings['bottom_spacing'] . 'px;' : '';
		$style   .= '' !== $settings['theme_color'] ? '--ccfm-color:' . $settings['theme_color'] : '';
		$classes  = 'ccfm-chat' . ( 'left' === $settings['alignment'] ? ' ccfm-chat--left' : '' ) . ( 'all' !== $settings['devices'] ? ' ccfm-chat--' . $settings['devices'] . '-only' : '' );
		$greeting = (string) $settings['logged_out_greeting'];
		return '<div id="ccfm-chat" class="' . esc_attr( $classes ) . '"' . ( '' !== $style ? ' style="' . esc_attr( $style ) . '"' : '' ) . '>'
			// In Chat Plugin mode the greeting box also carries the "Continue in Messenger" link after a click.
			. ( self::has_greeting_box( $settings ) ? '<div class="ccfm-greeting" hidden><p class="ccfm-greeting__text">' . self::escape_text( $greeting ) . '</p>'
			. '<button type="button" aria-label="' . esc_attr__( 'Close the greeting', 'customer-chat-for-messenger' ) . '">&times;</button></div>' : '' )
			. '<a class="ccfm-bubble" href="' . esc_url( self::messenger_url( $settings ) ) . '" target="_blank" rel="noopener" aria-label="' . esc_attr__( 'Chat with us on Messenger', 'customer-chat-for-messenger' ) . '">' . self::icon() . '</a></div>';
	}

	/**
	 * An inline "Message us" button: a plain m.me link without JavaScript,
	 * the chat opener with it; while clicks are counted, with the key of
	 * this page and its ref (Click_Route::button_attribute()).
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
		return '<div ' . ( '' !== $extra ? $extra : 'class="ccfm-button-wrap"' ) . '><a class="ccfm-button wp-element-button" href="' . esc_url( self::messenger_url( $settings ) ) . '" target="_blank" rel="noopener" data-ccfm-open' . Click_Route::button_attribute( (string) $settings['ref'] ) . '>' . self::escape_text( $text ) . '</a></div>';
	}
}
