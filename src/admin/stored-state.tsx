/**
 * What reading the stored settings had to repair (a stored option from
 * another version, a hand edit) and which data files of the plugin are
 * damaged, from /ccfm/v1/settings-state.
 */
import apiFetch from '@wordpress/api-fetch';
import { Notice } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

export interface SettingsState {
	reset: string[];
	dropped: string[];
	data_files: { file: string; problem: string; message: string }[];
}

export function StoredStateNotice() {
	const [ state, setState ] = useState< SettingsState | null >( null );
	useEffect( () => {
		apiFetch< SettingsState >( { path: '/ccfm/v1/settings-state' } )
			.then( setState )
			.catch( () => setState( null ) );
	}, [] );
	if ( ! state ) {
		return null;
	}
	return (
		<>
			{ state.data_files.map( ( f ) => (
				<Notice
					key={ f.file }
					status="error"
					isDismissible={ false }
					className="ccfm-data-file-notice"
				>
					{ f.message }
				</Notice>
			) ) }
			{ ( state.reset.length > 0 || state.dropped.length > 0 ) && (
				<Notice
					status="warning"
					isDismissible={ false }
					className="ccfm-repair-notice"
				>
					{ state.reset.length > 0 && (
						<p>
							{ sprintf(
								/* translators: %s: setting names, comma-separated. */
								__(
									'These stored settings held values this version cannot use and were reset to their defaults: %s.',
									'customer-chat-for-messenger'
								),
								state.reset.join( ', ' )
							) }
						</p>
					) }
					{ state.dropped.length > 0 && (
						<p>
							{ sprintf(
								/* translators: %s: setting names, comma-separated. */
								__(
									'These stored settings are unknown to this version and were left out: %s.',
									'customer-chat-for-messenger'
								),
								state.dropped.join( ', ' )
							) }
						</p>
					) }
					<p>
						{ __(
							'Check the form and save: the repaired settings are stored then.',
							'customer-chat-for-messenger'
						) }
					</p>
				</Notice>
			) }
		</>
	);
}
