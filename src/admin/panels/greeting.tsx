/**
 * "Greeting": the greetings (one in Messenger-link mode, two for the Chat
 * Plugin), how and when the greeting opens, on phones too, and the ref.
 */
import { PanelBody } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import {
	greetingDisplayLabels,
	phoneGreetingLabels,
} from '../../shared/labels';
import { ChoiceField } from '../form/choice-field';
import { useSettingsForm } from '../form/context';
import { TextField } from '../form/field';
import type { PanelToggle } from '../form/panels';

/**
 * "12 / 80 characters".
 * @param text A greeting.
 */
const count = ( text: string ) =>
	sprintf(
		/* translators: %d: characters typed. */
		__( '%d / 80 characters', 'customer-chat-for-messenger' ),
		Array.from( text ).length
	);

export function GreetingPanel( props: PanelToggle ) {
	const { settings } = useSettingsForm();
	const isLink = settings.mode === 'link';
	return (
		<PanelBody
			title={ __( 'Greeting', 'customer-chat-for-messenger' ) }
			{ ...props }
		>
			{ ! isLink && (
				<TextField
					name="logged_in_greeting"
					label={ __(
						'Greeting for people logged in to Facebook',
						'customer-chat-for-messenger'
					) }
					help={ count( settings.logged_in_greeting ) }
				/>
			) }
			<TextField
				name="logged_out_greeting"
				label={
					isLink
						? __( 'Greeting', 'customer-chat-for-messenger' )
						: __(
								'Greeting for everyone else',
								'customer-chat-for-messenger'
						  )
				}
				help={
					isLink
						? sprintf(
								/* translators: %s: "12 / 80 characters". */
								__(
									'Shown beside the bubble. %s',
									'customer-chat-for-messenger'
								),
								count( settings.logged_out_greeting )
						  )
						: count( settings.logged_out_greeting )
				}
			/>
			<ChoiceField
				name="greeting_dialog_display"
				as="select"
				label={ __(
					'Greeting display',
					'customer-chat-for-messenger'
				) }
				labels={ greetingDisplayLabels() }
			/>
			<TextField
				name="greeting_dialog_delay"
				label={ __(
					'Delay before the greeting opens (seconds)',
					'customer-chat-for-messenger'
				) }
				help={ __(
					'Empty: right away.',
					'customer-chat-for-messenger'
				) }
				type="number"
				min={ 0 }
				max={ 3600 }
				parse={ ( v ) => ( v === '' ? '' : Number( v ) ) }
			/>
			<ChoiceField
				name="phone_greeting"
				as="select"
				label={ __(
					'Greeting on phones',
					'customer-chat-for-messenger'
				) }
				help={ __(
					'On screens up to 768 px wide the greeting covers part of the page, so by default it stays closed there.',
					'customer-chat-for-messenger'
				) }
				labels={ phoneGreetingLabels( settings.mode ) }
			/>
			<TextField
				name="ref"
				label={ __( 'Reference (ref)', 'customer-chat-for-messenger' ) }
				help={ __(
					'Passed back to your webhook and on the Messenger link, to tell where conversations start. Letters, digits, -, _ and =.',
					'customer-chat-for-messenger'
				) }
			/>
		</PanelBody>
	);
}
