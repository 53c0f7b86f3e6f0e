<?php
/**
 * Page overrides: the block's or shortcode's settings and the post's ref on its own view.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Chat;

use CCFM\Settings\Settings;
use CCFM\Settings\Validator;

defined( 'ABSPATH' ) || exit;

/**
 * Applies a page's overrides to the chat settings.
 *
 * @since 1.0.0
 *
 * @phpstan-import-type CcfmSettings from \CCFM\Settings\Settings
 */
final class Page_Overrides {

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_filter( 'ccfm_effective_settings', array( $this, 'apply_overrides' ) );
	}

	/**
	 * Whether this request is the singular view of the post being rendered.
	 *
	 * @return bool
	 */
	public static function on_own_view() {
		return is_singular() && get_queried_object_id() === get_the_ID();
	}

	/**
	 * The page settings worked out for this request: the post's ID, the
	 * content they were read from and the cleaned settings. One parse of a
	 * post per request, however many buttons it holds; another post (or
	 * changed content) is read afresh.
	 *
	 * @var array{id: int, content: string, settings: array<string,mixed>}|null
	 */
	private static $memo = null;

	/**
	 * The last result of page_overrides() and what it was worked out from.
	 *
	 * @var array{key: array<mixed>, settings: CcfmSettings}|null
	 */
	private static $result = null;

	/**
	 * The first page-settings block or shortcode of a post, cleaned; read
	 * once per post and request (see $memo).
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_Post $post Post.
	 * @return array<string,mixed>
	 */
	public static function page_settings_of( \WP_Post $post ) {
		if ( null === self::$memo || self::$memo['id'] !== $post->ID || self::$memo['content'] !== $post->post_content ) {
			self::$memo = array(
				'id'       => $post->ID,
				'content'  => $post->post_content,
				'settings' => self::read_page_settings( $post->post_content ),
			);
		}
		return self::$memo['settings'];
	}

	/**
	 * Forgets the page settings read (tests change posts underneath).
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function flush() {
		self::$memo   = null;
		self::$result = null;
	}

	/**
	 * The first page-settings block (at any depth: in a Group, Columns, …)
	 * or, failing that, the first page-settings shortcode of some content.
	 * An escaped shortcode ([[messenger_chat]], printed as text) does not count.
	 *
	 * @param string $content Post content.
	 * @return array<string,mixed>
	 */
	private static function read_page_settings( $content ) {
		if ( has_blocks( $content ) ) {
			$found = self::settings_block( parse_blocks( $content ) );
			if ( null !== $found ) {
				return $found;
			}
		}
		if ( false !== strpos( $content, '[' . Placement::SHORTCODE ) && preg_match_all( '/' . get_shortcode_regex( array( Placement::SHORTCODE ) ) . '/', $content, $found, PREG_SET_ORDER ) ) {
			foreach ( $found as $match ) {
				if ( '[' === $match[1] && ']' === $match[6] ) {
					continue; // Escaped: WordPress prints it as text.
				}
				$clean = Placement::clean_attributes( shortcode_parse_atts( $match[3] ) );
				if ( 'settings' === $clean['type'] ) {
					return $clean;
				}
			}
		}
		return array();
	}

	/**
	 * The first page-settings block in a list of parsed blocks, depth first.
	 *
	 * @param array<mixed> $blocks Parsed blocks.
	 * @return array<string,mixed>|null
	 */
	private static function settings_block( array $blocks ) {
		foreach ( $blocks as $block ) {
			if ( ! is_array( $block ) ) {
				continue;
			}
			if ( isset( $block['blockName'] ) && Placement::BLOCK === $block['blockName'] ) {
				$clean = Placement::clean_attributes( isset( $block['attrs'] ) ? $block['attrs'] : array() );
				if ( 'settings' === $clean['type'] ) {
					return $clean;
				}
			}
			if ( ! empty( $block['innerBlocks'] ) && is_array( $block['innerBlocks'] ) ) {
				$found = self::settings_block( $block['innerBlocks'] );
				if ( null !== $found ) {
					return $found;
				}
			}
		}
		return null;
	}

	/**
	 * Site settings with the current post's overrides (its page-settings
	 * block or shortcode, then its sidebar ref).
	 *
	 * @param array<string,mixed> $settings Site settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return CcfmSettings
	 */
	public static function page_overrides( array $settings ) {
		$post = get_queried_object();
		if ( ! $post instanceof \WP_Post ) {
			return $settings;
		}
		$key = array( $post->ID, $post->post_content, $settings, get_post_meta( $post->ID, Post_Meta::META_REF, true ), get_post_meta( $post->ID, Message_Text::META, true ) );
		if ( null !== self::$result && self::$result['key'] === $key ) {
			return self::$result['settings']; // The same post, settings and meta: each button of a long post.
		}
		$settings     = self::merge_overrides( $post, $settings );
		self::$result = array(
			'key'      => $key,
			'settings' => $settings,
		);
		return $settings;
	}

	/**
	 * Site settings with a post's overrides, worked out.
	 *
	 * @param \WP_Post            $post     Post.
	 * @param array<string,mixed> $settings Site settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return CcfmSettings
	 */
	private static function merge_overrides( \WP_Post $post, array $settings ) {
		$settings = Settings::conform( array_merge( $settings, array_intersect_key( self::page_settings_of( $post ), array_flip( Placement::OVERRIDES ) ) ), $settings );
		$ref      = get_post_meta( $post->ID, Post_Meta::META_REF, true );
		if ( is_string( $ref ) && '' !== $ref && ! is_wp_error( Validator::validate_field( 'ref', $ref ) ) ) {
			$settings['ref'] = $ref;
		}
		$text = get_post_meta( $post->ID, Message_Text::META, true );
		if ( is_string( $text ) && '' !== $text && ! is_wp_error( Validator::validate_field( 'message_text', $text ) ) ) {
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
