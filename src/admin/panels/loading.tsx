/**
 * "Loading" (Chat Plugin mode): when Meta's SDK loads, and whether the WP
 * Consent API holds it back.
 */
import { PanelBody, RadioControl } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { loadStrategyLabels, options } from '../../shared/labels';
import type { Settings } from '../../shared/settings-schema.generated';
import { boot } from '../boot';
import { useSettingsForm } from '../form/context';
import { Field } from '../form/field';
import type { PanelToggle } from '../form/panels';

export function LoadingPanel( props: PanelToggle ) {
	const { settings, set } = useSettingsForm();
	return (
		<PanelBody
			title={ __( 'Loading', 'customer-chat-for-messenger' ) }
			{ ...props }
		>
			<Field name="load_strategy">
				{ () => (
					<RadioControl
						label={ __(
							'When to load Meta’s Chat Plugin',
							'customer-chat-for-messenger'
						) }
						selected={ settings.load_strategy }
						onChange={ ( v ) =>
							set(
								'load_strategy',
								v as Settings[ 'load_strategy' ]
							)
						}
						options={ options( loadStrategyLabels() ) }
					/>
				) }
			</Field>
			<p>
				{ boot.consentApi
					? __(
							'WP Consent API detected: without marketing consent, nothing loads from Meta until the visitor clicks.',
							'customer-chat-for-messenger'
					  )
					: __(
							'WP Consent API not detected.',
							'customer-chat-for-messenger'
					  ) }
			</p>
		</PanelBody>
	);
}
