/**
 * "Message and away hours": the pre-filled message (with its variables and
 * a live example of the front page's link) and the weekly opening hours
 * with what visitors see outside them, both states previewed.
 */
import { PanelBody, RadioControl, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { Settings } from '../../shared/settings-schema.generated';
import { boot } from '../boot';
import { useSettingsForm } from '../form/context';
import { Field } from '../form/field';
import { messengerLink } from '../page-input';
import { Preview } from '../preview';
import { OpeningHours } from './opening-hours';

/** Longest expanded text (CCFM\Chat\Message_Text::MAX_LENGTH). */
const MAX_LENGTH = 500;

/**
 * The text with the front page's variables filled in, as the server does
 * (unknown variables stay as typed, hidden characters become spaces).
 * @param text      Message text.
 * @param variables Variables.
 */
export function expand(
	text: string,
	variables: Record< string, string >
): string {
	return Array.from(
		text
			.replace( /\{([a-z0-9_]{1,40})\}/g, ( m, name: string ) =>
				Object.prototype.hasOwnProperty.call( variables, name )
					? variables[ name ]
					: m
			)

			.replace(
				/[\u0000-\u001f\u007f-\u009f\u200b\u2028\u2029\u202a-\u202e\u2060\u2066-\u2069\ufeff]+/g,
				' '
			)
			.trim()
	)
		.slice( 0, MAX_LENGTH )
		.join( '' );
}

export function ContextPanel() {
	const { settings, set, errorOf: error } = useSettingsForm();
	const [ open, setOpen ] = useState( false );
	// A refused value opens the panel, so its error is seen.
	const invalid = (
		[
			'message_text',
			'away_hours',
			'away_action',
			'away_greeting',
		] as const
	 ).some( ( name ) => !! error( name ) );
	const vars = boot.context?.variables || {};
	const expanded = expand( settings.message_text, vars );
	// Encoded as PHP's rawurlencode() does on the server.
	const text = encodeURIComponent( expanded ).replace(
		/[!()*\x27]/g,
		( c ) => '%' + c.charCodeAt( 0 ).toString( 16 ).toUpperCase()
	);
	const example =
		settings.page_username || settings.page_id
			? messengerLink( settings ) +
			  ( expanded ? ( settings.ref ? '&' : '?' ) + 'text=' + text : '' )
			: '';
	return (
		<PanelBody
			title={ __(
				'Message and away hours',
				'customer-chat-for-messenger'
			) }
			opened={ open || invalid }
			onToggle={ setOpen }
		>
			<Field name="message_text">
				{ ( control ) => (
					<TextControl
						{ ...control }
						__nextHasNoMarginBottom
						__next40pxDefaultSize
						label={ __(
							'Pre-filled message',
							'customer-chat-for-messenger'
						) }
						help={ __(
							'What the visitor’s first message in Messenger starts with; they can change it before sending. Variables: {title} the page’s title, {url} its address, {site} the site’s name. Pages, buttons and the post editor can set their own.',
							'customer-chat-for-messenger'
						) }
						value={ settings.message_text }
						onChange={ ( v: string ) => set( 'message_text', v ) }
						aria-invalid={ !! error( 'message_text' ) }
					/>
				) }
			</Field>
			{ settings.mode === 'chat_plugin' && (
				<p className="ccfm-mode-note">
					{ __(
						'Meta’s Chat Plugin has no pre-filled message: the text is used wherever the visitor ends up on m.me (the Messenger link, the buttons, the fallback).',
						'customer-chat-for-messenger'
					) }
				</p>
			) }
			{ example && (
				<p>
					{ __(
						'Link on the front page:',
						'customer-chat-for-messenger'
					) }{ ' ' }
					<code data-testid="ccfm-message-example">{ example }</code>
				</p>
			) }
			<OpeningHours />
			<Field name="away_action">
				{ ( control ) => (
					<RadioControl
						{ ...control }
						label={ __(
							'Outside the opening hours',
							'customer-chat-for-messenger'
						) }
						selected={ settings.away_action }
						onChange={ ( v ) =>
							set( 'away_action', v as Settings[ 'away_action' ] )
						}
						options={ [
							{
								value: 'greeting',
								label: __(
									'Show the away greeting',
									'customer-chat-for-messenger'
								),
							},
							{
								value: 'hide',
								label: __(
									'Hide the bubble',
									'customer-chat-for-messenger'
								),
							},
						] }
					/>
				) }
			</Field>
			{ settings.away_action === 'greeting' && (
				<Field name="away_greeting">
					{ ( control ) => (
						<TextControl
							{ ...control }
							__nextHasNoMarginBottom
							__next40pxDefaultSize
							label={ __(
								'Away greeting',
								'customer-chat-for-messenger'
							) }
							help={ sprintf(
								/* translators: %d: characters typed. */
								__(
									'Such as “We’re away — leave a message, we reply from 9 am”. %d / 80 characters',
									'customer-chat-for-messenger'
								),
								Array.from( settings.away_greeting ).length
							) }
							value={ settings.away_greeting }
							onChange={ ( v: string ) =>
								set( 'away_greeting', v )
							}
							aria-invalid={ !! error( 'away_greeting' ) }
						/>
					) }
				</Field>
			) }
			{ settings.away_hours.length > 0 && (
				<div className="ccfm-hours__preview">
					<p>
						<strong>
							{ __(
								'Preview outside the opening hours',
								'customer-chat-for-messenger'
							) }
						</strong>
					</p>
					{ settings.away_action === 'hide' ? (
						<p data-testid="ccfm-away-preview">
							{ __(
								'The bubble is hidden; “Message us” buttons still open Messenger.',
								'customer-chat-for-messenger'
							) }
						</p>
					) : (
						<div data-testid="ccfm-away-preview">
							<Preview
								settings={ {
									...settings,
									logged_out_greeting: settings.away_greeting,
									greeting_dialog_display: 'show',
								} }
								live
							/>
						</div>
					) }
				</div>
			) }
		</PanelBody>
	);
}
