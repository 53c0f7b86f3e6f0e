<?php
/**
 * Base class of the plugin's integration tests.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use Yoast\PHPUnitPolyfills\TestCases\TestCase as Polyfill_TestCase;

/**
 * Users per role, REST dispatch, raw option access, hook isolation and
 * failing on any PHP notice, warning or deprecation.
 */
abstract class TestCase extends Polyfill_TestCase {

	const OPTION = 'ccfm_settings';

	const ROLES = array( 'administrator', 'editor', 'author', 'contributor', 'subscriber' );

	/**
	 * User ID per role, created once per run.
	 *
	 * @var array<string,int>
	 */
	private static $users = array();

	/**
	 * PHP errors reported during the current test.
	 *
	 * @var string[]
	 */
	private $php_errors = array();

	/**
	 * Hook state saved before each test.
	 *
	 * @var array<string,mixed>
	 */
	private $saved_hooks = array();

	/**
	 * Saves the hooks, starts recording PHP errors, and resets the user, the
	 * option, the REST server and the script/style registries.
	 */
	protected function set_up() {
		parent::set_up();

		$this->php_errors = array();
		$previous         = null;
		$previous         = set_error_handler( // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_set_error_handler
			function ( $errno, $errstr, $errfile, $errline ) use ( &$previous ) {
				if ( ! ( error_reporting() & $errno ) ) {
					return false;
				}
				$this->php_errors[] = sprintf( '[%d] %s in %s:%d', $errno, $errstr, $errfile, $errline );
				// Let PHPUnit turn it into an exception as configured.
				return is_callable( $previous ) ? (bool) call_user_func( $previous, $errno, $errstr, $errfile, $errline ) : false;
			}
		);

		$this->backup_hooks();

		wp_set_current_user( 0 );
		delete_option( self::OPTION );
		if ( null !== $this->raw_option() ) {
			throw new \RuntimeException( 'ccfm_settings could not be reset before the test.' );
		}

		$GLOBALS['wp_rest_server'] = null;
		$GLOBALS['wp_scripts']     = null;
		$GLOBALS['wp_styles']      = null;
	}

	/**
	 * Restores the state and fails when PHP reported anything.
	 */
	protected function tear_down() {
		restore_error_handler();
		$this->restore_hooks();
		wp_set_current_user( 0 );
		delete_option( self::OPTION );
		$GLOBALS['wp_rest_server'] = null;
		$GLOBALS['wp_scripts']     = null;
		$GLOBALS['wp_styles']      = null;

		parent::tear_down();

		if ( $this->php_errors ) {
			$this->fail( "PHP reported during the test:\n" . implode( "\n", $this->php_errors ) );
		}
	}

	/**
	 * Saves $wp_filter (cloning each hook), $wp_actions, $wp_filters and
	 * $wp_current_filter, as WordPress core's test case does.
	 */
	private function backup_hooks() {
		$this->saved_hooks = array(
			'wp_actions'        => $GLOBALS['wp_actions'],
			'wp_filters'        => $GLOBALS['wp_filters'],
			'wp_current_filter' => $GLOBALS['wp_current_filter'],
			'wp_filter'         => array(),
		);
		foreach ( $GLOBALS['wp_filter'] as $hook_name => $hook ) {
			$this->saved_hooks['wp_filter'][ $hook_name ] = clone $hook;
		}
	}

	/**
	 * Restores the hooks saved by backup_hooks().
	 */
	private function restore_hooks() {
		if ( ! $this->saved_hooks ) {
			return;
		}
		foreach ( $this->saved_hooks as $name => $value ) {
			$GLOBALS[ $name ] = $value;
		}
		$this->saved_hooks = array();
	}

	/**
	 * The test user of a role, created once per run (fixed, unique login per
	 * role, reused on later runs).
	 *
	 * @param string $role Role name.
	 * @return int User ID.
	 */
	protected static function user_id( $role ) {
		if ( ! in_array( $role, self::ROLES, true ) ) {
			throw new \InvalidArgumentException( "Unknown role $role" );
		}
		if ( isset( self::$users[ $role ] ) ) {
			return self::$users[ $role ];
		}
		foreach ( self::ROLES as $each ) {
			$login = 'ccfm_test_' . $each;
			$user  = get_user_by( 'login', $login );
			if ( $user ) {
				$id = (int) $user->ID;
				if ( array( $each ) !== array_values( $user->roles ) ) {
					$user->set_role( $each );
				}
			} else {
				$id = wp_insert_user(
					array(
						'user_login' => $login,
						'user_pass'  => wp_generate_password( 24 ),
						'user_email' => $login . '@example.com',
						'role'       => $each,
					)
				);
				if ( is_wp_error( $id ) ) {
					throw new \RuntimeException( 'Could not create the ' . $each . ' test user: ' . $id->get_error_message() );
				}
			}
			self::$users[ $each ] = (int) $id;
		}
		return self::$users[ $role ];
	}

