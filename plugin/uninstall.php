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
