<?php
/**
 * Router for PHP's built-in server: serves existing files, sends everything
 * else through WordPress so pretty permalinks and /wp-json/ resolve.
 *
 * @package CustomerChatForMessenger
 */

$ccfm_path = urldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$ccfm_file = __DIR__ . $ccfm_path;
if ( '/' !== $ccfm_path && is_file( $ccfm_file ) ) {
	if ( '.php' !== substr( $ccfm_file, -4 ) ) {
		return false;
	}
	chdir( dirname( $ccfm_file ) );
	require $ccfm_file;
	return;
}
if ( is_dir( $ccfm_file ) && is_file( rtrim( $ccfm_file, '/' ) . '/index.php' ) ) {
	chdir( rtrim( $ccfm_file, '/' ) );
	require rtrim( $ccfm_file, '/' ) . '/index.php';
	return;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
require __DIR__ . '/index.php';
