/**
 * Live preview of the bubble and greeting with unsaved values, drawn with the
 * front end's own class names and stylesheet (build/front.css).
 */
import { __ } from '@wordpress/i18n';

import type { Settings } from '../shared/settings-schema.generated';

export function Preview( {
	settings,
	live,
}: {
	settings: Settings;
	live: boolean;
} ) {
	const style = {
		'--ccfm-bottom': settings.bottom_spacing + 'px',
		...( /^#[0-9a-f]{6}$/i.test( settings.theme_color ) &&
		settings.theme_color.toLowerCase() !== '#ffffff'
			? { '--ccfm-color': settings.theme_color }
			: {} ),
	} as React.CSSProperties;
	const showGreeting =
		settings.logged_out_greeting !== '' &&
		( settings.greeting_dialog_display === 'show' ||
			settings.greeting_dialog_display === 'fade' );
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
				className={ 'ccfm-chat ccfm-chat--' + settings.alignment }
				style={ style }
				data-testid="ccfm-preview-chat"
			>
				{ showGreeting && (
					<div className="ccfm-greeting">
						<p className="ccfm-greeting__text">
							{ settings.logged_out_greeting }
						</p>
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
						<path
							fill="currentColor"
							d="M180 21C91 21 20 87 20 169c0 43 19 81 50 108V330l49-27c19 5 39 8 61 8 89 0 160-66 160-148S269 21 180 21zm17 199-41-44-79 44 87-92 42 44 78-44-87 92z"
						/>
					</svg>
				</span>
			</div>
		</div>
	);
}
