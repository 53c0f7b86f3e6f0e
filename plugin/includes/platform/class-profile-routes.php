<?php
/**
 * Routes that change the Page's Messenger profile: the whitelist and the chat-surface settings.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

use CCFM\Plugin;
use CCFM\Response_Schemas;
use CCFM\Rest_Access;

defined( 'ABSPATH' ) || exit;

/**
 * Messenger Profile routes.
 *
 * @since 1.0.0
 */
final class Profile_Routes {

	const PAYLOAD_MAX = 1000;

	const CHAT_SURFACE = 'CUSTOMER_CHAT_PLUGIN';

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
	}

	/**
	 * Registers the whitelist and chat-surface routes.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register_routes() {
		$permission = array( Rest_Access::class, 'can_manage' );
		$validate   = array( Platform_Routes::class, 'validate_arg' );
		register_rest_route(
			Rest_Access::NAMESPACE_V1,
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
				'schema' => Response_Schemas::callback( 'platform-whitelist' ),
			)
		);
		register_rest_route(
			Rest_Access::NAMESPACE_V1,
			'/platform/chat-surface',
			array(
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
				),
				'schema' => Response_Schemas::callback( 'platform-chat-surface' ),
			)
		);
	}

	/**
	 * GET /platform/whitelist.
	 *
	 * @since 1.0.0
	 *
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function rest_whitelist() {
		$report = Whitelist::whitelist_report();
		return is_wp_error( $report ) ? $report : rest_ensure_response( $report );
	}

	/**
	 * POST /platform/whitelist: adds this site's origin (and optionally its
	 * twin) to the Page's list, keeping every existing entry.
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function rest_whitelist_add( $request ) {
		$report = Whitelist::whitelist_report();
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
		if ( count( $merged ) > Whitelist::WHITELIST_LIMIT ) {
			return new \WP_Error(
				'ccfm_whitelist_full',
				/* translators: %d: the limit. */
				sprintf( __( 'The Page already has the most whitelisted domains Meta allows (%d). Remove one in the Page settings first.', 'customer-chat-for-messenger' ), Whitelist::WHITELIST_LIMIT ),
				array( 'status' => 400 )
			);
		}
		$result = Graph_Client::for_page()->set_profile( array( 'whitelisted_domains' => $merged ) );
		if ( is_wp_error( $result ) ) {
			return $result;
		}
		$after = Whitelist::whitelist_report();
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
	 * @since 1.0.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function rest_chat_surface( $request ) {
		$graph   = Graph_Client::for_page();
		$result  = array(
			'get_started' => false,
			'menu'        => 'unchanged',
			'locales'     => array(),
		);
		$payload = $request['get_started_payload'];
		if ( is_string( $payload ) && '' !== $payload ) {
			if ( mb_strlen( $payload, 'UTF-8' ) > self::PAYLOAD_MAX ) {
				return new \WP_Error( 'rest_invalid_param', Secrets::message( 'payload' ), array( 'status' => 400 ) );
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
	 * @since 1.0.0
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
