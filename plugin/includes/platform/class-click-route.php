<?php
/**
 * POST /ccfm/v1/click: the beacon a visitor's browser sends when the
 * bubble, a "Message us" button or a data-ccfm-open element is used.
 *
 * Public (navigator.sendBeacon sends no nonce, and cached pages could not
 * carry one), so nothing it reports is trusted: the page and ref must carry
 * the key the site printed for them (an HMAC, the same on every render, so
 * full-page caches keep working), bots and prefetches are refused before
 * any write, and what one browser, one IP address and the whole site may
 * add per day is capped (each cap fails closed). It works on every
 * permalink setting (`?rest_route=` included). No cookie is set or read
 * and no IP address or user agent is stored: the caps count under HMACs
 * of them with the day, deleted by the daily pruning (Click_Store::prune()).
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

use CCFM\Response_Schemas;
use CCFM\Rest_Access;
use CCFM\Settings\Settings;
use CCFM\Settings\Validator;

defined( 'ABSPATH' ) || exit;

/**
 * The click beacon's route.
 *
 * @since 1.0.0
 */
final class Click_Route {

	const ROUTE = '/click';

	/**
	 * Clicks one client (IP address + user agent) may add per day.
	 */
	const DAILY_CAP = 30;

	/**
	 * Clicks one IP address may add per day, whatever the user agents: high
	 * enough that an office or a carrier NAT (many visitors, one address)
	 * is not capped by one visitor, low enough that a script changing its
	 * user agent on every beacon stops soon.
	 *
	 * @since 1.0.0
	 */
	const IP_DAILY_CAP = 300;

	/**
	 * New rows (day × page × ref × path combinations not counted yet today)
	 * the whole site may add per day (UTC); beyond it, only rows that exist
	 * still count.
	 *
	 * @since 1.0.0
	 */
	const NEW_ROWS_PER_DAY = 2000;

	/**
	 * The page a 404 counts under: one value, so requests for made-up
	 * addresses cannot add page rows.
	 *
	 * @since 1.0.0
	 */
	const NOT_FOUND_PAGE = '/404';

	/**
	 * The page search results count under (whatever was searched for).
	 *
	 * @since 1.0.0
	 */
	const SEARCH_PAGE = '/search';

	/**
	 * User agents that are not a person's browser (crawlers, link previews,
	 * scripted clients). Browsers always send a user agent. (Headless
	 * Chromium is not refused: a page it renders can be a person's, e.g. a
	 * testing or screenshot service, and it runs the boot script anyway.)
	 *
	 * @since 1.0.0
	 */
	const BOT_PATTERN = '#bot\b|bot/|crawl|spider|slurp|archiver|facebookexternalhit|lighthouse|prerender|preview|^curl/|^wget/|python|go-http-client|okhttp|^java/|libwww|httpclient|scrapy|phantomjs#i';

	/**
	 * Longest body accepted: the m.me link clicked, with its ref and its
	 * pre-filled text (up to 500 characters, URL-encoded).
	 */
	const MAX_BODY_BYTES = 8192;

	/**
	 * The WP Consent API category a beacon needs.
	 */
	const CONSENT_CATEGORY = 'statistics-anonymous';

