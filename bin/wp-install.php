<?php
/**
 * Installs WordPress (if needed) and activates the plugin. Idempotent.
 *
 * Usage: php bin/wp-install.php <wordpress-dir> <site-url>
 *
 * @package CustomerChatForMessenger
 */

list( , $ccfm_core, $ccfm_url ) = $argv;
$ccfm_phase = $argv[3] ?? 'install';
$_SERVER['HTTP_HOST']   = (string) parse_url( $ccfm_url, PHP_URL_HOST ) . ':' . (string) parse_url( $ccfm_url, PHP_URL_PORT );
$_SERVER['REQUEST_URI'] = '/';
// Phase "install" runs with WP_INSTALLING (plugins not loaded); phase
// "activate" runs as a normal request so the plugin's activation hook works.
define( 'WP_INSTALLING', 'install' === $ccfm_phase );
require $ccfm_core . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ( ! is_blog_installed() ) {
	fwrite( STDERR, "[ccfm] Installing WordPress\n" );
	wp_install( 'Customer Chat for Messenger (local)', 'admin', 'admin@example.com', true, '', 'password' );
	update_option( 'permalink_structure', '/%postname%/' );
	update_option( 'blogdescription', '' );
	flush_rewrite_rules( false );
}
if ( 'install' === $ccfm_phase ) {
	exit( 0 );
}
$ccfm_plugin = 'customer-chat-for-messenger/customer-chat-for-messenger.php';
if ( ! is_plugin_active( $ccfm_plugin ) ) {
	$ccfm_result = activate_plugin( $ccfm_plugin );
	if ( is_wp_error( $ccfm_result ) ) {
		fwrite( STDERR, '[ccfm] Could not activate the plugin: ' . $ccfm_result->get_error_message() . "\n" );
		exit( 1 );
	}
	fwrite( STDERR, "[ccfm] Plugin activated\n" );
}
