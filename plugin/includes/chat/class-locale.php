<?php
/**
 * Facebook locale codes and the WordPress → Facebook mapping.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Chat;

use CCFM\Data_Files;

defined( 'ABSPATH' ) || exit;

/**
 * Resolves the SDK locale, per request so multilingual sites get the
 * visitor's language.
 *
 * @since 1.0.0
 */
final class Locale {

	/**
	 * Decoded data/facebook-locales.json.
	 *
	 * @var array{facebook_locales: array<string,string>, wordpress_to_facebook: array<string,string>}|null
	 */
	private static $data = null;

	/**
	 * The locale data; both maps empty when data/facebook-locales.json is
	 * missing or damaged (Data_Files reports it).
	 *
	 * @return array{facebook_locales: array<string,string>, wordpress_to_facebook: array<string,string>}
	 */
	private static function data() {
		if ( null === self::$data ) {
			$data       = Data_Files::load(
				Data_Files::LOCALES,
				static function ( array $data ) {
					foreach ( array( 'facebook_locales', 'wordpress_to_facebook' ) as $key ) {
						if ( ! isset( $data[ $key ] ) || ! is_array( $data[ $key ] ) || array() === $data[ $key ] ) {
							return false;
						}
					}
					return true;
				}
			);
			self::$data = array(
				'facebook_locales'      => self::string_map( is_array( $data ) ? $data['facebook_locales'] : array() ),
				'wordpress_to_facebook' => self::string_map( is_array( $data ) ? $data['wordpress_to_facebook'] : array() ),
			);
		}
		return self::$data;
	}

	/**
	 * The string => string pairs of a decoded map.
	 *
	 * @param mixed $map Decoded JSON object.
	 * @return array<string,string>
	 */
	private static function string_map( $map ) {
		$out = array();
		foreach ( is_array( $map ) ? $map : array() as $key => $value ) {
			if ( is_string( $key ) && is_string( $value ) ) {
				$out[ $key ] = $value;
			}
		}
		return $out;
	}

	/**
	 * Forgets the data read (tests point the loader at other files).
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function flush() {
		self::$data = null;
	}

	/**
	 * Every Facebook locale code.
	 *
	 * @since 1.0.0
	 *
	 * @return string[]
	 */
	public static function codes() {
		return array_keys( self::data()['facebook_locales'] );
	}

	/**
	 * Facebook locale code => English name.
	 *
	 * @since 1.0.0
	 *
	 * @return array<string,string>
	 */
	public static function names() {
		return self::data()['facebook_locales'];
	}

	/**
	 * Maps a WordPress locale to a Facebook locale.
	 *
	 * Order: the GlotPress mapping; the locale without its variant
	 * (de_DE_formal → de_DE); the code itself when Facebook knows it; the bare
	 * language as xx_XX; en_US.
	 *
	 * @since 1.0.0
	 *
	 * @param string $wp_locale WordPress locale, e.g. es_MX.
	 * @return string
	 */
	public static function from_wordpress( $wp_locale ) {
		$data  = self::data();
		$map   = $data['wordpress_to_facebook'];
		$known = $data['facebook_locales'];
		$parts = explode( '_', (string) $wp_locale );
		$base  = isset( $parts[1] ) ? $parts[0] . '_' . $parts[1] : $parts[0];
		$bare  = array(
			'ca' => 'ca_ES',
			'en' => 'en_US',
			'el' => 'el_GR',
			'et' => 'et_EE',
			'ja' => 'ja_JP',
			'sq' => 'sq_AL',
			'uk' => 'uk_UA',
			'vi' => 'vi_VN',
			'zh' => 'zh_CN',
		);
		foreach ( array( $wp_locale, $base ) as $candidate ) {
			if ( isset( $map[ $candidate ] ) ) {
				return $map[ $candidate ];
			}
			if ( isset( $known[ $candidate ] ) ) {
				return $candidate;
			}
		}
		$language = strtolower( $parts[0] );
		if ( isset( $map[ $language ] ) ) {
			return $map[ $language ];
		}
		if ( isset( $bare[ $language ] ) ) {
			return $bare[ $language ];
		}
		$doubled = $language . '_' . strtoupper( $language );
		return isset( $known[ $doubled ] ) ? $doubled : 'en_US';
	}

	/**
	 * The locale to load the SDK in for this request.
	 *
	 * @since 1.0.0
	 *
	 * @param string $setting The `locale` setting: `auto` or a code.
	 * @return string
	 */
	public static function resolve( $setting ) {
		if ( 'auto' !== $setting && isset( self::data()['facebook_locales'][ $setting ] ) ) {
			return $setting;
		}
		/**
		 * Filters the Facebook locale the site language resolves to.
		 *
		 * @since 1.0.0
		 *
		 * @param string $locale    Facebook locale.
		 * @param string $wp_locale The request's WordPress locale.
		 */
		$wp_locale = determine_locale();
		$locale    = self::from_wordpress( $wp_locale );
		$filtered  = apply_filters( 'ccfm_locale', $locale, $wp_locale );
		return is_string( $filtered ) ? $filtered : $locale;
	}
}
