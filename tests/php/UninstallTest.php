<?php
/**
 * Uninstall removes exactly what the plugin wrote (the names of
 * CCFM\Stored_Data), and touches nothing else.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Chat\Message_Text;
use CCFM\Chat\Post_Meta;
use CCFM\Platform\Click_Store;
use CCFM\Platform\Conversation_Store;
use CCFM\Platform\Conversation_Table;
use CCFM\Platform\Secrets;
use CCFM\Stored_Data;

/**
 * Uninstall on a single site.
 */
class UninstallTest extends TestCase {

	/**
	 * Post with the plugin's meta.
	 *
	 * @var int
	 */
	private $post_id = 0;

	/**
	 * Removes the test's post; puts the plugin back as installed.
	 */
	protected function tear_down() {
		if ( $this->post_id ) {
			wp_delete_post( $this->post_id, true );
		}
		delete_option( 'ccfm_like_but_not_ours' );
		// Later tests need the plugin as installed: table, version, cron.
		Conversation_Table::activate();
		parent::tear_down();
	}

	/**
	 * What the database holds: option names, post and user meta keys, the
	 * site's tables and the cron hooks.
	 *
	 * @return array<string,list<string>>
	 */
	private static function snapshot() {
		global $wpdb;
		// phpcs:disable WordPress.DB.DirectDatabaseQuery
		$cron  = _get_cron_array();
		$hooks = array();
		foreach ( is_array( $cron ) ? $cron : array() as $events ) {
			$hooks = array_merge( $hooks, array_keys( (array) $events ) );
		}
		$state = array(
			'options'  => $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name NOT LIKE '\_transient%' AND option_name NOT LIKE '\_site\_transient%' ORDER BY option_name" ),
			'postmeta' => $wpdb->get_col( "SELECT DISTINCT meta_key FROM {$wpdb->postmeta} ORDER BY meta_key" ),
			'usermeta' => $wpdb->get_col( "SELECT DISTINCT meta_key FROM {$wpdb->usermeta} ORDER BY meta_key" ),
			'tables'   => $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix ) . '%' ) ),
			'cron'     => array_values( array_unique( $hooks ) ),
		);
		// phpcs:enable
		foreach ( $state as $key => $names ) {
			$names = array_map( 'strval', $names );
			sort( $names );
			$state[ $key ] = $names;
		}
		return $state;
	}

	/**
	 * The plugin writes everything it can write, through its own code.
	 */
	private function plugin_writes_everything() {
		$this->seed_settings();
		Conversation_Table::activate();
		Secrets::sender_secret();
		Conversation_Store::record(
			array(
				'created_at'    => gmdate( 'Y-m-d H:i:s' ),
				'event_type'    => 'referral',
				'referral_type' => 'OPEN_THREAD',
				'ref'           => 'landing',
				'sender_key'    => Conversation_Store::sender_key( 'PSID-1' ),
				'event_key'     => hash( 'sha256', 'uninstall-probe' ),
			)
		);
		// A start is counted into the daily totals; a rebuild of them (a new
		// time zone) schedules its batches.
		\CCFM\Platform\Conversation_Rollup::restart();
		update_option( Conversation_Store::LEGACY_OPTION, time(), false );
		$this->post_id = (int) wp_insert_post(
			array(
				'post_title'  => 'Uninstall probe',
				'post_status' => 'publish',
			)
		);
		update_post_meta( $this->post_id, Post_Meta::META_VISIBILITY, 'show' );
		update_post_meta( $this->post_id, Post_Meta::META_REF, 'landing' );
		update_post_meta( $this->post_id, Message_Text::META, 'Hello from {title}' );
		Click_Store::activate();
		Click_Store::add( gmdate( 'Y-m-d' ), '/uninstall-probe/', 'landing', 'link' );
		Click_Store::take( str_repeat( 'a', 40 ), gmdate( 'Y-m-d' ) );
		update_user_meta( self::user_id( 'editor' ), Stored_Data::NOTICE_DISMISSED_META, 1 );
	}

	/**
	 * Runs uninstall.php as WordPress does.
	 */
	private static function run_uninstall() {
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', 'customer-chat-for-messenger/customer-chat-for-messenger.php' );
		}
		( static function () {
			include CCFM_DIR . 'uninstall.php';
		} )();
	}

	public function test_uninstall_removes_exactly_what_the_plugin_wrote() {
		global $wpdb;
		$this->plugin_writes_everything();
		// Data of others that look like the plugin's: never the plugin's to remove.
		update_option( 'ccfm_like_but_not_ours', 'kept', false );
		update_post_meta( $this->post_id, 'unrelated_key', 'kept' );

		$before = self::snapshot();
		$ours   = array(
			'options'  => Stored_Data::OPTIONS,
			'postmeta' => Stored_Data::POST_META,
			'usermeta' => Stored_Data::USER_META,
			'tables'   => Stored_Data::tables(),
			'cron'     => Stored_Data::CRON_HOOKS,
		);
		foreach ( $ours as $kind => $names ) {
			foreach ( $names as $name ) {
				$this->assertContains( $name, $before[ $kind ], "The plugin wrote $kind $name." );
			}
		}

		self::run_uninstall();

		$after = self::snapshot();
		foreach ( $ours as $kind => $names ) {
			$this->assertSame( array_values( array_diff( $before[ $kind ], $names ) ), $after[ $kind ], "Exactly the plugin's $kind are gone." );
		}
		// Nothing the plugin wrote is left under another name.
		foreach ( array( 'options', 'postmeta', 'usermeta', 'tables', 'cron' ) as $kind ) {
			$this->assertSame( 'options' === $kind ? array( 'ccfm_like_but_not_ours' ) : array(), array_values( preg_grep( '/ccfm/', $after[ $kind ] ) ), $kind );
		}

		// Caches agree with the database; other data is kept.
		$this->assertNull( $this->raw_option() );
		$this->assertFalse( wp_cache_get( Stored_Data::SETTINGS_OPTION, 'options' ) );
		$this->assertArrayNotHasKey( Stored_Data::SETTINGS_OPTION, wp_load_alloptions() );
		$this->assertSame( '', get_post_meta( $this->post_id, Post_Meta::META_VISIBILITY, true ) );
		$this->assertSame( 'kept', get_post_meta( $this->post_id, 'unrelated_key', true ) );
		$this->assertSame( 'kept', get_option( 'ccfm_like_but_not_ours' ) );
		$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( Conversation_Table::table() ) ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}

	public function test_uninstall_refuses_to_run_outside_wordpress_uninstall() {
		$php = escapeshellarg( PHP_BINARY );
		$out = array();
		exec( $php . ' -r ' . escapeshellarg( 'define("ABSPATH", "/tmp/"); include ' . var_export( CCFM_DIR . 'uninstall.php', true ) . '; echo "ran";' ), $out, $status ); // phpcs:ignore
		$this->assertSame( 0, $status );
		$this->assertSame( array(), $out, 'Without WP_UNINSTALL_PLUGIN the file exits at once.' );
	}
}
