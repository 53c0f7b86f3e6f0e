<?php
/**
 * PHPUnit bootstrap: loads the real local WordPress (.wp/wordpress) against
 * the separate test database `wordpress_test`, with the plugin active.
 *
 * The local wp-config.php picks `wordpress_test` when CCFM_WP_TESTS is set.
 * The test database is installed (WordPress + plugin activation) on first use
 * through bin/stack/wp-install.php, so the tests never touch the development site.
 *
 * PHPUnit includes this file from inside a method, so every global that
 * wp-config.php / wp-settings.php create at file scope is declared global
 * here first (as WordPress core's own test bootstrap does).
 *
 * @package CustomerChatForMessenger
 */

// phpcs:disable WordPress.WP.GlobalVariablesOverride.Prohibited -- a test bootstrap sets up the request globals.

// Globals that wp-config.php, wp-settings.php and the files it loads define at
// file scope; without this they would be locals of PHPUnit's loader method.
global $table_prefix, $wpdb, $wp_version, $wp_db_version, $tinymce_version, $required_php_version,
	$required_php_extensions, $required_mysql_version, $wp_local_package, $blog_id,
	$current_site, $current_blog, $wp_rewrite, $wp, $wp_query, $wp_the_query, $wp_roles,
	$wp_locale, $wp_locale_switcher, $wp_embed, $wp_widget_factory, $shortcode_tags, $phpmailer,
	$wp_theme_directories, $wp_filter, $wp_filters, $wp_actions, $wp_current_filter,
	$wp_registered_sidebars, $wp_registered_widgets, $wp_registered_widget_controls,
	$wp_registered_widget_updates, $_wp_sidebars_widgets, $allowedposttags, $allowedtags,
	$allowedentitynames, $allowedxmlentitynames, $locale, $pagenow, $wp_plugin_paths,
	$wp_scripts, $wp_styles, $wp_rest_server;

define( 'CCFM_TESTS_ROOT', dirname( __DIR__, 2 ) );
define( 'CCFM_TESTS_WP_CORE', CCFM_TESTS_ROOT . '/.wp/wordpress' );
// CCFM_WP_TESTS=multisite (phpunit-multisite.xml.dist) runs the multisite
// suite against its own network database, served on the site port + 100.
define( 'CCFM_TESTS_MULTISITE', 'multisite' === getenv( 'CCFM_WP_TESTS' ) );
define( 'CCFM_TESTS_DB', CCFM_TESTS_MULTISITE ? 'wordpress_ms_test' : 'wordpress_test' );
define( 'CCFM_TESTS_PORT', (string) ( (int) ( getenv( 'CCFM_WP_PORT' ) ? getenv( 'CCFM_WP_PORT' ) : 8888 ) + ( CCFM_TESTS_MULTISITE ? 100 : 0 ) ) );
define( 'CCFM_TESTS_SITE_URL', 'http://localhost:' . CCFM_TESTS_PORT );
define( 'CCFM_TESTS_DB_SOCKET', CCFM_TESTS_ROOT . '/.wp/run/mysqld.sock' );
define( 'CCFM_TESTS_PLUGIN', 'customer-chat-for-messenger/customer-chat-for-messenger.php' );

/**
 * Stops the run with a message (the bootstrap cannot fail a test).
 *
 * @param string $message Why.
 */
