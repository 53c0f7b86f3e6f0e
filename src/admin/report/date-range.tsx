/**
 * The range of days a report covers (the conversations and the funnel):
 * two date fields in the site's calendar and the button that shows it.
 */
import { Button, Spinner, TextControl } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import type { ReactNode } from 'react';

/**
 * A day as the report routes take it: YYYY-MM-DD, local calendar.
 * @param date The day.
 */
export function isoDay( date: Date ): string {
	const pad = ( n: number ) => String( n ).padStart( 2, '0' );
	return `${ date.getFullYear() }-${ pad( date.getMonth() + 1 ) }-${ pad(
		date.getDate()
	) }`;
}

/**
 * The chosen range, from `days` days ago to today.
 * @param days How many days before today the range starts.
 */
export function useDateRange( days: number ) {
	const today = new Date();
	const start = new Date( today );
	start.setDate( start.getDate() - days );
	const [ from, setFrom ] = useState( isoDay( start ) );
	const [ to, setTo ] = useState( isoDay( today ) );
	return { from, setFrom, to, setTo };
}

interface DateRangeProps {
	range: ReturnType< typeof useDateRange >;
	onShow: () => void;
	busy: boolean;
	/** More buttons after "Show". */
	children?: ReactNode;
}

export function DateRange( { range, onShow, busy, children }: DateRangeProps ) {
	return (
		<div className="ccfm-report__range">
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				type="date"
				label={ __( 'From', 'customer-chat-for-messenger' ) }
				value={ range.from }
				onChange={ range.setFrom }
			/>
			<TextControl
				__nextHasNoMarginBottom
				__next40pxDefaultSize
				type="date"
				label={ __( 'To', 'customer-chat-for-messenger' ) }
				value={ range.to }
				onChange={ range.setTo }
			/>
			<Button variant="secondary" onClick={ onShow } disabled={ busy }>
				{ __( 'Show', 'customer-chat-for-messenger' ) }
			</Button>
			{ children }
			{ busy && <Spinner /> }
		</div>
	);
}
