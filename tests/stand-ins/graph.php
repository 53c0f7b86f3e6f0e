<?php
/**
 * Stand-in of Meta's Graph API for the tests (never shipped): the Messenger
 * Profile API on /{version}/me/messenger_profile for whitelisted_domains,
 * get_started and persistent_menu.
 *
 * Run: php -S localhost:8893 tests/stand-ins/graph.php
 * State lives in a JSON file (env CCFM_GRAPH_STATE, default
 * .wp/run/graph-state.json) that tests seed and inspect:
 *   {
 *     "token":   "the only access token accepted",
 *     "mode":    "ok" | "bad-token" | "rate-limit",
 *     "rate_code": 4,               // code answered in rate-limit mode
 *     "app_secret": "…",            // optional: appsecret_proof is checked against it
 *     "profile": { "whitelisted_domains": [...], "get_started": {...}, "persistent_menu": [...] },
 *     "requests": [ { "method", "path", "query", "body" } ]   // appended per request
 *   }
 *
 * @package CustomerChatForMessenger
 */

// phpcs:disable -- test tool, not plugin code.

$ccfm_state_file = getenv( 'CCFM_GRAPH_STATE' ) ?: dirname( __DIR__, 2 ) . '/.wp/run/graph-state.json';

function ccfm_graph_answer( $status, $body ) {
	http_response_code( $status );
	header( 'Content-Type: application/json' );
	echo json_encode( $body, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE );
	exit;
}

function ccfm_graph_error( $code, $message, $type = 'OAuthException', $status = 400, $subcode = null ) {
	$error = array(
		'message'    => $message,
		'type'       => $type,
		'code'       => $code,
		'fbtrace_id' => 'AStandInTrace',
	);
	if ( null !== $subcode ) {
		$error['error_subcode'] = $subcode;
	}
	ccfm_graph_answer( $status, array( 'error' => $error ) );
}

$fp = fopen( $ccfm_state_file, 'c+' );
flock( $fp, LOCK_EX );
$raw   = stream_get_contents( $fp );
$state = json_decode( $raw ?: '{}', true );
if ( ! is_array( $state ) ) {
	$state = array();
}
$state += array(
	'token'     => 'STANDINTOKEN0123456789abcdef',
	'mode'      => 'ok',
	'rate_code' => 4,
	'profile'   => array(),
	'requests'  => array(),
);
if ( ! is_array( $state['profile'] ) || array() === $state['profile'] ) {
	$state['profile'] = new stdClass(); // Keep it a JSON object.
}
$profile = (array) $state['profile'];

$method = $_SERVER['REQUEST_METHOD'];
$path   = parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
$query  = $_GET;
$body   = file_get_contents( 'php://input' );
$json   = json_decode( $body, true );
if ( 'GET' !== $method && ! is_array( $json ) ) {
	parse_str( $body, $json );
}
$header = isset( $_SERVER['HTTP_AUTHORIZATION'] ) ? (string) $_SERVER['HTTP_AUTHORIZATION'] : '';
$bearer = 0 === strpos( $header, 'Bearer ' ) ? substr( $header, 7 ) : '';
$token  = '' !== $bearer ? $bearer : ( isset( $query['access_token'] ) ? $query['access_token'] : ( isset( $json['access_token'] ) ? $json['access_token'] : '' ) );

$state['requests'][] = array(
	'method'       => $method,
	'path'         => $path,
	'query'        => $query,
	'body'         => $json,
	// Where the token came: "header", "query" or "body"; and whether the raw URL holds it.
	'token_in'     => '' !== $bearer ? 'header' : ( isset( $query['access_token'] ) ? 'query' : ( isset( $json['access_token'] ) ? 'body' : '' ) ),
	'token_in_url' => '' !== $token && false !== strpos( rawurldecode( $_SERVER['REQUEST_URI'] ), (string) $token ),
	'proof_ok'     => isset( $query['appsecret_proof'] ) && ! empty( $state['app_secret'] ) ? hash_equals( hash_hmac( 'sha256', (string) $token, (string) $state['app_secret'] ), (string) $query['appsecret_proof'] ) : null,
);

$save = function () use ( &$state, &$profile, $fp ) {
	$state['profile'] = $profile ?: new stdClass();
	ftruncate( $fp, 0 );
	rewind( $fp );
	fwrite( $fp, json_encode( $state, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) );
	fflush( $fp );
	flock( $fp, LOCK_UN );
	fclose( $fp );
};

