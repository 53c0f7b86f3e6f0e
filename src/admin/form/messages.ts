/**
 * The words of a field in error: the server's translated message of the
 * field's rule, except where the screen words a field differently (the
 * greetings' labels depend on the mode; the first field says what it could
 * not understand).
 */
import { __ } from '@wordpress/i18n';

import { settingMessage } from '../../shared/messages';
import type {
	SettingName,
	Settings,
} from '../../shared/settings-schema.generated';
import type { PageInput } from '../page-input';

/**
 * The message of a field in error, in the words of its label.
 * @param name The field.
 * @param mode The mode the screen shows.
 */
export function fieldMessage(
	name: SettingName,
	mode: Settings[ 'mode' ]
): string {
	if ( name === 'logged_in_greeting' ) {
		return __(
			'The greeting for people logged in to Facebook must be plain text of at most 80 characters.',
			'customer-chat-for-messenger'
		);
	}
	if ( name === 'logged_out_greeting' ) {
		return mode === 'link'
			? __(
					'The greeting must be plain text of at most 80 characters.',
					'customer-chat-for-messenger'
			  )
			: __(
					'The greeting for everyone else must be plain text of at most 80 characters.',
					'customer-chat-for-messenger'
			  );
	}
	return settingMessage( name );
}

/**
 * What the first field could not understand, in words ('' when it could).
 * @param input The parsed field.
 */
export function pageInputMessage( input: PageInput ): string {
	if ( input.kind !== 'invalid' ) {
		return '';
	}
	if ( input.reason === 'share' ) {
		return __(
			'This is a share link (facebook.com/share/…): it does not name the Page. Open it, then copy the Page’s address from the browser, or enter the Page’s username or numeric ID.',
			'customer-chat-for-messenger'
		);
	}
	return input.reason === 'short'
		? __(
				'A Page username has at least 5 characters. Paste your Page’s link if you are not sure.',
				'customer-chat-for-messenger'
		  )
		: __(
				'This is not a Facebook Page. Paste your Page’s link (facebook.com/… or m.me/…), its username or its numeric ID.',
				'customer-chat-for-messenger'
		  );
}
