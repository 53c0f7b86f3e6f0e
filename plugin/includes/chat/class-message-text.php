<?php
/**
 * The pre-filled message: the message_text setting (or a page's or a
 * button's own), with its variables filled in on the server, becomes the
 * text= of every m.me link the plugin makes.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Chat;

use CCFM\Stored_Data;

defined( 'ABSPATH' ) || exit;

/**
 * Expands {title}, {url}, {site} (and variables added with the
 * ccfm_message_variables filter) into plain text of at most MAX_LENGTH characters.
 *
 * @since 1.0.0
 */
final class Message_Text {

	/**
	 * Longest expanded text, in characters; the rest is cut.
	 */
	const MAX_LENGTH = 500;

	/**
	 * The post editor's own message text of a post.
	 */
	const META = Stored_Data::MESSAGE_TEXT_META;

	/**
	 * Characters never kept in the text: the one rule of CCFM\Validation
	 * (controls, invisible formatting and direction-changing characters).
	 */
	const HIDDEN = \CCFM\Validation::HIDDEN;

	/**
	 * The variables of the current request: {title} (the post's or page's
	 * title; the archive's, or the site's elsewhere), {url} (the page's
	 * address without query string), {site} (the site's name), plus those
	 * of the ccfm_message_variables filter.
	 *
	 * @since 1.0.0
	 *
	 * @return array<string,string>
	 */
	public static function variables() {
		$site   = self::plain( get_bloginfo( 'name' ) );
		$object = get_queried_object();
		$title  = $site;
		$path   = isset( $GLOBALS['wp'] ) && $GLOBALS['wp'] instanceof \WP ? (string) $GLOBALS['wp']->request : '';
		$url    = '' !== $path && ! is_front_page() ? user_trailingslashit( home_url( '/' . $path ) ) : home_url( '/' );
		if ( is_singular() && $object instanceof \WP_Post ) {
			$title = self::plain( get_the_title( $object ) );
			$url   = get_permalink( $object );
		} elseif ( is_home() && ! is_front_page() && $object instanceof \WP_Post ) {
			$title = self::plain( get_the_title( $object ) );
			$url   = get_permalink( $object );
		} elseif ( is_category() || is_tag() || is_tax() ) {
			$title = self::plain( (string) single_term_title( '', false ) );
			$link  = $object instanceof \WP_Term ? get_term_link( $object ) : '';
			$url   = is_string( $link ) ? $link : $url;
		} elseif ( is_post_type_archive() ) {
			$title = self::plain( (string) post_type_archive_title( '', false ) );
			$type  = get_query_var( 'post_type' );
			$link  = get_post_type_archive_link( is_string( $type ) ? $type : '' );
			$url   = is_string( $link ) ? $link : $url;
		} elseif ( is_archive() ) {
			$title = self::plain( get_the_archive_title() );
		}
		return self::filtered(
			array(
				'title' => '' !== $title ? $title : $site,
				'url'   => (string) strtok( $url, '?#' ),
				'site'  => $site,
			),
			$object
		);
	}

	/**
	 * The variables on the front page: for the settings screen's example
	 * and the embed code (a page outside WordPress has no title of ours).
	 *
	 * @since 1.0.0
	 *
	 * @return array<string,string>
	 */
	public static function front_page_variables() {
		$site  = self::plain( get_bloginfo( 'name' ) );
		$id    = get_option( 'page_on_front' );
		$front = 'page' === get_option( 'show_on_front' ) && is_numeric( $id ) ? get_post( (int) $id ) : null;
		return self::filtered(
			array(
				'title' => $front instanceof \WP_Post && '' !== self::plain( get_the_title( $front ) ) ? self::plain( get_the_title( $front ) ) : $site,
				'url'   => home_url( '/' ),
				'site'  => $site,
			),
			$front
		);
	}

	/**
	 * What the settings screen shows: the front page's variables and the
	 * site's timezone.
	 *
	 * @since 1.0.0
	 *
	 * @return array{variables: array<string,string>, timezone: string}
	 */
	public static function admin_data() {
		return array(
			'variables' => self::front_page_variables(),
			'timezone'  => wp_timezone_string(),
		);
	}

