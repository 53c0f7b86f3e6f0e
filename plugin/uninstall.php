<?php
/**
 * Removes everything the plugin stored: its options (settings, Messenger
 * Platform secrets, table version), transients, post and user meta, the
 * conversation records table and the pruning cron event — on every site of
 * a multisite network, plus network options.
 *
 * @package CustomerChatForMessenger
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

// WordPress includes this file from inside a function.
/**
 * WordPress database abstraction (set up by wp-settings.php).
 *
 * @var \wpdb $wpdb
 */
global $wpdb;

/**
 * Deletes the current site's data.
 */
$ccfm_uninstall_site = static function () {
	/**
	 * WordPress database abstraction (set up by wp-settings.php).
	 *
	 * @var \wpdb $wpdb
	 */
	global $wpdb;

	delete_option( 'ccfm_settings' );
	// Messenger Platform connection: secrets, conversation records, pruning.
	delete_option( 'ccfm_platform' );
	delete_option( 'ccfm_db_version' );
	wp_clear_scheduled_hook( 'ccfm_prune_conversations' );
	$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}ccfm_conversations" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
	// Click counts and the keys of their daily cap.
	delete_option( 'ccfm_clicks_db_version' );
	$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}ccfm_clicks, {$wpdb->prefix}ccfm_click_clients" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared

	// Any other option or transient of the plugin (ccfm_ prefix).
	$ccfm_like = array(
		$wpdb->esc_like( 'ccfm_' ) . '%',
		$wpdb->esc_like( '_transient_ccfm_' ) . '%',
		$wpdb->esc_like( '_transient_timeout_ccfm_' ) . '%',
		$wpdb->esc_like( '_site_transient_ccfm_' ) . '%',
		$wpdb->esc_like( '_site_transient_timeout_ccfm_' ) . '%',
	);
	foreach ( $ccfm_like as $ccfm_pattern ) {
		$ccfm_names = array_map( 'strval', $wpdb->get_col( $wpdb->prepare( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s", $ccfm_pattern ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
		foreach ( $ccfm_names as $ccfm_name ) {
			if ( 0 === strpos( $ccfm_name, '_transient_timeout_' ) || 0 === strpos( $ccfm_name, '_site_transient_timeout_' ) ) {
				delete_option( $ccfm_name );
			} elseif ( 0 === strpos( $ccfm_name, '_site_transient_' ) ) {
				delete_site_transient( substr( $ccfm_name, strlen( '_site_transient_' ) ) );
			} elseif ( 0 === strpos( $ccfm_name, '_transient_' ) ) {
				delete_transient( substr( $ccfm_name, strlen( '_transient_' ) ) );
			} else {
				delete_option( $ccfm_name );
			}
		}
	}

	// Post meta: the editor's per-post settings and any other _ccfm_ key.
	$ccfm_keys = array_merge(
		array( '_ccfm_visibility', '_ccfm_ref' ),
		array_map( 'strval', $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT meta_key FROM {$wpdb->postmeta} WHERE meta_key LIKE %s OR meta_key LIKE %s", $wpdb->esc_like( '_ccfm_' ) . '%', $wpdb->esc_like( 'ccfm_' ) . '%' ) ) ) // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	);
	foreach ( array_unique( $ccfm_keys ) as $ccfm_key ) {
		delete_post_meta_by_key( $ccfm_key );
	}
};

if ( is_multisite() ) {
	foreach ( get_sites(
		array(
			'fields' => 'ids',
			'number' => 0,
		)
	) as $ccfm_site_id ) {
		switch_to_blog( (int) $ccfm_site_id );
		$ccfm_uninstall_site();
		restore_current_blog();
	}
	// Network-wide options and site transients.
	$ccfm_network_keys = array_map( 'strval', $wpdb->get_col( $wpdb->prepare( "SELECT meta_key FROM {$wpdb->sitemeta} WHERE meta_key LIKE %s OR meta_key LIKE %s OR meta_key LIKE %s", $wpdb->esc_like( 'ccfm_' ) . '%', $wpdb->esc_like( '_site_transient_ccfm_' ) . '%', $wpdb->esc_like( '_site_transient_timeout_ccfm_' ) . '%' ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
	foreach ( $ccfm_network_keys as $ccfm_network_key ) {
		delete_network_option( null, $ccfm_network_key );
	}
} else {
	$ccfm_uninstall_site();
}

// User meta is shared by all sites of a network.
$ccfm_user_keys = array_map( 'strval', $wpdb->get_col( $wpdb->prepare( "SELECT DISTINCT meta_key FROM {$wpdb->usermeta} WHERE meta_key LIKE %s OR meta_key LIKE %s", $wpdb->esc_like( 'ccfm_' ) . '%', $wpdb->esc_like( '_ccfm_' ) . '%' ) ) ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery
foreach ( $ccfm_user_keys as $ccfm_user_key ) {
	delete_metadata( 'user', 0, $ccfm_user_key, '', true );
}
