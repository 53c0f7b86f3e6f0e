/**
 * The settings app: one form over the ccfm_settings option, saved through
 * core-data to /wp/v2/settings, validated as you type with the schema's rules.
 */
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	ColorPalette,
	ComboboxControl,
	Notice,
	Panel,
	PanelBody,
	RadioControl,
	SelectControl,
	TextControl,
	TextareaControl,
} from '@wordpress/components';
import { useCopyToClipboard } from '@wordpress/compose';
import { store as coreStore, useEntityProp } from '@wordpress/core-data';
import { useDispatch, useSelect } from '@wordpress/data';
import { useEffect, useMemo, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	SETTING_NAMES,
	settingsSchema,
	type SettingName,
	type Settings,
} from '../shared/settings-schema.generated';
import { contrastWithWhite, validateSetting } from '../shared/validate';
import { boot } from './boot';
import { ConversationsPanel } from './conversations';
import { Diagnostics } from './diagnostics';
import { DisplayRulesPanel } from './display-rules';
import {
	isConfigured,
	messengerLink,
	parsePageInput,
	type PageInput,
} from './page-input';
import { PlatformPanel } from './platform';
import { ContextPanel } from './panels/context';
import { Preview } from './preview';
import { StoredStateNotice } from './stored-state';

type SaveError = {
	message?: string;
	data?: { details?: { ccfm_settings?: { data?: { field?: string } } } };
};

const defaults = Object.fromEntries(
	SETTING_NAMES.map( ( name ) => [
		name,
		settingsSchema.properties[ name ].default,
	] )
) as unknown as Settings;

type PanelName = 'page' | 'appearance' | 'greeting' | 'language' | 'loading';

/** Where each field lives, in the order the form shows them. */
const FIELD_PANELS: [ SettingName, PanelName ][] = [
	[ 'page_username', 'page' ],
	[ 'page_id', 'page' ],
	[ 'mode', 'page' ],
	[ 'theme_color', 'appearance' ],
	[ 'alignment', 'appearance' ],
	[ 'bottom_spacing', 'appearance' ],
	[ 'logged_in_greeting', 'greeting' ],
	[ 'logged_out_greeting', 'greeting' ],
	[ 'greeting_dialog_display', 'greeting' ],
	[ 'greeting_dialog_delay', 'greeting' ],
	[ 'phone_greeting', 'greeting' ],
	[ 'ref', 'greeting' ],
	[ 'locale', 'language' ],
	[ 'load_strategy', 'loading' ],
];

/**
 * The control of a field: its own input, or the first input inside its
 * wrapper (radio groups, the language combobox).
 * @param name
 */
function controlOf( name: SettingName ): HTMLElement | null {
	for ( const selector of [
		`#ccfm-${ name }`,
		`[data-ccfm-field="${ name }"] input:checked`,
		`[data-ccfm-field="${ name }"] input`,
	] ) {
		const found = document.querySelector< HTMLElement >( selector );
		if ( found ) {
			return found;
		}
	}
	return null;
}

function FieldError( { id, error }: { id: string; error?: string | null } ) {
	return error ? (
		<p id={ id + '-error' } className="ccfm-field-error" role="alert">
			{ error }
		</p>
	) : null;
}

/**
 * What the first field understood, in words.
 * @param input The parsed field.
 */
function pageInputMessage( input: PageInput ): string {
	switch ( input.kind ) {
		case 'invalid':
			return input.reason === 'short'
				? __(
						'A Page username has at least 5 characters. Paste your Page’s link if you are not sure.',
						'customer-chat-for-messenger'
				  )
				: __(
						'This is not a Facebook Page. Paste your Page’s link (facebook.com/… or m.me/…), its username or its numeric ID.',
						'customer-chat-for-messenger'
				  );
		default:
			return '';
	}
}

/**
 * The message of a field in error, in the words of its label (the greetings'
 * labels depend on the mode); the server's own messages otherwise.
 * @param name The field.
 * @param mode The mode the screen shows.
 */
function fieldMessage( name: SettingName, mode: Settings[ 'mode' ] ): string {
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
	return boot.messages[ name ] || '';
}

/**
 * The status at the top of the screen: what is missing, or "Live" with a
 * link to the site's own m.me link. It reads the saved settings: a value
 * typed but not saved is not live.
 * @param props
 * @param props.saved
 * @param props.dirty
 */
