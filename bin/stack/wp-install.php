<?php
/**
 * Installs WordPress (if needed) and activates the plugin. Idempotent.
 *
 * Usage: php bin/stack/wp-install.php <wordpress-dir> <site-url> [phase]
 *
 * Phases: "install" (WordPress's tables), "activate" (the plugin on the
 * site). For the multisite test network (CCFM_WP_TESTS=multisite) the order
 * is "install" and "network", both with CCFM_WP_NETWORK_SETUP=1 (the
 * database still loads as a single site), then "activate" without it, which
 * network-activates the plugin.
 *
 * @package CustomerChatForMessenger
 */

list( , $ccfm_core, $ccfm_url ) = $argv;
$ccfm_phase = $argv[3] ?? 'install';
$ccfm_host  = (string) parse_url( $ccfm_url, PHP_URL_HOST ) . ':' . (string) parse_url( $ccfm_url, PHP_URL_PORT );
$_SERVER['HTTP_HOST']   = $ccfm_host;
$_SERVER['REQUEST_URI'] = '/';
// Phases "install" and "network" run with WP_INSTALLING (plugins not
// loaded); phase "activate" runs as a normal request so the plugin's
// activation hook works.
define( 'WP_INSTALLING', 'activate' !== $ccfm_phase );
require $ccfm_core . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$ccfm_network = 'multisite' === getenv( 'CCFM_WP_TESTS' );

if ( ! is_blog_installed() ) {
	fwrite( STDERR, "[ccfm] Installing WordPress\n" );
	wp_install( 'Customer Chat for Messenger (local)', 'admin', 'admin@example.com', true, '', 'password' );
	if ( $ccfm_network ) {
		update_option( 'siteurl', $ccfm_url );
		update_option( 'home', $ccfm_url );
	}
	update_option( 'permalink_structure', '/%postname%/' );
	update_option( 'blogdescription', '' );
	flush_rewrite_rules( false );
}
if ( 'install' === $ccfm_phase ) {
	exit( 0 );
}
if ( 'network' === $ccfm_phase ) {
	global $wpdb;
	if ( ! $ccfm_network || is_multisite() ) {
		fwrite( STDERR, "[ccfm] The network phase runs with CCFM_WP_TESTS=multisite and CCFM_WP_NETWORK_SETUP=1\n" );
		exit( 1 );
	}
	// A single site does not name the network tables: name them, as the
	// network setup does, then create them once.
	foreach ( $wpdb->tables( 'ms_global' ) as $ccfm_table => $ccfm_prefixed ) {
		$wpdb->$ccfm_table = $ccfm_prefixed;
	}
	if ( $wpdb->site !== $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->site ) ) ) {
		fwrite( STDERR, "[ccfm] Creating the multisite network\n" );
		require_once ABSPATH . 'wp-admin/includes/network.php';
		install_network();
		$ccfm_result = populate_network( 1, $ccfm_host, 'admin@example.com', 'Customer Chat for Messenger (network)', '/', false );
		if ( is_wp_error( $ccfm_result ) ) {
			fwrite( STDERR, '[ccfm] Could not create the network: ' . $ccfm_result->get_error_message() . "\n" );
			exit( 1 );
		}
	}
	exit( 0 );
}
$ccfm_plugin = 'customer-chat-for-messenger/customer-chat-for-messenger.php';
if ( is_multisite() ? ! is_plugin_active_for_network( $ccfm_plugin ) : ! is_plugin_active( $ccfm_plugin ) ) {
	$ccfm_result = activate_plugin( $ccfm_plugin, '', is_multisite() );
	if ( is_wp_error( $ccfm_result ) ) {
		fwrite( STDERR, '[ccfm] Could not activate the plugin: ' . $ccfm_result->get_error_message() . "\n" );
		exit( 1 );
	}
	fwrite( STDERR, is_multisite() ? "[ccfm] Plugin network-activated\n" : "[ccfm] Plugin activated\n" );
}
