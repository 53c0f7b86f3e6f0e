<?php
/**
 * Removes everything the plugin stored.
 *
 * @package CustomerChatForMessenger
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

delete_option( 'ccfm_settings' );
delete_post_meta_by_key( '_ccfm_visibility' );
delete_post_meta_by_key( '_ccfm_ref' );

// Messenger Platform connection: secrets, conversation records, pruning.
delete_option( 'ccfm_platform' );
delete_option( 'ccfm_db_version' );
wp_clear_scheduled_hook( 'ccfm_prune_conversations' );
global $wpdb;
$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}ccfm_conversations" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared
