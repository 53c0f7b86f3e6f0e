<?php
/**
 * Class autoloader. The namespace below CCFM names the folder, the class the
 * file: CCFM\Foo_Bar lives in includes/class-foo-bar.php, CCFM\Chat\Foo_Bar
 * in includes/chat/class-foo-bar.php.
 *
 * @package CustomerChatForMessenger
 */

defined( 'ABSPATH' ) || exit;

spl_autoload_register(
	static function ( $class_name ) {
		if ( 0 !== strpos( $class_name, 'CCFM\\' ) ) {
			return;
		}
		$parts = explode( '\\', strtolower( str_replace( '_', '-', substr( $class_name, 5 ) ) ) );
		$name  = array_pop( $parts );
		$file  = CCFM_DIR . 'includes/' . ( array() === $parts ? '' : implode( '/', $parts ) . '/' ) . 'class-' . $name . '.php';
		if ( is_readable( $file ) ) {
			require_once $file;
		}
	}
);
