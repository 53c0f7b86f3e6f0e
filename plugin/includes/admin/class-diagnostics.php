<?php
/**
 * The diagnostics checks of the chat's setup.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Admin;

use CCFM\Chat\Away_Hours;
use CCFM\Chat\Display_Rules;
use CCFM\Chat\Message_Text;
use CCFM\Platform\Click_Route;
use CCFM\Platform\Whitelist;
use CCFM\Plugin;
use CCFM\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Runs the diagnostics checks.
 *
 * @since 1.0.0
 *
 * @phpstan-type CcfmCheck array{id: string, label: string, status: 'good'|'warning'|'critical'|'info', description: string, fix: string, modes: list<'chat_plugin'|'link'>, needed: bool, needs: string}
 */
final class Diagnostics {

	/**
	 * A check result.
	 *
	 * @param string $id          Check id.
	 * @param string $label       Short name.
	 * @param string $status      good, warning or critical.
	 * @param string $description One sentence.
	 * @param string $fix         How to fix it.
	 * @return array{id: string, label: string, status: string, description: string, fix: string}
	 */
	private static function check( $id, $label, $status, $description, $fix = '' ) {
		return compact( 'id', 'label', 'status', 'description', 'fix' );
	}

	/**
	 * The modes that need each check: the Messenger link needs only a Page;
	 * everything Meta's Chat Plugin needs (HTTPS, a whitelistable domain, a
	 * referrer, a CSP that allows it, one SDK) matters in Chat Plugin mode only.
	 *
	 * @since 1.0.0
	 *
	 * @param string $id Check id.
	 * @return list<'chat_plugin'|'link'>
	 */
	public static function modes_of( $id ) {
		return in_array( $id, array( 'page_id', 'service', 'message_text', 'away_hours', 'click_counting' ), true ) ? array( 'link', 'chat_plugin' ) : array( 'chat_plugin' );
	}

	/**
	 * Says which mode needs a check, and makes a finding that the current
	 * mode does not need informational ("info"): never a warning, never
	 * critical.
	 *
	 * @param array{id: string, label: string, status: string, description: string, fix: string} $check Check.
	 * @param string                                                                             $mode  Current mode.
	 * @return CcfmCheck
	 */
	private static function for_mode( array $check, $mode ) {
		$modes  = self::modes_of( $check['id'] );
		$needed = in_array( $mode, $modes, true );
		$status = in_array( $check['status'], array( 'warning', 'critical' ), true ) ? $check['status'] : 'good';
		$fix    = $check['fix'];
		if ( ! $needed && 'good' !== $status ) {
			$status = 'info';
			$fix    = __( 'Nothing to do in Messenger-link mode: the Messenger link works without it.', 'customer-chat-for-messenger' );
		}
		return array(
			'id'          => $check['id'],
			'label'       => $check['label'],
			'status'      => $status,
			'description' => $check['description'],
			'fix'         => $fix,
			'modes'       => $modes,
			'needed'      => $needed,
			'needs'       => 2 === count( $modes )
				? __( 'Needed in both modes.', 'customer-chat-for-messenger' )
				: __( 'Needed by the Chat Plugin only.', 'customer-chat-for-messenger' ),
		);
	}

	/**
	 * The values of a response header: one per copy of the header (a header
	 * sent twice arrives as a list).
	 *
	 * @param array<mixed> $response HTTP API response.
	 * @param string       $name     Header name.
	 * @return list<string>
	 */
	private static function header_values( array $response, $name ) {
		return array_values( array_filter( (array) wp_remote_retrieve_header( $response, $name ), 'is_string' ) );
	}

	/**
	 * Whether a referrer policy stops the Chat Plugin (nothing sent cross-origin).
	 *
	 * @since 1.0.0
	 *
	 * @param string $policy Policy list, last valid token wins.
	 * @return bool
	 */
	public static function policy_breaks( $policy ) {
		$known  = array( 'no-referrer', 'no-referrer-when-downgrade', 'same-origin', 'origin', 'strict-origin', 'origin-when-cross-origin', 'strict-origin-when-cross-origin', 'unsafe-url' );
		$tokens = array_values( array_intersect( array_map( 'trim', explode( ',', strtolower( $policy ) ) ), $known ) );
		$last   = end( $tokens );
		return in_array( $last, array( 'no-referrer', 'same-origin' ), true );
	}

