/**
 * Funnel panel: clicks on the bubble and buttons (counted from beacons the
 * visitors' browsers send) → conversations the webhook confirmed, per day,
 * page and ref with the conversion rate; a chart of the range, a CSV of the
 * same table, and the click-counting setting.
 */
import apiFetch from '@wordpress/api-fetch';
import { Button, Notice, PanelBody } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

import { clickCountingLabels } from '../../shared/labels';
import { ChoiceField } from '../form/choice-field';
import { errorText } from '../platform/api-error';
import { DateRange, useDateRange } from '../report/date-range';
import { FunnelChart } from './chart';
import type { FunnelReport, FunnelRow } from './types';

/**
 * As the CSV writes it: percent, no sign; empty without clicks.
 * @param r
 */
const rate = ( r: number | null ) => ( r === null ? '' : String( r ) );

/**
 * The table's columns: the same, in the same order, as the CSV's.
 * @param connected Whether conversation starts are joined.
 */
function columns(
	connected: boolean
): { key: keyof FunnelRow; label: string }[] {
	const all: { key: keyof FunnelRow; label: string }[] = [
		{ key: 'day', label: __( 'Day', 'customer-chat-for-messenger' ) },
		{ key: 'page', label: __( 'Page', 'customer-chat-for-messenger' ) },
		{ key: 'title', label: __( 'Title', 'customer-chat-for-messenger' ) },
		{ key: 'ref', label: __( 'Ref', 'customer-chat-for-messenger' ) },
		{
			key: 'clicks',
			label: __( 'Clicks', 'customer-chat-for-messenger' ),
		},
		{
			key: 'chat',
			label: __( 'To the chat', 'customer-chat-for-messenger' ),
		},
		{
			key: 'link',
			label: __( 'To the m.me link', 'customer-chat-for-messenger' ),
		},
		{
			key: 'starts',
			label: __( 'Conversations started', 'customer-chat-for-messenger' ),
		},
		{
			key: 'rate',
			label: __( 'Conversion rate (%)', 'customer-chat-for-messenger' ),
		},
	];
	return connected
		? all
		: all.filter( ( c ) => c.key !== 'starts' && c.key !== 'rate' );
}

