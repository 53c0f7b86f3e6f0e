<?php
/**
 * The multisite suite's web server: PHP's built-in server on the network's
 * port (the site port + 100), with the environment that makes wp-config.php
 * load the network database. Started for the run when nothing answers on the
 * port, and stopped when the run ends.
 *
 * @package CustomerChatForMessenger
 */

// phpcs:disable WordPress.WP.AlternativeFunctions -- a test harness talks to a local process and socket.

/**
 * Whether something answers on the network's port.
 *
 * @return bool
 */
function ccfm_tests_network_port_open() {
	$socket = @fsockopen( '127.0.0.1', (int) CCFM_TESTS_PORT, $errno, $errstr, 0.2 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
	if ( ! $socket ) {
		return false;
	}
	fclose( $socket );
	return true;
}

if ( ! ccfm_tests_network_port_open() ) {
	$ccfm_server = proc_open( // phpcs:ignore Generic.PHP.ForbiddenFunctions.Found
		array( PHP_BINARY, '-S', 'localhost:' . CCFM_TESTS_PORT, '-d', 'realpath_cache_size=0', 'router.php' ),
		array(
			0 => array( 'file', '/dev/null', 'r' ),
			1 => array( 'file', CCFM_TESTS_ROOT . '/.wp/logs/php-server-multisite.log', 'a' ),
			2 => array( 'file', CCFM_TESTS_ROOT . '/.wp/logs/php-server-multisite.log', 'a' ),
		),
		$ccfm_pipes,
		CCFM_TESTS_WP_CORE,
		array_merge(
			getenv(),
			array(
				'CCFM_WP_TESTS'           => 'multisite',
				'PHP_CLI_SERVER_WORKERS'  => '2',
			)
		)
	);
	if ( ! is_resource( $ccfm_server ) ) {
		ccfm_tests_abort( 'Could not start the multisite web server on port ' . CCFM_TESTS_PORT . '.' );
	}
	for ( $ccfm_try = 0; $ccfm_try < 100 && ! ccfm_tests_network_port_open(); $ccfm_try++ ) {
		usleep( 100000 );
	}
	if ( ! ccfm_tests_network_port_open() ) {
		ccfm_tests_abort( 'The multisite web server did not answer on port ' . CCFM_TESTS_PORT . '.' );
	}
	register_shutdown_function(
		static function () use ( $ccfm_server ) {
			proc_terminate( $ccfm_server );
			proc_close( $ccfm_server );
		}
	);
}
