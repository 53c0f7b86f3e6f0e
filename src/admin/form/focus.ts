/**
 * Focus by field name: each field's wrapper registers itself here through a
 * React ref, and a refused save moves the focus to the control inside.
 */
import { useCallback, useRef } from '@wordpress/element';

import type { SettingName } from '../../shared/settings-schema.generated';

type RefCallback = ( element: HTMLElement | null ) => void;

/**
 * The control of a field: the chosen radio of a group, otherwise its first
 * input (a text field, a select, a combobox's input).
 * @param wrapper The field's wrapper.
 */
function controlIn( wrapper: HTMLElement ): HTMLElement | null {
	return (
		wrapper.querySelector< HTMLElement >( 'input:checked' ) ||
		wrapper.querySelector< HTMLElement >( 'input, select, textarea' )
	);
}

export function useFieldFocus() {
	const wrappers = useRef( new Map< SettingName, HTMLElement >() );
	const refs = useRef( new Map< SettingName, RefCallback >() );

	/** The ref of one field's wrapper (the same function on every render). */
	const register = useCallback( ( name: SettingName ): RefCallback => {
		let ref = refs.current.get( name );
		if ( ! ref ) {
			ref = ( element ) => {
				if ( element ) {
					wrappers.current.set( name, element );
				} else {
					wrappers.current.delete( name );
				}
			};
			refs.current.set( name, ref );
		}
		return ref;
	}, [] );

	const focus = useCallback( ( name: SettingName ) => {
		const wrapper = wrappers.current.get( name );
		if ( wrapper ) {
			controlIn( wrapper )?.focus();
		}
	}, [] );

	return { register, focus };
}
