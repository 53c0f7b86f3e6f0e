/**
 * Saving the form: refused while a field is in error (its panel opened, the
 * focus on it), otherwise through core-data; a value the server refuses is
 * shown on its field. Leaving the page with unsaved changes asks first.
 */
import { useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import {
	settingsSchema,
	type SettingName,
} from '../../shared/settings-schema.generated';
import { fieldMessage } from './messages';
import type { useSiteSettings } from './use-site-settings';
import type { FieldErrors } from './validation';

export type SaveNotice = { status: 'success' | 'error'; text: string };

interface SaveDeps {
	site: ReturnType< typeof useSiteSettings >;
	errors: FieldErrors;
	/** Opens the panels of these fields; the first of them, if any. */
	reveal: ( fields: SettingName[] ) => SettingName | undefined;
	focus: ( name: SettingName ) => void;
	/** After the server stored the settings. */
	onSaved: () => void;
}

function useUnsavedGuard( isDirty: boolean ): void {
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
}

export function useSave( { site, errors, reveal, focus, onSaved }: SaveDeps ) {
	const [ notice, setNotice ] = useState< SaveNotice | null >( null );
	const [ justSaved, setJustSaved ] = useState( false );
	const [ serverField, setServerField ] = useState< {
		field: string;
		message: string;
	} | null >( null );
	// Focused after the render that opened its panel.
	const [ focusField, setFocusField ] = useState< SettingName | null >(
		null
	);

	useEffect( () => {
		if ( focusField ) {
			focus( focusField );
			setFocusField( null );
		}
	}, [ focusField, focus ] );

	useUnsavedGuard( site.isDirty );

	const { saveError } = site;
	useEffect( () => {
		if ( ! saveError ) {
			return;
		}
		const field = saveError.data?.details?.ccfm_settings?.data?.field || '';
		const known =
			field && settingsSchema.properties[ field as SettingName ]
				? fieldMessage(
						field as SettingName,
						site.settings?.mode || 'link'
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
		const at = field ? reveal( [ field as SettingName ] ) : undefined;
		if ( at ) {
			setFocusField( at );
		}
		setNotice( {
			status: 'error',
			text: sprintf(
				/* translators: %s: the server's reason. */
				__( 'Not saved: %s', 'customer-chat-for-messenger' ),
				message
			),
		} );
		// Only a new save error matters, not each edit.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ saveError ] );

	const save = async () => {
		setNotice( null );
		setServerField( null );
		const invalid = Object.keys( errors ) as SettingName[];
		if ( invalid.length ) {
			// Fields of panels this app does not open (Where it shows) show
			// their own error where they are.
			setFocusField( reveal( invalid ) || invalid[ 0 ] );
			setNotice( {
				status: 'error',
				text: __(
					'Fix the highlighted fields before saving.',
					'customer-chat-for-messenger'
				),
			} );
			return;
		}
		if ( await site.persist() ) {
			onSaved();
			setJustSaved( true );
			setNotice( {
				status: 'success',
				text: __( 'Settings saved.', 'customer-chat-for-messenger' ),
			} );
		}
	};

	return {
		save,
		notice,
		dismissNotice: () => setNotice( null ),
		justSaved,
		/** The field the server refused, with its message. */
		serverField,
		/** Called on every edit: a new value is neither refused nor saved. */
		edited: () => {
			setServerField( null );
			setJustSaved( false );
		},
	};
}
