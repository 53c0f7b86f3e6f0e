<?php
/**
 * Runs PHP code inside the local WordPress (a tiny stand-in for `wp eval`,
 * since WP-CLI is not in the registry copy). Development and tests only.
 *
 * Usage: php bin/wp-eval.php '<php code>'
 *
 * @package CustomerChatForMessenger
 */

$_SERVER['HTTP_HOST']   = 'localhost:' . ( getenv( 'CCFM_WP_PORT' ) ? getenv( 'CCFM_WP_PORT' ) : '8888' );
$_SERVER['REQUEST_URI'] = '/';
require dirname( __DIR__ ) . '/.wp/wordpress/wp-load.php';
eval( $argv[1] ); // phpcs:ignore Squiz.PHP.Eval.Discouraged -- development helper.
