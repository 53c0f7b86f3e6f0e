<?php
/**
 * The plugin's own REST routes, for what is not a setting: the embed code
 * and the diagnostics.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * Routes under ccfm/v1.
 *
 * @since 1.0.0
 */
final class Rest {

	const NAMESPACE_V1 = 'ccfm/v1';

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
	 * Only administrators may use these routes.
	 *
	 * @since 1.0.0
	 *
	 * @return bool|\WP_Error
	 */
	public function can_manage() {
		if ( current_user_can( 'manage_options' ) ) {
			return true;
		}
		return new \WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to do that.', 'customer-chat-for-messenger' ),
			array( 'status' => rest_authorization_required_code() )
		);
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
			self::NAMESPACE_V1,
			'/embed-code',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'embed_code' ),
				'permission_callback' => array( $this, 'can_manage' ),
				'args'                => array(
					'settings' => array(
						'description' => __( 'Settings to build the code for; missing fields use the saved ones.', 'customer-chat-for-messenger' ),
						'type'        => 'object',
						'required'    => true,
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/site-health',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'site_health' ),
				'permission_callback' => array( $this, 'can_manage' ),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/diagnostics',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'diagnostics' ),
				'permission_callback' => array( $this, 'can_manage' ),
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
		$clean = Settings::validate( $request['settings'] );
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
		return rest_ensure_response( ( new Diagnostics() )->site_health_result() );
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
