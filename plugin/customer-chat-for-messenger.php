<?php
/**
 * Plugin Name:       Customer Chat for Messenger
 * Plugin URI:        https://wordpress.org/plugins/customer-chat-for-messenger/
 * Description:       Adds a Messenger chat to your site: a fast chat bubble that is a working Messenger link at once, with Meta's Chat Plugin only if you opt in.
 * Version:           1.0.0
 * Requires at least: 6.5
 * Requires PHP:      7.4
 * Author:            Customer Chat for Messenger contributors
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       customer-chat-for-messenger
 * Domain Path:       /languages
 *
 * @package CustomerChatForMessenger
 */

defined( 'ABSPATH' ) || exit;

define( 'CCFM_VERSION', '1.0.0' );
define( 'CCFM_FILE', __FILE__ );
define( 'CCFM_DIR', plugin_dir_path( __FILE__ ) );
define( 'CCFM_URL', plugin_dir_url( __FILE__ ) );

require_once CCFM_DIR . 'includes/autoload.php';

CCFM\Plugin::instance()->register();
