<?php
/**
 * CCFM\Chat\Locale: WordPress → Facebook locale mapping and per-request resolution.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Chat\Locale;

/**
 * Locale tests.
 */
class LocaleTest extends TestCase {

	/**
	 * WordPress locales and the Facebook locale they map to.
	 *
	 * @return array<string,array{0:string,1:string}>
	 */
	public function data_from_wordpress() {
		return array(
			'GlotPress mapping es_MX' => array( 'es_MX', 'es_LA' ),
			'variant de_DE_formal'    => array( 'de_DE_formal', 'de_DE' ),
			'language fallback de_CH' => array( 'de_CH', 'de_DE' ),
			'variant de_CH_informal'  => array( 'de_CH_informal', 'de_DE' ),
			'known en_GB'             => array( 'en_GB', 'en_GB' ),
			'bare ja'                 => array( 'ja', 'ja_JP' ),
			'known fr_FR'             => array( 'fr_FR', 'fr_FR' ),
			'unknown xx_YY'           => array( 'xx_YY', 'en_US' ),
			'empty'                   => array( '', 'en_US' ),
			'default en_US'           => array( 'en_US', 'en_US' ),
		);
	}

	/**
	 * @dataProvider data_from_wordpress
	 *
	 * @param string $wp_locale WordPress locale.
	 * @param string $expected  Facebook locale.
	 */
	public function test_from_wordpress( $wp_locale, $expected ) {
		$this->assertSame( $expected, Locale::from_wordpress( $wp_locale ) );
	}

	public function test_every_mapping_target_is_a_facebook_locale() {
		$codes = Locale::codes();
		$this->assertContains( 'en_US', $codes );
		$this->assertContains( 'es_LA', $codes );
		foreach ( array( 'es_MX', 'de_DE_formal', 'de_CH', 'ja', 'pt_BR', 'zh_TW', 'nb_NO', 'xx_YY' ) as $wp_locale ) {
			$this->assertContains( Locale::from_wordpress( $wp_locale ), $codes, $wp_locale );
		}
	}

	public function test_resolve_auto_follows_the_request_locale() {
		add_filter(
			'locale',
			static function () {
				return 'es_MX';
			}
		);
		$this->assertSame( 'es_MX', determine_locale() );
		$this->assertSame( 'es_LA', Locale::resolve( 'auto' ) );
	}

	public function test_resolve_auto_default_site_locale() {
		$this->assertSame( 'en_US', determine_locale() );
		$this->assertSame( 'en_US', Locale::resolve( 'auto' ) );
	}

	public function test_resolve_auto_can_be_filtered() {
		add_filter(
			'ccfm_locale',
			static function ( $locale, $wp_locale ) {
				return $locale . '|' . $wp_locale;
			},
			10,
			2
		);
		$this->assertSame( 'en_US|en_US', Locale::resolve( 'auto' ) );
	}

	public function test_resolve_explicit_locale_ignores_the_request_locale() {
		add_filter(
			'locale',
			static function () {
				return 'es_MX';
			}
		);
		$this->assertSame( 'de_DE', Locale::resolve( 'de_DE' ) );
		$this->assertSame( 'fr_FR', Locale::resolve( 'fr_FR' ) );
	}

	public function test_resolve_unknown_setting_falls_back_to_auto() {
		add_filter(
			'locale',
			static function () {
				return 'de_DE_formal';
			}
		);
		$this->assertSame( 'de_DE', Locale::resolve( 'xx_XX' ) );
	}
}
