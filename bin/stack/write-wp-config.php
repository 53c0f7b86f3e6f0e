<?php
/**
 * Writes the local site's wp-config.php (development and test stack only).
 *
 * Usage: php bin/stack/write-wp-config.php <path> <db-port> <site-url>
 *
 * @package CustomerChatForMessenger
 */

list( , $ccfm_target, $ccfm_port, $ccfm_url ) = $argv;
$ccfm_root = dirname( __DIR__, 2 );
$ccfm_sock = $ccfm_root . '/.wp/run/mysqld.sock';
$ccfm_log  = $ccfm_root . '/.wp/logs/debug.log';
$ccfm_salt = '';
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $ccfm_key ) {
	$ccfm_salt .= sprintf( "define( '%s', '%s' );\n", $ccfm_key, bin2hex( random_bytes( 32 ) ) );
}
$ccfm_ms_log = $ccfm_root . '/.wp/logs/debug-multisite.log';
$ccfm_config = <<<PHP
<?php
// CCFM_LOCAL_CONFIG v2: written by bin/stack/write-wp-config.php for the local stack.
// PHP tests set CCFM_WP_TESTS=1 to use a separate database, and
// CCFM_WP_TESTS=multisite for a separate multisite network (subdirectories);
// CCFM_WP_NETWORK_SETUP=1 loads that database as a single site while the
// network is being created.
\$ccfm_tests     = (string) getenv( 'CCFM_WP_TESTS' );
\$ccfm_multisite = 'multisite' === \$ccfm_tests;
define( 'DB_NAME', \$ccfm_multisite ? 'wordpress_ms_test' : ( '' !== \$ccfm_tests ? 'wordpress_test' : 'wordpress' ) );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', 'wp' );
define( 'DB_HOST', 'localhost:$ccfm_sock' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
$ccfm_salt
\$table_prefix = 'wp_';
if ( \$ccfm_multisite ) {
	// Every site has its own home and siteurl options; the network is found
	// from the request's host (localhost:<port>), so no DOMAIN_CURRENT_SITE.
	define( 'WP_ALLOW_MULTISITE', true );
	if ( ! getenv( 'CCFM_WP_NETWORK_SETUP' ) ) {
		define( 'MULTISITE', true );
		define( 'SUBDOMAIN_INSTALL', false );
	}
	define( 'WP_DEBUG_LOG', '$ccfm_ms_log' );
} else {
	define( 'WP_HOME', '$ccfm_url' );
	define( 'WP_SITEURL', '$ccfm_url' );
	define( 'WP_DEBUG_LOG', '$ccfm_log' );
}
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'SCRIPT_DEBUG', false );
define( 'WP_ENVIRONMENT_TYPE', 'local' );
// Offline machine: never wait on the internet.
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'DISABLE_WP_CRON', true );
define( 'FS_METHOD', 'direct' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP;
file_put_contents( $ccfm_target, $ccfm_config );
