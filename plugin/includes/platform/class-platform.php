<?php
/**
 * The Messenger Platform feature: wires its parts.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

defined( 'ABSPATH' ) || exit;

/**
 * Adds the hooks of the Messenger Platform connection.
 *
 * @since 1.0.0
 */
final class Platform {

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		( new Platform_Routes() )->register();
		( new Profile_Routes() )->register();
		( new Webhook() )->register();
		( new Conversation_Table() )->register();
		( new Conversation_Pruning() )->register();
		( new Conversation_Rollup() )->register();
		( new Conversation_Report() )->register();
		( new Personal_Data() )->register();
	}
}
