/**
 * The panels the settings app opens and closes itself, and the panel of
 * each of their fields, in the order the form shows them.
 */
import { useState } from '@wordpress/element';

import type { SettingName } from '../../shared/settings-schema.generated';

export type PanelName =
	| 'page'
	| 'appearance'
	| 'greeting'
	| 'language'
	| 'loading';

export const FIELD_PANELS: [ SettingName, PanelName ][] = [
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

/** The props of a PanelBody this app opens and closes. */
export type PanelToggle = {
	opened: boolean;
	onToggle: ( next: boolean ) => void;
};

export function usePanels() {
	const [ open, setOpen ] = useState< Record< PanelName, boolean > >( {
		page: true,
		appearance: true,
		greeting: true,
		language: false,
		loading: false,
	} );
	return {
		panel: ( name: PanelName ): PanelToggle => ( {
			opened: open[ name ],
			onToggle: ( next ) =>
				setOpen( ( o ) => ( { ...o, [ name ]: next } ) ),
		} ),
		/**
		 * Opens the panels of these fields; returns the first of them that
		 * one of these panels holds.
		 * @param fields Fields in error.
		 */
		reveal: ( fields: SettingName[] ): SettingName | undefined => {
			const found = FIELD_PANELS.filter( ( [ f ] ) =>
				fields.includes( f )
			);
			if ( found.length ) {
				setOpen( ( o ) => ( {
					...o,
					...Object.fromEntries(
						found.map( ( [ , p ] ) => [ p, true ] )
					),
				} ) );
			}
			return found[ 0 ]?.[ 0 ];
		},
	};
}
