<?php
/**
 * The Messenger Platform connection: the secrets (Page access token, App
 * Secret, webhook verify token) in their own option, ccfm_platform, which is
 * never exposed over REST nor printed in a page; and the admin routes that use
 * the token against the Messenger Profile API.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * Secrets, the whitelist and the chat-surface settings of the Page.
 *
 * @since 1.1.0
 */
final class Platform {

	const OPTION = 'ccfm_platform';

	const SECRETS = array( 'page_access_token', 'app_secret', 'verify_token' );

	/**
	 * The key of the plugin's own random secret in the option: the HMAC key
	 * of the conversation records' sender keys. Never shown, never set over
	 * REST, kept when the other secrets change.
	 */
	const SENDER_SECRET = 'sender_secret';

	const DEFAULT_RETENTION_DAYS = 90;

	const WHITELIST_LIMIT = 50;

	const PAYLOAD_MAX = 1000;

	const CHAT_SURFACE = 'CUSTOMER_CHAT_PLUGIN';

	/**
	 * Adds the hooks of the Messenger Platform connection: these routes, the
	 * webhook receiver and the conversation records.
	 *
	 * @since 1.1.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		( new Webhook() )->register();
		( new Conversations() )->register();
	}

	/**
	 * The stored option, complete.
	 *
	 * @since 1.1.0
	 *
	 * @return array{page_access_token:string,app_secret:string,verify_token:string,retention_days:int}
	 */
	public static function get() {
		$stored = get_option( self::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		$value  = array(
			'page_access_token' => '',
			'app_secret'        => '',
			'verify_token'      => '',
			'retention_days'    => self::DEFAULT_RETENTION_DAYS,
		);
		foreach ( self::SECRETS as $key ) {
			if ( isset( $stored[ $key ] ) && is_string( $stored[ $key ] ) ) {
				$value[ $key ] = $stored[ $key ];
			}
		}
		if ( isset( $stored['retention_days'] ) && is_numeric( $stored['retention_days'] ) && (int) $stored['retention_days'] >= 1 ) {
			$value['retention_days'] = (int) $stored['retention_days'];
		}
		return $value;
	}

	/**
	 * One secret ('' when not set). Server-side use only.
	 *
	 * @since 1.1.0
	 *
	 * @param string $key page_access_token, app_secret or verify_token.
	 * @return string
	 */
	public static function secret( $key ) {
		$value = self::get();
		return in_array( $key, self::SECRETS, true ) ? $value[ $key ] : '';
	}

	/**
	 * The plugin's own random secret that keys the conversation records'
	 * sender keys (64 hex characters), created when missing. Unlike
	 * wp_salt() it does not change when the site's salts are rotated.
	 *
	 * @since 1.2.0
	 *
	 * @return string
	 */
	public static function sender_secret() {
		$stored = get_option( self::OPTION, array() );
		$stored = is_array( $stored ) ? $stored : array();
		if ( isset( $stored[ self::SENDER_SECRET ] ) && is_string( $stored[ self::SENDER_SECRET ] ) && preg_match( '/^[0-9a-f]{64}$/D', $stored[ self::SENDER_SECRET ] ) ) {
			return $stored[ self::SENDER_SECRET ];
		}
		$secret                        = bin2hex( random_bytes( 32 ) );
		$stored[ self::SENDER_SECRET ] = $secret;
		if ( false === get_option( self::OPTION ) ) {
			add_option( self::OPTION, $stored, '', false );
		} else {
			update_option( self::OPTION, $stored, false );
		}
		return $secret;
	}

	/**
	 * Days the conversation records are kept.
	 *
	 * @since 1.1.0
	 *
	 * @return int
	 */
	public static function retention_days() {
		return self::get()['retention_days'];
	}

	/**
	 * What the admin may see: whether each secret is set, never the secret.
	 *
	 * @since 1.1.0
	 *
	 * @return array<string,mixed>
	 */
	public static function public_state() {
		$value   = self::get();
		$secrets = array();
		foreach ( self::SECRETS as $key ) {
			$secrets[ $key ] = '' !== $value[ $key ];
		}
		return array(
			'secrets'        => $secrets,
			'retention_days' => $value['retention_days'],
			'webhook_url'    => rest_url( Rest::NAMESPACE_V1 . '/webhook' ),
			'site_origin'    => self::site_origin(),
		);
	}

	/**
	 * Whether a value is acceptable for a secret.
	 *
	 * @since 1.1.0
	 *
	 * @param string $key   Secret name.
	 * @param mixed  $value Value.
	 * @return true|\WP_Error
	 */
	public static function validate_secret( $key, $value ) {
		if ( ! is_string( $value ) ) {
			return new \WP_Error( 'rest_invalid_param', self::message( $key ), array( 'status' => 400 ) );
		}
		if ( '' === $value ) {
			return true; // Empty means "keep what is saved".
		}
		// Whole-string patterns: a secret pasted with a final newline is refused, not saved.
		$patterns = array(
			'page_access_token' => '^[A-Za-z0-9_\-|.]{20,1024}$',
			'app_secret'        => '^[0-9a-fA-F]{32}$',
			'verify_token'      => '^[\x21-\x7E]{8,200}$',
		);
		if ( ! Validation::matches( $patterns[ $key ], $value ) ) {
			return new \WP_Error( 'rest_invalid_param', self::message( $key ), array( 'status' => 400 ) );
		}
		return true;
	}

	/**
	 * Error message of a field.
	 *
	 * @since 1.1.0
	 *
	 * @param string $key Field.
	 * @return string
	 */
	public static function message( $key ) {
		$messages = array(
			'page_access_token' => __( 'The Page access token must be 20 to 1024 letters, digits, "-", "_", "." or "|" as copied from Meta, with no spaces.', 'customer-chat-for-messenger' ),
			'app_secret'        => __( 'The App Secret must be the 32 hexadecimal characters shown under App settings → Basic in Meta\'s app dashboard.', 'customer-chat-for-messenger' ),
			'verify_token'      => __( 'The verify token must be 8 to 200 visible ASCII characters, with no spaces.', 'customer-chat-for-messenger' ),
			'retention_days'    => __( 'Conversation records must be kept for 1 to 3650 days.', 'customer-chat-for-messenger' ),
			'clear'             => __( 'Clear may only list page_access_token, app_secret and verify_token.', 'customer-chat-for-messenger' ),
			'payload'           => __( 'The Get Started payload must be 1 to 1000 characters.', 'customer-chat-for-messenger' ),
		);
		return isset( $messages[ $key ] ) ? $messages[ $key ] : __( 'Invalid value.', 'customer-chat-for-messenger' );
	}

	/**
	 * Validates a request argument against its schema, then our rule, with a
	 * message that says what is expected.
	 *
	 * @since 1.1.0
	 *
	 * @param mixed            $value   Value.
	 * @param \WP_REST_Request $request Request.
	 * @param string           $param   Argument name.
	 * @return true|\WP_Error
	 */
	public function validate_arg( $value, $request, $param ) {
		$attributes = $request->get_attributes();
		$args       = isset( $attributes['args'] ) && is_array( $attributes['args'] ) ? $attributes['args'] : array();
		$schema     = isset( $args[ $param ] ) && is_array( $args[ $param ] ) ? $args[ $param ] : array();
		$number     = Validation::decimal( $value );
		$valid      = Validation::check( null === $number ? $value : $number, $schema, $param );
		if ( in_array( $param, self::SECRETS, true ) ) {
			return is_wp_error( $valid ) ? new \WP_Error( 'rest_invalid_param', self::message( $param ), array( 'status' => 400 ) ) : self::validate_secret( $param, $value );
		}
		if ( is_wp_error( $valid ) ) {
			$key = 'get_started_payload' === $param ? 'payload' : $param;
			return new \WP_Error( 'rest_invalid_param', self::message( $key ), array( 'status' => 400 ) );
		}
		return true;
	}

	/**
	 * Registers the routes.
	 *
	 * @since 1.1.0
	 *
	 * @return void
	 */
	public function register_routes() {
		$rest       = new Rest();
		$permission = array( $rest, 'can_manage' );
		$validate   = array( $this, 'validate_arg' );
		$secret_arg = static function ( $description ) use ( $validate ) {
			return array(
				'description'       => $description,
				'type'              => 'string',
				'maxLength'         => 1024,
				'validate_callback' => $validate,
			);
		};
		register_rest_route(
			Rest::NAMESPACE_V1,
			'/platform',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'rest_get' ),
					'permission_callback' => $permission,
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'rest_update' ),
					'permission_callback' => $permission,
					'args'                => array(
						'page_access_token' => $secret_arg( __( 'New Page access token; empty or missing keeps the saved one.', 'customer-chat-for-messenger' ) ),
						'app_secret'        => $secret_arg( __( 'New App Secret; empty or missing keeps the saved one.', 'customer-chat-for-messenger' ) ),
						'verify_token'      => $secret_arg( __( 'New webhook verify token; empty or missing keeps the saved one.', 'customer-chat-for-messenger' ) ),
						'clear'             => array(
							'description'       => __( 'Secrets to remove.', 'customer-chat-for-messenger' ),
							'type'              => 'array',
							'items'             => array(
								'type' => 'string',
								'enum' => self::SECRETS,
							),
							'uniqueItems'       => true,
							'validate_callback' => $validate,
						),
						'retention_days'    => array(
							'description'       => __( 'Days conversation records are kept.', 'customer-chat-for-messenger' ),
							'type'              => 'integer',
							'minimum'           => 1,
							'maximum'           => 3650,
							'validate_callback' => $validate,
						),
					),
				),
			)
		);
		register_rest_route(
			Rest::NAMESPACE_V1,
			'/platform/whitelist',
			array(
				array(
					'methods'             => \WP_REST_Server::READABLE,
					'callback'            => array( $this, 'rest_whitelist' ),
					'permission_callback' => $permission,
				),
				array(
					'methods'             => \WP_REST_Server::CREATABLE,
					'callback'            => array( $this, 'rest_whitelist_add' ),
					'permission_callback' => $permission,
					'args'                => array(
						'include_twin' => array(
							'description' => __( 'Also add the www. (or bare) twin of the site\'s domain.', 'customer-chat-for-messenger' ),
							'type'        => 'boolean',
							'default'     => false,
						),
					),
				),
			)
		);
		register_rest_route(
			Rest::NAMESPACE_V1,
			'/platform/chat-surface',
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'rest_chat_surface' ),
				'permission_callback' => $permission,
				'args'                => array(
					'get_started_payload' => array(
						'description'       => __( 'Payload of the Get Started button (sent back in messaging_postbacks).', 'customer-chat-for-messenger' ),
						'type'              => 'string',
						'minLength'         => 1,
						'maxLength'         => self::PAYLOAD_MAX,
						'validate_callback' => $validate,
					),
					'hide_menu'           => array(
						'description' => __( 'Hide the persistent menu in the Chat Plugin (every locale).', 'customer-chat-for-messenger' ),
						'type'        => 'boolean',
						'default'     => true,
					),
				),
			)
		);
	}

	/**
	 * GET /platform.
	 *
	 * @since 1.1.0
	 *
	 * @return \WP_REST_Response
	 */
	public function rest_get() {
		return rest_ensure_response( self::public_state() );
	}

	/**
	 * POST /platform: sets, replaces or clears secrets, all or nothing.
	 *
	 * @since 1.1.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function rest_update( $request ) {
		$value = self::get();
		$clear = is_array( $request['clear'] ) ? $request['clear'] : array();
		foreach ( self::SECRETS as $key ) {
			$new = $request[ $key ];
			if ( is_string( $new ) && '' !== $new ) {
				if ( in_array( $key, $clear, true ) ) {
					return new \WP_Error(
						'rest_invalid_param',
						/* translators: %s: field name. */
						sprintf( __( '%s cannot be set and cleared in the same request.', 'customer-chat-for-messenger' ), $key ),
						array(
							'status' => 400,
							'params' => array( $key => __( 'Set and cleared at once.', 'customer-chat-for-messenger' ) ),
						)
					);
				}
				$value[ $key ] = $new;
			}
		}
		foreach ( $clear as $key ) {
			if ( in_array( $key, self::SECRETS, true ) ) {
				$value[ $key ] = '';
			}
		}
		$retention = $request['retention_days'];
		if ( is_numeric( $retention ) ) {
			$value['retention_days'] = (int) $retention;
		}
		$value[ self::SENDER_SECRET ] = self::sender_secret();
		update_option( self::OPTION, $value, false );
		return rest_ensure_response( self::public_state() );
	}

	/**
	 * The site's origin (scheme://host[:port]) as Meta lists it.
	 *
	 * @since 1.1.0
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
	 * @since 1.1.0
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
	 * @since 1.1.0
	 *
	 * @param string $domain Entry.
	 * @return string
	 */
	public static function normalize_domain( $domain ) {
		return untrailingslashit( strtolower( trim( (string) $domain ) ) );
	}

	/**
	 * The Graph client with the saved token.
	 *
	 * @since 1.1.0
	 *
	 * @return Graph_Client
	 */
	public static function graph() {
		return new Graph_Client( self::secret( 'page_access_token' ), self::secret( 'app_secret' ) );
	}

	/**
	 * The whitelist as Meta has it, and whether this site is on it.
	 *
	 * @since 1.1.0
	 *
	 * @return array{domains: list<string>, limit: int, origin: string, origin_listed: bool, twin: string, twin_listed: bool, whitelistable: bool}|\WP_Error
	 */
	public static function whitelist_report() {
		$profile = self::graph()->get_profile( array( 'whitelisted_domains' ) );
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
			'whitelistable' => 0 === strpos( $origin, 'https://' ) && Diagnostics::host_whitelistable( $host ),
		);
	}

	/**
	 * GET /platform/whitelist.
	 *
	 * @since 1.1.0
	 *
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function rest_whitelist() {
		$report = self::whitelist_report();
		return is_wp_error( $report ) ? $report : rest_ensure_response( $report );
	}

	/**
	 * POST /platform/whitelist: adds this site's origin (and optionally its
	 * twin) to the Page's list, keeping every existing entry.
	 *
	 * @since 1.1.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function rest_whitelist_add( $request ) {
		$report = self::whitelist_report();
		if ( is_wp_error( $report ) ) {
			return $report;
		}
		if ( ! $report['whitelistable'] ) {
			return new \WP_Error(
				'ccfm_not_whitelistable',
				/* translators: %s: the site's origin. */
				sprintf( __( 'Meta only whitelists HTTPS sites with a fully qualified domain name; %s cannot be added (no IP addresses, no localhost).', 'customer-chat-for-messenger' ), $report['origin'] ),
				array( 'status' => 400 )
			);
		}
		$add = array();
		if ( ! $report['origin_listed'] ) {
			$add[] = $report['origin'];
		}
		if ( $request['include_twin'] && '' !== $report['twin'] && ! $report['twin_listed'] ) {
			$add[] = $report['twin'];
		}
		if ( ! $add ) {
			$report['added'] = array();
			return rest_ensure_response( $report );
		}
		$merged = array_merge( $report['domains'], $add );
		if ( count( $merged ) > self::WHITELIST_LIMIT ) {
			return new \WP_Error(
				'ccfm_whitelist_full',
				/* translators: %d: the limit. */
				sprintf( __( 'The Page already has the most whitelisted domains Meta allows (%d). Remove one in the Page settings first.', 'customer-chat-for-messenger' ), self::WHITELIST_LIMIT ),
				array( 'status' => 400 )
			);
		}
		$result = self::graph()->set_profile( array( 'whitelisted_domains' => $merged ) );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$after = self::whitelist_report();
		if ( is_wp_error( $after ) ) {
			return $after;
		}
		$after['added'] = $add;
		return rest_ensure_response( $after );
	}

	/**
	 * POST /platform/chat-surface: the Get Started payload, and the persistent
	 * menu hidden on the Chat Plugin surface.
	 *
	 * @since 1.1.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function rest_chat_surface( $request ) {
		$graph   = self::graph();
		$result  = array(
			'get_started' => false,
			'menu'        => 'unchanged',
			'locales'     => array(),
		);
		$payload = $request['get_started_payload'];
		if ( is_string( $payload ) && '' !== $payload ) {
			if ( mb_strlen( $payload, 'UTF-8' ) > self::PAYLOAD_MAX ) {
				return new \WP_Error( 'rest_invalid_param', self::message( 'payload' ), array( 'status' => 400 ) );
			}
			$set = $graph->set_profile( array( 'get_started' => array( 'payload' => $payload ) ) );
			if ( is_wp_error( $set ) ) {
				return $set;
			}
			$result['get_started'] = true;
		}
		if ( $request['hide_menu'] ) {
			$profile = $graph->get_profile( array( 'persistent_menu' ) );
			if ( is_wp_error( $profile ) ) {
				return $profile;
			}
			$menu = isset( $profile['persistent_menu'] ) && is_array( $profile['persistent_menu'] ) ? $profile['persistent_menu'] : array();
			if ( ! $menu ) {
				$result['menu'] = 'none';
			} else {
				$changed = self::disable_on_chat_surface( $menu );
				foreach ( $changed as $entry ) {
					$result['locales'][] = is_array( $entry ) && isset( $entry['locale'] ) && is_scalar( $entry['locale'] ) ? (string) $entry['locale'] : 'default';
				}
				if ( $changed === $menu ) {
					$result['menu'] = 'already_hidden';
				} else {
					$set = $graph->set_profile( array( 'persistent_menu' => $changed ) );
					if ( is_wp_error( $set ) ) {
						return $set;
					}
					$result['menu'] = 'hidden';
				}
			}
		}
		return rest_ensure_response( $result );
	}

	/**
	 * Adds CUSTOMER_CHAT_PLUGIN to disabled_surfaces of each locale entry,
	 * leaving everything else in the entries as it was.
	 *
	 * @since 1.1.0
	 *
	 * @param array<mixed> $menu persistent_menu as read from Meta.
	 * @return array<mixed>
	 */
	public static function disable_on_chat_surface( array $menu ) {
		foreach ( $menu as $i => $entry ) {
			if ( ! is_array( $entry ) ) {
				continue;
			}
			$surfaces = isset( $entry['disabled_surfaces'] ) && is_array( $entry['disabled_surfaces'] ) ? $entry['disabled_surfaces'] : array();
			if ( ! in_array( self::CHAT_SURFACE, $surfaces, true ) ) {
				$surfaces[]                 = self::CHAT_SURFACE;
				$entry['disabled_surfaces'] = $surfaces;
				$menu[ $i ]                 = $entry;
			}
		}
		return $menu;
	}
}
