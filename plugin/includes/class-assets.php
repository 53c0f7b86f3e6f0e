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
	 * The front end's style parts under assets/css/, inlined with the bubble
	 * as the page needs them.
	 */
	const FRONT_STYLES = array( 'bubble', 'left', 'greeting', 'devices' );

	/**
	 * The flags of every JSON the plugin prints inside a script element: no
	 * "<", ">", "&", "'" or '"' left as such, so no value (a site name of
	 * "<!--<script>" or "</script>") can end or change the element.
	 */
	const INLINE_JSON_FLAGS = JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE;

	/**
	 * A value as JSON for an inline script (INLINE_JSON_FLAGS); 'null' when
	 * it cannot be encoded.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed $value Value.
	 * @return string
	 */
	public static function inline_json( $value ) {
		$json = wp_json_encode( $value, self::INLINE_JSON_FLAGS );
		return is_string( $json ) ? $json : 'null';
	}

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
		$asset  = self::asset( $name );
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
		if ( 'front' === $name ) {
			// ccfm-front: the button's style (block and shortcode); the admin preview adds the bubble's and the greeting's.
			foreach ( self::FRONT_STYLES as $part ) {
				wp_register_style( 'ccfm-' . $part, CCFM_URL . 'assets/css/' . $part . '.css', array(), CCFM_VERSION );
			}
			wp_register_style( 'ccfm-front', CCFM_URL . 'assets/css/button.css', array(), CCFM_VERSION );
		}
		return $handle;
	}

	/**
	 * The URL of build/<name>.js with its version, for a script the front
	 * end adds itself (on intent).
	 *
	 * @since 1.0.0
	 *
	 * @param string $name Entry name.
	 * @return string
	 */
	public static function url( $name ) {
		return add_query_arg( 'ver', substr( self::asset( $name )['version'], 0, 8 ), wp_make_link_relative( CCFM_URL ) . 'build/' . $name . '.js' );
	}

	/**
	 * What bin/gen-inline.js wrote to build/inline.php at build time (the
	 * minified style parts as css/<part>, the inline scripts by path), read
	 * once through opcache; false when that file is missing.
	 *
	 * @var array<string,string>|false|null
	 */
	private static $inline = null;

	/**
	 * The build-time copies of what a page prints inline (see $inline).
	 *
	 * @since 1.0.0
	 *
	 * @return array<string,string>
	 */
	public static function generated_inline() {
		if ( null === self::$inline ) {
			$file = CCFM_DIR . 'build/inline.php';
			$data = is_readable( $file ) ? include $file : false;
			if ( is_array( $data ) ) {
				$strings = array();
				foreach ( $data as $key => $value ) {
					if ( is_string( $value ) ) {
						$strings[ (string) $key ] = $value;
					}
				}
				self::$inline = $strings;
			} else {
				self::$inline = false;
			}
		}
		return false === self::$inline ? array() : self::$inline;
	}

	/**
	 * Forgets build/inline.php as read (tests take build files away).
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function flush() {
		self::$inline = null;
	}

	/**
	 * The contents of a file of the plugin's own (e.g. "build/boot-link.js"),
	 * from build/inline.php when it holds it, or '' when it is missing or
	 * unreadable (a broken upload): the caller then prints nothing of it.
	 *
	 * @since 1.0.0
	 *
	 * @param string $file Path under the plugin folder.
	 * @return string
	 */
	public static function contents( $file ) {
		$generated = self::generated_inline();
		return isset( $generated[ $file ] ) ? $generated[ $file ] : self::file_contents( $file );
	}

	/**
	 * A file of the plugin's own, read from disk and trimmed ('' when missing).
	 *
	 * @since 1.0.0
	 *
	 * @param string $file Path under the plugin folder.
	 * @return string
	 */
	public static function file_contents( $file ) {
		$path = CCFM_DIR . $file;
		$text = is_readable( $path ) ? file_get_contents( $path ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- A local file of the plugin's own.
		return is_string( $text ) ? trim( $text ) : '';
	}

	/**
	 * Style parts from assets/css/, comments and spacing taken out, for an
	 * inline style element: minified at build time (build/inline.php), or
	 * here when that file is missing.
	 *
	 * @since 1.0.0
	 *
	 * @param string[] $parts Names from FRONT_STYLES.
	 * @return string
	 */
	public static function inline_css( array $parts ) {
		$generated = self::generated_inline();
		$css       = '';
		foreach ( array_intersect( self::FRONT_STYLES, $parts ) as $part ) {
			$css .= isset( $generated[ 'css/' . $part ] ) ? $generated[ 'css/' . $part ] : self::minify_css( self::file_contents( 'assets/css/' . $part . '.css' ) );
		}
		return $css;
	}

	/**
	 * A style sheet without comments and spacing (bin/gen-inline.js does the
	 * same at build time).
	 *
	 * @since 1.0.0
	 *
	 * @param string $css Style sheet.
	 * @return string
	 */
	public static function minify_css( $css ) {
		$css = (string) preg_replace( '#/\*.*?\*/#s', '', $css );
		$css = (string) preg_replace( '/\s*([{}:;,>])\s*/', '$1', $css );
		$css = (string) preg_replace( '/\s+/', ' ', $css );
		return trim( str_replace( ';}', '}', $css ) );
	}

	/**
	 * What wp-scripts wrote to build/<name>.asset.php.
	 *
	 * @param string $name Entry name.
	 * @return array{dependencies: list<non-empty-string>, version: string}
	 */
	private static function asset( $name ) {
		$file = CCFM_DIR . 'build/' . $name . '.asset.php';
		/**
		 * What wp-scripts writes to build/<name>.asset.php.
		 *
		 * @var array{dependencies: list<non-empty-string>, version: string} $asset
		 */
		$asset = is_readable( $file ) ? require $file : array(
			'dependencies' => array(),
			'version'      => CCFM_VERSION,
		);
		return $asset;
	}
}