	/**
	 * Whether a CSP allows a source for a directive (with fallbacks).
	 *
	 * @since 1.0.0
	 *
	 * @param string   $csp        Header value.
	 * @param string[] $directives Directives in fallback order.
	 * @param string   $host       Host that must be allowed.
	 * @return bool
	 */
	public static function csp_allows( $csp, array $directives, $host ) {
		$parsed = array();
		foreach ( explode( ';', strtolower( $csp ) ) as $part ) {
			$words = preg_split( '/\s+/', trim( $part ) );
			if ( false === $words ) {
				continue;
			}
			$name = (string) array_shift( $words );
			// Browsers use the first copy of a directive and ignore repeats.
			if ( '' !== $name && ! isset( $parsed[ $name ] ) ) {
				$parsed[ $name ] = $words;
			}
		}
		foreach ( $directives as $directive ) {
			if ( isset( $parsed[ $directive ] ) ) {
				foreach ( $parsed[ $directive ] as $source ) {
					$source = (string) preg_replace( '#^https?://#', '', rtrim( $source, '/' ) );
					if ( in_array( $source, array( '*', 'https:', $host ), true ) || ( 0 === strpos( $source, '*.' ) && substr( $host, -strlen( $source ) + 1 ) === substr( $source, 1 ) ) ) {
						return true;
					}
				}
				return false;
			}
		}
		return true;
	}

