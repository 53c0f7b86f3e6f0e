/**
 * Messenger Platform panel: the Page access token, App Secret and webhook
 * verify token (write-only: the server only ever says whether each is set),
 * the Page's domain whitelist and the Chat Plugin surface settings.
 */
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	CheckboxControl,
	Notice,
	PanelBody,
	Spinner,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useCopyToClipboard } from '@wordpress/compose';
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

export type SecretName = 'page_access_token' | 'app_secret' | 'verify_token';

export interface PlatformState {
	secrets: Record< SecretName, boolean >;
	retention_days: number;
	webhook_url: string;
	site_origin: string;
}

export interface WhitelistReport {
	domains: string[];
	limit: number;
	origin: string;
	origin_listed: boolean;
	twin: string;
	twin_listed: boolean;
	whitelistable: boolean;
	added?: string[];
}

interface ApiError {
	code?: string;
	message?: string;
	data?: { status?: number; params?: Record< string, string > };
}

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

/**
 * A message a person can act on, for a failed request: the per-field
 * messages of a refused value (never WordPress's "Invalid parameter(s): …"
 * wrapper), Meta's own words for Graph errors, and plain words for an
 * expired login, a missing permission or a site that cannot be reached.
 *
 * @param e The error apiFetch threw.
 */
export function errorText( e: unknown ): string {
	const error = ( e || {} ) as ApiError;
	const params = error.data?.params
		? Object.values( error.data.params ).filter(
				( p ): p is string => typeof p === 'string' && p !== ''
		  )
		: [];
	switch ( error.code ) {
		case 'rest_invalid_param':
		case 'rest_missing_callback_param':
			if ( params.length ) {
				return params.join( ' ' );
			}
			break;
		case 'rest_cookie_invalid_nonce':
			return __(
				'Your login has expired. Reload the page, then try again.',
				'customer-chat-for-messenger'
			);
		case 'rest_forbidden':
		case 'rest_cannot_edit':
			return __(
				'Your account is not allowed to change this. Ask an administrator.',
				'customer-chat-for-messenger'
			);
		case 'fetch_error':
			return __(
				'Your site could not be reached. Check your connection, then try again.',
				'customer-chat-for-messenger'
			);
		case 'invalid_json':
			return __(
				'Your site sent an answer that is not valid (a PHP error or a security plugin may be in the way). Tools → Site Health can tell more.',
				'customer-chat-for-messenger'
			);
	}
	const message = ( error.message || '' ).replace(
		/^Invalid parameter\(s\):[^.]*\.?\s*/,
		''
	);
	return (
		[ message, ...params ].filter( Boolean ).join( ' ' ) ||
		__( 'The request failed.', 'customer-chat-for-messenger' )
	);
}

/**
 * A value with a button that copies it.
 * @param props
 * @param props.value
 * @param props.label
 */
function CopyValue( { value, label }: { value: string; label: string } ) {
	const [ copied, setCopied ] = useState( false );
	const ref = useCopyToClipboard( value, () => setCopied( true ) );
	useEffect( () => setCopied( false ), [ value ] );
	return (
		<span className="ccfm-copy-row">
			<code>{ value }</code>
			<Button variant="secondary" size="compact" ref={ ref }>
				{ copied
					? __( 'Copied!', 'customer-chat-for-messenger' )
					: label }
			</Button>
		</span>
	);
}

function randomToken(): string {
	const bytes = new Uint8Array( 24 );
	window.crypto.getRandomValues( bytes );
	return Array.from( bytes, ( b ) =>
		b.toString( 16 ).padStart( 2, '0' )
	).join( '' );
}

type Status = { status: 'success' | 'error' | 'warning'; text: string } | null;

function StatusNotice( { notice }: { notice: Status } ) {
	return notice ? (
		<Notice status={ notice.status } isDismissible={ false }>
			{ notice.text }
		</Notice>
	) : null;
}

