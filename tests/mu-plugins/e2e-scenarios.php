<?php
/**
 * Test-only mu-plugin (installed by the test command, never shipped): lets a
 * browser test switch on server behaviour the plugin must cope with, through
 * the `e2e_scenario` option:
 * - referrer_policy: send this Referrer-Policy header;
 * - csp: send this Content-Security-Policy header;
 * - other_sdk: print another plugin's plain sdk.js include;
 * - set_cookie: set a cookie on every response (as some plugins do);
 * - consent_api: a stand-in of the WP Consent API (wp_has_consent() in PHP,
 *   window.wp_has_consent / wp_set_consent and the
 *   wp_listen_for_consent_change event in JS, cookie-based like the real one).
 *
 * @package CustomerChatForMessenger
 */

defined( 'ABSPATH' ) || exit;

/**
 * The active scenario.
 *
 * @return array<string,string>
 */
function e2e_scenario() {
	$scenario = get_option( 'e2e_scenario', array() );
	return is_array( $scenario ) ? $scenario : array();
}

add_action(
	'rest_api_init',
	function () {
		register_rest_route(
			'e2e/v1',
			'/scenario',
			array(
				'methods'             => 'POST',
				'permission_callback' => function () {
					return current_user_can( 'manage_options' );
				},
				'callback'            => function ( WP_REST_Request $request ) {
					update_option( 'e2e_scenario', (array) $request->get_json_params() );
					return array( 'ok' => true );
				},
			)
		);
	}
);

add_action(
	'init',
	function () {
		if ( ! empty( e2e_scenario()['set_cookie'] ) && ! headers_sent() ) {
			setcookie( 'e2e_probe', '1', 0, '/' );
		}
	}
);

add_action(
	'send_headers',
	function () {
		$scenario = e2e_scenario();
		if ( ! empty( $scenario['referrer_policy'] ) ) {
			header( 'Referrer-Policy: ' . $scenario['referrer_policy'] );
		}
		if ( ! empty( $scenario['csp'] ) ) {
			header( 'Content-Security-Policy: ' . $scenario['csp'] );
		}
	}
);

add_action(
	'wp_head',
	function () {
		$scenario = e2e_scenario();
		if ( ! empty( $scenario['other_sdk'] ) ) {
			echo '<script async src="https://connect.facebook.net/en_US/sdk.js"></script>' . "\n";
		}
		if ( ! empty( $scenario['consent_api'] ) ) {
			echo "<script>window.wp_has_consent=function(c){return document.cookie.indexOf('wp_consent_'+c+'=allow')>-1};window.wp_set_consent=function(c,v){document.cookie='wp_consent_'+c+'='+v+';path=/';var d={};d[c]=v;document.dispatchEvent(new CustomEvent('wp_listen_for_consent_change',{detail:d}))};</script>\n";
		}
	},
	1
);

if ( ! empty( e2e_scenario()['consent_api'] ) && ! function_exists( 'wp_has_consent' ) ) {
	/**
	 * Stand-in of the WP Consent API's PHP function.
	 *
	 * @param string $category Consent category.
	 * @return bool
	 */
	function wp_has_consent( $category ) {
		return isset( $_COOKIE[ 'wp_consent_' . $category ] ) && 'allow' === $_COOKIE[ 'wp_consent_' . $category ];
	}
}
