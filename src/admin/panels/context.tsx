/**
 * "Message and away hours": the pre-filled message (with its variables and
 * a live example of the front page's link) and the weekly opening hours
 * with what visitors see outside them, both states previewed.
 */
import {
	Button,
	PanelBody,
	RadioControl,
	TextControl,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import type { Settings } from '../../shared/settings-schema.generated';
import { boot } from '../boot';
import { useSettingsForm } from '../form/context';
import { Field } from '../form/field';
import { messengerLink } from '../page-input';
import { Preview } from '../preview';

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

type Range = { day: number; from: string; to: string };

function parse( hours: string[] ): Range[] {
	return hours.flatMap( ( h ) => {
		const m = /^([1-7]) (\d\d:\d\d)-(\d\d:\d\d)$/.exec( h );
		return m ? [ { day: Number( m[ 1 ] ), from: m[ 2 ], to: m[ 3 ] } ] : [];
	} );
}

const format = ( ranges: Range[] ) =>
	ranges.map( ( r ) => `${ r.day } ${ r.from }-${ r.to }` );

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
	const ranges = parse( settings.away_hours );
	const days = [
		__( 'Monday', 'customer-chat-for-messenger' ),
		__( 'Tuesday', 'customer-chat-for-messenger' ),
		__( 'Wednesday', 'customer-chat-for-messenger' ),
		__( 'Thursday', 'customer-chat-for-messenger' ),
		__( 'Friday', 'customer-chat-for-messenger' ),
		__( 'Saturday', 'customer-chat-for-messenger' ),
		__( 'Sunday', 'customer-chat-for-messenger' ),
	];
	const setRanges = ( next: Range[] ) =>
		set(
			'away_hours',
			format(
				[ ...next ].sort(
					( a, b ) => a.day - b.day || a.from.localeCompare( b.from )
				)
			)
		);
	const update = ( index: number, part: Partial< Range > ) =>
		setRanges(
			ranges.map( ( r, i ) => ( i === index ? { ...r, ...part } : r ) )
		);
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
			<fieldset className="ccfm-hours" data-ccfm-field="away_hours">
				<legend>
					{ __( 'Opening hours', 'customer-chat-for-messenger' ) }
				</legend>
				<p>
					{ sprintf(
						/* translators: %s: the site's timezone, such as Europe/Berlin or +05:30. */
						__(
							'In the site’s timezone (%s, Settings → General), summer time included. No hours: the chat is always open.',
							'customer-chat-for-messenger'
						),
						boot.context?.timezone || 'UTC'
					) }
				</p>
				{ days.map( ( name, i ) => {
					const day = i + 1;
					return (
						<div key={ day } className="ccfm-hours__day">
							<strong>{ name }</strong>
							{ ranges.map( ( r, index ) =>
								r.day === day ? (
									<div
										key={ index }
										className="ccfm-hours__range"
									>
										<TextControl
											__nextHasNoMarginBottom
											__next40pxDefaultSize
											type="time"
											label={ sprintf(
												/* translators: %s: a weekday. */
												__(
													'%s from',
													'customer-chat-for-messenger'
												),
												name
											) }
											value={ r.from }
											onChange={ ( v: string ) =>
												update( index, { from: v } )
											}
										/>
										<TextControl
											__nextHasNoMarginBottom
											__next40pxDefaultSize
											type="time"
											label={ sprintf(
												/* translators: %s: a weekday. */
												__(
													'%s to',
													'customer-chat-for-messenger'
												),
												name
											) }
											value={
												r.to === '24:00'
													? '23:59'
													: r.to
											}
											onChange={ ( v: string ) =>
												update( index, {
													to:
														v === '23:59'
															? '24:00'
															: v,
												} )
											}
										/>
										<Button
											variant="tertiary"
											isDestructive
											onClick={ () =>
												setRanges(
													ranges.filter(
														( _, j ) => j !== index
													)
												)
											}
										>
											{ __(
												'Remove',
												'customer-chat-for-messenger'
											) }
										</Button>
									</div>
								) : null
							) }
							<Button
								variant="secondary"
								onClick={ () =>
									setRanges( [
										...ranges,
										{ day, from: '09:00', to: '17:00' },
									] )
								}
							>
								{ sprintf(
									/* translators: %s: a weekday. */
									__(
										'Add hours on %s',
										'customer-chat-for-messenger'
									),
									name
								) }
							</Button>
						</div>
					);
				} ) }
				{ error( 'away_hours' ) && (
					<p
						id="ccfm-away_hours-error"
						className="ccfm-field-error"
						role="alert"
					>
						{ error( 'away_hours' ) }
					</p>
				) }
			</fieldset>
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
			{ ranges.length > 0 && (
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
