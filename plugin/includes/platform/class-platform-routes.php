<?php
/**
 * GET and POST /ccfm/v1/platform: the connection's state and its secrets.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

use CCFM\Response_Schemas;
use CCFM\Rest_Access;
use CCFM\Validation;

defined( 'ABSPATH' ) || exit;

/**
 * The platform route.
 *
 * @since 1.0.0
 */
final class Platform_Routes {

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Validates a request argument against its schema, then our rule, with a
	 * message that says what is expected.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed            $value   Value.
	 * @param \WP_REST_Request $request Request.
	 * @param string           $param   Argument name.
	 * @return true|\WP_Error
	 */
	public static function validate_arg( $value, $request, $param ) {
		$attributes = $request->get_attributes();
		$args       = isset( $attributes['args'] ) && is_array( $attributes['args'] ) ? $attributes['args'] : array();
		$schema     = isset( $args[ $param ] ) && is_array( $args[ $param ] ) ? $args[ $param ] : array();
		$number     = Validation::decimal( $value );
		$valid      = Validation::check( null === $number ? $value : $number, $schema, $param );
		if ( in_array( $param, Secrets::SECRETS, true ) ) {
			return is_wp_error( $valid ) ? new \WP_Error( 'rest_invalid_param', Secrets::message( $param ), array( 'status' => 400 ) ) : Secrets::validate_secret( $param, $value );
		}
		if ( is_wp_error( $valid ) ) {
			$key = 'get_started_payload' === $param ? 'payload' : $param;
			return new \WP_Error( 'rest_invalid_param', Secrets::message( $key ), array( 'status' => 400 ) );
		}
		return true;
	}

	/**
	 * Registers the routes.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_routes() {
		$permission = array( Rest_Access::class, 'can_manage' );
		$validate   = array( self::class, 'validate_arg' );
		$secret_arg = static function ( $description ) use ( $validate ) {
			return array(
				'description'       => $description,
				'type'              => 'string',
				'maxLength'         => 1024,
				'validate_callback' => $validate,
			);
		};
		register_rest_route(
			Rest_Access::NAMESPACE_V1,
			'/platform',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'rest_get' ),
					'permission_callback' => $permission,
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'rest_update' ),
					'permission_callback' => $permission,
					'args'                => array(
						'page_access_token' => $secret_arg( __( 'New Page access token; empty or missing keeps the saved one.', 'customer-chat-for-messenger' ) ),
						'app_secret'        => $secret_arg( __( 'New App Secret; empty or missing keeps the saved one.', 'customer-chat-for-messenger' ) ),
						'verify_token'      => $secret_arg( __( 'New webhook verify token; empty or missing keeps the saved one.', 'customer-chat-for-messenger' ) ),
						'clear'             => array(
							'description'       => __( 'Secrets to remove.', 'customer-chat-for-messenger' ),
							'type'              => 'array',
							'items'             => array(
								'type' => 'string',
								'enum' => Secrets::SECRETS,
							),
							'uniqueItems'       => true,
							'validate_callback' => $validate,
						),
						'retention_days'    => array(
							'description'       => __( 'Days conversation records are kept.', 'customer-chat-for-messenger' ),
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 3650,
							'validate_callback' => $validate,
						),
					),
				),
				'schema' => Response_Schemas::callback( 'platform' ),
			)
		);
	}

	/**
	 * GET /platform.
	 *
	 * @since 1.0.0
	 *
	 * @return \WP_REST_Response
	 */
	public function rest_get() {
		return rest_ensure_response( Secrets::public_state() );
	}

	/**
	 * POST /platform: sets, replaces or clears secrets, all or nothing.
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function rest_update( $request ) {
		$value = Secrets::get();
		$clear = is_array( $request['clear'] ) ? $request['clear'] : array();
		foreach ( Secrets::SECRETS as $key ) {
			$new = $request[ $key ];
			if ( is_string( $new ) && '' !== $new ) {
				if ( in_array( $key, $clear, true ) ) {
					return new \WP_Error(
						'rest_invalid_param',
						/* translators: %s: field name. */
						sprintf( __( '%s cannot be set and cleared in the same request.', 'customer-chat-for-messenger' ), $key ),
						array(
							'status' => 400,
							'params' => array( $key => __( 'Set and cleared at once.', 'customer-chat-for-messenger' ) ),
						)
					);
				}
				$value[ $key ] = $new;
			}
		}
		foreach ( $clear as $key ) {
			if ( in_array( $key, Secrets::SECRETS, true ) ) {
				$value[ $key ] = '';
			}
		}
		$retention = $request['retention_days'];
		if ( is_numeric( $retention ) ) {
			$value['retention_days'] = (int) $retention;
		}
		$value[ Secrets::SENDER_SECRET ] = Secrets::sender_secret();
		update_option( Secrets::OPTION, $value, false );
		return rest_ensure_response( Secrets::public_state() );
	}
}
