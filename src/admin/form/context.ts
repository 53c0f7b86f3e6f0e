/**
 * What every panel of the settings form reads: the values, how to change
 * one, each field's error and the focus registry.
 */
import { createContext, useContext } from '@wordpress/element';

import type {
	SettingName,
	Settings,
} from '../../shared/settings-schema.generated';
import type { PageInput } from '../page-input';

export interface SettingsForm {
	settings: Settings;
	set: < K extends SettingName >( name: K, value: Settings[ K ] ) => void;
	/** The field's error as typed, or the server's refusal of it. */
	errorOf: ( name: SettingName ) => string | null;
	/** True while no field is in error. */
	valid: boolean;
	/** The ref of a field's wrapper, for moving the focus to it. */
	register: ( name: SettingName ) => ( element: HTMLElement | null ) => void;
	/**
	 * A field whose typed text is not a value yet (a list that does not
	 * parse): its error blocks the save like any other, null clears it.
	 */
	draft: ( name: SettingName, error: string | null ) => void;
	/** Goes up each time the server stored the settings (fields showing typed text re-read the stored value). */
	savedCount: number;
	/** The first field: what the owner typed, and what it was understood as. */
	page: { value: string; input: PageInput; set: ( text: string ) => void };
}

const FormContext = createContext< SettingsForm | null >( null );

export const SettingsFormProvider = FormContext.Provider;

export function useSettingsForm(): SettingsForm {
	const form = useContext( FormContext );
	if ( ! form ) {
		throw new Error( 'A settings panel outside the settings form.' );
	}
	return form;
}
