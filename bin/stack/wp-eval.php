<?php
/**
 * Runs PHP code inside the local WordPress (a tiny stand-in for `wp eval`,
 * since WP-CLI is not in the registry copy). Development and tests only.
 *
 * Usage: php bin/stack/wp-eval.php '<php code>'
 *
 * @package CustomerChatForMessenger
 */

// CCFM_WP_TESTS=multisite: the multisite test network (bin/stack/network.sh), on the site port + 100.
$_SERVER['HTTP_HOST']   = 'localhost:' . ( (int) ( getenv( 'CCFM_WP_PORT' ) ? getenv( 'CCFM_WP_PORT' ) : 8888 ) + ( 'multisite' === getenv( 'CCFM_WP_TESTS' ) ? 100 : 0 ) );
$_SERVER['REQUEST_URI'] = '/';
require dirname( __DIR__, 2 ) . '/.wp/wordpress/wp-load.php';
eval( $argv[1] ); // phpcs:ignore Squiz.PHP.Eval.Discouraged -- development helper.
