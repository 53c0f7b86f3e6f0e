/**
 * The fields in error as the owner types, by the schema's rules (the same
 * the server applies), with the screen's words for each.
 */
import { useMemo } from '@wordpress/element';

import {
	SETTING_NAMES,
	type SettingName,
	type Settings,
} from '../../shared/settings-schema.generated';
import { validateSetting } from '../../shared/validate';
import type { PageInput } from '../page-input';
import { settingMessage } from '../../shared/messages';
import { fieldMessage, pageInputMessage } from './messages';

export type FieldErrors = Partial< Record< SettingName, string > >;

export function useFieldErrors(
	settings: Settings | undefined,
	pageInput: PageInput
): FieldErrors {
	return useMemo( () => {
		const found: FieldErrors = {};
		if ( ! settings ) {
			return found;
		}
		for ( const name of SETTING_NAMES ) {
			const error = validateSetting( name, settings[ name ], {
				[ name ]: settingMessage( name ),
			} );
			if ( error ) {
				found[ name ] = fieldMessage( name, settings.mode ) || error;
			}
		}
		if ( pageInput.kind === 'invalid' ) {
			found.page_username = pageInputMessage( pageInput );
		}
		return found;
	}, [ settings, pageInput ] );
}