	/**
	 * What a click may carry in its query: the page, its key and the path;
	 * `rest_route` is the route itself on Plain permalinks.
	 *
	 * @since 1.0.0
	 */
	const PARAMS = array( 'page', 'k', 'path', 'rest_route' );

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_pre_serve_request', array( self::class, 'strip_cookies' ), 10, 4 );
	}

	/**
	 * Whether counting is on in the settings.
	 *
	 * @since 1.0.0
	 *
	 * @return bool
	 */
	public static function counting() {
		return 'on' === Settings::get()['click_counting'];
	}

	/**
	 * The secret of one use of the click counting, derived from the plugin's
	 * secret with a context of its own (the one place that names it).
	 *
	 * @since 1.0.0
	 *
	 * @param string $context What the secret is for.
	 * @return string
	 */
	private static function secret( $context ) {
		return hash_hmac( 'sha256', 'ccfm-clicks|' . $context, Secrets::sender_secret() );
	}

	/**
	 * The key the site prints for a page and a ref: 16 characters of
	 * base64url (96 bits of an HMAC), the same on every render so cached
	 * pages keep working, and impossible to make without the secret.
	 *
	 * @since 1.0.0
	 *
	 * @param string $page Page (post ID or path).
	 * @param string $ref  Ref of the m.me link.
	 * @return string
	 */
	public static function key( $page, $ref ) {
		$mac = substr( hash_hmac( 'sha256', $page . "\n" . $ref, self::secret( 'key' ), true ), 0, 12 );
		return strtr( base64_encode( $mac ), '+/', '-_' ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- a URL-safe key, not obfuscation.
	}

	/**
	 * The page of the current request as the counts name it: the post ID
	 * of a single post or page (and of the posts page), the address of the
	 * archive WordPress resolved (not the one requested, so made-up
	 * addresses and extra path segments add no rows), one value for every
	 * 404 and one for search results, the home path for the rest.
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public static function current_page() {
		if ( is_singular() || ( is_home() && ! is_front_page() && get_queried_object_id() ) ) {
			return (string) get_queried_object_id();
		}
		if ( is_404() ) {
			return self::NOT_FOUND_PAGE;
		}
		if ( is_search() ) {
			return self::SEARCH_PAGE;
		}
		$link   = '';
		$object = get_queried_object();
		if ( ( is_category() || is_tag() || is_tax() ) && $object instanceof \WP_Term ) {
			$link = get_term_link( $object );
		} elseif ( is_author() && $object instanceof \WP_User ) {
			$link = get_author_posts_url( $object->ID );
		} elseif ( is_post_type_archive() && $object instanceof \WP_Post_Type ) {
			$link = get_post_type_archive_link( $object->name );
		} elseif ( is_date() ) {
			// The date archive's own link (WordPress answers 404 for a date without posts).
			$date = array();
			foreach ( array( 'year', 'monthnum', 'day' ) as $part ) {
				$value         = get_query_var( $part );
				$date[ $part ] = is_numeric( $value ) ? (int) $value : 0;
			}
			$link = is_day() ? get_day_link( $date['year'], $date['monthnum'], $date['day'] ) : ( is_month() ? get_month_link( $date['year'], $date['monthnum'] ) : get_year_link( $date['year'] ) );
		}
		$path = is_string( $link ) ? wp_parse_url( $link, PHP_URL_PATH ) : null;
		return is_string( $path ) && self::valid_page( $path ) ? $path : self::home_page();
	}

	/**
	 * The page of the home page's path (with WordPress in a sub-directory,
	 * that directory), and of whatever has no page of its own.
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public static function home_page() {
		$path = wp_parse_url( home_url( '/' ), PHP_URL_PATH );
		return is_string( $path ) && self::valid_page( $path ) ? $path : '/';
	}

	/**
	 * The beacon's URL for a page, without its key: the REST route as this
	 * site's permalinks make it (`/wp-json/…`, `/index.php/wp-json/…` or
	 * `/?rest_route=…`, in a sub-directory too), then `page=…`; the boot
	 * script appends `&k=` and the key (JSON would print `&` as `\u0026`).
	 *
	 * @since 1.0.0
	 *
	 * @param string $page     Page.
	 * @param bool   $relative Relative to the host (what the front end uses) or absolute.
	 * @return string
	 */
	public static function beacon_url( $page, $relative = true ) {
		$url = rest_url( Rest_Access::NAMESPACE_V1 . self::ROUTE );
		$url = $relative ? wp_make_link_relative( $url ) : $url;
		return $url . ( false === strpos( $url, '?' ) ? '?' : '&' ) . 'page=' . rawurlencode( $page );
	}

	/**
	 * What the boot script needs to send a beacon: the route with this
	 * page (`beacon`), and the key of this page and the
	 * bubble's ref (`key`); a "Message us" button carries the key of its
	 * own ref (button_attribute()). In Chat Plugin mode the boot script
	 * appends the path it took. The consent category when the WP Consent
	 * API is active. Nothing when counting is off.
	 *
	 * @since 1.0.0
	 *
	 * @param string $ref The bubble's ref on this page.
	 * @return array<string,string|bool>
	 */
	public static function front_config( $ref = '' ) {
		if ( ! self::counting() ) {
			return array();
		}
		$page   = self::current_page();
		$config = array(
			'beacon' => self::beacon_url( $page ),
			'key'    => self::key( $page, $ref ),
		);
		if ( function_exists( 'wp_has_consent' ) ) {
			$config['stats'] = self::CONSENT_CATEGORY;
		}
		return $config;
	}

	/**
	 * The attribute that lets a printed "Message us" button's own ref be
	 * counted: ` data-ccfm-k="…"`, the key of this page and that ref
	 * (escaped); nothing when counting is off.
	 *
	 * @since 1.0.0
	 *
	 * @param string $ref The button's ref.
	 * @return string
	 */
	public static function button_attribute( $ref ) {
		return self::counting() ? ' data-ccfm-k="' . esc_attr( self::key( self::current_page(), $ref ) ) . '"' : '';
	}

	/**
	 * The privacy-policy paragraph on click counting (escaped).
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public static function policy_text() {
		return esc_html__( 'When you use the chat bubble or a "Message us" button, and unless the site owner turned click counting off (or, where this site asks for consent, you have not consented to anonymous statistics), your browser tells this site which page you were on (its post ID or address), the reference of the Messenger link and whether the chat or the link opened. We add it to a count per day; we store no IP address, no browser details and no cookie. To limit how many clicks one browser and one IP address can report in a day, two keys derived with a secret (one from your IP address and browser, one from your IP address alone) are kept for that day and deleted by the next daily clean-up. The counts are deleted after the retention period.', 'customer-chat-for-messenger' );
	}

	/**
	 * Whether a page is a post ID or a path the table can hold.
	 *
	 * @since 1.0.0
	 *
	 * @param string $page Page.
	 * @return bool
	 */
	public static function valid_page( $page ) {
		return 1 === preg_match( '#^(?:[1-9][0-9]{0,19}|/[^\s?\#\x00-\x1f\x7f]{0,254})$#uD', $page ) && strlen( $page ) <= 255;
	}

	/**
	 * Registers the route.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_routes() {
		register_rest_route(
			Rest_Access::NAMESPACE_V1,
			self::ROUTE,
			array(
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'rest_click' ),
					// Public by design: a beacon from any visitor's browser, checked field by field.
					'permission_callback' => '__return_true',
					'args'                => array(
						'page' => array(
							'description' => __( 'The page: a post ID or a path.', 'customer-chat-for-messenger' ),
							'type'        => 'string',
							'required'    => true,
						),
						'k'    => array(
							'description' => __( 'The key the page printed for its page and the ref clicked.', 'customer-chat-for-messenger' ),
							'type'        => 'string',
							'required'    => true,
						),
						'path' => array(
							'description' => __( 'The path taken: chat or link (link when left out).', 'customer-chat-for-messenger' ),
							'type'        => 'string',
							'enum'        => Click_Store::PATHS,
							'default'     => 'link',
						),
					),
				),
				'schema' => Response_Schemas::callback( 'click' ),
			)
		);
	}

	/**
	 * The error of a refused beacon.
	 *
	 * @param string $code    Error code.
	 * @param string $message Message.
	 * @param int    $status  HTTP status.
	 * @return \WP_Error
	 */
	private static function refuse( $code, $message, $status = 400 ) {
		return new \WP_Error( $code, $message, array( 'status' => $status ) );
	}

	/**
	 * The ref of the m.me link in the body, or null when the body is not an
	 * m.me link with a valid ref (or none).
	 *
	 * @since 1.0.0
	 *
	 * @param string $body Raw body.
	 * @return string|null
	 */
	public static function ref_of( $body ) {
		if ( strlen( $body ) > self::MAX_BODY_BYTES || ! preg_match( '#^https://m\.me/[A-Za-z0-9.]{1,50}(?:\?[^\s\#]*)?$#D', $body ) ) {
			return null;
		}
		$query = (string) wp_parse_url( $body, PHP_URL_QUERY );
		$args  = array();
		parse_str( $query, $args );
		// The link carries the ref and, with a pre-filled message, its text (not stored).
		$extra = array_diff( array_keys( $args ), array( 'ref', 'text' ) );
		if ( $extra ) {
			return null;
		}
		$ref = isset( $args['ref'] ) ? $args['ref'] : '';
		if ( ! is_string( $ref ) || is_wp_error( Validator::validate_field( 'ref', $ref ) ) ) {
			return null;
		}
		return $ref;
	}

	/**
	 * Whether a request is a bot's or a prefetch (refused before any
	 * database work): no user agent or a bot's, or a prefetch header
	 * (`Sec-Purpose`, `Purpose`, `X-Purpose`, `X-Moz`).
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return bool
	 */
	public static function is_automated( $request ) {
		foreach ( array( 'sec_purpose', 'purpose', 'x_purpose', 'x_moz' ) as $header ) {
			$value = (string) $request->get_header( $header );
			if ( false !== stripos( $value, 'prefetch' ) || false !== stripos( $value, 'preview' ) ) {
				return true;
			}
		}
		$agent = (string) $request->get_header( 'user_agent' );
		return '' === trim( $agent ) || 1 === preg_match( self::BOT_PATTERN, $agent );
	}

	/**
	 * POST /click?page=…&k=…&path=…, the body the m.me link that was
	 * clicked. 204 when counted; 400 for anything the page did not print
	 * (a field too many, a bad page or body, a key that does not match the
	 * page and ref); 403 with counting off and for bots and prefetches;
	 * 429 past a daily cap; 503 when a cap cannot be written (it fails
	 * closed).
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function rest_click( $request ) {
		if ( ! self::counting() ) {
			return self::refuse( 'ccfm_click_off', __( 'Click counting is off on this site.', 'customer-chat-for-messenger' ), 403 );
		}
		if ( self::is_automated( $request ) ) {
			return self::refuse( 'ccfm_click_automated', __( 'Clicks of bots and prefetches are not counted.', 'customer-chat-for-messenger' ), 403 );
		}
		$extra = array_diff( array_keys( $request->get_query_params() + $request->get_body_params() ), self::PARAMS );
		if ( $extra ) {
			return self::refuse( 'rest_invalid_param', __( 'A click carries only a page, its key and a path.', 'customer-chat-for-messenger' ) );
		}
		$page = $request['page'];
		if ( ! is_string( $page ) || ! self::valid_page( $page ) ) {
			return self::refuse( 'rest_invalid_param', __( 'The page must be a post ID or a path.', 'customer-chat-for-messenger' ) );
		}
		$path = $request['path'];
		$ref  = self::ref_of( trim( (string) $request->get_body() ) );
		if ( ! is_string( $path ) || null === $ref ) {
			return self::refuse( 'rest_invalid_param', __( 'The body must be the m.me link that was clicked.', 'customer-chat-for-messenger' ) );
		}
		$key = $request['k'];
		if ( ! is_string( $key ) || ! hash_equals( self::key( $page, $ref ), $key ) ) {
			return self::refuse( 'ccfm_click_forged', __( 'The page and the ref must be ones this site printed, with their key.', 'customer-chat-for-messenger' ) );
		}
		if ( ctype_digit( $page ) && ! is_post_publicly_viewable( (int) $page ) ) {
			return self::refuse( 'rest_invalid_param', __( 'The page must be a post ID or a path.', 'customer-chat-for-messenger' ) );
		}
		$allowance = self::take_allowance();
		if ( true !== $allowance ) {
			return $allowance;
		}
		$day    = current_datetime()->format( 'Y-m-d' );
		$stored = Click_Store::exists( $day, $page, $ref, $path );
		if ( null === $stored ) {
			return self::unavailable();
		}
		if ( ! $stored ) {
			$rows = Click_Store::take( 'rows:' . gmdate( 'Y-m-d' ), gmdate( 'Y-m-d' ) );
			if ( null === $rows ) {
				return self::unavailable();
			}
			if ( $rows > self::NEW_ROWS_PER_DAY ) {
				return self::refuse( 'ccfm_click_budget', __( 'This site has counted enough new pages and refs for today; clicks already counted today still count.', 'customer-chat-for-messenger' ), 429 );
			}
		}
		if ( ! Click_Store::add( $day, $page, $ref, $path ) ) {
			return self::unavailable();
		}
		return new \WP_REST_Response( null, 204 );
	}

	/**
	 * The answer when a count or a cap cannot be written.
	 *
	 * @return \WP_Error
	 */
	private static function unavailable() {
		return self::refuse( 'ccfm_click_unavailable', __( 'Clicks cannot be counted right now.', 'customer-chat-for-messenger' ), 503 );
	}

	/**
	 * The client's IP address. REMOTE_ADDR, unless the site names the
	 * header its reverse proxy or CDN sets (filter ccfm_client_ip_header,
	 * none by default: a header is trusted only when the site says every
	 * request comes through that proxy). Then the right-most address of the
	 * header that is not one of the site's own proxies (filter
	 * ccfm_trusted_proxies) is the client, if it is a valid IP address;
	 * anything else falls back to REMOTE_ADDR.
	 *
	 * @since 1.0.0
	 *
	 * @return string A valid IP address, or '' without one.
	 */
	public static function client_ip() {
		$remote = isset( $_SERVER['REMOTE_ADDR'] ) && is_string( $_SERVER['REMOTE_ADDR'] ) ? self::normalize_ip( sanitize_text_field( wp_unslash( $_SERVER['REMOTE_ADDR'] ) ) ) : null;
		$remote = null === $remote ? '' : $remote;
		/**
		 * Filters the $_SERVER key of the header that carries the visitor's
		 * IP address behind a reverse proxy or CDN, e.g. 'HTTP_X_FORWARDED_FOR'
		 * or 'HTTP_CF_CONNECTING_IP'. Empty (the default): REMOTE_ADDR is the
		 * client. Name a header only when every request reaches the site
		 * through that proxy, or anyone can set it.
		 *
		 * @since 1.0.0
		 *
		 * @param string $header A $_SERVER key starting with HTTP_, or ''.
		 */
		$header = apply_filters( 'ccfm_client_ip_header', '' );
		if ( ! is_string( $header ) || 1 !== preg_match( '/^HTTP_[A-Z0-9_]+$/D', $header ) || ! isset( $_SERVER[ $header ] ) || ! is_string( $_SERVER[ $header ] ) ) {
			return $remote;
		}
		/**
		 * Filters the addresses of the site's own proxies (IP addresses or
		 * CIDR ranges) that may appear in the client-IP header after the
		 * visitor's address, e.g. a load balancer behind the CDN.
		 *
		 * @since 1.0.0
		 *
		 * @param string[] $proxies Addresses or ranges; none by default.
		 */
		$proxies = apply_filters( 'ccfm_trusted_proxies', array() );
		$proxies = is_array( $proxies ) ? array_filter( $proxies, 'is_string' ) : array();
		$value   = wp_unslash( $_SERVER[ $header ] ); // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- each address is validated as an IP address below.
		$hops    = array_reverse( explode( ',', is_string( $value ) ? $value : '' ) );
		foreach ( $hops as $hop ) {
			$ip = self::normalize_ip( trim( $hop ) );
			if ( null === $ip ) {
				return $remote; // Malformed: nothing left of it can be trusted.
			}
			if ( ! self::in_ranges( $ip, $proxies ) ) {
				return $ip;
			}
		}
		return $remote;
	}

	/**
	 * An IP address in its canonical form (a port or IPv6 brackets taken
	 * off), or null when it is not one.
	 *
	 * @param string $value Address as a header carries it.
	 * @return string|null
	 */
	private static function normalize_ip( $value ) {
		if ( preg_match( '/^\[([0-9A-Fa-f:.]+)\](?::[0-9]{1,5})?$/D', $value, $m ) ) {
			$value = $m[1];
		} elseif ( preg_match( '/^([0-9]{1,3}(?:\.[0-9]{1,3}){3}):[0-9]{1,5}$/D', $value, $m ) ) {
			$value = $m[1];
		}
		if ( false === filter_var( $value, FILTER_VALIDATE_IP ) ) {
			return null;
		}
		$packed = inet_pton( $value );
		$ip     = false === $packed ? false : inet_ntop( $packed );
		return false === $ip ? null : $ip;
	}

	/**
	 * Whether an address is one of a list of addresses or CIDR ranges.
	 *
	 * @param string   $ip     Valid IP address.
	 * @param string[] $ranges Addresses or ranges.
	 * @return bool
	 */
	private static function in_ranges( $ip, array $ranges ) {
		$packed = (string) inet_pton( $ip );
		foreach ( $ranges as $range ) {
			$parts = explode( '/', trim( $range ), 2 );
			$net   = false === filter_var( $parts[0], FILTER_VALIDATE_IP ) ? false : inet_pton( $parts[0] );
			if ( false === $net || strlen( $net ) !== strlen( $packed ) ) {
				continue;
			}
			$bits = isset( $parts[1] ) && ctype_digit( $parts[1] ) ? min( (int) $parts[1], 8 * strlen( $net ) ) : 8 * strlen( $net );
			$full = intdiv( $bits, 8 );
			$rest = $bits % 8;
			if ( substr( $packed, 0, $full ) !== substr( $net, 0, $full ) ) {
				continue;
			}
			$mask = ( 0xff << ( 8 - $rest ) ) & 0xff;
			if ( 0 === $rest || ( ord( $packed[ $full ] ) & $mask ) === ( ord( $net[ $full ] ) & $mask ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The keys of today's caps for the current request: the client's (IP
	 * address, user agent and day) and the IP address's (address and day),
	 * HMACs with a secret of the plugin: neither is stored, and a key
	 * means nothing the next day.
	 *
	 * @since 1.0.0
	 *
	 * @return array{client:string,ip:string,day:string}
	 */
	public static function cap_keys() {
		$ip    = self::client_ip();
		$agent = isset( $_SERVER['HTTP_USER_AGENT'] ) && is_string( $_SERVER['HTTP_USER_AGENT'] ) ? sanitize_text_field( wp_unslash( $_SERVER['HTTP_USER_AGENT'] ) ) : '';
		$day   = gmdate( 'Y-m-d' );
		return array(
			'client' => substr( hash_hmac( 'sha256', $ip . "\n" . $agent . "\n" . $day, self::secret( 'client' ) ), 0, 40 ),
			'ip'     => substr( hash_hmac( 'sha256', $ip . "\n" . $day, self::secret( 'ip' ) ), 0, 40 ),
			'day'    => $day,
		);
	}

	/**
	 * Counts one click against the client's daily cap, then the IP
	 * address's ceiling. Fails closed: a cap that cannot be written refuses.
	 *
	 * @since 1.0.0
	 *
	 * @return true|\WP_Error True when the click may be counted.
	 */
	public static function take_allowance() {
		$keys   = self::cap_keys();
		$client = Click_Store::take( $keys['client'], $keys['day'] );
		if ( null === $client ) {
			return self::unavailable();
		}
		if ( $client > self::DAILY_CAP ) {
			return self::refuse( 'ccfm_click_capped', __( 'This browser has reported enough clicks for today.', 'customer-chat-for-messenger' ), 429 );
		}
		$ip = Click_Store::take( $keys['ip'], $keys['day'] );
		if ( null === $ip ) {
			return self::unavailable();
		}
		if ( $ip > self::IP_DAILY_CAP ) {
			return self::refuse( 'ccfm_click_capped', __( 'This network has reported enough clicks for today.', 'customer-chat-for-messenger' ), 429 );
		}
		return true;
	}

	/**
	 * Sends the beacon's answer without any Set-Cookie header (whatever else
	 * set one), uncached.
	 *
	 * @since 1.0.0
	 *
	 * @param bool              $served  Whether the request was served.
	 * @param \WP_HTTP_Response $result  Response.
	 * @param \WP_REST_Request  $request Request.
	 * @param \WP_REST_Server   $server  Server.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return bool
	 */
	public static function strip_cookies( $served, $result, $request, $server ) {
		unset( $result, $server );
		if ( Rest_Access::NAMESPACE_V1 . self::ROUTE === ltrim( $request->get_route(), '/' ) && ! headers_sent() ) {
			header_remove( 'Set-Cookie' );
			header( 'Cache-Control: no-store' );
		}
		return $served;
	}
}
