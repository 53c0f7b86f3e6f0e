<?php
/**
 * Local stack only (copied by bin/stack/start.sh, never shipped): the machine is
 * offline, so WordPress's update checks would only log warnings.
 *
 * @package CustomerChatForMessenger
 */

defined( 'ABSPATH' ) || exit;

/**
 * Unhooks WordPress's update checks. Runs at once and again on admin_init,
 * because wp-admin/includes/admin-filters.php (loaded after mu-plugins, in
 * wp-admin only) hooks them to upgrader_process_complete, which fires after
 * a plugin is installed from a zip.
 */
function ccfm_local_offline_unhook() {
	foreach ( array( 'admin_init', 'wp_version_check', 'wp_update_plugins', 'wp_update_themes', 'load-plugins.php', 'load-update.php', 'load-update-core.php', 'load-themes.php', 'upgrader_process_complete', 'init', 'wp_maybe_auto_update' ) as $ccfm_local_hook ) {
		remove_action( $ccfm_local_hook, '_maybe_update_core' );
		remove_action( $ccfm_local_hook, '_maybe_update_plugins' );
		remove_action( $ccfm_local_hook, '_maybe_update_themes' );
		remove_action( $ccfm_local_hook, 'wp_version_check' );
		remove_action( $ccfm_local_hook, 'wp_update_plugins' );
		remove_action( $ccfm_local_hook, 'wp_update_themes' );
	}
	remove_action( 'upgrader_process_complete', array( 'Language_Pack_Upgrader', 'async_upgrade' ), 20 );
}
ccfm_local_offline_unhook();
add_action( 'admin_init', 'ccfm_local_offline_unhook', 0 );

// Core's emoji script fetches images from s.w.org, which this machine cannot reach.
remove_action( 'wp_head', 'print_emoji_detection_script', 7 );
remove_action( 'admin_print_scripts', 'print_emoji_detection_script' );

// The list of installable languages (Network Admin → Sites → Add New) comes
// from api.wordpress.org; offline it is empty rather than a logged warning.
add_filter(
	'translations_api',
	static function ( $result, $type ) {
		return 'core' === $type ? array( 'translations' => array() ) : $result;
	},
	10,
	2
);
