<?php
/**
 * CCFM\Script_Compat: the react-jsx-runtime script the built admin, editor
 * and block scripts depend on is there on every WordPress the plugin claims —
 * core's from 6.6, the plugin's own on 6.5 (CCFM_WP=min).
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Script_Compat;

/**
 * The JSX runtime handle.
 */
class ScriptCompatTest extends TestCase {

	public function test_every_built_script_dependency_is_registered() {
		$scripts = wp_scripts();
		foreach ( array( 'build/admin.asset.php', 'build/editor.asset.php', 'build/blocks/chat/index.asset.php' ) as $file ) {
			$asset = require CCFM_DIR . $file;
			$this->assertIsArray( $asset, $file );
			foreach ( $asset['dependencies'] as $handle ) {
				$this->assertArrayHasKey( $handle, $scripts->registered, "$file depends on $handle, which this WordPress does not register" );
			}
		}
	}

	public function test_core_runtime_is_kept_and_the_plugin_one_only_fills_the_gap() {
		$registered = wp_scripts()->registered[ Script_Compat::JSX_RUNTIME ];
		$ours       = CCFM_URL . 'assets/js/react-jsx-runtime.js';
		if ( version_compare( $GLOBALS['wp_version'], '6.6', '>=' ) ) {
			$this->assertNotSame( $ours, $registered->src, 'Core has the runtime: the plugin leaves it alone.' );
		} else {
			$this->assertSame( $ours, $registered->src );
			$this->assertSame( array( 'react' ), $registered->deps );
			$this->assertFileExists( CCFM_DIR . 'assets/js/react-jsx-runtime.js' );
		}
	}

	public function test_registers_nothing_when_the_handle_exists() {
		$before = wp_scripts()->registered[ Script_Compat::JSX_RUNTIME ]->src;
		( new Script_Compat() )->register_scripts();
		$this->assertSame( $before, wp_scripts()->registered[ Script_Compat::JSX_RUNTIME ]->src );
		wp_deregister_script( Script_Compat::JSX_RUNTIME );
		( new Script_Compat() )->register_scripts();
		$this->assertSame( CCFM_URL . 'assets/js/react-jsx-runtime.js', wp_scripts()->registered[ Script_Compat::JSX_RUNTIME ]->src );
		wp_deregister_script( Script_Compat::JSX_RUNTIME );
		if ( version_compare( $GLOBALS['wp_version'], '6.6', '>=' ) ) {
			wp_default_packages_vendor( wp_scripts() );
		} else {
			( new Script_Compat() )->register_scripts();
		}
		$this->assertSame( $before, wp_scripts()->registered[ Script_Compat::JSX_RUNTIME ]->src );
	}
}
