<?php
/**
 * CCFM\Chat\Away_Hours: the schedule's rule and what the browser gets.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests\Chat;

use CCFM\Chat\Away_Hours;
use CCFM\Chat\Renderer;
use CCFM\Settings\Schema;
use CCFM\Settings\Settings;
use CCFM\Tests\TestCase;

/**
 * Validation, timezone and config.
 */
class AwayHoursTest extends TestCase {

	public function test_bad_schedules_are_refused_with_400_and_nothing_stored() {
		$this->seed_settings();
		$before = $this->raw_option();
		$this->as_role( 'administrator' );
		$bad = array(
			array( '1 17:00-09:00' ),
			array( '1 09:00-09:00' ),
			array( '8 09:00-17:00' ),
			array( '1 9:00-17:00' ),
			array( '1 09:00-24:30' ),
			'1 09:00-17:00',
			array( 'a' => '1 09:00-17:00' ),
		);
		foreach ( $bad as $value ) {
			$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => array( 'away_hours' => $value ) ) );
			$this->assertSame( 400, $response->get_status(), wp_json_encode( $value ) );
			$this->assertStringContainsString( 'away_hours: The opening hours must be weekly ranges', self::error_of( $response )[1] );
			$this->assertSame( $before, $this->raw_option() );
		}
		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => array( 'away_hours' => array( '1 17:00-09:00' ) ) ) );
		$this->assertStringContainsString( '“1 17:00-09:00” does not end after it starts', self::error_of( $response )[1] );
		foreach ( array( array( 'away_action' => 'close' ), array( 'away_greeting' => str_repeat( 'x', 81 ) ) ) as $value ) {
			$this->assertSame( 400, $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => $value ) )->get_status() );
			$this->assertSame( $before, $this->raw_option() );
		}
		$response = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => array( 'away_hours' => array( '1 09:00-12:00', '1 13:00-24:00', '7 10:00-14:00' ) ) ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array( '1 09:00-12:00', '1 13:00-24:00', '7 10:00-14:00' ), Settings::get()['away_hours'] );
	}

	public function test_the_browser_gets_the_timezone_name_or_the_offset() {
		update_option( 'timezone_string', 'Europe/Berlin' );
		$this->assertSame( array( 'tz' => 'Europe/Berlin' ), Away_Hours::timezone() );
		update_option( 'timezone_string', '' );
		update_option( 'gmt_offset', 5.5 );
		$this->assertSame( array( 'offset' => 330 ), Away_Hours::timezone() );
		update_option( 'gmt_offset', -3 );
		$this->assertSame( array( 'offset' => -180 ), Away_Hours::timezone() );
	}

	public function test_no_schedule_prints_nothing_and_a_schedule_prints_ranges() {
		$settings = array_merge( Schema::defaults(), array( 'page_id' => '123456' ) );
		$this->assertNull( Away_Hours::config( $settings ) );
		$this->assertArrayNotHasKey( 'hours', Renderer::config( $settings, 'en_US' ) );
		$this->assertFalse( Renderer::has_greeting_box( $settings ) );

		update_option( 'timezone_string', 'America/New_York' );
		$settings['away_hours']    = array( '1 09:00-17:30', '5 00:00-24:00' );
		$settings['away_greeting'] = 'We reply from 9 am';
		$config                    = Renderer::config( $settings, 'en_US' );
		$this->assertSame(
			array(
				'tz'     => 'America/New_York',
				'ranges' => array( array( 1, 540, 1050 ), array( 5, 0, 1440 ) ),
				'hide'   => false,
				'text'   => 'We reply from 9 am',
			),
			$config['hours']
		);
		$this->assertTrue( Renderer::has_greeting_box( $settings ) );
		$settings['away_action'] = 'hide';
		$this->assertFalse( Renderer::has_greeting_box( $settings ) );
	}

	public function test_is_open_follows_the_site_timezone_and_dst() {
		update_option( 'timezone_string', 'America/New_York' );
		$hours = array( '1 09:00-17:00' );
		// Monday 2026-03-09 (after the change to EDT, UTC-4): 09:30 local is 13:30 UTC.
		$this->assertTrue( Away_Hours::is_open( $hours, (int) strtotime( '2026-03-09 13:30:00 UTC' ) ) );
		// Monday 2026-03-02 (EST, UTC-5): 13:30 UTC is 08:30 local.
		$this->assertFalse( Away_Hours::is_open( $hours, (int) strtotime( '2026-03-02 13:30:00 UTC' ) ) );
		$this->assertTrue( Away_Hours::is_open( array(), 0 ) );
	}

	public function test_the_embed_code_says_the_hours_are_not_applied() {
		$settings = array_merge( Schema::defaults(), array( 'page_id' => '123456' ) );
		$this->assertStringStartsWith( '<a href="https://m.me/123456"', Renderer::embed_code( $settings, 'en_US' ) );
		$settings['away_hours'] = array( '1 09:00-17:00' );
		$code                   = Renderer::embed_code( $settings, 'en_US' );
		$this->assertStringStartsWith( '<!-- The opening hours are not applied to this code: outside WordPress the link always shows. -->' . "\n" . '<a href="https://m.me/123456"', $code );
	}
}
