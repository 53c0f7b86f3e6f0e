/**
 * "Chat Plugin surface" (Chat Plugin mode): the Get Started payload and the
 * persistent menu in the Chat Plugin, applied to the Page.
 */
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	CheckboxControl,
	TextareaControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { errorText } from './api-error';
import { StatusNotice, type Status } from './parts';

export function ChatSurface( { tokenSet }: { tokenSet: boolean } ) {
	const [ payload, setPayload ] = useState( '' );
	const [ hideMenu, setHideMenu ] = useState( true );
	const [ busy, setBusy ] = useState( false );
	const [ notice, setNotice ] = useState< Status >( null );
	const tooLong = payload.length > 1000;

	const apply = () => {
		setBusy( true );
		setNotice( null );
		apiFetch< { get_started: boolean; menu: string; locales: string[] } >( {
			path: '/ccfm/v1/platform/chat-surface',
			method: 'POST',
			data: {
				...( payload ? { get_started_payload: payload } : {} ),
				hide_menu: hideMenu,
			},
		} )
			.then( ( r ) => {
				const menu: Record< string, string > = {
					hidden: __(
						'The persistent menu is now hidden in the Chat Plugin.',
						'customer-chat-for-messenger'
					),
					already_hidden: __(
						'The persistent menu was already hidden in the Chat Plugin.',
						'customer-chat-for-messenger'
					),
					none: __(
						'The Page has no persistent menu.',
						'customer-chat-for-messenger'
					),
					unchanged: '',
				};
				setNotice( {
					status: 'success',
					text: [
						r.get_started
							? __(
									'Get Started payload saved.',
									'customer-chat-for-messenger'
							  )
							: '',
						menu[ r.menu ] || '',
					]
						.filter( Boolean )
						.join( ' ' ),
				} );
			} )
			.catch( ( e ) =>
				setNotice( { status: 'error', text: errorText( e ) } )
			)
			.finally( () => setBusy( false ) );
	};

	return (
		<div className="ccfm-platform__surface">
			<h3>
				{ __( 'Chat Plugin surface', 'customer-chat-for-messenger' ) }
			</h3>
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __(
					'Get Started payload',
					'customer-chat-for-messenger'
				) }
				help={
					tooLong
						? __(
								'At most 1000 characters.',
								'customer-chat-for-messenger'
						  )
						: __(
								'Sent back to your webhook when someone taps Get Started. Leave empty to keep the current one.',
								'customer-chat-for-messenger'
						  )
				}
				value={ payload }
				onChange={ setPayload }
				rows={ 2 }
			/>
			<CheckboxControl
				__nextHasNoMarginBottom
				label={ __(
					'Hide the persistent menu in the Chat Plugin (other surfaces keep it)',
					'customer-chat-for-messenger'
				) }
				checked={ hideMenu }
				onChange={ setHideMenu }
			/>
			<Button
				variant="secondary"
				onClick={ apply }
				disabled={ busy || tooLong || ! tokenSet }
				accessibleWhenDisabled
				aria-describedby={
					! tokenSet || tooLong ? 'ccfm-surface-why' : undefined
				}
				isBusy={ busy }
			>
				{ __( 'Apply to the Page', 'customer-chat-for-messenger' ) }
			</Button>
			{ ( ! tokenSet || tooLong ) && (
				<p id="ccfm-surface-why" className="ccfm-why">
					{ ! tokenSet
						? __(
								'Needs the Page access token: save it under “Connection and webhook” first.',
								'customer-chat-for-messenger'
						  )
						: __(
								'The payload is longer than 1000 characters.',
								'customer-chat-for-messenger'
						  ) }
				</p>
			) }
			<StatusNotice notice={ notice } />
		</div>
	);
}
