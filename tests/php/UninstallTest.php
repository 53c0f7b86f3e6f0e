<?php
/**
 * plugin/uninstall.php leaves nothing of the plugin behind.
 *
 * Checked: wp_options (option_name), wp_postmeta (meta_key), wp_usermeta
 * (meta_key), the table list (SHOW TABLES: wp_ccfm_conversations is dropped)
 * and the cron array. wp_users is not checked: the tests' own users are named
 * ccfm_test_<role>; they are not the plugin's data.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

/**
 * Uninstall.
 */
class UninstallTest extends TestCase {

	/**
	 * Post created by the test.
	 *
	 * @var int
	 */
	private $post_id = 0;

	protected function tear_down() {
		if ( $this->post_id ) {
			wp_delete_post( $this->post_id, true );
		}
		delete_option( 'ccfm_test_leftover' );
		// Later tests need the plugin as installed: table, version, cron.
		\CCFM\Platform\Conversation_Table::activate();
		parent::tear_down();
	}

	/**
	 * Rows whose name contains "ccfm", per table.
	 *
	 * @return array<string,string[]>
	 */
	private static function leftovers() {
		global $wpdb;
		// phpcs:disable WordPress.DB.DirectDatabaseQuery
		return array(
			$wpdb->options  => $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%ccfm%'" ),
			$wpdb->postmeta => $wpdb->get_col( "SELECT meta_key FROM {$wpdb->postmeta} WHERE meta_key LIKE '%ccfm%'" ),
			$wpdb->usermeta => $wpdb->get_col( "SELECT meta_key FROM {$wpdb->usermeta} WHERE meta_key LIKE '%ccfm%'" ),
		);
		// phpcs:enable
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

	public function test_uninstall_removes_every_option_meta_and_transient() {
		global $wpdb;
		$this->seed_settings();
		$this->post_id = self::factory_post();
		update_post_meta( $this->post_id, '_ccfm_visibility', 'show' );
		update_post_meta( $this->post_id, '_ccfm_ref', 'landing' );
		update_post_meta( $this->post_id, '_ccfm_future_key', 'x' );
		update_post_meta( $this->post_id, 'unrelated_key', 'kept' );
		set_transient( 'ccfm_probe', array( 'a' => 1 ), HOUR_IN_SECONDS );
		set_transient( 'ccfm_forever', 'b' );
		set_site_transient( 'ccfm_site_probe', 'c', HOUR_IN_SECONDS );
		update_option( 'ccfm_test_leftover', 'x', false );
		update_option( 'e2e_scenario_untouched_by_ccfm_uninstall', 'kept' );
		update_user_meta( self::user_id( 'editor' ), 'ccfm_dismissed_notice', '1' );
		update_option( 'ccfm_platform', array( 'page_token' => 'secret' ), false );
		\CCFM\Platform\Conversation_Table::activate();
		$this->assertSame( $wpdb->prefix . 'ccfm_conversations', $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->prefix . 'ccfm_conversations' ) ) ) ); // phpcs:ignore
		$this->assertNotFalse( wp_next_scheduled( 'ccfm_prune_conversations' ) );

		$before = self::leftovers();
		$this->assertContains( 'ccfm_settings', $before[ $wpdb->options ] );
		$this->assertContains( '_transient_ccfm_probe', $before[ $wpdb->options ] );
		$this->assertContains( '_transient_timeout_ccfm_probe', $before[ $wpdb->options ] );
		$this->assertContains( '_site_transient_ccfm_site_probe', $before[ $wpdb->options ] );
		$this->assertContains( '_ccfm_visibility', $before[ $wpdb->postmeta ] );
		$this->assertContains( '_ccfm_ref', $before[ $wpdb->postmeta ] );
		$this->assertContains( 'ccfm_dismissed_notice', $before[ $wpdb->usermeta ] );
		$this->assertContains( 'ccfm_platform', $before[ $wpdb->options ] );
		$this->assertContains( 'ccfm_db_version', $before[ $wpdb->options ] );

		self::run_uninstall();

		$after = self::leftovers();
		// The one option outside the plugin's prefix, made by this test, is the only survivor.
		$this->assertSame( array( 'e2e_scenario_untouched_by_ccfm_uninstall' ), $after[ $wpdb->options ] );
		delete_option( 'e2e_scenario_untouched_by_ccfm_uninstall' );
		$this->assertSame(
			array(
				$wpdb->options  => array(),
				$wpdb->postmeta => array(),
				$wpdb->usermeta => array(),
			),
			self::leftovers()
		);

		$this->assertSame( array(), $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', '%' . $wpdb->esc_like( 'ccfm' ) . '%' ) ) ); // phpcs:ignore
		$this->assertFalse( wp_next_scheduled( 'ccfm_prune_conversations' ) );
		$this->assertStringNotContainsString( 'ccfm', (string) wp_json_encode( _get_cron_array() ) );

		// Caches agree with the database, and other data is kept.
		$this->assertNull( $this->raw_option() );
		$this->assertFalse( wp_cache_get( 'ccfm_settings', 'options' ) );
		$this->assertArrayNotHasKey( 'ccfm_settings', wp_load_alloptions() );
		$this->assertFalse( get_transient( 'ccfm_probe' ) );
		$this->assertFalse( get_transient( 'ccfm_forever' ) );
		$this->assertFalse( get_site_transient( 'ccfm_site_probe' ) );
		$this->assertSame( '', get_post_meta( $this->post_id, '_ccfm_visibility', true ) );
		$this->assertSame( 'kept', get_post_meta( $this->post_id, 'unrelated_key', true ) );
		$this->assertNotFalse( get_option( 'siteurl' ) );
		$this->assertNotFalse( get_user_by( 'login', 'ccfm_test_editor' ) );
	}

	public function test_uninstall_refuses_to_run_outside_wordpress_uninstall() {
		$php = escapeshellarg( PHP_BINARY );
		$out = array();
		exec( $php . ' -r ' . escapeshellarg( 'define("ABSPATH", "/tmp/"); include ' . var_export( CCFM_DIR . 'uninstall.php', true ) . '; echo "ran";' ), $out, $status ); // phpcs:ignore
		$this->assertSame( 0, $status );
		$this->assertSame( array(), $out, 'Without WP_UNINSTALL_PLUGIN the file exits at once.' );
	}

	/**
	 * A published post.
	 *
	 * @return int
	 */
	private static function factory_post() {
		$id = wp_insert_post(
			array(
				'post_title'  => 'Uninstall probe',
				'post_status' => 'publish',
				'post_type'   => 'post',
			),
			true
		);
		if ( is_wp_error( $id ) ) {
			throw new \RuntimeException( $id->get_error_message() );
		}
		return (int) $id;
	}
}
