<?php
/**
 * The placed chat (block and shortcode): attributes cleaned by the settings' rules, one render path.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Chat;

use CCFM\Settings\Schema;
use CCFM\Settings\Settings;
use CCFM\Settings\Validator;

defined( 'ABSPATH' ) || exit;

/**
 * Renders a placed chat button.
 *
 * @since 1.0.0
 */
final class Placement {

	const BLOCK = 'customer-chat-for-messenger/chat';

	const SHORTCODE = 'messenger_chat';

	/**
	 * Attributes that override the site settings on the post's own view.
	 */
	const OVERRIDES = array( 'ref', 'logged_in_greeting', 'logged_out_greeting', 'greeting_dialog_display', 'greeting_dialog_delay', 'message_text' );

	/**
	 * Keeps the attributes that are valid, with the settings' own rules;
	 * invalid ones are dropped (the site settings apply instead).
	 *
	 * @since 1.0.0
	 *
	 * @param mixed $attributes Raw block or shortcode attributes.
	 * @return array{type: 'button'|'settings', text: string, ref?: mixed, logged_in_greeting?: mixed, logged_out_greeting?: mixed, greeting_dialog_display?: mixed, greeting_dialog_delay?: mixed, message_text?: mixed}
	 */
	public static function clean_attributes( $attributes ) {
		$attributes = is_array( $attributes ) ? $attributes : array();
		$clean      = array(
			'type' => isset( $attributes['type'] ) && 'button' === $attributes['type'] ? 'button' : 'settings',
			'text' => '',
		);
		if ( isset( $attributes['text'] ) && is_string( $attributes['text'] ) ) {
			$rule = Schema::property( 'logged_out_greeting' );
			$text = mb_substr( trim( wp_strip_all_tags( $attributes['text'] ) ), 0, isset( $rule['maxLength'] ) && is_int( $rule['maxLength'] ) ? $rule['maxLength'] : null );
			// The button text is one line of plain text, like a greeting: with a
			// control, invisible or direction-changing character it is refused.
			$clean['text'] = is_wp_error( Validator::validate_field( 'logged_out_greeting', $text ) ) ? '' : $text;
		}
		foreach ( self::OVERRIDES as $name ) {
			if ( ! isset( $attributes[ $name ] ) || '' === $attributes[ $name ] ) {
				continue;
			}
			// The settings' own rules; a shortcode's "5" is the delay 5, "1e3" is refused.
			$value = Validator::validate_field( $name, $attributes[ $name ] );
			if ( ! is_wp_error( $value ) ) {
				$clean[ $name ] = $value;
			}
		}
		return $clean;
	}

	/**
	 * The one render path of the block and the shortcode: an inline button
	 * for type "button", nothing inline for the page-settings variation.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed  $attributes Raw attributes.
	 * @param string $wrapper    Escaped wrapper attributes (block supports).
	 * @return string
	 */
	public static function render( $attributes, $wrapper = '' ) {
		return self::render_clean( self::clean_attributes( $attributes ), $wrapper );
	}

	/**
	 * The block's render callback (in place of including render.php for each
	 * block): the attributes cleaned once, the block supports' wrapper.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed $attributes Block attributes.
	 * @return string
	 */
	public static function render_block( $attributes ) {
		$clean = self::clean_attributes( $attributes );
		return 'button' === $clean['type'] ? self::render_clean( $clean, get_block_wrapper_attributes( array( 'class' => 'ccfm-button-wrap' ) ) ) : '';
	}

	/**
	 * The one render path, from cleaned attributes.
	 *
	 * @param array<string,mixed> $clean   What clean_attributes() returned.
	 * @param string              $wrapper Escaped wrapper attributes.
	 * @phpstan-param array{type: 'button'|'settings', text: string} $clean
	 * @return string
	 */
	private static function render_clean( array $clean, $wrapper ) {
		if ( 'button' !== $clean['type'] ) {
			return '';
		}
		$settings = Settings::get();
		if ( ! Display_Rules::configured( $settings ) ) {
			return '';
		}
		if ( Page_Overrides::on_own_view() ) {
			$settings = Settings::conform( array_merge( Page_Overrides::page_overrides( $settings ), array_intersect_key( $clean, array_flip( self::OVERRIDES ) ) ), $settings );
		}
		return Renderer::button( $settings, $clean['text'], $wrapper );
	}

	/**
	 * Whether the post holds the block or the shortcode.
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_Post $post Post.
	 * @return bool
	 */
	public static function is_placed( \WP_Post $post ) {
		return has_block( self::BLOCK, $post ) || has_shortcode( $post->post_content, self::SHORTCODE );
	}
}
