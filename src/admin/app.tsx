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
import { PlatformPanel } from './platform';
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
	[ 'page_id', 'page' ],
	[ 'page_username', 'page' ],
	[ 'mode', 'page' ],
	[ 'theme_color', 'appearance' ],
	[ 'alignment', 'appearance' ],
	[ 'bottom_spacing', 'appearance' ],
	[ 'logged_in_greeting', 'greeting' ],
	[ 'logged_out_greeting', 'greeting' ],
	[ 'greeting_dialog_display', 'greeting' ],
	[ 'greeting_dialog_delay', 'greeting' ],
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

export function App() {
	const [ stored, setStored ] = useEntityProp(
		'root',
		'site',
		'ccfm_settings'
	);
	const { saveEditedEntityRecord } = useDispatch( coreStore );
	const { isDirty, isSaving, saveError } = useSelect( ( select ) => {
		const core = select( coreStore ) as unknown as {
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
		};
	}, [] );
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
					found[ name ] = error;
				}
			}
		}
		return found;
	}, [ settings ] );

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
			const message =
				saveError.message ||
				__(
					'The settings could not be saved.',
					'customer-chat-for-messenger'
				);
			setServerField(
				field
					? {
							field,
							message:
								boot.messages[ field as SettingName ] ||
								message,
					  }
					: null
			);
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
	}, [ saveError ] );

	if ( ! settings ) {
		return <p>{ __( 'Loading…', 'customer-chat-for-messenger' ) }</p>;
	}

	const set = < K extends SettingName >( name: K, value: Settings[ K ] ) => {
		setServerField( null );
		setStored( { ...settings, [ name ]: value } );
	};

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
		const saved = await saveEditedEntityRecord( 'root', 'site', undefined );
		if ( saved ) {
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
			label: sprintf(
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
		<div className="ccfm-admin">
			<div className="ccfm-admin__form">
				<StoredStateNotice />
				{ notice && (
					<Notice
						status={ notice.status }
						onRemove={ () => setNotice( null ) }
					>
						{ notice.text }
					</Notice>
				) }
				<Panel>
					<PanelBody
						title={ __( 'Page', 'customer-chat-for-messenger' ) }
						{ ...panel( 'page' ) }
					>
						{ text(
							'page_id',
							__(
								'Facebook Page ID',
								'customer-chat-for-messenger'
							),
							__(
								'Digits only. Find it on your Page: About → Page transparency, or in Meta Business Suite → Settings.',
								'customer-chat-for-messenger'
							),
							{ inputMode: 'numeric' }
						) }
						{ text(
							'page_username',
							__(
								'Page username (optional)',
								'customer-chat-for-messenger'
							),
							__(
								'Gives prettier Messenger links: m.me/yourpage instead of m.me/<Page ID>.',
								'customer-chat-for-messenger'
							)
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
							__( 'Theme colour', 'customer-chat-for-messenger' ),
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
								set( 'theme_color', ( c || '' ).toLowerCase() )
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
								'Distance from the bottom (px)',
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
										( v === '' ? 0 : Number( v ) ) as number
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
						{ text(
							'logged_in_greeting',
							__(
								'Greeting for people logged in to Facebook',
								'customer-chat-for-messenger'
							),
							count( 'logged_in_greeting' )
						) }
						{ text(
							'logged_out_greeting',
							__(
								'Greeting for everyone else',
								'customer-chat-for-messenger'
							),
							count( 'logged_out_greeting' )
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
								error={ errorOf( 'greeting_dialog_display' ) }
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
										( v || 'auto' ) as Settings[ 'locale' ]
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
						title={ __( 'Loading', 'customer-chat-for-messenger' ) }
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
					<DisplayRulesPanel
						settings={ settings }
						set={ set }
						error={ errorOf }
					/>
					<EmbedCode
						settings={ settings }
						valid={ ! Object.keys( errors ).length }
					/>
					<Diagnostics />
					<PlatformPanel />
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
						{ __( 'Save settings', 'customer-chat-for-messenger' ) }
					</Button>
				</div>
			</div>
			<aside className="ccfm-admin__preview">
				<h2>{ __( 'Preview', 'customer-chat-for-messenger' ) }</h2>
				<Preview settings={ settings } />
			</aside>
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
				help={ __(
					'Paste before </body>. This is Meta’s Chat Plugin code for these settings, as Meta’s setup tool generates it.',
					'customer-chat-for-messenger'
				) }
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
