<?php
/**
 * A stored ccfm_settings from another version (or hand-edited): reading it
 * always gives a valid object (unknown keys dropped, invalid values reset to
 * their defaults), /wp/v2/settings never answers null, the admin can see
 * what was reset, and the next save stores a clean option. A refused write
 * never changes what is stored.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Settings\Schema;
use CCFM\Settings\Settings;

/**
 * Stored option tests.
 */
class StoredOptionTest extends TestCase {

	/**
	 * Writes the option straight to the database, past every filter, as an
	 * older or newer version (or a hand edit) left it.
	 *
	 * @param mixed $value Value.
	 * @return string The raw stored form.
	 */
	private function store_raw( $value ) {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->options} WHERE option_name = %s", self::OPTION ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		$wpdb->insert( // phpcs:ignore WordPress.DB.DirectDatabaseQuery
			$wpdb->options,
			array(
				'option_name'  => self::OPTION,
				'option_value' => maybe_serialize( $value ),
				'autoload'     => 'on',
			)
		);
		wp_cache_delete( self::OPTION, 'options' );
		wp_cache_delete( 'alloptions', 'options' );
		wp_cache_delete( 'notoptions', 'options' );
		$raw = $this->raw_option();
		$this->assertIsString( $raw );
		return $raw;
	}

	/**
	 * An option as a version before 1.1 stored it: no mode (so the site keeps
	 * the Chat Plugin), no phone_greeting, an attribute Meta deprecated, a
	 * shorthand colour and a delay with a unit.
	 *
	 * @return array<string,mixed>
	 */
	private static function older_option() {
		return array(
			'page_id'                 => '1234567890',
			'theme_color'             => '#FFF',
			'logged_in_greeting'      => 'Hi there',
			'greeting_dialog_display' => 'fade',
			'greeting_dialog_delay'   => '5s',
			'minimized'               => true,
			'display_places'          => array( 'home', 'posts' ),
			'exclude_ids'             => '7,42',
		);
	}

	/**
	 * An option as a newer version might store it: an enum value and a
	 * field this version does not know, a wider range.
	 *
	 * @return array<string,mixed>
	 */
	private static function newer_option() {
		return array_merge(
			self::valid_settings(),
			array(
				'mode'           => 'widget',
				'phone_greeting' => 'slide-in',
				'bottom_spacing' => 900,
				'ref'            => "home\n",
				'ai_assistant'   => array( 'enabled' => true ),
				'schema_version' => 3,
			)
		);
	}

	public function test_an_older_option_reads_as_a_valid_object() {
		$this->store_raw( self::older_option() );
		$expected = array_merge(
			Schema::defaults(),
			array(
				'page_id'                 => '1234567890',
				'mode'                    => 'chat_plugin',
				'logged_in_greeting'      => 'Hi there',
				'greeting_dialog_display' => 'fade',
			)
		);

		$this->assertSame( $expected, Settings::get() );
		$this->assertSame(
			array(
				'reset'   => array( 'theme_color', 'greeting_dialog_delay', 'display_places', 'exclude_ids' ),
				'dropped' => array( 'minimized' ),
			),
			Settings::repairs()
		);

		$this->as_role( 'administrator' );
		$response = $this->rest( 'GET', '/wp/v2/settings' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $expected, $response->get_data()[ self::OPTION ], 'Never null.' );
	}

	public function test_a_newer_option_reads_as_a_valid_object() {
		$raw      = $this->store_raw( self::newer_option() );
		$expected = array_merge(
			self::valid_settings(),
			array(
				'mode'           => Schema::defaults()['mode'],
				'phone_greeting' => Schema::defaults()['phone_greeting'],
				'bottom_spacing' => Schema::defaults()['bottom_spacing'],
				'ref'            => '',
			)
		);

		$this->as_role( 'administrator' );
		$response = $this->rest( 'GET', '/wp/v2/settings' );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $expected, $response->get_data()[ self::OPTION ] );

		$state = $this->rest( 'GET', '/ccfm/v1/settings-state' );
		$this->assertSame( 200, $state->get_status() );
		$this->assertSame(
			array(
				'reset'      => array( 'mode', 'phone_greeting', 'ref', 'bottom_spacing' ),
				'dropped'    => array( 'ai_assistant', 'schema_version' ),
				'data_files' => array(),
			),
			$state->get_data()
		);
		$this->assertSame( $raw, $this->raw_option(), 'Reading never writes.' );
	}

	/**
	 * Stored values that are not a settings object at all.
	 *
	 * @return array<string,array{0:mixed}>
	 */
	public function data_not_objects() {
		return array(
			'string'     => array( 'page_id=123' ),
			'integer'    => array( 42 ),
			'true'       => array( true ),
			'a list'     => array( array( '123', 'fr_FR' ) ),
			'serialized' => array( 'a:1:{s:7:"page_id";' ),
		);
	}

	/**
	 * @dataProvider data_not_objects
	 *
	 * @param mixed $stored Stored value.
	 */
	public function test_a_stored_non_object_reads_as_the_defaults( $stored ) {
		$this->store_raw( $stored );
		$this->as_role( 'administrator' );

		$response = $this->rest( 'GET', '/wp/v2/settings' );

		$this->assertSame( 200, $response->get_status() );
		$settings = $response->get_data()[ self::OPTION ];
		$this->assertIsArray( $settings );
		$this->assertSame( array_keys( Schema::defaults() ), array_keys( $settings ) );
		$this->assertSame( '', $settings['page_id'] );
	}

	public function test_the_next_save_stores_a_clean_option() {
		$this->store_raw( self::newer_option() );
		$this->as_role( 'administrator' );
		$read = $this->rest( 'GET', '/wp/v2/settings' )->get_data()[ self::OPTION ];
		$this->assertIsArray( $read );

		// The admin screen saves the whole object it read, with a change.
		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => array_merge( $read, array( 'page_id' => '42' ) ) ) );

		$this->assertSame( 200, $response->get_status(), (string) wp_json_encode( $response->get_data() ) );
		$clean = array_merge( $read, array( 'page_id' => '42' ) );
		$this->assertSame( $clean, maybe_unserialize( (string) $this->raw_option() ) );
		$this->assertSame(
			array(
				'reset'   => array(),
				'dropped' => array(),
			),
			Settings::repairs()
		);
	}

	public function test_saving_the_repaired_object_unchanged_stores_it_clean() {
		$this->store_raw( self::older_option() );
		$this->as_role( 'administrator' );
		$read = $this->rest( 'GET', '/wp/v2/settings' )->get_data()[ self::OPTION ];

		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => $read ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $read, maybe_unserialize( (string) $this->raw_option() ) );
	}

	public function test_a_partial_save_over_an_older_option_stores_a_clean_option() {
		$this->store_raw( self::older_option() );

		update_option( self::OPTION, array( 'ref' => 'spring' ) );

		$stored = maybe_unserialize( (string) $this->raw_option() );
		$this->assertIsArray( $stored );
		$this->assertSame( array_keys( Schema::defaults() ), array_keys( $stored ) );
		$this->assertSame( 'spring', $stored['ref'] );
		$this->assertSame( 'chat_plugin', $stored['mode'], 'The older site keeps the Chat Plugin.' );
		$this->assertArrayNotHasKey( 'minimized', $stored );
	}

	/**
	 * Refused writes of each path against a partial stored option.
	 *
	 * @return array<string,array{0:mixed}>
	 */
	public function data_refused_writes() {
		return array(
			'bad field'      => array( array( 'page_id' => 'abc' ) ),
			'unknown field'  => array( array( 'colour' => 'red' ) ),
			'not an object'  => array( 'page_id=1' ),
			'a list'         => array( array( 'a', 'b' ) ),
			'trailing \n'    => array( array( 'ref' => "abc\n" ) ),
			'one bad of two' => array(
				array(
					'page_id' => '42',
					'ref'     => 'a b',
				),
			),
		);
	}

	/**
	 * @dataProvider data_refused_writes
	 *
	 * @param mixed $value Refused value.
	 */
	public function test_a_refused_update_option_leaves_a_partial_option_byte_identical( $value ) {
		$raw = $this->store_raw( array( 'page_id' => '1234567890' ) );

		$this->assertFalse( update_option( self::OPTION, $value ) );

		$this->assertSame( $raw, $this->raw_option() );
	}

	/**
	 * @dataProvider data_refused_writes
	 *
	 * @param mixed $value Refused value.
	 */
	public function test_a_refused_rest_write_leaves_a_partial_option_byte_identical( $value ) {
		$raw = $this->store_raw( array( 'page_id' => '1234567890' ) );
		$this->as_role( 'administrator' );

		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => $value ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( $raw, $this->raw_option() );
	}

	/**
	 * @dataProvider data_refused_writes
	 *
	 * @param mixed $value Refused value.
	 */
	public function test_a_refused_write_leaves_an_older_option_byte_identical( $value ) {
		$raw = $this->store_raw( self::older_option() );

		update_option( self::OPTION, $value );

		$this->assertSame( $raw, $this->raw_option() );
	}

	public function test_a_refused_write_on_no_option_stores_nothing() {
		$this->assertFalse( update_option( self::OPTION, array( 'page_id' => 'abc' ) ) );
		$this->assertNull( $this->raw_option() );
	}

	/**
	 * The admin screen's notice reads the repairs over REST; only
	 * administrators may.
	 */
	public function test_settings_state_is_for_administrators_only() {
		$this->store_raw( self::older_option() );
		foreach ( array( null, 'subscriber', 'editor' ) as $role ) {
			$this->as_role( $role );
			$response = $this->rest( 'GET', '/ccfm/v1/settings-state' );
			$this->assertContains( $response->get_status(), array( 401, 403 ) );
			$this->assertArrayNotHasKey( 'reset', (array) $response->get_data() );
		}
	}
}