function Secrets( {
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
						placeholder={
							state.secrets[ name ]
								? __(
										'Saved — leave empty to keep it',
										'customer-chat-for-messenger'
								  )
								: __( 'Not set', 'customer-chat-for-messenger' )
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

/**
 * One origin of the whitelist report, and whether Meta lists it.
 * @param props
 * @param props.origin
 * @param props.listed
 */
function OriginItem( { origin, listed }: { origin: string; listed: boolean } ) {
	return (
		<li data-listed={ listed ? 'yes' : 'no' }>
			<code>{ origin }</code>{ ' ' }
			{ listed
				? __( 'is listed', 'customer-chat-for-messenger' )
				: __( 'is not listed', 'customer-chat-for-messenger' ) }
		</li>
	);
}

function Whitelist( { tokenSet }: { tokenSet: boolean } ) {
	const [ report, setReport ] = useState< WhitelistReport | null >( null );
	const [ twin, setTwin ] = useState( false );
	const [ busy, setBusy ] = useState( false );
	const [ notice, setNotice ] = useState< Status >( null );

	const call = ( method: 'GET' | 'POST' ) => {
		setBusy( true );
		setNotice( null );
		apiFetch< WhitelistReport >( {
			path: '/ccfm/v1/platform/whitelist',
			method,
			...( method === 'POST' ? { data: { include_twin: twin } } : {} ),
		} )
			.then( ( r ) => {
				setReport( r );
				if ( r.added ) {
					setNotice( {
						status: 'success',
						text: r.added.length
							? sprintf(
									/* translators: %s: domains added. */
									__(
										'Added to the whitelist: %s',
										'customer-chat-for-messenger'
									),
									r.added.join( ', ' )
							  )
							: __(
									'Already on the whitelist; nothing changed.',
									'customer-chat-for-messenger'
							  ),
					} );
				}
			} )
			.catch( ( e ) =>
				setNotice( { status: 'error', text: errorText( e ) } )
			)
			.finally( () => setBusy( false ) );
	};

	return (
		<div className="ccfm-platform__whitelist">
			<h3>{ __( 'Domain whitelist', 'customer-chat-for-messenger' ) }</h3>
			<Button
				variant="secondary"
				onClick={ () => call( 'GET' ) }
				disabled={ busy || ! tokenSet }
				accessibleWhenDisabled
				aria-describedby={ tokenSet ? undefined : 'ccfm-whitelist-why' }
			>
				{ __( 'Check the whitelist', 'customer-chat-for-messenger' ) }
			</Button>
			{ ! tokenSet && (
				<p id="ccfm-whitelist-why" className="ccfm-why">
					{ __(
						'Needs the Page access token: save it under “Connection and webhook” first.',
						'customer-chat-for-messenger'
					) }
				</p>
			) }
			{ busy && <Spinner /> }
			{ report && (
				<>
					<ul className="ccfm-platform__origins">
						<OriginItem
							origin={ report.origin }
							listed={ report.origin_listed }
						/>
						{ report.twin && (
							<OriginItem
								origin={ report.twin }
								listed={ report.twin_listed }
							/>
						) }
					</ul>
					<p>
						{ sprintf(
							/* translators: 1: number of domains, 2: the limit. */
							__(
								'%1$d of %2$d domains used.',
								'customer-chat-for-messenger'
							),
							report.domains.length,
							report.limit
						) }
					</p>
					{ ! report.whitelistable && (
						<Notice status="warning" isDismissible={ false }>
							{ __(
								'Meta only whitelists HTTPS sites with a fully qualified domain name (no localhost, no IP address).',
								'customer-chat-for-messenger'
							) }
						</Notice>
					) }
					{ report.whitelistable &&
						( ! report.origin_listed ||
							( twin && ! report.twin_listed ) ) && (
							<>
								{ report.twin && (
									<CheckboxControl
										__nextHasNoMarginBottom
										label={ sprintf(
											/* translators: %s: the www./bare twin domain. */
											__(
												'Also add %s',
												'customer-chat-for-messenger'
											),
											report.twin
										) }
										checked={ twin }
										onChange={ setTwin }
									/>
								) }
								<Button
									variant="primary"
									onClick={ () => call( 'POST' ) }
									disabled={ busy }
								>
									{ __(
										'Add this site',
										'customer-chat-for-messenger'
									) }
								</Button>
							</>
						) }
				</>
			) }
			<StatusNotice notice={ notice } />
		</div>
	);
}

function ChatSurface( { tokenSet }: { tokenSet: boolean } ) {
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
