<?php
/**
 * The admin's routes: the embed code and the diagnostics (and the Site Health result).
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Admin;

use CCFM\Chat\Locale;
use CCFM\Chat\Renderer;
use CCFM\Response_Schemas;
use CCFM\Rest_Access;
use CCFM\Settings\Settings;
use CCFM\Settings\Validator;

defined( 'ABSPATH' ) || exit;

/**
 * Admin routes under ccfm/v1.
 *
 * @since 1.0.0
 */
final class Admin_Routes {

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
	 * Registers the routes.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_routes() {
		register_rest_route(
			Rest_Access::NAMESPACE_V1,
			'/embed-code',
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'embed_code' ),
					'permission_callback' => array( Rest_Access::class, 'can_manage' ),
					'args'                => array(
						'settings' => array(
							'description' => __( 'Settings to build the code for; missing fields use the saved ones.', 'customer-chat-for-messenger' ),
							'type'        => 'object',
							'required'    => true,
						),
					),
				),
				'schema' => Response_Schemas::callback( 'embed-code' ),
			)
		);
		register_rest_route(
			Rest_Access::NAMESPACE_V1,
			'/site-health',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'site_health' ),
					'permission_callback' => array( Rest_Access::class, 'can_manage' ),
				),
				'schema' => Response_Schemas::callback( 'site-health' ),
			)
		);
		register_rest_route(
			Rest_Access::NAMESPACE_V1,
			'/diagnostics',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'diagnostics' ),
					'permission_callback' => array( Rest_Access::class, 'can_manage' ),
				),
				'schema' => Response_Schemas::callback( 'diagnostics' ),
			)
		);
	}

	/**
	 * The embed code for (unsaved) settings.
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function embed_code( $request ) {
		$clean = Validator::validate( $request['settings'] );
		if ( is_wp_error( $clean ) ) {
			return new \WP_Error( 'rest_invalid_param', $clean->get_error_message(), array( 'status' => 400 ) );
		}
		$saved    = Settings::get();
		$settings = Settings::conform( array_merge( $saved, $clean ), $saved );
		return rest_ensure_response( array( 'code' => Renderer::embed_code( $settings, Locale::resolve( $settings['locale'] ) ) ) );
	}

	/**
	 * The Site Health test's result (the Site Health screen fetches it).
	 *
	 * @since 1.0.0
	 *
	 * @return \WP_REST_Response
	 */
	public function site_health() {
		return rest_ensure_response( Site_Health::site_health_result() );
	}

	/**
	 * The diagnostics checks.
	 *
	 * @since 1.0.0
	 *
	 * @return \WP_REST_Response
	 */
	public function diagnostics() {
		return rest_ensure_response( array( 'checks' => Diagnostics::run() ) );
	}
}
