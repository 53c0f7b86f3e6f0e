<?php
/**
 * The REST namespace of the plugin and the permission its admin routes share.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * Who may use the admin routes.
 *
 * @since 1.0.0
 */
final class Rest_Access {

	const NAMESPACE_V1 = 'ccfm/v1';

	/**
	 * Only administrators may use these routes.
	 *
	 * @since 1.0.0
	 *
	 * @return bool|\WP_Error
	 */
	public static function can_manage() {
		if ( current_user_can( 'manage_options' ) ) {
			return true;
		}
		return new \WP_Error(
			'rest_forbidden',
			__( 'Sorry, you are not allowed to do that.', 'customer-chat-for-messenger' ),
			array( 'status' => rest_authorization_required_code() )
		);
	}
}