	/**
	 * The diagnostics' finding on the pre-filled message.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Site settings.
	 * @phpstan-param array{message_text: string} $settings
	 * @return array{id: string, label: string, status: string, description: string, fix: string}
	 */
	public static function check( array $settings ) {
		$label = __( 'Pre-filled message', 'customer-chat-for-messenger' );
		$text  = (string) $settings['message_text'];
		if ( '' === $text ) {
			return array(
				'id'          => 'message_text',
				'label'       => $label,
				'status'      => 'good',
				'description' => __( 'No pre-filled message is set: visitors start Messenger with an empty message.', 'customer-chat-for-messenger' ),
				'fix'         => '',
			);
		}
		$expanded = self::expand( $text, self::front_page_variables() );
		return array(
			'id'          => 'message_text',
			'label'       => $label,
			'status'      => 'good',
			/* translators: 1: the expanded message, 2: its length. */
			'description' => sprintf( __( 'Every Messenger link carries a pre-filled message; on the front page it reads “%1$s” (%2$d characters, at most 500). Meta’s Chat Plugin has no pre-filled message: the text is used wherever the visitor ends up on m.me.', 'customer-chat-for-messenger' ), $expanded, mb_strlen( $expanded ) ),
			'fix'         => '',
		);
	}

	/**
	 * The built-in variables with the filter's: names of lowercase letters,
	 * digits and _, values made plain text.
	 *
	 * @param array<string,string> $variables Built-in variables.
	 * @param mixed                $object    The queried object.
	 * @return array<string,string>
	 */
	private static function filtered( array $variables, $object ) {
		/**
		 * Filters the variables of the pre-filled message: name (without
		 * braces) => value. A shop adds array( 'sku' => '…' ) for {sku}.
		 * Values become plain text; names other than lowercase letters,
		 * digits and _ are ignored.
		 *
		 * @since 1.0.0
		 *
		 * @param array<string,string> $variables Variables of this request.
		 * @param mixed                $object    The queried object (a WP_Post on a post's page), or null.
		 */
		$filtered = apply_filters( 'ccfm_message_variables', $variables, $object );
		if ( ! is_array( $filtered ) ) {
			return $variables;
		}
		$clean = array();
		foreach ( $filtered as $name => $value ) {
			if ( is_string( $name ) && preg_match( '/^[a-z0-9_]{1,40}$/D', $name ) && ( is_scalar( $value ) || null === $value ) ) {
				$clean[ $name ] = self::plain( (string) $value );
			}
		}
		return $clean;
	}

	/**
	 * Plain text from a title or a filter's value: no tags, entities
	 * decoded, hidden characters turned into spaces.
	 *
	 * @param string $text Text.
	 * @return string
	 */
	private static function plain( $text ) {
		$text = html_entity_decode( wp_strip_all_tags( $text ), ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		return trim( (string) preg_replace( '/\s+/u', ' ', (string) preg_replace( self::HIDDEN, ' ', $text ) ) );
	}

	/**
	 * The text with its variables filled in: {name} of a known variable
	 * becomes its value, anything else stays as typed; plain text of at most
	 * MAX_LENGTH characters.
	 *
	 * @since 1.0.0
	 *
	 * @param string                    $text      The message text as typed.
	 * @param array<string,string>|null $variables Variables (null: the current request's).
	 * @return string
	 */
	public static function expand( $text, $variables = null ) {
		if ( '' === $text ) {
			return '';
		}
		$variables = null === $variables ? self::variables() : $variables;
		$expanded  = (string) preg_replace_callback(
			'/\{([a-z0-9_]{1,40})\}/',
			static function ( $m ) use ( $variables ) {
				return isset( $variables[ $m[1] ] ) ? $variables[ $m[1] ] : $m[0];
			},
			$text
		);
		$expanded  = trim( (string) preg_replace( self::HIDDEN, ' ', $expanded ) );
		return mb_substr( $expanded, 0, self::MAX_LENGTH );
	}
}
