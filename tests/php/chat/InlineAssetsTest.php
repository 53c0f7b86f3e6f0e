<?php
/**
 * build/inline.php (written by bin/gen-inline.js in npm run build) holds
 * exactly what a page would otherwise read from disk and minify: each style
 * part of assets/css/ and each inline script of build/.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Assets;

/**
 * The build-time inline assets.
 */
class InlineAssetsTest extends TestCase {

	public function test_the_generated_inline_file_equals_its_sources() {
		$generated = Assets::generated_inline();
		$this->assertNotSame( array(), $generated, 'npm run build writes build/inline.php.' );
		foreach ( Assets::FRONT_STYLES as $part ) {
			$this->assertArrayHasKey( 'css/' . $part, $generated );
			$this->assertNotSame( '', $generated[ 'css/' . $part ] );
			$this->assertSame( Assets::minify_css( Assets::file_contents( 'assets/css/' . $part . '.css' ) ), $generated[ 'css/' . $part ], 'build/inline.php is stale: run npm run build.' );
		}
		foreach ( array( 'build/boot-link.js', 'build/boot-chat.js', 'build/hours.js', 'build/greeting.js' ) as $file ) {
			$this->assertArrayHasKey( $file, $generated );
			$this->assertSame( Assets::file_contents( $file ), $generated[ $file ], 'build/inline.php is stale: run npm run build.' );
			$this->assertSame( Assets::file_contents( $file ), Assets::contents( $file ) );
		}
	}

	public function test_the_inline_style_is_the_parts_minified_together() {
		$parts = Assets::FRONT_STYLES;
		$css   = '';
		foreach ( $parts as $part ) {
			$css .= Assets::file_contents( 'assets/css/' . $part . '.css' );
		}
		$this->assertSame( Assets::minify_css( $css ), Assets::inline_css( $parts ) );
		$this->assertStringNotContainsString( '/*', Assets::inline_css( $parts ) );
	}
}
