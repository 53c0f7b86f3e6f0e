<?php
/**
 * Router for PHP's built-in server: serves existing files, sends everything
 * else through WordPress so pretty permalinks and /wp-json/ resolve.
 *
 * On a subdirectory multisite network it also maps /<site>/wp-admin/...,
 * /<site>/wp-content/..., /<site>/wp-includes/... and /<site>/<file>.php to
 * the real files, as WordPress's multisite rewrite rules do.
 *
 * @package CustomerChatForMessenger
 */

$ccfm_path = urldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$ccfm_file = __DIR__ . $ccfm_path;
if ( ! file_exists( $ccfm_file ) && preg_match( '#^/[_0-9a-zA-Z-]+(/(?:wp-(?:content|admin|includes)(?:/.*)?|[^/]+\.php))$#', $ccfm_path, $ccfm_match ) && file_exists( __DIR__ . $ccfm_match[1] ) ) {
	$ccfm_file = __DIR__ . $ccfm_match[1];
	if ( is_file( $ccfm_file ) && '.php' !== substr( $ccfm_file, -4 ) ) {
		$ccfm_types = array(
			'css'   => 'text/css',
			'js'    => 'text/javascript',
			'json'  => 'application/json',
			'svg'   => 'image/svg+xml',
			'png'   => 'image/png',
			'gif'   => 'image/gif',
			'jpg'   => 'image/jpeg',
			'woff2' => 'font/woff2',
			'woff'  => 'font/woff',
			'mo'    => 'application/octet-stream',
		);
		$ccfm_ext = strtolower( pathinfo( $ccfm_file, PATHINFO_EXTENSION ) );
		header( 'Content-Type: ' . ( $ccfm_types[ $ccfm_ext ] ?? 'application/octet-stream' ) );
		header( 'Content-Length: ' . filesize( $ccfm_file ) );
		readfile( $ccfm_file );
		return true;
	}
	$_SERVER['SCRIPT_NAME']     = $ccfm_path;
	$_SERVER['SCRIPT_FILENAME'] = $ccfm_file;
	$_SERVER['PHP_SELF']        = $ccfm_path;
}
if ( '/' !== $ccfm_path && is_file( $ccfm_file ) ) {
	if ( $ccfm_file === __DIR__ . $ccfm_path && '.php' !== substr( $ccfm_file, -4 ) ) {
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
