<?php
/**
 * Registers built assets with the versions and dependencies that
 *
 * @wordpress/scripts wrote into build/*.asset.php.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * Built asset helper.
 *
 * @since 1.0.0
 */
final class Assets {

	/**
	 * Registers build/<name>.js (and build/<name>.css when present) under the
	 * handle ccfm-<name>.
	 *
	 * @since 1.0.0
	 *
	 * @param string   $name      Entry name.
	 * @param string[] $style_dep Style dependencies.
	 * @param bool     $defer     Whether to defer the script in the footer.
	 * @return non-empty-string The handle.
	 */
	public static function register( $name, array $style_dep = array(), $defer = false ) {
		$handle = 'ccfm-' . $name;
		$file   = CCFM_DIR . 'build/' . $name . '.asset.php';
		/**
		 * What wp-scripts writes to build/<name>.asset.php.
		 *
		 * @var array{dependencies: list<non-empty-string>, version: string} $asset
		 */
		$asset = is_readable( $file ) ? require $file : array(
			'dependencies' => array(),
			'version'      => CCFM_VERSION,
		);
		wp_register_script(
			$handle,
			CCFM_URL . 'build/' . $name . '.js',
			$asset['dependencies'],
			$asset['version'],
			$defer ? array(
				'in_footer' => true,
				'strategy'  => 'defer',
			) : true
		);
		if ( is_readable( CCFM_DIR . 'build/' . $name . '.css' ) ) {
			wp_register_style( $handle, CCFM_URL . 'build/' . $name . '.css', $style_dep, $asset['version'] );
		}
		return $handle;
	}
}