function ccfm_tests_abort( $message ) {
	fwrite( STDERR, '[ccfm tests] ' . $message . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite
	exit( 1 );
}

// Select the test database in wp-config.php, for this process and children.
putenv( 'CCFM_WP_TESTS=' . ( CCFM_TESTS_MULTISITE ? 'multisite' : '1' ) );
$_ENV['CCFM_WP_TESTS']    = CCFM_TESTS_MULTISITE ? 'multisite' : '1';
$_SERVER['CCFM_WP_TESTS'] = $_ENV['CCFM_WP_TESTS'];

// A front-end request to the local site.
$_SERVER['HTTP_HOST']       = 'localhost:' . CCFM_TESTS_PORT;
$_SERVER['SERVER_NAME']     = 'localhost';
$_SERVER['SERVER_PORT']     = CCFM_TESTS_PORT;
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

require_once CCFM_TESTS_ROOT . '/vendor/autoload.php';
require_once CCFM_TESTS_ROOT . '/vendor/yoast/phpunit-polyfills/phpunitpolyfills-autoload.php';

if ( ! is_readable( CCFM_TESTS_WP_CORE . '/wp-config.php' ) ) {
	ccfm_tests_abort( 'No local WordPress in .wp/wordpress: run `bash bin/stack/start.sh` first.' );
}

/**
 * Whether the test database holds an installed WordPress with the plugin
 * active, asked straight from MariaDB (WordPress is not loaded yet).
 *
 * @return bool
 */
function ccfm_tests_db_ready() {
	mysqli_report( MYSQLI_REPORT_OFF );
	$db = @mysqli_connect( 'localhost', 'wp', 'wp', CCFM_TESTS_DB, 0, CCFM_TESTS_DB_SOCKET ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
	if ( ! $db ) {
		ccfm_tests_abort( 'Cannot reach MariaDB on ' . CCFM_TESTS_DB_SOCKET . ' as wp@' . CCFM_TESTS_DB . ' (' . mysqli_connect_error() . '): run `bash bin/stack/start.sh` first.' );
	}
	$ready  = false;
	$result = @mysqli_query( // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- the table may not exist yet.
		$db,
		CCFM_TESTS_MULTISITE
			? "SELECT meta_value FROM wp_sitemeta WHERE meta_key = 'active_sitewide_plugins'"
			: "SELECT option_value FROM wp_options WHERE option_name = 'active_plugins'"
	);
	if ( $result ) {
		$row   = mysqli_fetch_row( $result );
		$ready = is_array( $row ) && false !== strpos( (string) $row[0], CCFM_TESTS_PLUGIN );
		mysqli_free_result( $result );
	}
	mysqli_close( $db );
	return $ready;
}

if ( CCFM_TESTS_MULTISITE ) {
	// The network: its database, the plugin network-active, its web server.
	exec( 'bash ' . escapeshellarg( CCFM_TESTS_ROOT . '/bin/stack/network.sh' ) . ' 2>&1', $ccfm_output, $ccfm_status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec
	if ( 0 !== $ccfm_status ) {
		ccfm_tests_abort( "Preparing the multisite network failed:\n" . implode( "\n", $ccfm_output ) );
	}
} elseif ( ! ccfm_tests_db_ready() ) {
	foreach ( array( 'install', 'activate' ) as $ccfm_phase ) {
		$ccfm_command = 'CCFM_WP_TESTS=1 ' . escapeshellarg( PHP_BINARY ) . ' ' . escapeshellarg( CCFM_TESTS_ROOT . '/bin/stack/wp-install.php' )
			. ' ' . escapeshellarg( CCFM_TESTS_WP_CORE ) . ' ' . escapeshellarg( CCFM_TESTS_SITE_URL ) . ' ' . $ccfm_phase . ' 2>&1';
		exec( $ccfm_command, $ccfm_output, $ccfm_status ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.system_calls_exec
		if ( 0 !== $ccfm_status ) {
			ccfm_tests_abort( "Preparing the test database failed ($ccfm_phase):\n" . implode( "\n", $ccfm_output ) );
		}
	}
}
if ( ! ccfm_tests_db_ready() ) {
	ccfm_tests_abort( 'The test database is still not installed with the plugin active.' );
}

// Record what PHP reports while WordPress and the plugin load: the tests'
// own error handling only starts with the first test.
$GLOBALS['ccfm_tests_load_errors'] = array();
set_error_handler( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler
	static function ( $errno, $errstr, $errfile, $errline ) {
		if ( error_reporting() & $errno ) {
			$GLOBALS['ccfm_tests_load_errors'][] = "$errstr in $errfile:$errline";
		}
		return false;
	}
);

require_once CCFM_TESTS_WP_CORE . '/wp-load.php';

restore_error_handler();

if ( ! defined( 'DB_NAME' ) || CCFM_TESTS_DB !== DB_NAME || CCFM_TESTS_MULTISITE !== is_multisite() ) {
	ccfm_tests_abort( 'WordPress did not load the test database (DB_NAME is ' . ( defined( 'DB_NAME' ) ? DB_NAME : 'undefined' ) . '); refusing to run against it.' );
}
// Problems raised while the plugin loaded stop the run; others are shown.
$ccfm_load_errors = array( array(), array() );
foreach ( $GLOBALS['ccfm_tests_load_errors'] as $ccfm_error ) {
	$ccfm_load_errors[ false !== strpos( $ccfm_error, CCFM_TESTS_ROOT . '/plugin/' ) ? 0 : 1 ][] = $ccfm_error;
}
if ( $ccfm_load_errors[1] ) {
	fwrite( STDERR, "[ccfm tests] PHP reported while WordPress loaded:\n" . implode( "\n", $ccfm_load_errors[1] ) . "\n" ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fwrite
}
if ( $ccfm_load_errors[0] ) {
	ccfm_tests_abort( "PHP reported problems while the plugin loaded:\n" . implode( "\n", $ccfm_load_errors[0] ) );
}

require_once ABSPATH . 'wp-admin/includes/plugin.php';
if ( ! ( CCFM_TESTS_MULTISITE ? is_plugin_active_for_network( CCFM_TESTS_PLUGIN ) : is_plugin_active( CCFM_TESTS_PLUGIN ) ) || ! class_exists( 'CCFM\Plugin' ) || ! defined( 'CCFM_DIR' ) ) {
	ccfm_tests_abort( 'The plugin is not active in the test database.' );
}

require_once __DIR__ . '/TestCase.php';
