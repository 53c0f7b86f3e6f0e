/**
 * "Connection and webhook": the Page access token, App Secret and webhook
 * verify token (write-only: the server only says whether each is set), the
 * records' retention and the webhook URL to give Meta.
 */
import apiFetch from '@wordpress/api-fetch';
import { Button, Notice, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

import { errorText } from './api-error';
import { CopyValue, StatusNotice, type Status } from './parts';
import type { PlatformState, SecretName } from './types';

const SECRETS: { name: SecretName; label: string; help: string }[] = [
	{
		name: 'page_access_token',
		label: __( 'Page access token', 'customer-chat-for-messenger' ),
		help: __(
			'From your Meta app: Messenger → Settings → Access Tokens.',
			'customer-chat-for-messenger'
		),
	},
	{
		name: 'app_secret',
		label: __( 'App Secret', 'customer-chat-for-messenger' ),
		help: __(
			'From your Meta app: App settings → Basic. Used to check the webhook signature.',
			'customer-chat-for-messenger'
		),
	},
	{
		name: 'verify_token',
		label: __( 'Webhook verify token', 'customer-chat-for-messenger' ),
		help: __(
			'Any string you choose; enter the same one in Meta’s webhook settings.',
			'customer-chat-for-messenger'
		),
	},
];

function randomToken(): string {
	const bytes = new Uint8Array( 24 );
	window.crypto.getRandomValues( bytes );
	return Array.from( bytes, ( b ) =>
		b.toString( 16 ).padStart( 2, '0' )
	).join( '' );
}

export function Secrets( {
	state,
	onSaved,
}: {
	state: PlatformState;
	onSaved: ( s: PlatformState ) => void;
} ) {
	const [ values, setValues ] = useState< Record< SecretName, string > >( {
		page_access_token: '',
		app_secret: '',
		verify_token: '',
	} );
	const [ retention, setRetention ] = useState(
		String( state.retention_days )
	);
	const [ busy, setBusy ] = useState( false );
	const [ notice, setNotice ] = useState< Status >( null );
	// A verify token generated here: shown (once, on this screen) to copy
	// into Meta's webhook settings, since the server never shows it again.
	const [ generated, setGenerated ] = useState( '' );
	const [ generatedSaved, setGeneratedSaved ] = useState( false );

	const send = ( data: Record< string, unknown > ) => {
		setBusy( true );
		setNotice( null );
		apiFetch< PlatformState >( {
			path: '/ccfm/v1/platform',
			method: 'POST',
			data,
		} )
			.then( ( r ) => {
				onSaved( r );
				if ( generated && data.verify_token === generated ) {
					setGeneratedSaved( true );
				} else if ( Array.isArray( data.clear ) ) {
					setGenerated( '' );
				}
				setValues( {
					page_access_token: '',
					app_secret: '',
					verify_token: '',
				} );
				setNotice( {
					status: 'success',
					text: __( 'Saved.', 'customer-chat-for-messenger' ),
				} );
			} )
			.catch( ( e ) =>
				setNotice( { status: 'error', text: errorText( e ) } )
			)
			.finally( () => setBusy( false ) );
	};

	const save = () => {
		const data: Record< string, unknown > = {};
		for ( const { name } of SECRETS ) {
			if ( values[ name ].trim() ) {
				data[ name ] = values[ name ].trim();
			}
		}
		const days = parseInt( retention, 10 );
		data.retention_days = Number.isNaN( days ) ? retention : days;
		send( data );
	};

	return (
		<div className="ccfm-platform__secrets">
			<h3>
				{ __(
					'Connection and webhook',
					'customer-chat-for-messenger'
				) }
			</h3>
			{ SECRETS.map( ( { name, label, help } ) => (
				<div
					key={ name }
					className="ccfm-platform__secret"
					data-secret={ name }
				>
					<TextControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						type="password"
						autoComplete="new-password"
						label={ label }
						help={ help }
						value={ values[ name ] }
						// "Not set" is said once, beside the field.
						placeholder={
							state.secrets[ name ]
								? __(
										'Saved — leave empty to keep it',
										'customer-chat-for-messenger'
								  )
								: undefined
						}
						onChange={ ( v: string ) =>
							setValues( { ...values, [ name ]: v } )
						}
					/>
					<p
						className="ccfm-platform__flag"
						data-set={ state.secrets[ name ] ? 'yes' : 'no' }
					>
						{ state.secrets[ name ]
							? __( 'Set', 'customer-chat-for-messenger' )
							: __(
									'Not set',
									'customer-chat-for-messenger'
							  ) }{ ' ' }
						{ state.secrets[ name ] && (
							<Button
								variant="link"
								isDestructive
								disabled={ busy }
								onClick={ () => send( { clear: [ name ] } ) }
							>
								{ __(
									'Remove',
									'customer-chat-for-messenger'
								) }
							</Button>
						) }
						{ name === 'verify_token' && (
							<Button
								variant="link"
								disabled={ busy }
								onClick={ () => {
									const token = randomToken();
									setGenerated( token );
									setGeneratedSaved( false );
									setValues( {
										...values,
										verify_token: token,
									} );
								} }
							>
								{ __(
									'Generate one',
									'customer-chat-for-messenger'
								) }
							</Button>
						) }
					</p>
				</div>
			) ) }
			{ generated && (
				<div className="ccfm-platform__generated" role="status">
					<p>
						{ generatedSaved
							? __(
									'Verify token saved. Copy it now into Meta’s webhook settings (Verify token): it is not shown again once you leave this page.',
									'customer-chat-for-messenger'
							  )
							: __(
									'New verify token: copy it into Meta’s webhook settings (Verify token), then save the connection.',
									'customer-chat-for-messenger'
							  ) }
					</p>
					<CopyValue
						value={ generated }
						label={ __(
							'Copy token',
							'customer-chat-for-messenger'
						) }
					/>
				</div>
			) }
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				type="number"
				min={ 1 }
				max={ 3650 }
				label={ __(
					'Keep conversation records for (days)',
					'customer-chat-for-messenger'
				) }
				value={ retention }
				onChange={ ( v: string ) => setRetention( v ) }
			/>
			<div className="ccfm-platform__webhook">
				<p>
					{ __(
						'Webhook callback URL (enter it in Meta’s webhook settings):',
						'customer-chat-for-messenger'
					) }
				</p>
				<CopyValue
					value={ state.webhook_url }
					label={ __( 'Copy URL', 'customer-chat-for-messenger' ) }
				/>
				{ ! /^https:\/\//i.test( state.webhook_url ) && (
					<Notice status="warning" isDismissible={ false }>
						{ __(
							'Meta only accepts an https:// callback URL, and this site answers over http. Serve the site over HTTPS (with a public domain name) before you add the webhook in Meta’s app dashboard.',
							'customer-chat-for-messenger'
						) }
					</Notice>
				) }
			</div>
			<Button
				variant="primary"
				onClick={ save }
				isBusy={ busy }
				disabled={ busy }
			>
				{ __( 'Save connection', 'customer-chat-for-messenger' ) }
			</Button>
			<StatusNotice notice={ notice } />
		</div>
	);
}
