<?php
/**
 * A small client of Meta's Graph API (the Messenger Profile API), over the
 * WordPress HTTP API. Meta's errors become admin-readable WP_Error messages.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

defined( 'ABSPATH' ) || exit;

/**
 * Graph API calls with a Page access token.
 *
 * @since 1.0.0
 */
final class Graph_Client {

	/**
	 * The Graph API version the plugin is written for: the API calls and
	 * FB.init use it (filter: ccfm_graph_version).
	 */
	const VERSION = 'v18.0';

	const DEFAULT_HOST = 'https://graph.facebook.com';

	/**
	 * Page access token.
	 *
	 * @var string
	 */
	private $token;

	/**
	 * App Secret ('' when not set), for appsecret_proof.
	 *
	 * @var string
	 */
	private $app_secret;

	/**
	 * Creates a client for a Page access token.
	 *
	 * @since 1.0.0
	 *
	 * @param string $token      Page access token.
	 * @param string $app_secret App Secret, or ''.
	 */
	public function __construct( $token, $app_secret = '' ) {
		$this->token      = (string) $token;
		$this->app_secret = (string) $app_secret;
	}

	/**
	 * The appsecret_proof Meta checks: HMAC-SHA256 of the token keyed with
	 * the App Secret ('' without an App Secret).
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public function appsecret_proof() {
		return '' === $this->app_secret ? '' : hash_hmac( 'sha256', $this->token, $this->app_secret );
	}

	/**
	 * The Graph API version: VERSION, through the ccfm_graph_version filter
	 * (a value that is not such as v19.0 is ignored).
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public static function version() {
		/**
		 * Filters the Graph API version (API calls and FB.init).
		 *
		 * @since 1.0.0
		 *
		 * @param string $version Version such as v18.0.
		 */
		$version = apply_filters( 'ccfm_graph_version', self::VERSION );
		return is_string( $version ) && preg_match( '/^v[0-9]{1,2}\.[0-9]$/', $version ) ? $version : self::VERSION;
	}

	/**
	 * A client with the saved Page access token and App Secret.
	 *
	 * @since 1.0.0
	 *
	 * @return self
	 */
	public static function for_page() {
		return new self( Secrets::secret( 'page_access_token' ), Secrets::secret( 'app_secret' ) );
	}

	/**
	 * The Graph API base URL, without a trailing slash: the Graph host and
	 * version(); the constant CCFM_GRAPH_BASE_URL, then the
	 * ccfm_graph_base_url filter, can point it elsewhere (a proxy, a stand-in).
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public static function base_url() {
		$constant = defined( 'CCFM_GRAPH_BASE_URL' ) ? constant( 'CCFM_GRAPH_BASE_URL' ) : null;
		$base     = is_string( $constant ) ? $constant : self::DEFAULT_HOST . '/' . self::version();
		/**
		 * Filters the Graph API base URL (scheme, host and version path).
		 *
		 * @since 1.0.0
		 *
		 * @param string $base Base URL such as https://graph.facebook.com/v18.0.
		 */
		$filtered = apply_filters( 'ccfm_graph_base_url', $base );
		return untrailingslashit( is_string( $filtered ) ? $filtered : $base );
	}

	/**
	 * Reads Messenger Profile fields of the Page.
	 *
	 * @since 1.0.0
	 *
	 * @param string[] $fields Field names such as whitelisted_domains.
	 * @return array<string,mixed>|\WP_Error The fields that are set.
	 */
	public function get_profile( array $fields ) {
		$result = $this->request( 'GET', '/me/messenger_profile', array( 'fields' => implode( ',', $fields ) ) );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$list    = isset( $result['data'] ) && is_array( $result['data'] ) ? $result['data'] : array();
		$data    = isset( $list[0] ) && is_array( $list[0] ) ? $list[0] : array();
		$profile = array();
		foreach ( $data as $field => $value ) {
			if ( in_array( $field, $fields, true ) ) {
				$profile[ (string) $field ] = $value;
			}
		}
		return $profile;
	}

	/**
	 * Sets Messenger Profile fields of the Page.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $fields Fields and their values.
	 * @return true|\WP_Error
	 */
	public function set_profile( array $fields ) {
		$result = $this->request( 'POST', '/me/messenger_profile', array(), $fields );
		return is_wp_error( $result ) ? $result : true;
	}

	/**
	 * One Graph API request.
	 *
	 * @since 1.0.0
	 *
	 * @param string                   $method GET, POST or DELETE.
	 * @param string                   $path   Path such as /me/messenger_profile.
	 * @param array<string,string>     $query  Query parameters.
	 * @param array<string,mixed>|null $body   JSON body.
	 * @return array<mixed>|\WP_Error Decoded answer.
	 */
	public function request( $method, $path, array $query = array(), $body = null ) {
		if ( '' === $this->token ) {
			return new \WP_Error( 'ccfm_graph_no_token', __( 'No Page access token is saved. Add one under Messenger Platform first.', 'customer-chat-for-messenger' ), array( 'status' => 400 ) );
		}
		// The token travels in a header, never in the URL (which ends up in
		// proxy and server logs); the proof is no secret without the token.
		$proof = $this->appsecret_proof();
		if ( '' !== $proof ) {
			$query['appsecret_proof'] = $proof;
		}
		$url  = self::base_url() . $path . ( $query ? '?' . http_build_query( $query, '', '&', PHP_QUERY_RFC3986 ) : '' );
		$args = array(
			'method'      => $method,
			'timeout'     => 15,
			'redirection' => 0,
			'headers'     => array(
				'Accept'        => 'application/json',
				'Authorization' => 'Bearer ' . $this->token,
			),
		);
		if ( null !== $body ) {
			$args['headers']['Content-Type'] = 'application/json';
			$args['body']                    = (string) wp_json_encode( $body );
		}
		$response = wp_remote_request( $url, $args );
		if ( is_wp_error( $response ) ) {
			return new \WP_Error(
				'ccfm_graph_unreachable',
				/* translators: %s: the transport error. */
				sprintf( __( 'Could not reach Meta\'s Graph API: %s', 'customer-chat-for-messenger' ), $this->scrub( $response->get_error_message() ) ),
				array( 'status' => 502 )
			);
		}
		$status  = (int) wp_remote_retrieve_response_code( $response );
		$decoded = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		if ( is_array( $decoded ) && isset( $decoded['error'] ) && is_array( $decoded['error'] ) ) {
			return self::error_from_meta( $decoded['error'], $this->token );
		}
		if ( $status < 200 || $status >= 300 || ! is_array( $decoded ) ) {
			return new \WP_Error(
				'ccfm_graph_bad_answer',
				/* translators: %d: HTTP status code. */
				sprintf( __( 'Meta\'s Graph API gave an unexpected answer (HTTP %d). Try again later.', 'customer-chat-for-messenger' ), $status ),
				array( 'status' => 502 )
			);
		}
		return $decoded;
	}

	/**
	 * Turns Meta's error object into a WP_Error an administrator can act on.
	 *
	 * @since 1.0.0
	 *
	 * @param array<mixed> $error Meta's "error" object.
	 * @param string       $token Token to keep out of the message.
	 * @return \WP_Error
	 */
	public static function error_from_meta( array $error, $token = '' ) {
		$code    = isset( $error['code'] ) && is_numeric( $error['code'] ) ? (int) $error['code'] : 0;
		$subcode = isset( $error['error_subcode'] ) && is_numeric( $error['error_subcode'] ) ? (int) $error['error_subcode'] : 0;
		$meta    = isset( $error['message'] ) && is_string( $error['message'] ) ? wp_strip_all_tags( $error['message'] ) : '';
		if ( '' !== $token ) {
			$meta = str_replace( $token, '***', $meta );
		}
		if ( 190 === $code || 102 === $code ) {
			$wp_code = 'ccfm_graph_bad_token';
			$status  = 400;
			$text    = __( 'Meta did not accept the Page access token: it is invalid, expired or was revoked. Generate a new Page access token and save it again.', 'customer-chat-for-messenger' );
		} elseif ( in_array( $code, array( 4, 17, 32, 613, 80006 ), true ) ) {
			$wp_code = 'ccfm_graph_rate_limited';
			$status  = 429;
			$text    = __( 'Meta\'s rate limit was reached (the Messenger Profile API allows about 10 calls per 10 minutes per Page). Wait a few minutes and try again.', 'customer-chat-for-messenger' );
		} elseif ( 10 === $code || 200 === $code || ( $code >= 200 && $code < 300 ) ) {
			$wp_code = 'ccfm_graph_permission';
			$status  = 403;
			$text    = __( 'The Page access token lacks a permission this needs (pages_messaging). Generate a token with that permission.', 'customer-chat-for-messenger' );
		} elseif ( 100 === $code ) {
			$wp_code = 'ccfm_graph_invalid';
			$status  = 400;
			$text    = __( 'Meta refused the request as invalid.', 'customer-chat-for-messenger' );
		} else {
			$wp_code = 'ccfm_graph_error';
			$status  = 502;
			$text    = __( 'Meta\'s Graph API returned an error.', 'customer-chat-for-messenger' );
		}
		if ( '' !== $meta ) {
			/* translators: 1: our explanation, 2: Meta's own message, 3: Meta's error code. */
			$text = sprintf( __( '%1$s Meta says: "%2$s" (code %3$d).', 'customer-chat-for-messenger' ), $text, $meta, $code );
		}
		return new \WP_Error(
			$wp_code,
			$text,
			array(
				'status'        => $status,
				'graph_code'    => $code,
				'graph_subcode' => $subcode,
			)
		);
	}

	/**
	 * Removes the token from a message.
	 *
	 * @param string $message Message.
	 * @return string
	 */
	private function scrub( $message ) {
		return '' === $this->token ? $message : str_replace( array( $this->token, rawurlencode( $this->token ) ), '***', $message );
	}
}
