<?php
/**
 * GET /ccfm/v1/settings-state: what reading the stored settings repaired.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Settings;

use CCFM\Data_Files;
use CCFM\Response_Schemas;
use CCFM\Rest_Access;

defined( 'ABSPATH' ) || exit;

/**
 * The settings-state route.
 *
 * @since 1.0.0
 */
final class State_Route {

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
	 * The settings route's answer to GET /ccfm/v1/settings-state: what
	 * reading the stored option repaired, and the damaged data files.
	 *
	 * @since 1.0.0
	 *
	 * @return \WP_REST_Response
	 */
	public function rest_state() {
		$repairs = Settings::repairs();
		return rest_ensure_response(
			array(
				'reset'      => $repairs['reset'],
				'dropped'    => $repairs['dropped'],
				'data_files' => Data_Files::report(),
			)
		);
	}

	/**
	 * Registers GET /ccfm/v1/settings-state (administrators).
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_routes() {
		register_rest_route(
			Rest_Access::NAMESPACE_V1,
			'/settings-state',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'rest_state' ),
					'permission_callback' => array( Rest_Access::class, 'can_manage' ),
				),
				'schema' => Response_Schemas::callback( 'settings-state' ),
			)
		);
	}
}
