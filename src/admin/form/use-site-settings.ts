/**
 * The ccfm_settings option through core-data: the edited value, the saved
 * record, and the entity's saving state, as Gutenberg's site-title block
 * reads and saves a site setting.
 */
import { store as coreStore, useEntityProp } from '@wordpress/core-data';
import { useDispatch, useSelect } from '@wordpress/data';
import { useMemo } from '@wordpress/element';

import {
	SETTING_NAMES,
	settingsSchema,
	type Settings,
} from '../../shared/settings-schema.generated';

/** What /wp/v2/settings answers when it refuses a value. */
export type SaveError = {
	message?: string;
	data?: { details?: { ccfm_settings?: { data?: { field?: string } } } };
};

const defaults = Object.fromEntries(
	SETTING_NAMES.map( ( name ) => [
		name,
		settingsSchema.properties[ name ].default,
	] )
) as unknown as Settings;

/**
 * Stored values over the schema's defaults (a field the server left out).
 * @param value
 */
const withDefaults = ( value: unknown ): Settings | undefined =>
	value ? { ...defaults, ...( value as Settings ) } : undefined;

interface CoreSelectors {
	getEntityRecord: (
		kind: string,
		name: string
	) => { ccfm_settings?: Settings } | undefined;
	hasEditsForEntityRecord: ( kind: string, name: string ) => boolean;
	isSavingEntityRecord: ( kind: string, name: string ) => boolean;
	getLastEntitySaveError: (
		kind: string,
		name: string
	) => SaveError | undefined;
}

export function useSiteSettings() {
	const [ stored, setStored ] = useEntityProp(
		'root',
		'site',
		'ccfm_settings'
	);
	const { saveEditedEntityRecord } = useDispatch( coreStore );
	const { isDirty, isSaving, saveError, savedRecord } = useSelect(
		( select ) => {
			const core = select( coreStore ) as unknown as CoreSelectors;
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
	const settings = useMemo( () => withDefaults( stored ), [ stored ] );
	const saved = useMemo( () => withDefaults( savedRecord ), [ savedRecord ] );
	return {
		/** The form's values, edited or not. */
		settings,
		/** The values the site uses now. */
		saved,
		isDirty,
		isSaving,
		saveError,
		edit: ( next: Settings ) => setStored( next ),
		/** Resolves truthy once the server stored the edits. */
		persist: (): Promise< unknown > =>
			saveEditedEntityRecord( 'root', 'site', undefined ),
	};
}
