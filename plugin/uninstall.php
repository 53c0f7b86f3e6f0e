<?php
/**
 * Removes exactly what the plugin stored (the names in
 * includes/class-stored-data.php): on every site of a network, and the
 * user meta once.
 *
 * @package CustomerChatForMessenger
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/class-stored-data.php';

CCFM\Stored_Data::remove_all();
