/**
 * "Embed code": the chat for a page outside WordPress, built by the
 * server's own renderer for the form's unsaved values, with a copy button.
 */
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	Notice,
	PanelBody,
	TextareaControl,
} from '@wordpress/components';
import { useCopyToClipboard } from '@wordpress/compose';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { useSettingsForm } from '../form/context';

export function EmbedCodePanel() {
	const { settings, valid } = useSettingsForm();
	const [ isOpen, setIsOpen ] = useState( false );
	const [ code, setCode ] = useState( '' );
	const [ failed, setFailed ] = useState( '' );
	const [ copied, setCopied ] = useState( false );
	const ref = useCopyToClipboard( code, () => setCopied( true ) );
	const key = JSON.stringify( settings );
	// Built by the server's own renderer, for the form's unsaved values.
	useEffect( () => {
		setCopied( false );
		if ( ! isOpen || ! valid ) {
			return undefined;
		}
		let current = true;
		const timer = setTimeout( () => {
			apiFetch< { code: string } >( {
				path: '/ccfm/v1/embed-code',
				method: 'POST',
				data: { settings },
			} )
				.then( ( r ) => {
					if ( current ) {
						setFailed( '' );
						setCode( r.code );
					}
				} )
				.catch( ( e: { message?: string } ) => {
					if ( current ) {
						setCode( '' );
						setFailed(
							e.message ||
								__(
									'The embed code could not be built.',
									'customer-chat-for-messenger'
								)
						);
					}
				} );
		}, 300 );
		return () => {
			current = false;
			clearTimeout( timer );
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ key, valid, isOpen ] );
	const shown = valid ? code : '';
	return (
		<PanelBody
			title={ __( 'Embed code', 'customer-chat-for-messenger' ) }
			opened={ isOpen }
			onToggle={ setIsOpen }
		>
			{ ! valid && (
				<Notice status="warning" isDismissible={ false }>
					{ __(
						'Fix the highlighted fields to get the embed code.',
						'customer-chat-for-messenger'
					) }
				</Notice>
			) }
			{ valid && failed && (
				<Notice status="error" isDismissible={ false }>
					{ failed }
				</Notice>
			) }
			<TextareaControl
				__nextHasNoMarginBottom
				label={ __(
					'Code for a page outside WordPress',
					'customer-chat-for-messenger'
				) }
				help={
					settings.mode === 'link'
						? __(
								'Paste before </body>. A floating Messenger link for these settings: it opens your Page in Messenger and loads nothing from Meta.',
								'customer-chat-for-messenger'
						  )
						: __(
								'Paste before </body>. This is Meta’s Chat Plugin code for these settings, as Meta’s setup tool generates it.',
								'customer-chat-for-messenger'
						  )
				}
				value={ shown }
				readOnly
				rows={ 8 }
				onChange={ () => undefined }
			/>
			<Button variant="secondary" ref={ ref } disabled={ ! shown }>
				{ copied
					? __( 'Copied!', 'customer-chat-for-messenger' )
					: __( 'Copy code', 'customer-chat-for-messenger' ) }
			</Button>
		</PanelBody>
	);
}
