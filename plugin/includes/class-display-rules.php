<?php
/**
 * Where the chat shows: the site's rules, per-post exclusions and the
 * editor's show / hide switch, evaluated once per request.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * The display rules.
 *
 * @since 1.0.0
 *
 * @phpstan-import-type CcfmSettings from Settings
 */
final class Display_Rules {

	const META_VISIBILITY = '_ccfm_visibility';
	const META_REF        = '_ccfm_ref';

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'init', array( $this, 'register_meta' ) );
		add_filter( 'add_post_metadata', array( $this, 'refuse_invalid_ref' ), 10, 4 );
		add_filter( 'update_post_metadata', array( $this, 'refuse_invalid_ref' ), 10, 4 );
		add_filter( 'rest_pre_dispatch', array( $this, 'validate_rest_ref' ), 10, 3 );
	}

	/**
	 * Refuses to store an invalid _ccfm_ref (add_post_meta, update_post_meta
	 * and everything built on them): the stored ref stays as it was.
	 *
	 * @since 1.2.0
	 *
	 * @param mixed  $check    Null to go on, anything else short-circuits.
	 * @param int    $post_id  Post ID.
	 * @param string $meta_key Meta key.
	 * @param mixed  $value    Value, already through the sanitize callback.
	 * @return mixed False to refuse, else $check.
	 */
	public function refuse_invalid_ref( $check, $post_id, $meta_key, $value ) {
		unset( $post_id );
		if ( null !== $check || self::META_REF !== $meta_key ) {
			return $check;
		}
		return is_wp_error( Settings::validate_field( 'ref', $value ) ) ? false : $check;
	}

	/**
	 * Answers 400 naming meta._ccfm_ref to a REST write of an invalid ref,
	 * before the post or any meta is changed. Users who may not edit posts
	 * fall through to core's permission checks.
	 *
	 * @since 1.2.0
	 *
	 * @param mixed            $result  Response so far.
	 * @param \WP_REST_Server  $server  Server.
	 * @param \WP_REST_Request $request Request.
	 * @return mixed
	 */
	public function validate_rest_ref( $result, $server, $request ) {
		unset( $server );
		if ( null !== $result || 'GET' === $request->get_method() || ! current_user_can( 'edit_posts' ) ) {
			return $result;
		}
		$meta = $request->get_param( 'meta' );
		if ( ! is_array( $meta ) || ! array_key_exists( self::META_REF, $meta ) || null === $meta[ self::META_REF ] ) {
			return $result;
		}
		$valid = Settings::validate_field( 'ref', $meta[ self::META_REF ] );
		if ( ! is_wp_error( $valid ) ) {
			return $result;
		}
		/* translators: 1: the field, meta._ccfm_ref, 2: what it accepts. */
		$message = sprintf( __( '%1$s: %2$s', 'customer-chat-for-messenger' ), 'meta.' . self::META_REF, (string) preg_replace( '/^ref: /', '', $valid->get_error_message() ) );
		return new \WP_Error(
			'rest_invalid_param',
			$message,
			array(
				'status' => 400,
				'params' => array( 'meta' => $message ),
			)
		);
	}

	/**
	 * Registers the per-post meta edited in the editor's sidebar panel.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_meta() {
		$auth = static function ( $allowed, $meta_key, $post_id ) {
			return current_user_can( 'edit_post', $post_id );
		};
		register_post_meta(
			'',
			self::META_VISIBILITY,
			array(
				'type'              => 'string',
				'description'       => __( 'Messenger chat on this post: empty follows the site rules, show or hide.', 'customer-chat-for-messenger' ),
				'single'            => true,
				'default'           => '',
				'show_in_rest'      => array(
					'schema' => array(
						'type' => 'string',
						'enum' => array( '', 'show', 'hide' ),
					),
				),
				'sanitize_callback' => static function ( $value ) {
					return in_array( $value, array( 'show', 'hide' ), true ) ? $value : '';
				},
				'auth_callback'     => $auth,
			)
		);
		register_post_meta(
			'',
			self::META_REF,
			array(
				'type'              => 'string',
				'description'       => __( 'The Messenger ref for conversations started on this post.', 'customer-chat-for-messenger' ),
				'single'            => true,
				'default'           => '',
				'show_in_rest'      => array(
					'schema' => array(
						'type'      => 'string',
						'pattern'   => '^[A-Za-z0-9_=-]*$',
						'maxLength' => 250,
					),
				),
				// An invalid ref passes through unchanged, to be refused by refuse_invalid_ref().
				'sanitize_callback' => static function ( $value ) {
					$clean = Settings::validate_field( 'ref', $value );
					return is_wp_error( $clean ) ? $value : $clean;
				},
				'auth_callback'     => $auth,
			)
		);
	}

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
	 * @since 1.1.0
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
			$visibility = get_post_meta( $post->ID, self::META_VISIBILITY, true );
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
