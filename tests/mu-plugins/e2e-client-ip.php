<?php
/**
 * Test-only mu-plugin (linked by the test command, never shipped): puts the
 * site "behind a reverse proxy" for a browser test, so that test can send
 * beacons from many distinct client IP addresses. With the `e2e_scenario`
 * option's `client_ip_header` set (e.g. HTTP_X_E2E_CLIENT_IP), the click
 * beacon takes the client's address from that header through the plugin's
 * documented filter ccfm_client_ip_header; without it, nothing changes.
 *
 * @package CustomerChatForMessenger
 */

defined( 'ABSPATH' ) || exit;

add_filter(
	'ccfm_client_ip_header',
	static function ( $header ) {
		$scenario = get_option( 'e2e_scenario', array() );
		return is_array( $scenario ) && isset( $scenario['client_ip_header'] ) && is_string( $scenario['client_ip_header'] ) ? $scenario['client_ip_header'] : $header;
	}
);
