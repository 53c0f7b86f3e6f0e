/**
 * "Language" (Chat Plugin mode): the SDK's locale, or the site's language
 * and the Facebook locale it becomes.
 */
import { ComboboxControl, PanelBody } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import type { Settings } from '../../shared/settings-schema.generated';
import { boot } from '../boot';
import { useSettingsForm } from '../form/context';
import { Field } from '../form/field';
import type { PanelToggle } from '../form/panels';

function followSiteLabel(): string {
	return boot.siteLocale === boot.resolvedLocale
		? sprintf(
				/* translators: %s: site language, the same as the Facebook locale. */
				__(
					'Follow site language (%s)',
					'customer-chat-for-messenger'
				),
				boot.siteLocale
		  )
		: sprintf(
				/* translators: 1: site language, 2: Facebook locale. */
				__(
					'Follow site language (%1$s → %2$s)',
					'customer-chat-for-messenger'
				),
				boot.siteLocale,
				boot.resolvedLocale
		  );
}

const localeOptions = () => [
	{ value: 'auto', label: followSiteLabel() },
	...Object.entries( boot.locales ).map( ( [ code, name ] ) => ( {
		value: code,
		label: sprintf(
			/* translators: 1: language name, 2: Facebook locale code. */
			__( '%1$s (%2$s)', 'customer-chat-for-messenger' ),
			name,
			code
		),
	} ) ),
];

export function LanguagePanel( props: PanelToggle ) {
	const { settings, set } = useSettingsForm();
	return (
		<PanelBody
			title={ __( 'Language', 'customer-chat-for-messenger' ) }
			{ ...props }
		>
			<Field name="locale">
				{ () => (
					<ComboboxControl
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __(
							'Chat language',
							'customer-chat-for-messenger'
						) }
						help={ __(
							'Following the site language uses each visitor’s language on multilingual sites.',
							'customer-chat-for-messenger'
						) }
						value={ settings.locale }
						options={ localeOptions() }
						onChange={ ( v?: string | null ) =>
							set(
								'locale',
								( v || 'auto' ) as Settings[ 'locale' ]
							)
						}
					/>
				) }
			</Field>
		</PanelBody>
	);
}
