/**
 * Live preview of the bubble and greeting with unsaved values, drawn with the
 * front end's own class names and stylesheet (build/front.css). A value the
 * site would refuse is previewed as the default it would fall back to.
 */
import { __ } from '@wordpress/i18n';

import {
	settingsSchema,
	type SettingName,
	type Settings,
} from '../shared/settings-schema.generated';
import { isValidSetting } from '../shared/validate';

/**
 * The value the preview shows: the typed one when valid, else the default.
 * @param settings The form's values.
 * @param name     The setting.
 */
function previewed< K extends SettingName >(
	settings: Settings,
	name: K
): Settings[ K ] {
	return isValidSetting( name, settings[ name ] )
		? settings[ name ]
		: ( settingsSchema.properties[ name ].default as Settings[ K ] );
}

export function Preview( {
	settings,
	live,
}: {
	settings: Settings;
	live: boolean;
} ) {
	const color = previewed( settings, 'theme_color' );
	const greeting = previewed( settings, 'logged_out_greeting' );
	const display = previewed( settings, 'greeting_dialog_display' );
	const style = {
		'--ccfm-bottom': previewed( settings, 'bottom_spacing' ) + 'px',
		...( color ? { '--ccfm-color': color } : {} ),
	} as React.CSSProperties;
	const showGreeting =
		greeting !== '' && ( display === 'show' || display === 'fade' );
	return (
		<div
			className="ccfm-preview"
			aria-label={ __( 'Preview', 'customer-chat-for-messenger' ) }
			role="img"
		>
			{ ! live && (
				<p className="ccfm-preview__note">
					{ __(
						'Preview only: visitors see nothing until your Page is set.',
						'customer-chat-for-messenger'
					) }
				</p>
			) }
			<div
				className={
					'ccfm-chat ccfm-chat--' + previewed( settings, 'alignment' )
				}
				style={ style }
				data-testid="ccfm-preview-chat"
			>
				{ showGreeting && (
					<div className="ccfm-greeting">
						<p className="ccfm-greeting__text">{ greeting }</p>
					</div>
				) }
				<span className="ccfm-bubble">
					<svg
						className="ccfm-icon"
						viewBox="0 0 360 360"
						width="32"
						height="32"
						aria-hidden="true"
						focusable="false"
					>
						{ /* No fill of its own: white from .ccfm-bubble, as on the site. */ }
						<path d="M180 21C91 21 20 87 20 169c0 43 19 81 50 108V330l49-27c19 5 39 8 61 8 89 0 160-66 160-148S269 21 180 21zm17 199-41-44-79 44 87-92 42 44 78-44-87 92z" />
					</svg>
				</span>
			</div>
		</div>
	);
}
