/**
 * "Loading" (Chat Plugin mode): when Meta's SDK loads, and whether the WP
 * Consent API holds it back.
 */
import { PanelBody } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import { loadStrategyLabels } from '../../shared/labels';
import { boot } from '../boot';
import { ChoiceField } from '../form/choice-field';
import type { PanelToggle } from '../form/panels';

export function LoadingPanel( props: PanelToggle ) {
	return (
		<PanelBody
			title={ __( 'Loading', 'customer-chat-for-messenger' ) }
			{ ...props }
		>
			<ChoiceField
				name="load_strategy"
				as="radio"
				label={ __(
					'When to load Meta’s Chat Plugin',
					'customer-chat-for-messenger'
				) }
				labels={ loadStrategyLabels() }
			/>
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