export function FunnelPanel() {
	const range = useDateRange( 29 );
	const { from, to } = range;
	const [ report, setReport ] = useState< FunnelReport | null >( null );
	const [ busy, setBusy ] = useState( false );
	const [ failed, setFailed ] = useState( '' );
	const query = `from=${ encodeURIComponent(
		from
	) }&to=${ encodeURIComponent( to ) }`;

	const load = () => {
		setBusy( true );
		setFailed( '' );
		apiFetch< FunnelReport >( { path: `/ccfm/v1/funnel?${ query }` } )
			.then( setReport )
			.catch( ( e ) => {
				setReport( null );
				setFailed( errorText( e ) );
			} )
			.finally( () => setBusy( false ) );
	};

	const download = () => {
		setFailed( '' );
		apiFetch< Response, false >( {
			path: `/ccfm/v1/funnel?${ query }&format=csv`,
			parse: false,
		} )
			.then( ( r ) => r.blob() )
			.then( ( blob ) => {
				const a = document.createElement( 'a' );
				a.href = URL.createObjectURL( blob );
				a.download = `messenger-funnel-${ from }-${ to }.csv`;
				document.body.appendChild( a );
				a.click();
				a.remove();
				URL.revokeObjectURL( a.href );
			} )
			.catch( ( e ) => setFailed( errorText( e ) ) );
	};

	const cols = columns( !! report?.connected );

	return (
		<PanelBody
			title={ __(
				'Funnel: clicks → conversations',
				'customer-chat-for-messenger'
			) }
			initialOpen={ false }
			className="ccfm-funnel"
			onToggle={ ( open: boolean ) => open && ! report && load() }
		>
			<ChoiceField
				name="click_counting"
				as="select"
				label={ __( 'Click counting', 'customer-chat-for-messenger' ) }
				help={ __(
					'Each click on the bubble, a “Message us” button or a data-ccfm-open element sends one small request to this site. With the WP Consent API, only with consent to anonymous statistics.',
					'customer-chat-for-messenger'
				) }
				labels={ clickCountingLabels() }
			/>
			<DateRange range={ range } onShow={ load } busy={ busy }>
				<Button
					variant="tertiary"
					onClick={ download }
					disabled={ busy || ! report }
				>
					{ __( 'Download CSV', 'customer-chat-for-messenger' ) }
				</Button>
			</DateRange>
			{ failed && (
				<Notice status="error" isDismissible={ false }>
					{ failed }
				</Notice>
			) }
			{ report && report.preparing !== null && (
				<Notice status="info" isDismissible={ false }>
					{ sprintf(
						/* translators: %d: percent of the stored conversations counted so far. */
						__(
							'Still counting the stored conversations into daily totals (%d%% done). The figures are complete once this is done.',
							'customer-chat-for-messenger'
						),
						report.preparing
					) }
				</Notice>
			) }
			{ report && ! report.connected && (
				<Notice status="info" isDismissible={ false }>
					{ __(
						'Clicks alone: to see which clicks became conversations, connect the Messenger Platform (App Secret and verify token in the Messenger Platform panel above) and subscribe your app’s webhook to messaging_referrals and messaging_postbacks.',
						'customer-chat-for-messenger'
					) }
				</Notice>
			) }
			{ report && (
				<>
					<p className="ccfm-funnel__summary">
						{ report.connected
							? sprintf(
									/* translators: 1: clicks, 2: conversations started, 3: conversion rate in percent. */
									_n(
										'%1$d click, %2$d conversations started (%3$s%%).',
										'%1$d clicks, %2$d conversations started (%3$s%%).',
										report.totals.clicks,
										'customer-chat-for-messenger'
									),
									report.totals.clicks,
									report.totals.starts,
									rate( report.totals.rate ) || '–'
							  )
							: sprintf(
									/* translators: %d: clicks. */
									_n(
										'%d click.',
										'%d clicks.',
										report.totals.clicks,
										'customer-chat-for-messenger'
									),
									report.totals.clicks
							  ) }{ ' ' }
						{ __(
							'Clicks are counts reported by visitors’ browsers (blocked or refused beacons are missing, and a browser can report at most 30 a day); conversations are confirmed by Meta’s webhook.',
							'customer-chat-for-messenger'
						) }
					</p>
					<FunnelChart report={ report } />
					{ report.rows.length === 0 ? (
						<p className="ccfm-report__empty">
							{ sprintf(
								/* translators: 1: first day, 2: last day (YYYY-MM-DD). */
								__(
									'No clicks between %1$s and %2$s.',
									'customer-chat-for-messenger'
								),
								report.from,
								report.to
							) }
						</p>
					) : (
						<div
							className="ccfm-funnel__scroll"
							role="region"
							aria-label={ __(
								'Clicks and conversations per day, page and ref',
								'customer-chat-for-messenger'
							) }
							// Focusable, so a keyboard can scroll a wide table on a phone.

							tabIndex={ 0 }
						>
							<table className="widefat striped ccfm-funnel__table">
								<thead>
									<tr>
										{ cols.map( ( c ) => (
											<th scope="col" key={ c.key }>
												{ c.label }
											</th>
										) ) }
									</tr>
								</thead>
								<tbody>
									{ report.rows.map( ( row ) => (
										<tr
											key={ `${ row.day }|${ row.page }|${ row.ref }` }
										>
											{ cols.map( ( c ) => (
												<td key={ c.key }>
													{ c.key === 'rate'
														? rate( row.rate )
														: String(
																row[ c.key ]
														  ) }
												</td>
											) ) }
										</tr>
									) ) }
								</tbody>
							</table>
						</div>
					) }
					{ report.truncated && (
						<p>
							{ __(
								'Only the most recent days that fit in 2,000 rows are listed; choose a shorter range.',
								'customer-chat-for-messenger'
							) }
						</p>
					) }
				</>
			) }
		</PanelBody>
	);
}
