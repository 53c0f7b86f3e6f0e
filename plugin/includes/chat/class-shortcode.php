<?php
/**
 * The shortcode [messenger_chat].
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Chat;

defined( 'ABSPATH' ) || exit;

/**
 * Registers and renders the shortcode.
 *
 * @since 1.0.0
 */
final class Shortcode {

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'init', array( $this, 'add_shortcode' ) );
	}

	/**
	 * Registers [messenger_chat].
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function add_shortcode() {
		add_shortcode( Placement::SHORTCODE, array( $this, 'shortcode' ) );
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
		$html = Placement::render( $atts, 'class="ccfm-button-wrap wp-block-customer-chat-for-messenger-chat"' );
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
	 * @since 1.0.0
	 *
	 * @param array<mixed> $atts Shortcode attributes.
	 * @return string
	 */
	private static function unknown_attributes_notice( array $atts ) {
		$known   = array_merge( array( 'type', 'text' ), Placement::OVERRIDES );
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
}