	/**
	 * Runs every check. Each says which modes need it (modes, needed, needs);
	 * a finding the current mode does not need has the status "info".
	 *
	 * @since 1.0.0
	 *
	 * @return list<CcfmCheck>
	 */
	public static function run() {
		$settings = Settings::get();
		$home     = home_url( '/' );
		$host     = (string) wp_parse_url( $home, PHP_URL_HOST );
		$bare     = preg_replace( '/^www\./', '', $host );
		$checks   = array();

		if ( 'link' === $settings['mode'] ) {
			$checks[] = Display_Rules::configured( $settings )
				? self::check( 'page_id', __( 'Facebook Page', 'customer-chat-for-messenger' ), 'good', __( 'A Page username or ID is set: the Messenger link can open your Page.', 'customer-chat-for-messenger' ) )
				: self::check( 'page_id', __( 'Facebook Page', 'customer-chat-for-messenger' ), 'critical', __( 'No Page is set, so the chat does not show.', 'customer-chat-for-messenger' ), __( 'Enter your Page’s link, username or ID in the first field of the settings.', 'customer-chat-for-messenger' ) );
		} else {
			$checks[] = '' === $settings['page_id']
				? self::check( 'page_id', __( 'Facebook Page', 'customer-chat-for-messenger' ), 'critical', __( 'No numeric Page ID is set, and the Chat Plugin needs one, so the chat does not show.', 'customer-chat-for-messenger' ), __( 'Enter your Page ID in the Page panel, or choose Messenger-link mode, which works with the username alone.', 'customer-chat-for-messenger' ) )
				: self::check( 'page_id', __( 'Facebook Page', 'customer-chat-for-messenger' ), 'good', __( 'A well-formed Page ID is set.', 'customer-chat-for-messenger' ) );
		}

		$checks[] = 'link' === $settings['mode']
			? self::check( 'service', __( 'Chat Plugin service', 'customer-chat-for-messenger' ), 'good', __( 'Messenger-link mode is in use: visitors open your Page in Messenger, which works today.', 'customer-chat-for-messenger' ) )
			: self::check( 'service', __( 'Chat Plugin service', 'customer-chat-for-messenger' ), 'warning', __( 'Meta switched the Chat Plugin off on 2024-05-09; in Chat Plugin mode visitors get the Messenger-link fallback when it does not render.', 'customer-chat-for-messenger' ), __( 'Choose Messenger-link mode to skip loading Meta’s code entirely.', 'customer-chat-for-messenger' ) );

		$checks[] = Message_Text::check( $settings );
		$checks[] = Away_Hours::check_schedule( $settings );

		$checks[] = 'https' === wp_parse_url( $home, PHP_URL_SCHEME )
			? self::check( 'https', __( 'HTTPS', 'customer-chat-for-messenger' ), 'good', __( 'The site is served over HTTPS.', 'customer-chat-for-messenger' ) )
			: self::check( 'https', __( 'HTTPS', 'customer-chat-for-messenger' ), 'critical', __( 'The site is not served over HTTPS, and the Chat Plugin renders only on whitelisted HTTPS domains.', 'customer-chat-for-messenger' ), __( 'Serve the site over HTTPS and update the WordPress and site address.', 'customer-chat-for-messenger' ) );

		$checks[] = Whitelist::host_whitelistable( $host )
			? self::check(
				'domain',
				__( 'Domain', 'customer-chat-for-messenger' ),
				'good',
				__( 'The hostname can be whitelisted.', 'customer-chat-for-messenger' ),
				/* translators: 1: bare domain, 2: www domain. */
				sprintf( __( 'Whitelist both https://%1$s and https://www.%2$s on your Page (Settings → Advanced messaging → Whitelisted domains).', 'customer-chat-for-messenger' ), $bare, $bare )
			)
			: self::check(
				'domain',
				__( 'Domain', 'customer-chat-for-messenger' ),
				'critical',
				/* translators: %s: hostname. */
				sprintf( __( '%s cannot be whitelisted: IP addresses, localhost and .local, .test, .example or .invalid names are refused by Meta.', 'customer-chat-for-messenger' ), $host ),
				__( 'Use a public, fully qualified domain name, and whitelist both its www. and bare forms.', 'customer-chat-for-messenger' )
			);

		$response = wp_remote_get(
			$home,
			array(
				'timeout'     => 10,
				'redirection' => 2,
				'sslverify'   => false,
			)
		);
		if ( is_wp_error( $response ) ) {
			$checks[] = self::check(
				'loopback',
				__( 'Home page', 'customer-chat-for-messenger' ),
				'warning',
				/* translators: %s: error message. */
				sprintf( __( 'The home page could not be fetched to check its headers: %s', 'customer-chat-for-messenger' ), $response->get_error_message() ),
				__( 'Make sure the site can reach itself (Tools → Site Health shows loopback problems).', 'customer-chat-for-messenger' )
			);
			return self::all_for_mode( $checks, $settings['mode'] );
		}
		$html = (string) wp_remote_retrieve_body( $response );
		// A header sent twice arrives as a list: the last valid policy wins.
		$header = implode( ', ', self::header_values( $response, 'referrer-policy' ) );
		$meta   = '';
		if ( preg_match( '/<meta\s[^>]*name=["\']?referrer["\']?[^>]*>/i', $html, $tag ) && preg_match( '/content=["\']([^"\']*)["\']/i', $tag[0], $m ) ) {
			$meta = $m[1];
		}
		$broken   = array_filter(
			array(
				/* translators: %s: header value. */
				self::policy_breaks( $header ) ? sprintf( __( 'the Referrer-Policy header is "%s"', 'customer-chat-for-messenger' ), $header ) : '',
				/* translators: %s: meta value. */
				self::policy_breaks( $meta ) ? sprintf( __( '<meta name="referrer"> is "%s"', 'customer-chat-for-messenger' ), $meta ) : '',
			)
		);
		$checks[] = $broken
			? self::check( 'referrer', __( 'Referrer policy', 'customer-chat-for-messenger' ), 'critical', ucfirst( implode( '; ', $broken ) ) . __( ': the Chat Plugin gets no referrer and refuses to render.', 'customer-chat-for-messenger' ), __( 'Use strict-origin-when-cross-origin (the browser default) instead of no-referrer or same-origin, in your server, security plugin or theme.', 'customer-chat-for-messenger' ) )
			: self::check( 'referrer', __( 'Referrer policy', 'customer-chat-for-messenger' ), 'good', __( 'The home page sends a referrer to Meta.', 'customer-chat-for-messenger' ) );

		// Several policies all apply: each one must allow the Chat Plugin.
		$policies = array_filter( self::header_values( $response, 'content-security-policy' ) );
		if ( ! $policies ) {
			$checks[] = self::check( 'csp', __( 'Content-Security-Policy', 'customer-chat-for-messenger' ), 'good', __( 'No Content-Security-Policy limits the Chat Plugin.', 'customer-chat-for-messenger' ) );
		} else {
			$blocked = array();
			foreach ( $policies as $csp ) {
				if ( ! self::csp_allows( $csp, array( 'script-src-elem', 'script-src', 'default-src' ), 'connect.facebook.net' ) ) {
					$blocked['script'] = __( 'scripts from connect.facebook.net', 'customer-chat-for-messenger' );
				}
				if ( ! self::csp_allows( $csp, array( 'frame-src', 'child-src', 'default-src' ), 'www.facebook.com' ) ) {
					$blocked['frame'] = __( 'frames from www.facebook.com', 'customer-chat-for-messenger' );
				}
			}
			$checks[] = $blocked
				/* translators: %s: what is blocked. */
				? self::check( 'csp', __( 'Content-Security-Policy', 'customer-chat-for-messenger' ), 'critical', sprintf( __( 'The Content-Security-Policy blocks %s.', 'customer-chat-for-messenger' ), implode( __( ' and ', 'customer-chat-for-messenger' ), $blocked ) ), __( 'Add https://connect.facebook.net to script-src and https://www.facebook.com to frame-src.', 'customer-chat-for-messenger' ) )
				: self::check( 'csp', __( 'Content-Security-Policy', 'customer-chat-for-messenger' ), 'good', __( 'The Content-Security-Policy allows the Chat Plugin.', 'customer-chat-for-messenger' ) );
		}

		$others   = preg_match_all( '#<script[^>]+src=["\'][^"\']*connect\.facebook\.net/[^"\']*#i', $html, $found );
		$checks[] = $others
			? self::check( 'other_sdk', __( 'Other Facebook SDK', 'customer-chat-for-messenger' ), 'warning', __( 'The theme or another plugin already loads the Facebook SDK on the home page; two SDKs stop the chat from showing.', 'customer-chat-for-messenger' ), __( 'Switch that include to the xfbml.customerchat.js build or remove it; this plugin then reuses it.', 'customer-chat-for-messenger' ) )
			: self::check( 'other_sdk', __( 'Other Facebook SDK', 'customer-chat-for-messenger' ), 'good', __( 'No other Facebook SDK is printed on the home page.', 'customer-chat-for-messenger' ) );

		$checks[] = self::click_counting_check();

		return self::all_for_mode( $checks, $settings['mode'] );
	}