if ( ! preg_match( '#^(/v\d+\.\d+)?/me/messenger_profile/?$#', $path ) ) {
	$save();
	ccfm_graph_error( 803, '(#803) Some of the aliases you requested do not exist: ' . $path, 'OAuthException', 404 );
}
if ( 'bad-token' === $state['mode'] ) {
	$save();
	ccfm_graph_error( 190, 'Error validating access token: Session has expired on Tuesday, 01-Jan-24 10:00:00 PST.', 'OAuthException', 400, 463 );
}
if ( '' === $token || ! hash_equals( (string) $state['token'], (string) $token ) ) {
	$save();
	ccfm_graph_error( 190, 'Invalid OAuth access token - Cannot parse access token', 'OAuthException', 400 );
}
if ( false === end( $state['requests'] )['proof_ok'] ) {
	$save();
	ccfm_graph_error( 100, 'Invalid appsecret_proof provided in the API argument', 'GraphMethodException', 400 );
}
if ( 'rate-limit' === $state['mode'] ) {
	$save();
	$code = (int) $state['rate_code'];
	ccfm_graph_error( $code, 613 === $code ? '(#613) Calls to this api have exceeded the rate limit.' : '(#4) Application request limit reached', 613 === $code ? 'OAuthException' : 'OAuthException', 400 );
}

$known = array( 'whitelisted_domains', 'get_started', 'persistent_menu' );

if ( 'GET' === $method ) {
	$fields = isset( $query['fields'] ) ? array_filter( array_map( 'trim', explode( ',', $query['fields'] ) ) ) : array();
	if ( ! $fields ) {
		$save();
		ccfm_graph_error( 100, '(#100) The parameter fields is required', 'OAuthException', 400 );
	}
	$out = array();
	foreach ( $fields as $field ) {
		if ( array_key_exists( $field, $profile ) ) {
			$out[ $field ] = $profile[ $field ];
		}
	}
	$save();
	ccfm_graph_answer( 200, array( 'data' => $out ? array( $out ) : array() ) );
}

if ( 'POST' === $method ) {
	$set = array_intersect_key( (array) $json, array_flip( $known ) );
	if ( ! $set ) {
		$save();
		ccfm_graph_error( 100, '(#100) Requires one of the params: whitelisted_domains, get_started, persistent_menu', 'OAuthException', 400 );
	}
	if ( isset( $set['whitelisted_domains'] ) ) {
		$domains = $set['whitelisted_domains'];
		if ( ! is_array( $domains ) || count( $domains ) > 50 ) {
			$save();
			ccfm_graph_error( 100, '(#100) whitelisted_domains must be an array of at most 50 domains', 'OAuthException', 400 );
		}
		foreach ( $domains as $domain ) {
			$host = parse_url( (string) $domain, PHP_URL_HOST );
			if ( 0 !== strpos( (string) $domain, 'https://' ) || ! $host || false === strpos( $host, '.' ) || filter_var( $host, FILTER_VALIDATE_IP ) ) {
				$save();
				ccfm_graph_error( 100, '(#100) Invalid domain: ' . $domain, 'OAuthException', 400 );
			}
		}
	}
	if ( isset( $set['get_started'] ) && ( ! isset( $set['get_started']['payload'] ) || mb_strlen( (string) $set['get_started']['payload'], 'UTF-8' ) > 1000 ) ) {
		$save();
		ccfm_graph_error( 100, '(#100) get_started payload must be at most 1000 characters', 'OAuthException', 400 );
	}
	if ( isset( $set['persistent_menu'] ) && ! isset( $profile['get_started'] ) && ! isset( $set['get_started'] ) ) {
		$save();
		ccfm_graph_error( 100, '(#100) You must set a Get Started button if you also wish to use persistent menu.', 'OAuthException', 400 );
	}
	foreach ( $set as $field => $value ) {
		$profile[ $field ] = $value;
	}
	$save();
	ccfm_graph_answer( 200, array( 'result' => 'success' ) );
}

if ( 'DELETE' === $method ) {
	$fields = isset( $json['fields'] ) && is_array( $json['fields'] ) ? $json['fields'] : array();
	if ( ! $fields ) {
		$save();
		ccfm_graph_error( 100, '(#100) The parameter fields is required', 'OAuthException', 400 );
	}
	foreach ( $fields as $field ) {
		unset( $profile[ $field ] );
	}
	$save();
	ccfm_graph_answer( 200, array( 'result' => 'success' ) );
}

$save();
ccfm_graph_error( 100, 'Unsupported method', 'OAuthException', 405 );
