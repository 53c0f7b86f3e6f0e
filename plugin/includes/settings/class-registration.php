<?php
/**
 * Registers the ccfm_settings option with WordPress and /wp/v2/settings, and refuses invalid writes.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * The option's registration.
 *
 * @since 1.0.0
 */
final class Registration {

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		// Only where the option is read or written through WordPress's settings
		// API: /wp/v2/settings and options.php (a page view needs neither).
		add_action( 'rest_api_init', array( $this, 'register_setting' ) );
		add_action( 'admin_init', array( $this, 'register_setting' ) );
		// Every write, wherever it comes from (update_option in any code,
		// WP-CLI, cron), goes through the same check.
		add_filter( 'sanitize_option_' . Settings::OPTION, array( $this, 'sanitize' ) );
		add_filter( 'default_option_' . Settings::OPTION, array( $this, 'default_value' ), 10, 3 );
		add_filter( 'rest_pre_dispatch', array( $this, 'validate_rest_write' ), 10, 3 );
		add_filter( 'rest_pre_get_setting', array( $this, 'rest_value' ), 10, 3 );
	}

	/**
	 * Registers the option with WordPress and the REST API.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_setting() {
		$schema = Schema::schema();
		register_setting(
			'ccfm',
			Settings::OPTION,
			array(
				'type'         => 'object',
				'label'        => __( 'Customer Chat for Messenger', 'customer-chat-for-messenger' ),
				'description'  => __( 'Settings of the Messenger chat.', 'customer-chat-for-messenger' ),
				'default'      => Schema::defaults(),
				// The sanitize_option filter is added in register(), for every write.
				'show_in_rest' => array(
					'name'   => Settings::OPTION,
					// Without its schema file the stored settings are still shown, as they are.
					'schema' => Schema::schema_intact() ? array(
						'type'                 => 'object',
						'additionalProperties' => false,
						'properties'           => $schema['properties'],
					) : array(
						'type'                 => 'object',
						'additionalProperties' => true,
					),
				),
			)
		);
	}

	/**
	 * What get_option() gives while the option is not stored (as
	 * register_setting's default would, also where it is not registered).
	 *
	 * @since 1.0.0
	 *
	 * @param mixed  $default        Default so far.
	 * @param string $option         Option name.
	 * @param bool   $passed_default Whether get_option() was given a default.
	 * @return mixed
	 */
	public function default_value( $default, $option, $passed_default ) {
		unset( $option );
		return $passed_default ? $default : Schema::defaults();
	}

	/**
	 * The sanitize step of register_setting: never lets an invalid value be
	 * stored; fields not given keep their stored value (repaired, see get()).
	 *
	 * A refused value gives back the option exactly as it is stored, so
	 * update_option() finds nothing changed and writes nothing.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed $value Candidate value.
	 * @return mixed
	 */
	public function sanitize( $value ) {
		$clean = Validator::validate( $value );
		if ( is_wp_error( $clean ) ) {
			if ( function_exists( 'add_settings_error' ) ) {
				add_settings_error( Settings::OPTION, (string) $clean->get_error_code(), $clean->get_error_message() );
			}
			return get_option( Settings::OPTION );
		}
		return array_merge( Settings::get(), $clean );
	}

	/**
	 * The settings /wp/v2/settings answers: always the repaired, valid
	 * object of get(), never null for a stored option from another version.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed               $value Value so far (null: read the option).
	 * @param string              $name  Setting name.
	 * @param array<string,mixed> $args  Setting arguments.
	 * @return mixed
	 */
	public function rest_value( $value, $name, $args ) {
		unset( $args );
		return Settings::OPTION === $name && null === $value ? Settings::get() : $value;
	}

	/**
	 * Refuses an invalid /wp/v2/settings write with 400 and a message naming
	 * the field, before WordPress stores anything. Requests from users who may
	 * not manage options fall through to the core permission check.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed            $result  Response so far.
	 * @param \WP_REST_Server  $server  Server.
	 * @param \WP_REST_Request $request Request.
	 * @return mixed
	 */
	public function validate_rest_write( $result, $server, $request ) {
		if ( null !== $result || 'GET' === $request->get_method() || '/wp/v2/settings' !== strtolower( untrailingslashit( $request->get_route() ) ) ) {
			return $result;
		}
		if ( ! current_user_can( 'manage_options' ) ) {
			return $result;
		}
		$params = $request->get_params();
		if ( ! array_key_exists( Settings::OPTION, $params ) ) {
			return $result;
		}
		$clean = Validator::validate( $params[ Settings::OPTION ] );
		if ( ! is_wp_error( $clean ) ) {
			return $result;
		}
		$data = $clean->get_error_data();
		return new \WP_Error(
			'rest_invalid_param',
			$clean->get_error_message(),
			array(
				'status'  => 400,
				'params'  => array( Settings::OPTION => $clean->get_error_message() ),
				'details' => array(
					Settings::OPTION => array(
						'code'    => $clean->get_error_code(),
						'message' => $clean->get_error_message(),
						'data'    => array( 'field' => is_array( $data ) ? $data['field'] : '' ),
					),
				),
			)
		);
	}
}
