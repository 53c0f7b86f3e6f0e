/**
 * The status at the top of the settings screen: what is missing, or "Live"
 * with a link to test the site's own m.me link.
 */
import { __ } from '@wordpress/i18n';

import type { Settings } from '../shared/settings-schema.generated';
import { isConfigured, messengerLink } from './page-input';

/**
 * The status at the top of the screen: what is missing, or "Live" with a
 * link to the site's own m.me link. It reads the saved settings: a value
 * typed but not saved is not live.
 * @param props
 * @param props.saved
 * @param props.dirty
 */
export function LiveStatus( {
	saved,
	dirty,
}: {
	saved: Settings;
	dirty: boolean;
} ) {
	const live = isConfigured( saved );
	let missing = '';
	if ( ! live ) {
		if ( saved.mode === 'link' ) {
			missing = __(
				'Enter your Facebook Page below (its link, username or ID) and save.',
				'customer-chat-for-messenger'
			);
		} else if ( saved.page_username ) {
			missing = __(
				'The Chat Plugin needs your Page’s numeric ID: enter it below, or choose the Messenger link, which works with the username alone.',
				'customer-chat-for-messenger'
			);
		} else {
			missing = __(
				'Enter your Facebook Page ID below and save.',
				'customer-chat-for-messenger'
			);
		}
	}
	const where: Record< Settings[ 'display_on' ], string > = {
		everywhere: __(
			'The chat shows on your site.',
			'customer-chat-for-messenger'
		),
		placed: __(
			'The chat shows on content with the Messenger Chat block or shortcode.',
			'customer-chat-for-messenger'
		),
		chosen: __(
			'The chat shows on the places chosen under “Where it shows”.',
			'customer-chat-for-messenger'
		),
	};
	return (
		<div
			className={
				'ccfm-status ccfm-status--' + ( live ? 'live' : 'missing' )
			}
			data-state={ live ? 'live' : 'missing' }
			role="status"
		>
			<strong className="ccfm-status__label">
				{ live
					? __( 'Live', 'customer-chat-for-messenger' )
					: __( 'Not live yet', 'customer-chat-for-messenger' ) }
			</strong>{ ' ' }
			<span>{ live ? where[ saved.display_on ] : missing }</span>{ ' ' }
			{ live && (
				<a
					href={ messengerLink( saved ) }
					className="ccfm-status__test"
					target="_blank"
					rel="noopener noreferrer"
				>
					{ __( 'Test it', 'customer-chat-for-messenger' ) }
					<span className="screen-reader-text">
						{ __(
							'(opens in a new tab)',
							'customer-chat-for-messenger'
						) }
					</span>
				</a>
			) }
			{ dirty && (
				<span className="ccfm-status__dirty">
					{ ' ' }
					{ __(
						'You have unsaved changes.',
						'customer-chat-for-messenger'
					) }
				</span>
			) }
		</div>
	);
}
