/**
 * Conversations panel: conversation starts recorded by the webhook, per day,
 * per ref and per page, and the Chat Plugin vs m.me link share. Plain tables
 * and CSS bars, no chart library.
 */
import apiFetch from '@wordpress/api-fetch';
import { Notice, PanelBody } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

import { DateRange, useDateRange } from '../report/date-range';
import { errorText } from './api-error';

export interface ConversationReport {
	from: string;
	to: string;
	total: number;
	per_day: { day: string; starts: number }[];
	per_ref: { ref: string; starts: number }[];
	per_page: { page_url: string; starts: number }[];
	sources: { plugin: number; link: number; other: number };
	share: { plugin: number; link: number };
	/** While the daily totals are being counted: percent done; null once complete. */
	preparing: number | null;
}

function Bars( {
	rows,
	label,
	empty,
}: {
	rows: { key: string; name: string; starts: number }[];
	label: string;
	empty: string;
} ) {
	const max = Math.max( 1, ...rows.map( ( r ) => r.starts ) );
	return (
		<table className="widefat striped ccfm-report__table">
			<thead>
				<tr>
					<th scope="col">{ label }</th>
					<th scope="col">
						{ __( 'Starts', 'customer-chat-for-messenger' ) }
					</th>
				</tr>
			</thead>
			<tbody>
				{ rows.map( ( r ) => (
					<tr key={ r.key }>
						<td>{ r.name || <em>{ empty }</em> }</td>
						<td>
							<span
								className="ccfm-report__bar"
								style={ {
									display: 'inline-block',
									height: '0.8em',
									marginRight: '6px',
									background: '#0084ff',
									width: `${ ( 100 * r.starts ) / max }px`,
								} }
								aria-hidden="true"
							/>
							{ r.starts }
						</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}

export function ConversationsPanel() {
	const range = useDateRange( 29 );
	const { from, to } = range;
	const [ report, setReport ] = useState< ConversationReport | null >( null );
	const [ busy, setBusy ] = useState( false );
	const [ failed, setFailed ] = useState( '' );

	const load = () => {
		setBusy( true );
		setFailed( '' );
		apiFetch< ConversationReport >( {
			path: `/ccfm/v1/conversations?from=${ encodeURIComponent(
				from
			) }&to=${ encodeURIComponent( to ) }`,
		} )
			.then( setReport )
			.catch( ( e ) => {
				// No report of other days under the error.
				setReport( null );
				setFailed( errorText( e ) );
			} )
			.finally( () => setBusy( false ) );
	};

	return (
		<PanelBody
			title={ __( 'Conversations', 'customer-chat-for-messenger' ) }
			initialOpen={ false }
			className="ccfm-report"
			onToggle={ ( open: boolean ) => open && ! report && load() }
		>
			<DateRange range={ range } onShow={ load } busy={ busy } />
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
			{ report && report.total === 0 && (
				<p className="ccfm-report__empty">
					{ sprintf(
						/* translators: 1: first day, 2: last day (YYYY-MM-DD). */
						__(
							'No conversation started between %1$s and %2$s.',
							'customer-chat-for-messenger'
						),
						report.from,
						report.to
					) }
				</p>
			) }
			{ report && report.total > 0 && (
				<>
					<p className="ccfm-report__summary">
						{ sprintf(
							/* translators: 1: number of conversation starts, 2: percent from the Chat Plugin, 3: percent from m.me links. */
							_n(
								'%1$d conversation started: %2$s%% in the Chat Plugin, %3$s%% from m.me links.',
								'%1$d conversations started: %2$s%% in the Chat Plugin, %3$s%% from m.me links.',
								report.total,
								'customer-chat-for-messenger'
							),
							report.total,
							String( report.share.plugin ),
							String( report.share.link )
						) }
					</p>
					<Bars
						label={ __( 'Day', 'customer-chat-for-messenger' ) }
						empty=""
						rows={ report.per_day.map( ( d ) => ( {
							key: d.day,
							name: d.day,
							starts: d.starts,
						} ) ) }
					/>
					<Bars
						label={ __( 'Ref', 'customer-chat-for-messenger' ) }
						empty={ __( '(none)', 'customer-chat-for-messenger' ) }
						rows={ report.per_ref.map( ( r ) => ( {
							key: 'ref:' + r.ref,
							name: r.ref,
							starts: r.starts,
						} ) ) }
					/>
					<Bars
						label={ __( 'Page', 'customer-chat-for-messenger' ) }
						empty={ __(
							'(unknown — m.me link)',
							'customer-chat-for-messenger'
						) }
						rows={ report.per_page.map( ( p ) => ( {
							key: 'page:' + p.page_url,
							name: p.page_url,
							starts: p.starts,
						} ) ) }
					/>
				</>
			) }
		</PanelBody>
	);
}
