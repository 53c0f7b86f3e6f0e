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
						viewBox="0 0 36 36"
						width="32"
						height="32"
						aria-hidden="true"
						focusable="false"
					>
						<path
							fill="currentColor"
							d="M18 2.1C9.1 2.1 2 8.7 2 16.9c0 4.3 1.9 8.1 5 10.8V33l4.9-2.7c1.9.5 3.9.8 6.1.8 8.9 0 16-6.6 16-14.8S26.9 2.1 18 2.1zm1.7 19.9-4.1-4.4-7.9 4.4 8.7-9.2 4.2 4.4 7.8-4.4-8.7 9.2z"
						/>
					</svg>
				</span>
			</div>
		</div>
	);
}
