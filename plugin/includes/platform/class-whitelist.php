<?php
/**
 * The Page's whitelisted domains and whether this site can and does appear there.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

defined( 'ABSPATH' ) || exit;

/**
 * The whitelist.
 *
 * @since 1.0.0
 */
final class Whitelist {

	const WHITELIST_LIMIT = 50;

	/**
	 * The site's origin (scheme://host[:port]) as Meta lists it.
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public static function site_origin() {
		$parts = wp_parse_url( home_url( '/' ) );
		if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
			return '';
		}
		$scheme = isset( $parts['scheme'] ) ? strtolower( $parts['scheme'] ) : 'https';
		return $scheme . '://' . strtolower( $parts['host'] ) . ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' );
	}

	/**
	 * The www./bare twin of an origin ('' when the host has a single label).
	 *
	 * @since 1.0.0
	 *
	 * @param string $origin Origin.
	 * @return string
	 */
	public static function twin_origin( $origin ) {
		if ( ! preg_match( '#^(https?://)([^/:]+)(:\d+)?$#', $origin, $m ) ) {
			return '';
		}
		$port = isset( $m[3] ) ? $m[3] : '';
		if ( 0 === strpos( $m[2], 'www.' ) ) {
			return $m[1] . substr( $m[2], 4 ) . $port;
		}
		return false === strpos( $m[2], '.' ) ? '' : $m[1] . 'www.' . $m[2] . $port;
	}

	/**
	 * A whitelist entry in comparable form: lower case, no trailing slash.
	 *
	 * @since 1.0.0
	 *
	 * @param string $domain Entry.
	 * @return string
	 */
	public static function normalize_domain( $domain ) {
		return untrailingslashit( strtolower( trim( (string) $domain ) ) );
	}

	/**
	 * The whitelist as Meta has it, and whether this site is on it.
	 *
	 * @since 1.0.0
	 *
	 * @return array{domains: list<string>, limit: int, origin: string, origin_listed: bool, twin: string, twin_listed: bool, whitelistable: bool}|\WP_Error
	 */
	public static function whitelist_report() {
		$profile = Graph_Client::for_page()->get_profile( array( 'whitelisted_domains' ) );
		if ( is_wp_error( $profile ) ) {
			return $profile;
		}
		$domains = isset( $profile['whitelisted_domains'] ) && is_array( $profile['whitelisted_domains'] ) ? array_values( array_filter( $profile['whitelisted_domains'], 'is_string' ) ) : array();
		$listed  = array_map( array( self::class, 'normalize_domain' ), $domains );
		$origin  = self::site_origin();
		$twin    = self::twin_origin( $origin );
		$host    = (string) wp_parse_url( $origin, PHP_URL_HOST );
		return array(
			'domains'       => $domains,
			'limit'         => self::WHITELIST_LIMIT,
			'origin'        => $origin,
			'origin_listed' => in_array( self::normalize_domain( $origin ), $listed, true ),
			'twin'          => $twin,
			'twin_listed'   => '' !== $twin && in_array( self::normalize_domain( $twin ), $listed, true ),
			'whitelistable' => 0 === strpos( $origin, 'https://' ) && self::host_whitelistable( $host ),
		);
	}

	/**
	 * Whether a hostname could be put on a Page's whitelist.
	 *
	 * @since 1.0.0
	 *
	 * @param string $host Hostname.
	 * @return bool
	 */
	public static function host_whitelistable( $host ) {
		$host = strtolower( trim( $host, '[]' ) );
		if ( '' === $host || false !== filter_var( $host, FILTER_VALIDATE_IP ) || false === strpos( $host, '.' ) ) {
			return false;
		}
		return ! preg_match( '/(^|\.)(localhost|local|test|example|invalid)$/', $host );
	}
}
