<?php
/**
 * Where and to whom the chat shows: the display rules of the settings and the post's own choice.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Chat;

defined( 'ABSPATH' ) || exit;

/**
 * Decides whether the chat shows on a request.
 *
 * @since 1.0.0
 *
 * @phpstan-import-type CcfmSettings from \CCFM\Settings\Settings
 */
final class Display_Rules {

	/**
	 * The place the current request is, as named in display_places.
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public static function current_place() {
		if ( is_front_page() ) {
			return 'front_page';
		}
		if ( is_404() ) {
			return '404';
		}
		if ( is_search() ) {
			return 'search';
		}
		if ( is_page() ) {
			return 'pages';
		}
		if ( is_singular( 'post' ) ) {
			return 'posts';
		}
		if ( is_singular() ) {
			return 'other_types';
		}
		return 'archives'; // Archives and the blog index.
	}

	/**
	 * Whether the settings name a Page the chat can use: the Messenger link
	 * needs a Page username or ID (m.me takes either); the Chat Plugin needs
	 * the numeric Page ID.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return bool
	 */
	public static function configured( array $settings ) {
		if ( 'link' === $settings['mode'] ) {
			return '' !== $settings['page_id'] || '' !== $settings['page_username'];
		}
		return '' !== $settings['page_id'];
	}

	/**
	 * Whether the chat shows on the current request.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Site settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return bool
	 */
	public static function visible( array $settings ) {
		if ( ! self::configured( $settings ) ) {
			return false;
		}
		$post = is_singular() ? get_queried_object() : null;
		if ( $post instanceof \WP_Post ) {
			if ( in_array( $post->ID, $settings['exclude_ids'], true ) ) {
				return false;
			}
			$visibility = get_post_meta( $post->ID, Post_Meta::META_VISIBILITY, true );
			if ( 'hide' === $visibility ) {
				return false;
			}
			if ( 'show' === $visibility ) {
				return true;
			}
		}
		switch ( $settings['display_on'] ) {
			case 'placed':
				return $post instanceof \WP_Post && Placement::is_placed( $post );
			case 'chosen':
				return in_array( self::current_place(), $settings['display_places'], true );
			default:
				return true;
		}
	}
}
