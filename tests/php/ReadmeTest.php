<?php
/**
 * plugin/readme.txt agrees with the plugin header and follows the
 * WordPress.org directory format.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

/**
 * The directory readme.
 */
class ReadmeTest extends TestCase {

	/**
	 * The readme's text.
	 *
	 * @return string
	 */
	private static function readme() {
		$text = file_get_contents( CCFM_DIR . 'readme.txt' ); // phpcs:ignore
		if ( false === $text ) {
			throw new \RuntimeException( 'plugin/readme.txt is missing' );
		}
		return str_replace( "\r\n", "\n", $text );
	}

	/**
	 * Header fields of the readme ("Name: value" lines after the title).
	 *
	 * @return array<string,string>
	 */
	private static function readme_header() {
		$head   = explode( "\n\n", self::readme(), 2 )[0];
		$fields = array();
		foreach ( array_slice( explode( "\n", $head ), 1 ) as $line ) {
			if ( preg_match( '/^([^:]+):\s*(.+)$/', $line, $m ) ) {
				$fields[ trim( $m[1] ) ] = trim( $m[2] );
			}
		}
		return $fields;
	}

	/**
	 * The main file's header, read by WordPress itself.
	 *
	 * @return array<string,string>
	 */
	private static function plugin_header() {
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		return get_plugin_data( CCFM_FILE, false, false );
	}

	public function test_title_line_names_the_plugin() {
		$first = strtok( self::readme(), "\n" );
		$this->assertSame( '=== ' . self::plugin_header()['Name'] . ' ===', $first );
	}

	public function test_stable_tag_is_the_header_version_and_the_constant() {
		$readme = self::readme_header();
		$this->assertSame( '1.0.0', $readme['Stable tag'] );
		$this->assertSame( self::plugin_header()['Version'], $readme['Stable tag'] );
		$this->assertSame( CCFM_VERSION, $readme['Stable tag'] );
	}

	public function test_requirements_agree_with_the_plugin_header() {
		$readme = self::readme_header();
		$header = self::plugin_header();
		$this->assertSame( $header['RequiresWP'], $readme['Requires at least'] );
		$this->assertSame( $header['RequiresPHP'], $readme['Requires PHP'] );
		$this->assertSame( '7.4', $readme['Requires PHP'] );
	}

	public function test_tested_up_to_is_the_wordpress_the_tests_run_on() {
		$running = implode( '.', array_slice( explode( '.', $GLOBALS['wp_version'] ), 0, 2 ) );
		$this->assertSame( '6.8', $running, 'The tests are meant to run on WordPress 6.8.' );
		$this->assertSame( $running, self::readme_header()['Tested up to'] );
		$this->assertTrue( version_compare( self::readme_header()['Tested up to'], self::readme_header()['Requires at least'], '>=' ) );
	}

	public function test_license_tags_and_contributors() {
		$readme = self::readme_header();
		$this->assertSame( 'GPLv2 or later', $readme['License'] );
		$this->assertSame( 'https://www.gnu.org/licenses/gpl-2.0.html', $readme['License URI'] );
		$tags = array_map( 'trim', explode( ',', $readme['Tags'] ) );
		$this->assertGreaterThanOrEqual( 1, count( $tags ) );
		$this->assertLessThanOrEqual( 5, count( $tags ), 'The directory uses at most 5 tags.' );
		$this->assertNotEmpty( $readme['Contributors'] );
	}

	public function test_short_description_is_at_most_150_characters() {
		$parts = explode( "\n\n", self::readme(), 3 );
		$short = trim( $parts[1] );
		$this->assertStringNotContainsString( '==', $short );
		$this->assertGreaterThan( 20, mb_strlen( $short ) );
		$this->assertLessThanOrEqual( 150, mb_strlen( $short ) );
	}

	public function test_sections_are_present_in_order() {
		$text     = self::readme();
		$sections = array( 'Description', 'Installation', 'Frequently Asked Questions', 'Screenshots', 'Changelog', 'External services' );
		$last     = -1;
		foreach ( $sections as $section ) {
			$at = strpos( $text, "\n== $section ==\n" );
			$this->assertNotFalse( $at, "Section $section" );
			$this->assertGreaterThan( $last, $at, "Section $section comes after the previous one" );
			$last = $at;
		}
		$this->assertStringContainsString( '= ' . CCFM_VERSION . " =\n", $text, 'The changelog has the current version.' );
	}

	public function test_description_explains_both_modes_and_the_shutdown() {
		$text = self::readme();
		$this->assertStringContainsString( '= Messenger-link mode (default) =', $text );
		$this->assertStringContainsString( '= Chat Plugin mode (opt-in, with the Messenger link first) =', $text );
		$this->assertLessThan( strpos( $text, '= Chat Plugin mode' ), strpos( $text, '= Messenger-link mode' ), 'The default comes first.' );
		$this->assertStringContainsString( 'Meta switched the Chat Plugin off on 2024-05-09', $text );
	}

	public function test_faq_names_every_cause_of_a_missing_chat() {
		$text = self::readme();
		foreach ( array( 'whitelist', 'HTTPS', 'no-referrer', 'same-origin', 'Ad blockers', 'Content-Security-Policy', 'Two Facebook SDKs', 'Unsupported browsers', 'age or country restrictions', 'shutdown', 'Site Health' ) as $cause ) {
			$this->assertStringContainsString( $cause, $text );
		}
	}

	public function test_external_services_name_meta_and_link_terms_and_privacy() {
		$text    = self::readme();
		$section = substr( $text, strpos( $text, '== External services ==' ) );
		foreach ( array( 'connect.facebook.net', 'm.me', 'load strategy', 'consent', 'IP address', 'Facebook cookies', 'referrer', 'https://www.facebook.com/legal/terms', 'https://www.facebook.com/privacy/policy/', 'graph.facebook.com', 'webhook', 'retention' ) as $needle ) {
			$this->assertStringContainsString( $needle, $section );
		}
	}
}
