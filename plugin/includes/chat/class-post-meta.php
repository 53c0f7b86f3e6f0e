<?php
/**
 * The per-post meta of the post-editor panel: _ccfm_visibility and _ccfm_ref.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Chat;

use CCFM\Settings\Schema;
use CCFM\Settings\Validator;
use CCFM\Stored_Data;

defined( 'ABSPATH' ) || exit;

/**
 * Registers and validates the chat's post meta.
 *
 * @since 1.0.0
 */
final class Post_Meta {

	const META_VISIBILITY = Stored_Data::VISIBILITY_META;

	const META_REF = Stored_Data::REF_META;

	/**
	 * The post's own pre-filled message.
	 */
	const META_MESSAGE_TEXT = Stored_Data::MESSAGE_TEXT_META;

	/**
	 * The text meta of a post and the setting whose rule each follows.
	 */
	const TEXT_META = array(
		self::META_REF          => 'ref',
		self::META_MESSAGE_TEXT => 'message_text',
	);

	/**
	 * The post's own choice: '' follows the site's rules, show or hide.
	 */
	const VISIBILITY_VALUES = array( '', 'show', 'hide' );

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		// Only where the meta is edited: REST (the block editor) and wp-admin.
		add_action( 'rest_api_init', array( $this, 'register_meta' ) );
		add_action( 'admin_init', array( $this, 'register_meta' ) );
		add_filter( 'add_post_metadata', array( $this, 'refuse_invalid_ref' ), 10, 4 );
		add_filter( 'update_post_metadata', array( $this, 'refuse_invalid_ref' ), 10, 4 );
		add_filter( 'rest_pre_dispatch', array( $this, 'validate_rest_ref' ), 10, 3 );
	}

	/**
	 * Refuses to store an invalid _ccfm_ref or _ccfm_message_text
	 * (add_post_meta, update_post_meta and everything built on them): the
	 * stored value stays as it was.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed  $check    Null to go on, anything else short-circuits.
	 * @param int    $post_id  Post ID.
	 * @param string $meta_key Meta key.
	 * @param mixed  $value    Value, already through the sanitize callback.
	 * @return mixed False to refuse, else $check.
	 */
	public function refuse_invalid_ref( $check, $post_id, $meta_key, $value ) {
		unset( $post_id );
		if ( null !== $check || ! isset( self::TEXT_META[ $meta_key ] ) ) {
			return $check;
		}
		return is_wp_error( Validator::validate_field( self::TEXT_META[ $meta_key ], $value ) ) ? false : $check;
	}

	/**
	 * Answers 400 naming the meta key (meta._ccfm_ref, meta._ccfm_message_text)
	 * to a REST write of an invalid value, before the post or any meta is
	 * changed. Users who may not edit posts fall through to core's
	 * permission checks.
	 *
	 * @since 1.0.0
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
		if ( ! is_array( $meta ) ) {
			return $result;
		}
		foreach ( self::TEXT_META as $key => $field ) {
			if ( ! array_key_exists( $key, $meta ) || null === $meta[ $key ] ) {
				continue;
			}
			$valid = Validator::validate_field( $field, $meta[ $key ] );
			if ( ! is_wp_error( $valid ) ) {
				continue;
			}
			/* translators: 1: the field, e.g. meta._ccfm_ref, 2: what it accepts. */
			$message = sprintf( __( '%1$s: %2$s', 'customer-chat-for-messenger' ), 'meta.' . $key, (string) preg_replace( '/^' . $field . ': /', '', $valid->get_error_message() ) );
			return new \WP_Error(
				'rest_invalid_param',
				$message,
				array(
					'status' => 400,
					'params' => array( 'meta' => $message ),
				)
			);
		}
		return $result;
	}

	/**
	 * Registers the per-post meta edited in the editor's sidebar panel.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_meta() {
		// Once per request (the editor's preloading fires rest_api_init in wp-admin too).
		if ( registered_meta_key_exists( 'post', self::META_VISIBILITY ) && has_filter( 'auth_post_meta_' . self::META_VISIBILITY ) ) {
			return;
		}
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
						'enum' => self::VISIBILITY_VALUES,
					),
				),
				'sanitize_callback' => static function ( $value ) {
					return in_array( $value, self::VISIBILITY_VALUES, true ) ? $value : '';
				},
				'auth_callback'     => $auth,
			)
		);
		$descriptions = array(
			self::META_REF          => __( 'The Messenger ref for conversations started on this post.', 'customer-chat-for-messenger' ),
			self::META_MESSAGE_TEXT => __( 'The pre-filled Messenger message on this post (variables {title}, {url}, {site}).', 'customer-chat-for-messenger' ),
		);
		foreach ( self::TEXT_META as $key => $field ) {
			register_post_meta(
				'',
				$key,
				array(
					'type'              => 'string',
					'description'       => $descriptions[ $key ],
					'single'            => true,
					'default'           => '',
					'show_in_rest'      => array(
						// The setting's own rule, from the settings schema.
						'schema' => array_intersect_key( Schema::property( $field ), array_flip( array( 'type', 'pattern', 'maxLength' ) ) ) + array( 'type' => 'string' ),
					),
					// An invalid value passes through unchanged, to be refused by refuse_invalid_ref().
					'sanitize_callback' => static function ( $value ) use ( $field ) {
						$clean = Validator::validate_field( $field, $value );
						return is_wp_error( $clean ) ? $value : $clean;
					},
					'auth_callback'     => $auth,
				)
			);
		}
	}
}
