/**
 * Clicks and conversation starts per day of the chosen range: a small SVG
 * bar chart (two bars a day), with the figures in its title for screen
 * readers and the table beside it for the exact numbers.
 */
import { __, sprintf } from '@wordpress/i18n';

import type { FunnelReport } from './types';

const HEIGHT = 120;

export function FunnelChart( { report }: { report: FunnelReport } ) {
	const days = report.per_day;
	const max = Math.max(
		1,
		...days.map( ( d ) => Math.max( d.clicks, d.starts ) )
	);
	const step = 12;
	const width = Math.max( step, days.length * step );
	const title = sprintf(
		/* translators: 1: first day, 2: last day, 3: clicks, 4: conversations started. */
		__(
			'Clicks and conversations started per day, %1$s to %2$s: %3$d clicks, %4$d conversations.',
			'customer-chat-for-messenger'
		),
		report.from,
		report.to,
		report.totals.clicks,
		report.totals.starts
	);
	return (
		<figure className="ccfm-funnel__chart">
			<svg
				role="img"
				aria-label={ title }
				viewBox={ `0 0 ${ width } ${ HEIGHT }` }
				preserveAspectRatio="none"
				width="100%"
				height={ HEIGHT }
			>
				{ days.map( ( d, i ) => {
					const clicks = ( HEIGHT * d.clicks ) / max;
					const starts = ( HEIGHT * d.starts ) / max;
					return (
						<g key={ d.day } data-day={ d.day }>
							<title>
								{ sprintf(
									/* translators: 1: day, 2: clicks, 3: conversations started. */
									__(
										'%1$s: %2$d clicks, %3$d conversations',
										'customer-chat-for-messenger'
									),
									d.day,
									d.clicks,
									d.starts
								) }
							</title>
							<rect
								className="ccfm-funnel__bar--clicks"
								x={ i * step + 1 }
								y={ HEIGHT - clicks }
								width={ 5 }
								height={ clicks }
								fill="#0084ff"
							/>
							<rect
								className="ccfm-funnel__bar--starts"
								x={ i * step + 6 }
								y={ HEIGHT - starts }
								width={ 5 }
								height={ starts }
								fill="#00a32a"
							/>
						</g>
					);
				} ) }
			</svg>
			<figcaption>
				<span className="ccfm-funnel__key ccfm-funnel__key--clicks">
					{ __( 'Clicks', 'customer-chat-for-messenger' ) }
				</span>{ ' ' }
				<span className="ccfm-funnel__key ccfm-funnel__key--starts">
					{ __(
						'Conversations started',
						'customer-chat-for-messenger'
					) }
				</span>
			</figcaption>
		</figure>
	);
}
