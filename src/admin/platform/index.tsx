/**
 * Messenger Platform panel: the connection secrets and webhook, and in Chat
 * Plugin mode the Page's domain whitelist and the Chat Plugin surface. Each
 * group saves on its own button.
 */
import apiFetch from '@wordpress/api-fetch';
import { Notice, PanelBody, Spinner } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { errorText } from './api-error';
import { ChatSurface } from './chat-surface';
import { Secrets } from './secrets';
import type { PlatformState } from './types';
import { Whitelist } from './whitelist';

export function PlatformPanel( { mode }: { mode: 'chat_plugin' | 'link' } ) {
	const [ state, setState ] = useState< PlatformState | null >( null );
	const [ failed, setFailed ] = useState( '' );
	useEffect( () => {
		apiFetch< PlatformState >( { path: '/ccfm/v1/platform' } )
			.then( setState )
			.catch( ( e ) => setFailed( errorText( e ) ) );
	}, [] );
	return (
		<PanelBody
			title={ __( 'Messenger Platform', 'customer-chat-for-messenger' ) }
			initialOpen={ false }
			className="ccfm-platform"
		>
			{ failed && (
				<Notice status="error" isDismissible={ false }>
					{ failed }
				</Notice>
			) }
			{ ! state && ! failed && <Spinner /> }
			{ state && (
				<>
					<p>
						{ __(
							'Each group below saves on its own button; “Save settings” does not save this panel. Saved secrets stay on the server and are never shown again.',
							'customer-chat-for-messenger'
						) }
					</p>
					<Secrets state={ state } onSaved={ setState } />
					{ mode === 'chat_plugin' ? (
						<>
							<Whitelist
								tokenSet={ state.secrets.page_access_token }
							/>
							<ChatSurface
								tokenSet={ state.secrets.page_access_token }
							/>
						</>
					) : (
						<p className="ccfm-mode-note">
							{ __(
								'The domain whitelist and the Get Started button belong to Meta’s Chat Plugin: they show in Chat Plugin mode.',
								'customer-chat-for-messenger'
							) }
						</p>
					) }
				</>
			) }
		</PanelBody>
	);
}
