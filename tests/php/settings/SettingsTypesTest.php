<?php
/**
 * CCFM\Settings\Settings::get() and the settings in effect always have the types of
 * the schema: a filter (or a stored value) of the wrong type for a field
 * leaves that field at the stored or default value. Filters of strings and
 * numbers fall back to their default on a value of another type.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Chat\Front_End;
use CCFM\Chat\Locale;
use CCFM\Chat\Renderer;
use CCFM\Platform\Graph_Client;
use CCFM\Settings\Schema;
use CCFM\Settings\Settings;

/**
 * Settings types.
 */
class SettingsTypesTest extends TestCase {

	/**
	 * Front_End instance with the plugin's ccfm_effective_settings filters.
	 *
	 * @return Front_End
	 */
	private static function front_end() {
		return new Front_End();
	}

	/**
	 * Adds a ccfm_effective_settings filter that replaces fields.
	 *
	 * @param array<string,mixed> $fields Fields the filter sets.
	 */
	private static function filter_fields( array $fields ) {
		add_filter(
			'ccfm_effective_settings',
			static function ( $settings ) use ( $fields ) {
				return array_merge( $settings, $fields );
			},
			50
		);
	}

	public function test_defaults_and_valid_settings_pass_unchanged() {
		$valid = self::valid_settings();
		$this->assertSame( $valid, Settings::conform( $valid, Schema::defaults() ) );
		$this->assertSame( Schema::defaults(), Settings::conform( Schema::defaults(), $valid ), 'The schema defaults have the CcfmSettings types.' );
		$this->seed_settings();
		$this->assertSame( $valid, Settings::get() );
		$this->assertSame( $valid, self::front_end()->effective_settings() );
	}

	/**
	 * A filter that sets a field to a value of the wrong type: that field
	 * keeps the stored value; fields of the right type are used.
	 */
	public function test_effective_settings_fall_back_per_field_on_a_wrong_type() {
		$this->seed_settings();
		$stored = self::valid_settings();
		self::filter_fields(
			array(
				'page_id'                 => 1234,
				'mode'                    => 'popup',
				'locale'                  => null,
				'logged_out_greeting'     => array( 'Hi' ),
				'greeting_dialog_delay'   => '5',
				'bottom_spacing'          => 9000,
				'display_places'          => 'posts',
				'exclude_ids'             => array( '7', 42 ),
				'theme_color'             => (object) array( 'color' => '#000000' ),
				'ref'                     => 'from-a-filter',
				'alignment'               => 'right',
				'greeting_dialog_display' => 'icon',
			)
		);
		$expected                            = $stored;
		$expected['ref']                     = 'from-a-filter';
		$expected['alignment']               = 'right';
		$expected['greeting_dialog_display'] = 'icon';
		$effective                           = self::front_end()->effective_settings();
		$this->assertSame( $expected, $effective );

		// Renders without a PHP notice (the test case fails on any).
		$html = Renderer::bubble( $effective );
		$this->assertStringContainsString( 'https://m.me/my.shop.page?ref=from-a-filter', $html );
		$this->assertStringNotContainsString( 'ccfm-chat--left', $html, 'The filter set right.' );
	}

	/**
	 * A filter that returns no array at all: the stored settings apply.
	 */
	public function test_effective_settings_when_a_filter_returns_no_array() {
		$this->seed_settings();
		add_filter( 'ccfm_effective_settings', '__return_empty_string', 50 );
		$this->assertSame( self::valid_settings(), self::front_end()->effective_settings() );
		remove_filter( 'ccfm_effective_settings', '__return_empty_string', 50 );
		add_filter( 'ccfm_effective_settings', '__return_empty_array', 50 );
		$this->assertSame( self::valid_settings(), self::front_end()->effective_settings() );
	}

	/**
	 * A stored value of the wrong type (written past the sanitize callback)
	 * reads as the default.
	 */
	public function test_stored_value_of_a_wrong_type_reads_as_the_default() {
		remove_all_filters( 'sanitize_option_' . self::OPTION );
		$stored                   = self::valid_settings();
		$stored['bottom_spacing'] = '2.4e1';
		$stored['exclude_ids']    = '7,42';
		$stored['mode']           = 'popup';
		update_option( self::OPTION, $stored );
		$this->assertSame( $stored, get_option( self::OPTION ), 'Stored past the sanitize callback.' );

		$expected                   = self::valid_settings();
		$expected['bottom_spacing'] = Schema::defaults()['bottom_spacing'];
		$expected['exclude_ids']    = Schema::defaults()['exclude_ids'];
		$expected['mode']           = Schema::defaults()['mode'];
		$this->assertSame( $expected, Settings::get() );

		update_option( self::OPTION, 'not an array' );
		$this->assertSame( Schema::defaults(), Settings::get() );
	}

	/**
	 * String and number filters: a value of another type gives the default.
	 */
	public function test_scalar_filters_of_a_wrong_type_give_the_default() {
		remove_all_filters( 'ccfm_graph_base_url' );
		foreach ( array( 'ccfm_graph_version', 'ccfm_attribution', 'ccfm_locale', 'ccfm_graph_base_url', 'ccfm_render_timeout' ) as $hook_name ) {
			add_filter( $hook_name, '__return_empty_array' );
		}
		$this->assertSame( 'v18.0', Graph_Client::version() );
		$this->assertSame( 'wordpress', Renderer::element_attributes( Schema::defaults() )['attribution'] ); // phpcs:ignore WordPress.WP.CapitalPDangit.Misspelled -- Meta's attribution value is lowercase.
		$this->assertSame( 'en_US', Locale::resolve( 'auto' ) );
		$this->assertSame( Graph_Client::DEFAULT_HOST . '/' . Graph_Client::VERSION, Graph_Client::base_url() );
		$chat = array_merge(
			Schema::defaults(),
			array(
				'page_id' => '1234567890',
				'mode'    => 'chat_plugin',
			)
		);
		$this->assertSame( 15000, Renderer::config( $chat, 'en_US' )['timeout'] );

		// Values of the right type still apply.
		add_filter(
			'ccfm_render_timeout',
			static function () {
				return 9000;
			},
			20
		);
		$this->assertSame( 9000, Renderer::config( $chat, 'en_US' )['timeout'] );
	}
}
