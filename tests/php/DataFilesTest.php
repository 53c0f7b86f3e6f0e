<?php
/**
 * A missing or damaged plugin/data/*.json (a broken upload or deploy) never
 * takes the site down: the front end keeps working with what it can, the
 * settings still read as a valid object, and the settings screen's REST
 * state and Site Health name the damaged file. Checked in-process (the
 * loader pointed at temporary copies) and against the running site over
 * HTTP (the real file damaged, then restored).
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Admin\Site_Health;
use CCFM\Chat\Locale;
use CCFM\Data_Files;
use CCFM\Settings\Registration;
use CCFM\Settings\Settings;

/**
 * Data file tests.
 */
class DataFilesTest extends TestCase {

	/**
	 * Temporary files to remove.
	 *
	 * @var string[]
	 */
	private $temp = array();

	/**
	 * Real data files moved aside by a test: real path => saved copy.
	 *
	 * @var array<string,string>
	 */
	private static $moved = array();

	/**
	 * Registered settings saved before a test registers the option again.
	 *
	 * @var array<string,mixed>|null
	 */
	private $saved_settings = null;

	protected function set_up() {
		parent::set_up();
		$this->use_fresh_front_end();
		Data_Files::flush();
	}

	protected function tear_down() {
		if ( null !== $this->saved_settings ) {
			$GLOBALS['wp_registered_settings'] = $this->saved_settings; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited
			$this->saved_settings              = null;
		}
		self::restore_real_files();
		foreach ( $this->temp as $file ) {
			if ( is_file( $file ) ) {
				unlink( $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink
			}
		}
		parent::tear_down();
		Data_Files::flush();
	}

	/**
	 * Puts back every real data file a test damaged (also at shutdown, should
	 * a test die half-way).
	 */
	public static function restore_real_files() {
		foreach ( self::$moved as $real => $copy ) {
			copy( $copy, $real );
			unlink( $copy ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink
		}
		self::$moved = array();
	}

	/**
	 * Each data file, each way of being damaged.
	 *
	 * @return array<string,array{0:string,1:string,2:string}>
	 */
	public function data_damage() {
		$out = array();
		foreach ( Data_Files::FILES as $file ) {
			$out[ "$file missing" ]    = array( $file, 'missing', 'missing' );
			$out[ "$file truncated" ]  = array( $file, 'truncated', 'invalid' );
			$out[ "$file empty" ]      = array( $file, 'empty', 'invalid' );
			$out[ "$file wrong JSON" ] = array( $file, 'wrong', 'incomplete' );
		}
		return $out;
	}

	/**
	 * The damaged content of a data file.
	 *
	 * @param string $file   File name.
	 * @param string $damage missing, truncated, empty or wrong.
	 * @return string|null Null for a missing file.
	 */
	private static function damaged( $file, $damage ) {
		$good = (string) file_get_contents( CCFM_DIR . 'data/' . $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		switch ( $damage ) {
			case 'missing':
				return null;
			case 'truncated':
				return substr( $good, 0, (int) ( strlen( $good ) / 2 ) );
			case 'empty':
				return '';
			default:
				return '{"properties":{"page_id":"x"},"facebook_locales":[]}';
		}
	}

	/**
	 * Points the loader at a damaged temporary copy of a file.
	 *
	 * @param string $file   File name.
	 * @param string $damage How it is damaged.
	 */
	private function damage_in_process( $file, $damage ) {
		$path         = (string) tempnam( sys_get_temp_dir(), 'ccfm-data-' );
		$this->temp[] = $path;
		$content      = self::damaged( $file, $damage );
		if ( null === $content ) {
			unlink( $path ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink
		} else {
			file_put_contents( $path, $content ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
		}
		add_filter(
			'ccfm_data_file',
			static function ( $real, $name ) use ( $file, $path ) {
				return $name === $file ? $path : $real;
			},
			10,
			2
		);
		Data_Files::flush();
	}

	/**
	 * The front end as a visitor gets it: enqueue, then the footer.
	 *
	 * @return string
	 */
	private function render_front_end() {
		do_action( 'wp_enqueue_scripts' );
		ob_start();
		do_action( 'wp_footer' );
		return (string) ob_get_clean();
	}

	public function test_intact_files_report_nothing() {
		$this->assertSame( array(), Data_Files::problems() );
		$this->assertSame( 'good', Data_Files::site_health_result()['status'] );
		$tests = ( new Site_Health() )->site_health_tests( array() );
		$this->assertSame( array( Data_Files::class, 'site_health_result' ), $tests['direct']['ccfm_data_files']['test'] );
	}

	/**
	 * @dataProvider data_damage
	 *
	 * @param string $file    File name.
	 * @param string $damage  How it is damaged.
	 * @param string $problem What the loader reports.
	 */
	public function test_a_damaged_file_is_named_and_nothing_fails( $file, $damage, $problem ) {
		update_option( self::OPTION, array_merge( self::valid_settings(), array( 'display_on' => 'everywhere' ) ) );
		$this->damage_in_process( $file, $damage );

		$this->assertSame( array( $file => $problem ), Data_Files::problems() );

		// The settings still read as a complete object of the right types.
		$settings = Settings::get();
		$this->assertSame( array_keys( self::valid_settings() ), array_keys( $settings ) );
		$this->assertSame( '1234567890', $settings['page_id'], 'The stored settings keep working.' );

		// The front end keeps working with what it can.
		$html = $this->render_front_end();
		$this->assertStringContainsString( 'id="ccfm-chat"', $html );
		$this->assertStringContainsString( 'm.me/my.shop.page', $html );
		if ( Data_Files::LOCALES === $file ) {
			$this->assertSame( array(), Locale::names() );
			$this->assertSame( 'en_US', Locale::from_wordpress( 'de_DE' ) );
		}

		// Site Health names the file.
		$health = Data_Files::site_health_result();
		$this->assertSame( 'critical', $health['status'] );
		$this->assertStringContainsString( 'data/' . $file, $health['description'] );

		// The settings screen's state names it; the settings still load.
		$this->as_role( 'administrator' );
		$state = $this->rest( 'GET', '/ccfm/v1/settings-state' )->get_data();
		$this->assertSame( 'data/' . $file, $state['data_files'][0]['file'] );
		$this->assertSame( $problem, $state['data_files'][0]['problem'] );
		$this->assertStringContainsString( 'data/' . $file, $state['data_files'][0]['message'] );
		$this->saved_settings = $GLOBALS['wp_registered_settings'];
		unregister_setting( 'ccfm', self::OPTION );
		( new Registration() )->register_setting();
		$read = $this->rest( 'GET', '/wp/v2/settings' );
		$this->assertSame( 200, $read->get_status() );
		$this->assertIsArray( $read->get_data()[ self::OPTION ] );
		$this->assertSame( '1234567890', $read->get_data()[ self::OPTION ]['page_id'] );
	}

	/**
	 * Without the schema nothing can be checked, so nothing is saved, and
	 * the refusal names the file.
	 */
	public function test_without_the_schema_a_save_is_refused_naming_the_file() {
		$raw = $this->seed_settings();
		$this->damage_in_process( Data_Files::SCHEMA, 'truncated' );
		$this->as_role( 'administrator' );

		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => array( 'page_id' => '42' ) ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertStringContainsString( 'data/settings-schema.json', self::error_of( $response )[1] );
		$this->assertSame( $raw, $this->raw_option() );
	}

	/**
	 * @dataProvider data_damage
	 *
	 * @param string $file   File name.
	 * @param string $damage How it is damaged.
	 */
	public function test_the_running_site_answers_200_with_the_real_file_damaged( $file, $damage ) {
		$real = CCFM_DIR . 'data/' . $file;
		$copy = (string) tempnam( sys_get_temp_dir(), 'ccfm-real-' );
		$this->assertTrue( copy( $real, $copy ) );
		self::$moved[ $real ] = $copy;
		register_shutdown_function( array( self::class, 'restore_real_files' ) );
		$content = self::damaged( $file, $damage );
		if ( null === $content ) {
			unlink( $real ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink
		} else {
			file_put_contents( $real, $content ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents
		}

		foreach ( array( '/', '/?s=chat', '/wp-json/', '/wp-login.php' ) as $path ) {
			$response = wp_remote_get(
				CCFM_TESTS_SITE_URL . $path,
				array(
					'timeout'     => 20,
					'redirection' => 0,
				)
			);
			$this->assertNotWPErrorResponse( $response, $path );
			$this->assertSame( 200, wp_remote_retrieve_response_code( $response ), $path );
			$this->assertStringNotContainsString( 'critical error', (string) wp_remote_retrieve_body( $response ), $path );
			$this->assertStringNotContainsString( 'Fatal error', (string) wp_remote_retrieve_body( $response ), $path );
		}

		self::restore_real_files();
		$this->assertSame( (string) file_get_contents( CCFM_DIR . 'data/' . $file ), (string) file_get_contents( $real ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
	}

	/**
	 * Fails with the transport error when the request did not get through.
	 *
	 * @param mixed  $response Response.
	 * @param string $path     Path asked for.
	 */
	private function assertNotWPErrorResponse( $response, $path ) { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName.MethodNameInvalid
		$this->assertIsArray( $response, $path . ': ' . ( is_wp_error( $response ) ? $response->get_error_message() : '' ) );
	}

	public function test_the_generated_data_file_equals_its_json_sources() {
		$generated = Data_Files::generated();
		$this->assertNotSame( array(), $generated, 'npm run build writes build/data-files.php.' );
		foreach ( Data_Files::FILES as $name ) {
			$this->assertArrayHasKey( $name, $generated );
			$this->assertSame( json_decode( (string) file_get_contents( CCFM_DIR . 'data/' . $name ), true ), $generated[ $name ], 'build/data-files.php is stale: run npm run build (bin/gen-schema-types.js).' ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		}
	}
}