	/**
	 * Front_End decides once per instance whether the chat shows: detaches
	 * the plugin's global instance (WordPress restores the hooks after the
	 * test) and registers a fresh one.
	 *
	 * @return void
	 */
	protected function use_fresh_front_end() {
		foreach ( array( 'wp_enqueue_scripts', 'wp_footer' ) as $hook_name ) {
			if ( ! isset( $GLOBALS['wp_filter'][ $hook_name ] ) ) {
				continue;
			}
			foreach ( $GLOBALS['wp_filter'][ $hook_name ]->callbacks as $priority => $callbacks ) {
				foreach ( $callbacks as $callback ) {
					if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof \CCFM\Chat\Front_End ) {
						remove_action( $hook_name, $callback['function'], $priority );
					}
				}
			}
		}
		( new \CCFM\Chat\Front_End() )->register();
	}

	/**
	 * Acts as a user of a role (or logged out for null / 'anonymous').
	 *
	 * @param string|null $role Role name.
	 * @return int The current user ID.
	 */
	protected function as_role( $role ) {
		$id = ( null === $role || 'anonymous' === $role ) ? 0 : self::user_id( $role );
		wp_set_current_user( $id );
		$this->assertSame( $id, get_current_user_id() );
		if ( $id ) {
			$this->assertSame( array( $role ), array_values( wp_get_current_user()->roles ) );
		}
		return $id;
	}

	/**
	 * Dispatches a real REST request through the REST server.
	 *
	 * @param string     $method HTTP method.
	 * @param string     $route  Route such as /wp/v2/settings.
	 * @param mixed|null $body   JSON body (encoded here), or null for none.
	 * @return \WP_REST_Response
	 */
	protected function rest( $method, $route, $body = null ) {
		$request = new \WP_REST_Request( $method, $route );
		if ( null !== $body ) {
			$request->set_header( 'content-type', 'application/json' );
			$json = wp_json_encode( $body );
			$this->assertIsString( $json, 'The test body encodes as JSON.' );
			$request->set_body( $json );
		}
		$response = rest_get_server()->dispatch( $request );
		$this->assertInstanceOf( \WP_REST_Response::class, $response );
		return $response;
	}

	/**
	 * The option exactly as stored in the database (serialized), or null when
	 * it is not stored.
	 *
	 * @return string|null
	 */
	protected function raw_option() {
		global $wpdb;
		return $wpdb->get_var( $wpdb->prepare( "SELECT option_value FROM {$wpdb->options} WHERE option_name = %s", self::OPTION ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}

	/**
	 * Error code and message of a REST error response.
	 *
	 * @param \WP_REST_Response $response Response.
	 * @return array{0:string,1:string}
	 */
	protected static function error_of( \WP_REST_Response $response ) {
		$data = $response->get_data();
		return array(
			is_array( $data ) && isset( $data['code'] ) ? (string) $data['code'] : '',
			is_array( $data ) && isset( $data['message'] ) ? (string) $data['message'] : '',
		);
	}

	/**
	 * A complete, valid settings object different from the defaults.
	 *
	 * @return array<string,mixed>
	 */
	protected static function valid_settings() {
		return array(
			'page_id'                 => '1234567890',
			'page_username'           => 'my.shop.page',
			'mode'                    => 'chat_plugin',
			'locale'                  => 'de_DE',
			'theme_color'             => '#0084ff',
			'logged_in_greeting'      => 'Hallo! Wie können wir helfen?',
			'logged_out_greeting'     => 'Schreib uns',
			'greeting_dialog_display' => 'fade',
			'greeting_dialog_delay'   => 5,
			'phone_greeting'          => 'delay',
			'ref'                     => 'home-page_v=2',
			'alignment'               => 'left',
			'bottom_spacing'          => 40,
			'load_strategy'           => 'idle',
			'display_on'              => 'chosen',
			'display_places'          => array( 'posts', 'pages' ),
			'exclude_ids'             => array( 7, 42 ),
			'devices'                 => 'desktop',
			'click_counting'          => 'off',
			'message_text'            => 'Hallo von {title}',
			'away_hours'              => array( '1 09:00-17:00', '6 10:00-14:00' ),
			'away_action'             => 'hide',
			'away_greeting'           => 'Wir sind gerade nicht da.',
		);
	}

	/**
	 * Stores a known valid settings object and returns its raw database form.
	 *
	 * @return string
	 */
	protected function seed_settings() {
		update_option( self::OPTION, self::valid_settings() );
		$raw = $this->raw_option();
		$this->assertIsString( $raw );
		$this->assertSame( self::valid_settings(), maybe_unserialize( $raw ) );
		return $raw;
	}
}
