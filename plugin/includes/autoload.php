<?php
/**
 * Class autoloader: CCFM\Foo_Bar lives in includes/class-foo-bar.php.
 *
 * @package CustomerChatForMessenger
 */

defined( 'ABSPATH' ) || exit;

spl_autoload_register(
	static function ( $class_name ) {
		if ( 0 !== strpos( $class_name, 'CCFM\\' ) ) {
			return;
		}
		$file = CCFM_DIR . 'includes/class-' . strtolower( str_replace( '_', '-', substr( $class_name, 5 ) ) ) . '.php';
		if ( is_readable( $file ) ) {
			require_once $file;
		}
	}
);
