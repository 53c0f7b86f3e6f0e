<?php
/**
 * The plugin on a real subdirectory multisite network (database
 * `wordpress_ms_test`, served on the site port + 100): network activation
 * sets up every site and every site created later, each site keeps its own
 * settings (written through REST, read back from each site's own front page
 * over HTTP), network deactivation stops every site's cron, deleting a site
 * drops its table, and uninstall leaves no `ccfm` row in any site's tables,
 * the network tables or user meta.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Platform\Conversation_Pruning;
use CCFM\Platform\Conversation_Table;
use CCFM\Platform\Secrets;
use CCFM\Stored_Data;

/**
 * Multisite network.
 */
class NetworkTest extends TestCase {

	/**
	 * Sites created by the test, deleted after it.
	 *
	 * @var int[]
	 */
	private $sites = array();

	/**
	 * Users created by the test, deleted after it.
	 *
	 * @var int[]
	 */
	private $users = array();

	protected function set_up() {
		parent::set_up();
		$this->assertTrue( is_multisite() );
		$this->assertTrue( is_main_site() );
		$this->assertTrue( is_plugin_active_for_network( CCFM_TESTS_PLUGIN ), 'The suite starts with the plugin network-active.' );
	}

	protected function tear_down() {
		while ( ms_is_switched() ) {
			restore_current_blog();
		}
		wp_set_current_user( 0 );
		foreach ( $this->sites as $site_id ) {
			if ( get_site( $site_id ) ) {
				wp_delete_site( $site_id );
			}
		}
		require_once ABSPATH . 'wp-admin/includes/ms.php';
		foreach ( $this->users as $user_id ) {
			wpmu_delete_user( $user_id );
		}
		// Later tests start from the plugin network-active and the main site set up.
		if ( ! is_plugin_active_for_network( CCFM_TESTS_PLUGIN ) ) {
			$this->assertNull( activate_plugin( CCFM_TESTS_PLUGIN, '', true ) );
		}
		Conversation_Table::activate( true );
		parent::tear_down();
	}

	/**
	 * Creates a site at /<slug>/ on the network.
	 *
	 * @param string $slug Path segment.
	 * @return int Site ID.
	 */
	private function new_site( $slug ) {
		$existing = get_site_by_path( get_network()->domain, '/' . $slug . '/' );
		if ( $existing && '/' . $slug . '/' === $existing->path ) {
			wp_delete_site( (int) $existing->blog_id ); // Left by an interrupted run.
		}
		$site_id = wp_insert_site(
			array(
				'domain'  => get_network()->domain,
				'path'    => '/' . $slug . '/',
				'title'   => 'Site ' . $slug,
				'user_id' => 1,
				'options' => array( 'permalink_structure' => '/%postname%/' ),
			)
		);
		$this->assertIsInt( $site_id, is_wp_error( $site_id ) ? $site_id->get_error_message() : 'wp_insert_site' );
		$this->sites[] = $site_id;
		return $site_id;
	}

	/**
	 * Whether a site has the conversations table.
	 *
	 * @param int $site_id Site.
	 * @return bool
	 */
	private static function has_table( $site_id ) {
		global $wpdb;
		switch_to_blog( $site_id );
		$table  = Conversation_Table::table();
		$exists = $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		restore_current_blog();
		return $exists;
	}

	/**
	 * Whether a site has the pruning event scheduled.
	 *
	 * @param int $site_id Site.
	 * @return bool
	 */
	private static function has_cron( $site_id ) {
		switch_to_blog( $site_id );
		$next = wp_next_scheduled( Conversation_Pruning::CRON_HOOK );
		restore_current_blog();
		return false !== $next;
	}