function LiveStatus( { saved, dirty }: { saved: Settings; dirty: boolean } ) {
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

export function App() {
	const [ stored, setStored ] = useEntityProp(
		'root',
		'site',
		'ccfm_settings'
	);
	const { saveEditedEntityRecord } = useDispatch( coreStore );
	const { isDirty, isSaving, saveError, savedRecord } = useSelect(
		( select ) => {
			const core = select( coreStore ) as unknown as {
				getEntityRecord: (
					k: string,
					n: string
				) => { ccfm_settings?: Settings } | undefined;
				hasEditsForEntityRecord: ( k: string, n: string ) => boolean;
				isSavingEntityRecord: ( k: string, n: string ) => boolean;
				getLastEntitySaveError: (
					k: string,
					n: string
				) => SaveError | undefined;
			};
			return {
				isDirty: core.hasEditsForEntityRecord( 'root', 'site' ),
				isSaving: core.isSavingEntityRecord( 'root', 'site' ),
				saveError: core.getLastEntitySaveError( 'root', 'site' ),
				savedRecord: core.getEntityRecord( 'root', 'site' )
					?.ccfm_settings,
			};
		},
		[]
	);
	const [ pageText, setPageText ] = useState< string | null >( null );
	const [ justSaved, setJustSaved ] = useState( false );
	const [ notice, setNotice ] = useState< {
		status: 'success' | 'error';
		text: string;
	} | null >( null );
	const [ serverField, setServerField ] = useState< {
		field: string;
		message: string;
	} | null >( null );
	const [ open, setOpen ] = useState< Record< PanelName, boolean > >( {
		page: true,
		appearance: true,
		greeting: true,
		language: false,
		loading: false,
	} );
	const [ focusField, setFocusField ] = useState< SettingName | null >(
		null
	);
	const panel = ( name: PanelName ) => ( {
		opened: open[ name ],
		onToggle: ( next: boolean ) =>
			setOpen( ( o ) => ( { ...o, [ name ]: next } ) ),
	} );

	// After a refused save: the first field in error, its panel opened.
	useEffect( () => {
		if ( focusField ) {
			controlOf( focusField )?.focus();
			setFocusField( null );
		}
	}, [ focusField ] );

	const settings: Settings | undefined = useMemo(
		() =>
			stored ? { ...defaults, ...( stored as Settings ) } : undefined,
		[ stored ]
	);

	const saved: Settings | undefined = useMemo(
		() =>
			savedRecord
				? { ...defaults, ...( savedRecord as Settings ) }
				: undefined,
		[ savedRecord ]
	);

	// The first field: what the owner typed, until it is saved as a Page ID or username.
	const pageValue =
		pageText ??
		( settings ? settings.page_username || settings.page_id : '' );
	const pageInput = parsePageInput( pageValue );

	const errors = useMemo( () => {
		const found: Partial< Record< SettingName, string > > = {};
		if ( settings ) {
			for ( const name of SETTING_NAMES ) {
				const error = validateSetting(
					name,
					settings[ name ],
					boot.messages
				);
				if ( error ) {
					found[ name ] =
						fieldMessage( name, settings.mode ) || error;
				}
			}
			if ( pageInput.kind === 'invalid' ) {
				found.page_username = pageInputMessage( pageInput );
			}
		}
		return found;
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ settings, pageValue ] );

	// Guard unsaved changes on navigation.
	useEffect( () => {
		const guard = ( e: BeforeUnloadEvent ) => {
			if ( isDirty ) {
				e.preventDefault();
				e.returnValue = '';
			}
		};
		window.addEventListener( 'beforeunload', guard );
		return () => window.removeEventListener( 'beforeunload', guard );
	}, [ isDirty ] );

	useEffect( () => {
		if ( saveError ) {
			const field =
				saveError.data?.details?.ccfm_settings?.data?.field || '';
			const known =
				field && settingsSchema.properties[ field as SettingName ]
					? fieldMessage(
							field as SettingName,
							( stored as Settings | undefined )?.mode || 'link'
					  )
					: '';
			const message =
				known ||
				saveError.message ||
				__(
					'The settings could not be saved.',
					'customer-chat-for-messenger'
				);
			setServerField( field ? { field, message } : null );
			if ( field ) {
				const at = FIELD_PANELS.find( ( [ f ] ) => f === field );
				if ( at ) {
					setOpen( ( o ) => ( { ...o, [ at[ 1 ] ]: true } ) );
					setFocusField( at[ 0 ] );
				}
			}
			setNotice( {
				status: 'error',
				text: sprintf(
					/* translators: %s: the server's reason. */
					__( 'Not saved: %s', 'customer-chat-for-messenger' ),
					message
				),
			} );
		}
		// Only a new save error matters, not each edit.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ saveError ] );

	if ( ! settings ) {
		return <p>{ __( 'Loading…', 'customer-chat-for-messenger' ) }</p>;
	}

	const set = < K extends SettingName >( name: K, value: Settings[ K ] ) => {
		setServerField( null );
		setJustSaved( false );
		setStored( { ...settings, [ name ]: value } );
	};

	const setPage = ( v: string ) => {
		setPageText( v );
		setServerField( null );
		setJustSaved( false );
		const parsed = parsePageInput( v );
		if ( parsed.kind === 'empty' ) {
			setStored( { ...settings, page_id: '', page_username: '' } );
		} else if ( parsed.kind === 'id' ) {
			setStored( {
				...settings,
				page_id: parsed.page_id,
				page_username: '',
			} );
		} else if ( parsed.kind === 'username' ) {
			// A username keeps the ID the Chat Plugin may need.
			setStored( { ...settings, page_username: parsed.page_username } );
		}
	};
	const isLink = settings.mode === 'link';
	const understood =
		pageInput.kind === 'id' || pageInput.kind === 'username'
			? sprintf(
					/* translators: 1: what the field understood ("Page ID 123" or "username acme"), 2: the m.me link. */
					__(
						'Understood as the %1$s: visitors open %2$s',
						'customer-chat-for-messenger'
					),
					pageInput.kind === 'id'
						? sprintf(
								/* translators: %s: a numeric Page ID. */
								__(
									'Page ID %s',
									'customer-chat-for-messenger'
								),
								pageInput.page_id
						  )
						: sprintf(
								/* translators: %s: a Page username. */
								__(
									'Page username %s',
									'customer-chat-for-messenger'
								),
								pageInput.page_username
						  ),
					messengerLink( settings )
			  )
			: '';

	const errorOf = ( name: SettingName ) =>
		errors[ name ] ||
		( serverField?.field === name ? serverField.message : null );

	const text = (
		name: SettingName,
		label: string,
		help?: string,
		extra: Record< string, unknown > = {}
	) => {
		const id = 'ccfm-' + name;
		const error = errorOf( name );
		return (
			<>
				<TextControl
					__nextHasNoMarginBottom
					__next40pxDefaultSize
					label={ label }
					help={ help }
					value={ String( settings[ name ] ?? '' ) }
					onChange={ ( v: string ) => set( name, v as never ) }
					aria-invalid={ !! error }
					aria-describedby={
						[
							help ? id + '__help' : '',
							error ? id + '-error' : '',
						]
							.filter( Boolean )
							.join( ' ' ) || undefined
					}
					id={ id }
					{ ...extra }
				/>
				<FieldError id={ id } error={ error } />
			</>
		);
	};

	const count = ( name: 'logged_in_greeting' | 'logged_out_greeting' ) =>
		sprintf(
			/* translators: %d: characters typed. */
			__( '%d / 80 characters', 'customer-chat-for-messenger' ),
			Array.from( settings[ name ] ).length
		);

	const save = async () => {
		setNotice( null );
		setServerField( null );
		if ( Object.keys( errors ).length ) {
			// Panels this app opens and closes itself; fields of other panels
			// (Where it shows) show their own error where they are.
			const invalid = FIELD_PANELS.filter( ( [ f ] ) => errors[ f ] );
			setOpen( ( o ) => ( {
				...o,
				...Object.fromEntries(
					invalid.map( ( [ , p ] ) => [ p, true ] )
				),
			} ) );
			const first = invalid.length
				? invalid[ 0 ][ 0 ]
				: ( Object.keys( errors )[ 0 ] as SettingName );
			setFocusField( first );
			setNotice( {
				status: 'error',
				text: __(
					'Fix the highlighted fields before saving.',
					'customer-chat-for-messenger'
				),
			} );
			return;
		}
		const done = await saveEditedEntityRecord( 'root', 'site', undefined );
		if ( done ) {
			setPageText( null );
			setJustSaved( true );
			setNotice( {
				status: 'success',
				text: __( 'Settings saved.', 'customer-chat-for-messenger' ),
			} );
		}
	};

	const contrast = /^#[0-9a-fA-F]{6}$/.test( settings.theme_color )
		? contrastWithWhite( settings.theme_color )
		: null;
	const localeOptions = [
		{
			value: 'auto',
			label:
				boot.siteLocale === boot.resolvedLocale
					? sprintf(
							/* translators: %s: site language, the same as the Facebook locale. */
							__(
								'Follow site language (%s)',
								'customer-chat-for-messenger'
							),
							boot.siteLocale
					  )
					: sprintf(
							/* translators: 1: site language, 2: Facebook locale. */
							__(
								'Follow site language (%1$s → %2$s)',
								'customer-chat-for-messenger'
							),
							boot.siteLocale,
							boot.resolvedLocale
					  ),
		},
		...Object.entries( boot.locales ).map( ( [ code, name ] ) => ( {
			value: code,
			label: sprintf(
				/* translators: 1: language name, 2: Facebook locale code. */
				__( '%1$s (%2$s)', 'customer-chat-for-messenger' ),
				name,
				code
			),
		} ) ),
	];

	return (
		<div className="ccfm-admin-wrap">
			{ saved && <LiveStatus saved={ saved } dirty={ isDirty } /> }
			<div className="ccfm-admin">
				<div className="ccfm-admin__form">
					<StoredStateNotice />
					<Panel>
						<PanelBody
							title={ __(
								'Page',
								'customer-chat-for-messenger'
							) }
							{ ...panel( 'page' ) }
						>
							<TextControl
								__nextHasNoMarginBottom
								__next40pxDefaultSize
								id="ccfm-page_username"
								label={ __(
									'Your Facebook Page',
									'customer-chat-for-messenger'
								) }
								help={ __(
									'Paste your Page’s link (facebook.com/… or m.me/…), its username or its numeric Page ID.',
									'customer-chat-for-messenger'
								) }
								value={ pageValue }
								onChange={ setPage }
								placeholder="https://www.facebook.com/yourpage"
								autoComplete="off"
								spellCheck={ false }
								aria-invalid={ !! errorOf( 'page_username' ) }
								aria-describedby={ [
									'ccfm-page_username__help',
									errorOf( 'page_username' )
										? 'ccfm-page_username-error'
										: '',
									understood ? 'ccfm-page-understood' : '',
								]
									.filter( Boolean )
									.join( ' ' ) }
							/>
							<FieldError
								id="ccfm-page_username"
								error={ errorOf( 'page_username' ) }
							/>
							{ understood && (
								<p
									id="ccfm-page-understood"
									className="ccfm-understood"
								>
									{ understood }
								</p>
							) }
							{ ! isLink &&
								( settings.page_username !== '' ||
									!! errorOf( 'page_id' ) ) &&
								text(
									'page_id',
									__(
										'Facebook Page ID (for the Chat Plugin)',
										'customer-chat-for-messenger'
									),
									__(
										'The Chat Plugin needs the numeric ID. Find it on your Page: About → Page transparency, or in Meta Business Suite → Settings.',
										'customer-chat-for-messenger'
									),
									{ inputMode: 'numeric' }
								) }
							<div data-ccfm-field="mode">
								<RadioControl
									label={ __(
										'Mode',
										'customer-chat-for-messenger'
									) }
									selected={ settings.mode }
									onChange={ ( v ) =>
										set( 'mode', v as Settings[ 'mode' ] )
									}
									help={ __(
										'Meta switched its Chat Plugin off on 9 May 2024; m.me links still work. That is why new sites start with the Messenger link.',
										'customer-chat-for-messenger'
									) }
									options={ [
										{
											value: 'link',
											label: __(
												'Messenger link (recommended): works today and never loads Meta’s code; the bubble opens your Page in Messenger (m.me). Best for privacy and speed.',
												'customer-chat-for-messenger'
											),
										},
										{
											value: 'chat_plugin',
											label: __(
												'Chat Plugin with Messenger-link fallback: tries Meta’s Chat Plugin when a visitor clicks; since Meta stopped serving it, the visitor gets the Messenger link at once while it tries.',
												'customer-chat-for-messenger'
											),
										},
									] }
								/>
								<FieldError
									id={ 'ccfm-mode' }
									error={ errorOf( 'mode' ) }
								/>
							</div>
							{ isLink && (
								<p className="ccfm-mode-note">
									{ __(
										'Settings that only Meta’s Chat Plugin uses (chat language, when to load it, the greeting for people logged in to Facebook, the domain whitelist and the Get Started button) are hidden in this mode. Choose the Chat Plugin to see them.',
										'customer-chat-for-messenger'
									) }
								</p>
							) }
						</PanelBody>
						<PanelBody
							title={ __(
								'Appearance',
								'customer-chat-for-messenger'
							) }
							{ ...panel( 'appearance' ) }
						>
							{ text(
								'theme_color',
								__(
									'Theme colour',
									'customer-chat-for-messenger'
								),
								__(
									'A #rrggbb colour; any colour but white. Leave empty for Messenger blue.',
									'customer-chat-for-messenger'
								),
								{ placeholder: '#0084ff' }
							) }
							<ColorPalette
								colors={ [
									{
										name: __(
											'Messenger blue',
											'customer-chat-for-messenger'
										),
										color: '#0084ff',
									},
									{
										name: __(
											'Purple',
											'customer-chat-for-messenger'
										),
										color: '#a334fa',
									},
									{
										name: __(
											'Green',
											'customer-chat-for-messenger'
										),
										color: '#13cf13',
									},
									{
										name: __(
											'Dark',
											'customer-chat-for-messenger'
										),
										color: '#1e1e1e',
									},
								] }
								aria-label={ __(
									'Theme colour palette',
									'customer-chat-for-messenger'
								) }
								value={ settings.theme_color || undefined }
								onChange={ ( c?: string ) =>
									set(
										'theme_color',
										( c || '' ).toLowerCase()
									)
								}
								enableAlpha={ false }
							/>
							{ contrast !== null &&
								contrast < 3 &&
								! errors.theme_color && (
									<Notice
										status="warning"
										isDismissible={ false }
									>
										{ sprintf(
											/* translators: %s: contrast ratio. */
											__(
												'Low contrast against white (%s:1, below 3:1): the bubble icon and visitors’ messages may be hard to read.',
												'customer-chat-for-messenger'
											),
											contrast.toFixed( 2 )
										) }
									</Notice>
								) }
							<div data-ccfm-field="alignment">
								<RadioControl
									label={ __(
										'Side',
										'customer-chat-for-messenger'
									) }
									help={ __(
										'Meta advises keeping the chat in the bottom-right corner, where visitors expect it.',
										'customer-chat-for-messenger'
									) }
									selected={ settings.alignment }
									onChange={ ( v ) =>
										set(
											'alignment',
											v as Settings[ 'alignment' ]
										)
									}
									options={ [
										{
											value: 'right',
											label: __(
												'Bottom right (recommended)',
												'customer-chat-for-messenger'
											),
										},
										{
											value: 'left',
											label: __(
												'Bottom left',
												'customer-chat-for-messenger'
											),
										},
									] }
								/>
								<FieldError
									id={ 'ccfm-alignment' }
									error={ errorOf( 'alignment' ) }
								/>
							</div>
							{ text(
								'bottom_spacing',
								__(
									'Distance from the bottom of the screen (px)',
									'customer-chat-for-messenger'
								),
								undefined,
								{
									type: 'number',
									min: 0,
									max: 500,
									value: String( settings.bottom_spacing ),
									onChange: ( v: string ) =>
										set(
											'bottom_spacing',
											( v === ''
												? 0
												: Number( v ) ) as number
										),
								}
							) }
						</PanelBody>
						<PanelBody
							title={ __(
								'Greeting',
								'customer-chat-for-messenger'
							) }
							{ ...panel( 'greeting' ) }
						>
							{ ! isLink &&
								text(
									'logged_in_greeting',
									__(
										'Greeting for people logged in to Facebook',
										'customer-chat-for-messenger'
									),
									count( 'logged_in_greeting' )
								) }
							{ text(
								'logged_out_greeting',
								isLink
									? __(
											'Greeting',
											'customer-chat-for-messenger'
									  )
									: __(
											'Greeting for everyone else',
											'customer-chat-for-messenger'
									  ),
								isLink
									? sprintf(
											/* translators: %s: "12 / 80 characters". */
											__(
												'Shown beside the bubble. %s',
												'customer-chat-for-messenger'
											),
											count( 'logged_out_greeting' )
									  )
									: count( 'logged_out_greeting' )
							) }
							<div data-ccfm-field="greeting_dialog_display">
								<SelectControl
									__nextHasNoMarginBottom
									__next40pxDefaultSize
									id="ccfm-greeting_dialog_display"
									aria-invalid={
										!! errorOf( 'greeting_dialog_display' )
									}
									label={ __(
										'Greeting display',
										'customer-chat-for-messenger'
									) }
									value={ settings.greeting_dialog_display }
									onChange={ ( v ) =>
										set(
											'greeting_dialog_display',
											v as Settings[ 'greeting_dialog_display' ]
										)
									}
									options={ [
										{
											value: 'show',
											label: __(
												'Show: opens after the delay and stays open',
												'customer-chat-for-messenger'
											),
										},
										{
											value: 'fade',
											label: __(
												'Fade: opens after the delay, then fades away',
												'customer-chat-for-messenger'
											),
										},
										{
											value: 'hide',
											label: __(
												'Hide: stays closed until the visitor clicks',
												'customer-chat-for-messenger'
											),
										},
										{
											value: 'icon',
											label: __(
												'Icon: only the chat icon, no greeting',
												'customer-chat-for-messenger'
											),
										},
									] }
								/>
								<FieldError
									id={ 'ccfm-greeting_dialog_display' }
									error={ errorOf(
										'greeting_dialog_display'
									) }
								/>
							</div>
							{ text(
								'greeting_dialog_delay',
								__(
									'Delay before the greeting opens (seconds)',
									'customer-chat-for-messenger'
								),
								__(
									'Empty: right away.',
									'customer-chat-for-messenger'
								),
								{
									type: 'number',
									min: 0,
									max: 3600,
									onChange: ( v: string ) =>
										set(
											'greeting_dialog_delay',
											( v === ''
												? ''
												: Number(
														v
												  ) ) as Settings[ 'greeting_dialog_delay' ]
										),
								}
							) }
							<div data-ccfm-field="phone_greeting">
								<SelectControl
									__nextHasNoMarginBottom
									__next40pxDefaultSize
									id="ccfm-phone_greeting"
									aria-invalid={
										!! errorOf( 'phone_greeting' )
									}
									label={ __(
										'Greeting on phones',
										'customer-chat-for-messenger'
									) }
									help={ __(
										'On screens up to 768 px wide the greeting covers part of the page, so by default it stays closed there.',
										'customer-chat-for-messenger'
									) }
									value={ settings.phone_greeting }
									onChange={ ( v ) =>
										set(
											'phone_greeting',
											v as Settings[ 'phone_greeting' ]
										)
									}
									options={ [
										{
											value: 'hide',
											label: __(
												'Closed until the bubble is tapped (recommended)',
												'customer-chat-for-messenger'
											),
										},
										{
											value: 'delay',
											label: __(
												'Opens after the delay, at the earliest after 10 seconds',
												'customer-chat-for-messenger'
											),
										},
										{
											value: 'same',
											label: __(
												'As on larger screens',
												'customer-chat-for-messenger'
											),
										},
									] }
								/>
								<FieldError
									id={ 'ccfm-phone_greeting' }
									error={ errorOf( 'phone_greeting' ) }
								/>
							</div>
							{ text(
								'ref',
								__(
									'Reference (ref)',
									'customer-chat-for-messenger'
								),
								__(
									'Passed back to your webhook and on the Messenger link, to tell where conversations start. Letters, digits, -, _ and =.',
									'customer-chat-for-messenger'
								)
							) }
						</PanelBody>
						{ ! isLink && (
							<>
								<PanelBody
									title={ __(
										'Language',
										'customer-chat-for-messenger'
									) }
									{ ...panel( 'language' ) }
								>
									<div data-ccfm-field="locale">
										<ComboboxControl
											__nextHasNoMarginBottom
											__next40pxDefaultSize
											label={ __(
												'Chat language',
												'customer-chat-for-messenger'
											) }
											help={ __(
												'Following the site language uses each visitor’s language on multilingual sites.',
												'customer-chat-for-messenger'
											) }
											value={ settings.locale }
											options={ localeOptions }
											onChange={ ( v?: string | null ) =>
												set(
													'locale',
													( v ||
														'auto' ) as Settings[ 'locale' ]
												)
											}
										/>
										<FieldError
											id="ccfm-locale"
											error={ errorOf( 'locale' ) }
										/>
									</div>
								</PanelBody>
								<PanelBody
									title={ __(
										'Loading',
										'customer-chat-for-messenger'
									) }
									{ ...panel( 'loading' ) }
								>
									<div data-ccfm-field="load_strategy">
										<RadioControl
											label={ __(
												'When to load Meta’s Chat Plugin',
												'customer-chat-for-messenger'
											) }
											selected={ settings.load_strategy }
											onChange={ ( v ) =>
												set(
													'load_strategy',
													v as Settings[ 'load_strategy' ]
												)
											}
											options={ [
												{
													value: 'interaction',
													label: __(
														'On interaction (recommended): nothing from Meta until the visitor clicks; fastest pages.',
														'customer-chat-for-messenger'
													),
												},
												{
													value: 'idle',
													label: __(
														'When the page is idle: ready sooner, costs some bandwidth on every page.',
														'customer-chat-for-messenger'
													),
												},
												{
													value: 'immediate',
													label: __(
														'Immediately: like the official plugin; slowest pages.',
														'customer-chat-for-messenger'
													),
												},
											] }
										/>
										<FieldError
											id={ 'ccfm-load_strategy' }
											error={ errorOf( 'load_strategy' ) }
										/>
									</div>
									<p>
										{ boot.consentApi
											? __(
													'WP Consent API detected: without marketing consent, nothing loads from Meta until the visitor clicks.',
													'customer-chat-for-messenger'
											  )
											: __(
													'WP Consent API not detected.',
													'customer-chat-for-messenger'
											  ) }
									</p>
								</PanelBody>
							</>
						) }
						<DisplayRulesPanel
							settings={ settings }
							set={ set }
							error={ errorOf }
						/>
						<ContextPanel
							settings={ settings }
							set={ set }
							error={ errorOf }
						/>
						<EmbedCode
							settings={ settings }
							valid={ ! Object.keys( errors ).length }
						/>
						<Diagnostics mode={ settings.mode } />
						<PlatformPanel mode={ settings.mode } />
						<ConversationsPanel />
					</Panel>
					<div className="ccfm-admin__actions">
						<Button
							variant="primary"
							onClick={ save }
							isBusy={ isSaving }
							disabled={ isSaving }
							accessibleWhenDisabled
							__next40pxDefaultSize
						>
							{ __(
								'Save settings',
								'customer-chat-for-messenger'
							) }
						</Button>
						<div
							className="ccfm-admin__feedback"
							aria-live="polite"
						>
							{ isSaving && (
								<span className="ccfm-admin__saving">
									{ __(
										'Saving…',
										'customer-chat-for-messenger'
									) }
								</span>
							) }
							{ ! isSaving && notice && (
								<Notice
									status={ notice.status }
									onRemove={ () => setNotice( null ) }
									className={
										'ccfm-admin__notice' +
										( justSaved ? ' is-done' : '' )
									}
								>
									{ notice.status === 'success' ? '✓ ' : '' }
									{ notice.text }
								</Notice>
							) }
							{ ! isSaving && ! notice && isDirty && (
								<span className="ccfm-admin__unsaved">
									{ __(
										'Unsaved changes',
										'customer-chat-for-messenger'
									) }
								</span>
							) }
						</div>
					</div>
				</div>
				<details className="ccfm-admin__preview" open>
					<summary>
						{ __( 'Preview', 'customer-chat-for-messenger' ) }
					</summary>
					<Preview
						settings={ settings }
						live={ isConfigured( settings ) }
					/>
				</details>
			</div>
		</div>
	);
}

function EmbedCode( {
	settings,
	valid,
}: {
	settings: Settings;
	valid: boolean;
} ) {
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
