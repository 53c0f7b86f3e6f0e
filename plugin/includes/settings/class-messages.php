<?php
/**
 * The one set of error messages of the settings fields (translated).
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * What each settings field accepts, in words.
 *
 * @since 1.0.0
 */
final class Messages {

	/**
	 * The message of every settings field: what the field accepts, shown when
	 * a value breaks its rule (by the REST API, the settings screen, the
	 * block and the post-editor panel).
	 *
	 * @since 1.0.0
	 *
	 * @return array<string,string> Field name => translated message.
	 */
	public static function all() {
		return array(
			'page_id'                 => __( 'The Page ID must be empty or 1 to 20 digits.', 'customer-chat-for-messenger' ),
			'page_username'           => __( 'The Page username must be empty or 5 to 50 letters, digits or dots.', 'customer-chat-for-messenger' ),
			'mode'                    => __( 'The mode must be chat_plugin or link.', 'customer-chat-for-messenger' ),
			'locale'                  => __( 'The language must be auto or a Facebook locale code such as en_US.', 'customer-chat-for-messenger' ),
			'theme_color'             => __( 'The theme colour must be empty or a #rrggbb colour other than white.', 'customer-chat-for-messenger' ),
			'logged_in_greeting'      => __( 'The logged-in greeting must be plain text of at most 80 characters.', 'customer-chat-for-messenger' ),
			'logged_out_greeting'     => __( 'The logged-out greeting must be plain text of at most 80 characters.', 'customer-chat-for-messenger' ),
			'greeting_dialog_display' => __( 'The greeting display must be show, fade, hide or icon.', 'customer-chat-for-messenger' ),
			'greeting_dialog_delay'   => __( 'The greeting delay must be empty or whole seconds from 0 to 3600.', 'customer-chat-for-messenger' ),
			'phone_greeting'          => __( 'The greeting on phones must be hide, delay or same.', 'customer-chat-for-messenger' ),
			'ref'                     => __( 'The ref may hold only letters, digits, -, _ and =, at most 250 characters.', 'customer-chat-for-messenger' ),
			'alignment'               => __( 'The alignment must be right or left.', 'customer-chat-for-messenger' ),
			'bottom_spacing'          => __( 'The bottom spacing must be whole pixels from 0 to 500.', 'customer-chat-for-messenger' ),
			'load_strategy'           => __( 'The load strategy must be interaction, idle or immediate.', 'customer-chat-for-messenger' ),
			'display_on'              => __( 'Where the chat shows must be everywhere, placed or chosen.', 'customer-chat-for-messenger' ),
			'display_places'          => __( 'The places must be among front_page, posts, pages, other_types, archives, search and 404.', 'customer-chat-for-messenger' ),
			'exclude_ids'             => __( 'Excluded posts must be a list of post IDs (whole numbers from 1).', 'customer-chat-for-messenger' ),
			'devices'                 => __( 'Devices must be all, desktop or mobile.', 'customer-chat-for-messenger' ),
			'click_counting'          => __( 'Click counting must be on or off.', 'customer-chat-for-messenger' ),
			'message_text'            => __( 'The message text must be plain text of at most 300 characters.', 'customer-chat-for-messenger' ),
			'away_hours'              => __( 'The opening hours must be weekly ranges such as 1 09:00-17:00 (weekday 1 = Monday to 7 = Sunday), each ending after it starts, at most 70.', 'customer-chat-for-messenger' ),
			'away_action'             => __( 'What happens outside the opening hours must be greeting or hide.', 'customer-chat-for-messenger' ),
			'away_greeting'           => __( 'The away greeting must be plain text of at most 80 characters.', 'customer-chat-for-messenger' ),
		);
	}

	/**
	 * Translated error message for a field.
	 *
	 * @since 1.0.0
	 *
	 * @param string $field Field name.
	 * @return string
	 */
	public static function message( $field ) {
		$messages = self::all();
		return isset( $messages[ $field ] ) ? $messages[ $field ] : __( 'Invalid value.', 'customer-chat-for-messenger' );
	}

	/**
	 * Prints the messages for a script that validates settings, before it
	 * runs, as window.ccfmSettingsMessages (src/shared/messages.ts reads it).
	 *
	 * @since 1.0.0
	 *
	 * @param string $handle Script handle.
	 * @return void
	 */
	public static function add_inline( $handle ) {
		wp_add_inline_script( $handle, 'window.ccfmSettingsMessages=' . \CCFM\Assets::inline_json( self::all() ) . ';', 'before' );
	}
}
