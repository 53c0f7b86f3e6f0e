<?php
/**
 * PHPStan bootstrap: the constants the plugin expects at run time that
 * neither the WordPress stubs nor the analysed files give PHPStan a type for.
 *
 * Only read by PHPStan (never loaded by WordPress or PHPUnit). The values are
 * placeholders; what matters to the analysis is each constant's type.
 *
 * @package CustomerChatForMessenger
 */

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedConstantFound -- WordPress core's own constants.

// WordPress core (wp-config.php, wp-includes/default-constants.php, uninstall).
define( 'ABSPATH', '/wordpress/' );
define( 'WPINC', 'wp-includes' );
define( 'WP_CONTENT_DIR', '/wordpress/wp-content' );
define( 'WP_PLUGIN_DIR', '/wordpress/wp-content/plugins' );
define( 'WP_DEBUG', false );
define( 'MINUTE_IN_SECONDS', 60 );
define( 'HOUR_IN_SECONDS', 3600 );
define( 'DAY_IN_SECONDS', 86400 );
define( 'WEEK_IN_SECONDS', 604800 );
define( 'MONTH_IN_SECONDS', 2592000 );
define( 'YEAR_IN_SECONDS', 31536000 );
define( 'OBJECT', 'OBJECT' );
define( 'OBJECT_K', 'OBJECT_K' );
define( 'ARRAY_A', 'ARRAY_A' );
define( 'ARRAY_N', 'ARRAY_N' );
define( 'WP_UNINSTALL_PLUGIN', 'customer-chat-for-messenger/customer-chat-for-messenger.php' );

// The plugin's own (plugin/customer-chat-for-messenger.php).
define( 'CCFM_VERSION', '1.0.0' );
define( 'CCFM_FILE', '/wordpress/wp-content/plugins/customer-chat-for-messenger/customer-chat-for-messenger.php' );
define( 'CCFM_DIR', '/wordpress/wp-content/plugins/customer-chat-for-messenger/' );
define( 'CCFM_URL', 'https://example.org/wp-content/plugins/customer-chat-for-messenger/' );
