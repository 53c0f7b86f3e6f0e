<?php
/**
 * What older WordPress versions the plugin supports lack for its scripts:
 * the `react-jsx-runtime` script (core has it from WordPress 6.6), which the
 * admin, editor and block scripts depend on. Registered only where core has
 * none, from assets/js/react-jsx-runtime.js.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * Script handles older WordPress versions lack.
 *
 * @since 1.0.0
 */
final class Script_Compat {

	/**
	 * The handle the built scripts depend on.
	 *
	 * @since 1.0.0
	 */
	const JSX_RUNTIME = 'react-jsx-runtime';

	/**
	 * Adds the hooks: on every new script registry, after core's own (a
	 * registry made before the plugin loaded is filled in on init).
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'wp_default_scripts', array( $this, 'add_to' ), 20 );
		add_action( 'init', array( $this, 'register_scripts' ), 0 );
	}

	/**
	 * Adds the JSX runtime to a script registry that does not have it.
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_Scripts $scripts The registry.
	 * @return void
	 */
	public function add_to( $scripts ) {
		if ( ! isset( $scripts->registered[ self::JSX_RUNTIME ] ) ) {
			$scripts->add( self::JSX_RUNTIME, CCFM_URL . 'assets/js/react-jsx-runtime.js', array( 'react' ), CCFM_VERSION );
		}
	}

	/**
	 * Registers the JSX runtime in the current registry when core does not.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_scripts() {
		$this->add_to( wp_scripts() );
	}
}
