/**
 * The weekly opening hours (away_hours): per weekday one or more from–to
 * ranges in the site's timezone, stored as "D HH:MM-HH:MM" (1 = Monday).
 */
import { Button, TextControl } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

import { boot } from '../boot';
import { useSettingsForm } from '../form/context';

type Range = { day: number; from: string; to: string };

function parse( hours: string[] ): Range[] {
	return hours.flatMap( ( h ) => {
		const m = /^([1-7]) (\d\d:\d\d)-(\d\d:\d\d)$/.exec( h );
		return m ? [ { day: Number( m[ 1 ] ), from: m[ 2 ], to: m[ 3 ] } ] : [];
	} );
}

const format = ( ranges: Range[] ) =>
	ranges.map( ( r ) => `${ r.day } ${ r.from }-${ r.to }` );

export function OpeningHours() {
	const { settings, set, errorOf: error } = useSettingsForm();
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
											r.to === '24:00' ? '23:59' : r.to
										}
										onChange={ ( v: string ) =>
											update( index, {
												to: v === '23:59' ? '24:00' : v,
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
	);
}