	/**
	 * Removes a site's table, version and cron, as if the plugin had never
	 * been active there.
	 *
	 * @param int $site_id Site.
	 */
	private static function forget_site( $site_id ) {
		global $wpdb;
		switch_to_blog( $site_id );
		$wpdb->query( 'DROP TABLE IF EXISTS ' . Conversation_Table::table() ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.NotPrepared
		delete_option( Conversation_Table::DB_VERSION_OPTION );
		wp_clear_scheduled_hook( Conversation_Pruning::CRON_HOOK );
		restore_current_blog();
	}

	/**
	 * A site's front page over HTTP, from the network's own web server; fails
	 * the test when WordPress logged anything while serving it.
	 *
	 * @param int $site_id Site.
	 * @return string HTML.
	 */
	private function fetch_front_page( $site_id ) {
		$log    = CCFM_TESTS_ROOT . '/.wp/logs/debug-multisite.log';
		$before = is_file( $log ) ? (int) filesize( $log ) : 0;
		$url    = get_home_url( $site_id, '/' );
		$this->assertStringStartsWith( CCFM_TESTS_SITE_URL . '/', $url );
		$response = wp_remote_get( $url, array( 'timeout' => 60 ) );
		$this->assertIsArray( $response, is_wp_error( $response ) ? $response->get_error_message() : '' );
		$this->assertSame( 200, wp_remote_retrieve_response_code( $response ), $url );
		clearstatcache();
		$logged = is_file( $log ) ? (string) file_get_contents( $log, false, null, $before ) : ''; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
		// Debian's WordPress package patches two functions of
		// wp-includes/ms-functions.php with a required parameter after an
		// optional one; PHP 8 reports that once per server worker when it
		// compiles the file. It is core's packaging, not this plugin.
		$logged = (string) preg_replace( '/^\[[^\]]+\] PHP Deprecated: +Optional parameter \$meta declared before required parameter \$signup_id is implicitly treated as a required parameter in \S+\/wp-includes\/ms-functions\.php on line \d+\n/m', '', $logged );
		$this->assertSame( '', $logged, "WordPress logged while serving $url" );
		// That request ran in another process: forget what this one cached.
		wp_cache_flush();
		return wp_remote_retrieve_body( $response );
	}

	/**
	 * Saves settings on a site through the REST settings route, as the
	 * settings screen does.
	 *
	 * @param int                 $site_id  Site.
	 * @param array<string,mixed> $settings Settings.
	 * @return \WP_REST_Response
	 */
	private function save_on_site( $site_id, array $settings ) {
		switch_to_blog( $site_id );
		$GLOBALS['wp_rest_server'] = null;
		$response                  = $this->rest( 'POST', '/wp/v2/settings', array( self::OPTION => $settings ) );
		restore_current_blog();
		return $response;
	}

	public function test_network_activation_sets_up_every_site_and_sites_created_later() {
		$before = $this->new_site( 'before' );
		deactivate_plugins( CCFM_TESTS_PLUGIN, false, true );
		$this->assertFalse( is_plugin_active_for_network( CCFM_TESTS_PLUGIN ) );
		foreach ( array( get_main_site_id(), $before ) as $site_id ) {
			self::forget_site( $site_id );
			$this->assertFalse( self::has_table( $site_id ) );
		}
		$inactive = $this->new_site( 'while-inactive' );
		$this->assertFalse( self::has_table( $inactive ), 'A site created while the plugin is inactive gets nothing.' );

		wp_set_current_user( 1 );
		$this->assertTrue( is_super_admin() );
		$this->assertNull( activate_plugin( CCFM_TESTS_PLUGIN, '', true ) );

		$this->assertTrue( is_plugin_active_for_network( CCFM_TESTS_PLUGIN ) );
		foreach ( array( get_main_site_id(), $before, $inactive ) as $site_id ) {
			$this->assertTrue( self::has_table( $site_id ), "Site $site_id has its table." );
			$this->assertTrue( self::has_cron( $site_id ), "Site $site_id has its pruning event." );
			$this->assertSame( Conversation_Table::DB_VERSION, get_blog_option( $site_id, Conversation_Table::DB_VERSION_OPTION ) );
		}

		$later = $this->new_site( 'later' );
		$this->assertTrue( self::has_table( $later ), 'A site created while network-active is set up at once.' );
		$this->assertTrue( self::has_cron( $later ) );
	}

	public function test_a_site_the_network_activation_skipped_sets_itself_up_on_its_next_request() {
		$site_id = $this->new_site( 'lazy' );
		self::forget_site( $site_id );
		$this->assertFalse( self::has_table( $site_id ) );

		$this->fetch_front_page( $site_id );

		$this->assertTrue( self::has_table( $site_id ) );
		$this->assertTrue( self::has_cron( $site_id ) );
	}

	public function test_each_site_keeps_its_own_settings() {
		$two   = $this->new_site( 'two' );
		$three = $this->new_site( 'three' );
		wp_set_current_user( 1 );

		$this->assertSame( 200, $this->save_on_site( get_main_site_id(), array( 'page_id' => '1111111111' ) )->get_status() );
		$this->assertSame(
			200,
			$this->save_on_site(
				$two,
				array(
					'page_id'     => '2222222222',
					'mode'        => 'link',
					'theme_color' => '#2e7d32',
				)
			)->get_status()
		);

		$this->assertSame( '1111111111', get_blog_option( get_main_site_id(), self::OPTION )['page_id'] );
		$this->assertSame( '2222222222', get_blog_option( $two, self::OPTION )['page_id'] );
		$this->assertFalse( get_blog_option( $three, self::OPTION ), 'An untouched site stores nothing.' );

		$main_html = $this->fetch_front_page( get_main_site_id() );
		$this->assertStringContainsString( 'https://m.me/1111111111', $main_html );
		$this->assertStringNotContainsString( '2222222222', $main_html );

		$two_html = $this->fetch_front_page( $two );
		$this->assertStringContainsString( 'https://m.me/2222222222', $two_html );
		$this->assertStringContainsString( '#2e7d32', $two_html );
		$this->assertStringNotContainsString( '1111111111', $two_html );

		$three_html = $this->fetch_front_page( $three );
		$this->assertStringNotContainsString( 'm.me/', $three_html, 'A site without a Page ID shows no chat.' );
		$this->assertStringNotContainsString( 'ccfm', $three_html );
	}

	public function test_a_site_administrator_configures_only_their_own_site() {
		$two   = $this->new_site( 'own' );
		$three = $this->new_site( 'other' );
		$owner = wpmu_create_user( 'ccfm_site_owner', wp_generate_password( 24 ), 'ccfm_site_owner@example.com' );
		$this->assertIsInt( $owner );
		$this->users[] = $owner;
		add_user_to_blog( $two, $owner, 'administrator' );
		wp_set_current_user( $owner );
		$this->assertFalse( is_super_admin() );

		$this->assertSame( 200, $this->save_on_site( $two, array( 'page_id' => '3333333333' ) )->get_status() );
		$this->assertSame( '3333333333', get_blog_option( $two, self::OPTION )['page_id'] );

		$refused = $this->save_on_site( $three, array( 'page_id' => '4444444444' ) );
		$this->assertSame( 403, $refused->get_status() );
		$this->assertFalse( get_blog_option( $three, self::OPTION ), 'Nothing is stored on a site the user does not manage.' );

		// The same validation as on a single site, per site.
		$bad = $this->save_on_site( $two, array( 'page_id' => 'not a page' ) );
		$this->assertSame( 400, $bad->get_status() );
		$this->assertSame( '3333333333', get_blog_option( $two, self::OPTION )['page_id'] );
	}

	public function test_network_deactivation_stops_every_sites_pruning() {
		$two = $this->new_site( 'cron' );
		$this->assertTrue( self::has_cron( get_main_site_id() ) );
		$this->assertTrue( self::has_cron( $two ) );

		deactivate_plugins( CCFM_TESTS_PLUGIN, false, true );

		$this->assertFalse( self::has_cron( get_main_site_id() ) );
		$this->assertFalse( self::has_cron( $two ) );
		$this->assertTrue( self::has_table( $two ), 'Deactivation keeps the data; only uninstall removes it.' );
	}

	public function test_deleting_a_site_drops_its_table() {
		global $wpdb;
		$site_id = $this->new_site( 'deleted' );
		$this->assertTrue( self::has_table( $site_id ) );
		$table = $wpdb->get_blog_prefix( $site_id ) . 'ccfm_conversations';
		$this->assertSame( $wpdb->get_blog_prefix( $site_id ) . 'ccfm_clicks', $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->get_blog_prefix( $site_id ) . 'ccfm_clicks' ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery

		$this->assertInstanceOf( \WP_Site::class, wp_delete_site( $site_id ) );

		$this->assertNull( $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		// Every table of the plugin's list goes with the site, the click tables too.
		$this->assertSame( array(), $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $wpdb->get_blog_prefix( $site_id ) . 'ccfm_' ) . '%' ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	}

	/**
	 * Uninstall on a network: on each site exactly what the plugin wrote is
	 * removed (the names of CCFM\Stored_Data), the user meta once, and
	 * data of others, on the sites and the network, is kept.
	 */
	public function test_uninstall_removes_exactly_the_plugins_data_on_every_site() {
		global $wpdb;
		$sites = array( get_main_site_id(), $this->new_site( 'uninstall-a' ), $this->new_site( 'uninstall-b' ) );
		foreach ( $sites as $site_id ) {
			switch_to_blog( $site_id );
			update_option( self::OPTION, array( 'page_id' => (string) ( 5000000000 + $site_id ) ) );
			Secrets::sender_secret();
			update_option( Stored_Data::LEGACY_KEYS_OPTION, time(), false );
			update_option( 'ccfm_like_but_not_ours', 'kept', false );
			$post_id = wp_insert_post(
				array(
					'post_title'  => 'Placed',
					'post_status' => 'publish',
				)
			);
			update_post_meta( $post_id, Stored_Data::VISIBILITY_META, 'hide' );
			update_post_meta( $post_id, Stored_Data::REF_META, 'landing' );
			update_post_meta( $post_id, 'unrelated_key', 'kept' );
			restore_current_blog();
			$this->assertTrue( self::has_table( $site_id ) );
			$this->assertTrue( self::has_cron( $site_id ) );
		}
		update_network_option( null, 'ccfm_network_like_but_not_ours', 'kept' );
		update_user_meta( 1, Stored_Data::NOTICE_DISMISSED_META, 1 );

		deactivate_plugins( CCFM_TESTS_PLUGIN, false, true );
		if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
			define( 'WP_UNINSTALL_PLUGIN', CCFM_TESTS_PLUGIN );
		}
		( static function () {
			include CCFM_DIR . 'uninstall.php';
		} )();
		wp_cache_flush();

		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		foreach ( $sites as $site_id ) {
			$prefix = $wpdb->get_blog_prefix( $site_id );
			$this->assertSame( array( 'ccfm_like_but_not_ours' ), $wpdb->get_col( "SELECT option_name FROM {$prefix}options WHERE option_name LIKE '%ccfm%'" ), "Options of site $site_id." );
			$this->assertSame( array(), $wpdb->get_col( "SELECT meta_key FROM {$prefix}postmeta WHERE meta_key LIKE '%ccfm%'" ), "Post meta of site $site_id." );
			$this->assertSame( array( 'unrelated_key' ), $wpdb->get_col( "SELECT DISTINCT meta_key FROM {$prefix}postmeta WHERE meta_key = 'unrelated_key'" ), "Other post meta of site $site_id." );
			$this->assertFalse( self::has_table( $site_id ) );
			$this->assertFalse( self::has_cron( $site_id ) );
		}
		$this->assertSame( array( 'ccfm_network_like_but_not_ours' ), $wpdb->get_col( "SELECT meta_key FROM {$wpdb->sitemeta} WHERE meta_key LIKE '%ccfm%'" ), 'Network options are not the plugin\'s.' );
		$this->assertSame( array(), $wpdb->get_col( "SELECT meta_key FROM {$wpdb->usermeta} WHERE meta_key LIKE '%ccfm%'" ) );
		$this->assertSame( array(), $wpdb->get_col( $wpdb->prepare( 'SHOW TABLES LIKE %s', '%' . $wpdb->esc_like( 'ccfm' ) . '%' ) ) );
		// phpcs:enable
		foreach ( $sites as $site_id ) {
			switch_to_blog( $site_id );
			delete_option( 'ccfm_like_but_not_ours' );
			restore_current_blog();
		}
		delete_network_option( null, 'ccfm_network_like_but_not_ours' );
	}
}
