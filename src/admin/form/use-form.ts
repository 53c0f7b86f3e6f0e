/**
 * The settings form's state: the site's settings, the first field's text,
 * errors, panels, focus and saving, put together for the app shell.
 */
import { useMemo, useState } from '@wordpress/element';

import type {
	SettingName,
	Settings,
} from '../../shared/settings-schema.generated';
import { parsePageInput } from '../page-input';
import type { SettingsForm } from './context';
import { useFieldFocus } from './focus';
import { usePanels } from './panels';
import { useSave } from './use-save';
import { useSiteSettings } from './use-site-settings';
import { type FieldErrors, useFieldErrors } from './validation';

/**
 * The settings a first-field text stands for.
 * @param settings The form's values.
 * @param text     What the owner typed.
 */
function withPage( settings: Settings, text: string ): Settings | null {
	const parsed = parsePageInput( text );
	switch ( parsed.kind ) {
		case 'empty':
			return { ...settings, page_id: '', page_username: '' };
		case 'id':
			return { ...settings, page_id: parsed.page_id, page_username: '' };
		case 'username':
			// A username keeps the ID the Chat Plugin may need.
			return { ...settings, page_username: parsed.page_username };
		default:
			return null;
	}
}

export function useForm() {
	const site = useSiteSettings();
	const { settings } = site;
	const panels = usePanels();
	const { register, focus } = useFieldFocus();
	// What the owner typed in the first field, until it is saved.
	const [ pageText, setPageText ] = useState< string | null >( null );
	const pageValue =
		pageText ??
		( settings ? settings.page_username || settings.page_id : '' );
	const pageInput = useMemo(
		() => parsePageInput( pageValue ),
		[ pageValue ]
	);
	// Typed text that is not a value yet, by field: one rule with the
	// values' own errors, so it blocks the save the same way.
	const [ drafts, setDrafts ] = useState< FieldErrors >( {} );
	const [ savedCount, setSavedCount ] = useState( 0 );
	const valueErrors = useFieldErrors( settings, pageInput );
	const errors = useMemo(
		() => ( { ...valueErrors, ...drafts } ),
		[ valueErrors, drafts ]
	);
	const saving = useSave( {
		site,
		errors,
		reveal: panels.reveal,
		focus,
		onSaved: () => {
			setPageText( null );
			setDrafts( {} );
			setSavedCount( ( n ) => n + 1 );
		},
	} );

	const form: SettingsForm | null = settings
		? {
				settings,
				set: ( name, value ) => {
					saving.edited();
					site.edit( { ...settings, [ name ]: value } );
				},
				errorOf: ( name: SettingName ) =>
					errors[ name ] ||
					( saving.serverField?.field === name
						? saving.serverField.message
						: null ),
				valid: ! Object.keys( errors ).length,
				register,
				draft: ( name, error ) => {
					saving.edited();
					setDrafts( ( now ) => {
						if ( ( now[ name ] ?? null ) === error ) {
							return now;
						}
						const next = { ...now };
						if ( error ) {
							next[ name ] = error;
						} else {
							delete next[ name ];
						}
						return next;
					} );
				},
				savedCount,
				page: {
					value: pageValue,
					input: pageInput,
					set: ( text ) => {
						setPageText( text );
						saving.edited();
						const next = withPage( settings, text );
						if ( next ) {
							site.edit( next );
						}
					},
				},
		  }
		: null;

	return { form, site, panel: panels.panel, saving };
}
