<?php
/**
 * The block customer-chat-for-messenger/chat and the shortcode
 * [messenger_chat]: one set of attributes, one render path.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * Block and shortcode.
 *
 * @since 1.0.0
 *
 * @phpstan-import-type CcfmSettings from Settings
 */
final class Placement {

	const BLOCK     = 'customer-chat-for-messenger/chat';
	const SHORTCODE = 'messenger_chat';

	/**
	 * Attributes that override the site settings on the post's own view.
	 */
	const OVERRIDES = array( 'ref', 'logged_in_greeting', 'logged_out_greeting', 'greeting_dialog_display', 'greeting_dialog_delay', 'message_text' );

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'init', array( $this, 'register_block_and_shortcode' ) );
		add_filter( 'ccfm_effective_settings', array( $this, 'apply_overrides' ) );
		add_action( 'enqueue_block_editor_assets', array( $this, 'enqueue_editor_panel' ) );
	}

	/**
	 * The post editor's "Messenger chat" document panel.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function enqueue_editor_panel() {
		$handle = Assets::register( 'editor' );
		wp_enqueue_script( $handle );
		wp_set_script_translations( $handle, 'customer-chat-for-messenger', CCFM_DIR . 'languages' );
	}

	/**
	 * Registers the block (from blocks/chat/block.json) and the shortcode.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_block_and_shortcode() {
		Assets::register( 'front', array(), true ); // The block's style handle: ccfm-front.
		register_block_type( CCFM_DIR . 'blocks/chat' );
		add_shortcode( self::SHORTCODE, array( $this, 'shortcode' ) );
		if ( function_exists( 'wp_set_script_translations' ) ) {
			wp_set_script_translations( 'customer-chat-for-messenger-chat-editor-script', 'customer-chat-for-messenger', CCFM_DIR . 'languages' );
		}
	}

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
			$text = mb_substr( trim( wp_strip_all_tags( $attributes['text'] ) ), 0, 80 );
			// The button text is one line of plain text, like a greeting: with a
			// control, invisible or direction-changing character it is refused.
			$clean['text'] = is_wp_error( Settings::validate_field( 'logged_out_greeting', $text ) ) ? '' : $text;
		}
		foreach ( self::OVERRIDES as $name ) {
			if ( ! isset( $attributes[ $name ] ) || '' === $attributes[ $name ] ) {
				continue;
			}
			// The settings' own rules; a shortcode's "5" is the delay 5, "1e3" is refused.
			$value = Settings::validate_field( $name, $attributes[ $name ] );
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
		$clean = self::clean_attributes( $attributes );
		if ( 'button' !== $clean['type'] ) {
			return '';
		}
		$settings = Settings::get();
		if ( ! Display_Rules::configured( $settings ) ) {
			return '';
		}
		if ( self::on_own_view() ) {
			$settings = Settings::conform( array_merge( self::page_overrides( $settings ), array_intersect_key( $clean, array_flip( self::OVERRIDES ) ) ), $settings );
		}
		return Renderer::button( $settings, $clean['text'], $wrapper );
	}

	/**
	 * The shortcode: same attributes, same render path as the block.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed $atts Shortcode attributes.
	 * @return string
	 */
	public function shortcode( $atts ) {
		$atts = is_array( $atts ) ? $atts : array();
		$html = self::render( $atts, 'class="ccfm-button-wrap wp-block-customer-chat-for-messenger-chat"' );
		if ( '' !== $html ) {
			wp_enqueue_style( 'ccfm-front' );
		}
		return self::unknown_attributes_notice( $atts ) . $html;
	}

	/**
	 * For people who can edit the content only, never for visitors: a note
	 * naming the shortcode attributes that are ignored (a typo such as
	 * label= instead of text=).
	 *
	 * @since 1.1.0
	 *
	 * @param array<mixed> $atts Shortcode attributes.
	 * @return string
	 */
	private static function unknown_attributes_notice( array $atts ) {
		$known   = array_merge( array( 'type', 'text' ), self::OVERRIDES );
		$unknown = array();
		foreach ( $atts as $key => $value ) {
			if ( is_int( $key ) ) {
				$unknown[] = is_scalar( $value ) ? (string) $value : ''; // A bare word, such as [messenger_chat button].
			} elseif ( ! in_array( $key, $known, true ) ) {
				$unknown[] = $key;
			}
		}
		$unknown = array_filter( $unknown );
		$post_id = get_the_ID();
		$allowed = $post_id ? current_user_can( 'edit_post', $post_id ) : current_user_can( 'edit_theme_options' );
		if ( ! $unknown || ! $allowed ) {
			return '';
		}
		return '<p class="ccfm-shortcode-notice" role="note" style="padding:8px 12px;border-left:4px solid #dba617;background:#fcf9e8;color:#1e1e1e">' . esc_html(
			sprintf(
				/* translators: 1: the ignored attributes, 2: the attributes the shortcode knows. */
				_n( '[messenger_chat]: the attribute %1$s is not known and is ignored. Known attributes: %2$s. Only people who can edit this content see this note.', '[messenger_chat]: the attributes %1$s are not known and are ignored. Known attributes: %2$s. Only people who can edit this content see this note.', count( $unknown ), 'customer-chat-for-messenger' ),
				implode( ', ', $unknown ),
				implode( ', ', $known )
			)
		) . '</p>';
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

	/**
	 * Whether this request is the singular view of the post being rendered.
	 *
	 * @return bool
	 */
	private static function on_own_view() {
		return is_singular() && get_queried_object_id() === get_the_ID();
	}

	/**
	 * The first page-settings block or shortcode of a post, cleaned.
	 *
	 * @param \WP_Post $post Post.
	 * @return array<string,mixed>
	 */
	private static function page_settings_of( \WP_Post $post ) {
		foreach ( parse_blocks( $post->post_content ) as $block ) {
			if ( self::BLOCK === $block['blockName'] ) {
				$clean = self::clean_attributes( $block['attrs'] );
				if ( 'settings' === $clean['type'] ) {
					return $clean;
				}
			}
		}
		if ( preg_match_all( '/' . get_shortcode_regex( array( self::SHORTCODE ) ) . '/', $post->post_content, $found, PREG_SET_ORDER ) ) {
			foreach ( $found as $match ) {
				$clean = self::clean_attributes( shortcode_parse_atts( $match[3] ) );
				if ( 'settings' === $clean['type'] ) {
					return $clean;
				}
			}
		}
		return array();
	}

	/**
	 * Site settings with the current post's overrides (its page-settings
	 * block or shortcode, then its sidebar ref).
	 *
	 * @param array<string,mixed> $settings Site settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return CcfmSettings
	 */
	private static function page_overrides( array $settings ) {
		$post = get_queried_object();
		if ( ! $post instanceof \WP_Post ) {
			return $settings;
		}
		$settings = Settings::conform( array_merge( $settings, array_intersect_key( self::page_settings_of( $post ), array_flip( self::OVERRIDES ) ) ), $settings );
		$ref      = get_post_meta( $post->ID, Display_Rules::META_REF, true );
		if ( is_string( $ref ) && '' !== $ref && ! is_wp_error( Settings::validate_field( 'ref', $ref ) ) ) {
			$settings['ref'] = $ref;
		}
		$text = get_post_meta( $post->ID, Chat\Message_Text::META, true );
		if ( is_string( $text ) && '' !== $text && ! is_wp_error( Settings::validate_field( 'message_text', $text ) ) ) {
			$settings['message_text'] = $text;
		}
		return $settings;
	}

	/**
	 * The ccfm_effective_settings filter: overrides apply on the post's own
	 * singular view only; listings use the site settings.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed $settings Settings (as earlier filters left them).
	 * @return mixed
	 */
	public function apply_overrides( $settings ) {
		return is_singular() ? self::page_overrides( Settings::conform( $settings, Settings::get() ) ) : $settings;
	}
}
