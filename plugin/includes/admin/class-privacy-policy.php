<?php
/**
 * Suggested text for the site's privacy policy (Settings → Privacy).
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Admin;

use CCFM\Platform\Click_Route;

defined( 'ABSPATH' ) || exit;

/**
 * Privacy-policy content.
 *
 * @since 1.0.0
 */
final class Privacy_Policy {

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_action( 'admin_init', array( $this, 'add_policy_content' ) );
	}

	/**
	 * Suggests the text to WordPress' privacy-policy guide.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function add_policy_content() {
		// admin_init may be fired outside wp-admin (cron, tests, other code).
		if ( is_admin() && function_exists( 'wp_add_privacy_policy_content' ) ) {
			wp_add_privacy_policy_content( __( 'Customer Chat for Messenger', 'customer-chat-for-messenger' ), self::policy_text() );
		}
	}

	/**
	 * The suggested text (HTML).
	 *
	 * @since 1.0.0
	 *
	 * @return string
	 */
	public static function policy_text() {
		$paragraphs = array(
			'<strong class="privacy-policy-tutorial">' . esc_html__( 'Suggested text:', 'customer-chat-for-messenger' ) . '</strong> '
				. esc_html__( 'This site offers a chat with us on Messenger, a service of Meta Platforms, Inc. (Meta Platforms Ireland Limited for visitors in the European Economic Area).', 'customer-chat-for-messenger' ),
			esc_html__( 'In Chat Plugin mode, when you use the chat bubble (or, depending on the site’s settings, when the page is idle or loaded), your browser loads Meta’s JavaScript SDK from connect.facebook.net and the chat from www.facebook.com. Meta then receives the address of the page you are on, your IP address, information about your browser and device, and the Facebook cookies your browser holds, which tell Meta who you are if you are logged in to Facebook. Where this site asks for consent and you have not consented to marketing cookies, Meta’s code loads only when you click the chat bubble.', 'customer-chat-for-messenger' ),
			esc_html__( 'When you click the Messenger link, your browser opens m.me, which leads to the Messenger app or, on a computer, to Messenger on facebook.com, and Meta receives the same kind of information as when you visit any website. Messages you send us in Messenger are processed by Meta and by us to answer you.', 'customer-chat-for-messenger' ),
			esc_html__( 'This site does not itself send your data to Meta. In your browser it stores that you closed the chat greeting (so it is not shown again) and, for the browser session only, that the chat could not load (so that the Messenger link is offered straight away).', 'customer-chat-for-messenger' ),
			esc_html__( 'If this site is connected to the Messenger Platform, Meta informs it of conversations started with us. For each such event we store the time, the kind of event, the reference and the address of the page where the chat started (without its query string), and a pseudonymous key derived from your Messenger ID, never the ID itself or the text of your messages. These records are deleted after the retention period (90 days unless the site owner chose otherwise), and you can ask us to export or erase them.', 'customer-chat-for-messenger' ),
			Click_Route::policy_text(),
			sprintf(
				/* translators: 1: URL of Meta's privacy policy, 2: URL of Meta's terms. */
				__( 'Meta’s privacy policy: <a href="%1$s">%1$s</a>. Meta’s terms: <a href="%2$s">%2$s</a>.', 'customer-chat-for-messenger' ),
				esc_url( 'https://www.facebook.com/privacy/policy/' ),
				esc_url( 'https://www.facebook.com/legal/terms' )
			),
		);
		return wp_kses_post( '<p>' . implode( "</p>\n<p>", $paragraphs ) . '</p>' );
	}
}