	/**
	 * Whether visitors' clicks can reach the click beacon: an anonymous
	 * loopback POST to the beacon URL the front end uses (this site's
	 * permalinks, sub-directory and all), shaped like a visitor's beacon for
	 * the home page but with a key no page printed, so nothing is counted.
	 * The route itself answers that with its own refusal (ccfm_click_forged);
	 * anything else (REST API limited to logged-in users, a firewall, the
	 * route unreachable) means no click can be counted.
	 *
	 * @since 1.0.0
	 *
	 * @return array{id: string, label: string, status: string, description: string, fix: string}
	 */
	private static function click_counting_check() {
		$label = __( 'Click counting', 'customer-chat-for-messenger' );
		if ( ! Click_Route::counting() ) {
			return self::check( 'click_counting', $label, 'good', __( 'Click counting is off, so no beacon is sent.', 'customer-chat-for-messenger' ) );
		}
		$url      = Click_Route::beacon_url( Click_Route::home_page(), false ) . '&k=diagnostics-probe';
		$response = wp_remote_post(
			$url,
			array(
				'timeout'     => 10,
				'redirection' => 0,
				'sslverify'   => false,
				'cookies'     => array(),
				'headers'     => array( 'Content-Type' => 'text/plain;charset=UTF-8' ),
				'user-agent'  => 'Mozilla/5.0 (compatible; customer-chat-for-messenger diagnostics)',
				'body'        => 'https://m.me/diagnostics',
			)
		);
		$fix      = __( 'Let visitors who are not logged in reach the REST API route /ccfm/v1/click (security plugins and firewalls can limit the REST API to logged-in users), or turn click counting off.', 'customer-chat-for-messenger' );
		if ( is_wp_error( $response ) ) {
			/* translators: %s: error message. */
			return self::check( 'click_counting', $label, 'warning', sprintf( __( 'The click beacon could not be reached, so clicks are not counted: %s', 'customer-chat-for-messenger' ), $response->get_error_message() ), $fix );
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		$body   = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		$code   = is_array( $body ) && isset( $body['code'] ) && is_string( $body['code'] ) ? $body['code'] : '';
		if ( 400 === $status && 'ccfm_click_forged' === $code ) {
			return self::check( 'click_counting', $label, 'good', __( 'Visitors’ browsers can reach the click beacon, so clicks are counted.', 'customer-chat-for-messenger' ) );
		}
		return self::check(
			'click_counting',
			$label,
			'warning',
			/* translators: 1: HTTP status, 2: error code or "none". */
			sprintf( __( 'The click beacon refused a visitor’s request (HTTP %1$d, %2$s), so clicks are not counted.', 'customer-chat-for-messenger' ), $status, '' !== $code ? $code : __( 'no error code', 'customer-chat-for-messenger' ) ),
			$fix
		);
	}

	/**
	 * Every check, told which mode needs it.
	 *
	 * @param array<int,array{id: string, label: string, status: string, description: string, fix: string}> $checks Checks.
	 * @param string                                                                                        $mode   Current mode.
	 * @return list<CcfmCheck>
	 */
	private static function all_for_mode( array $checks, $mode ) {
		$out = array();
		foreach ( $checks as $check ) {
			$out[] = self::for_mode( $check, $mode );
		}
		return $out;
	}
}
