/**
 * What only this page knows, for the diagnostics chip: the loader's own
 * state (window.ccfm.state, set by the boot script and front.js), in words.
 * Everything the server can check is the server's (checks.ts).
 */
import { __, sprintf } from '@wordpress/i18n';

import type { ChatState } from '../common';
import type { Finding } from './checks';

const sdkLabels = (): Record< ChatState[ 'sdk' ], string > => ( {
	idle: __( 'not loaded yet', 'customer-chat-for-messenger' ),
	loading: __( 'loading', 'customer-chat-for-messenger' ),
	loaded: __( 'loaded', 'customer-chat-for-messenger' ),
	reused: __(
		'reused from the page (another include of it)',
		'customer-chat-for-messenger'
	),
	blocked: __(
		'blocked (an ad blocker or the network)',
		'customer-chat-for-messenger'
	),
	csp: __(
		'blocked by the Content-Security-Policy',
		'customer-chat-for-messenger'
	),
	timeout: __( 'did not load in time', 'customer-chat-for-messenger' ),
	'other-sdk': __(
		'not loaded: another Facebook SDK is on the page',
		'customer-chat-for-messenger'
	),
	skipped: __( 'not loaded', 'customer-chat-for-messenger' ),
} );

const renderLabels = (): Record< ChatState[ 'render' ], string > => ( {
	none: __( 'not started', 'customer-chat-for-messenger' ),
	waiting: __( 'waiting to show', 'customer-chat-for-messenger' ),
	rendered: __( 'showing', 'customer-chat-for-messenger' ),
	timeout: __( 'did not show in time', 'customer-chat-for-messenger' ),
	collapsed: __(
		'Meta collapsed it (its chat is not served)',
		'customer-chat-for-messenger'
	),
} );

const reasonLabels = (): Record<
	Exclude< ChatState[ 'reason' ], '' >,
	string
> => ( {
	blocked: __(
		'the SDK was blocked (an ad blocker or the network)',
		'customer-chat-for-messenger'
	),
	csp: __(
		'the Content-Security-Policy blocked the SDK',
		'customer-chat-for-messenger'
	),
	timeout: __(
		'the Chat Plugin did not show in time',
		'customer-chat-for-messenger'
	),
	collapsed: __(
		'Meta collapsed the Chat Plugin (its chat is not served)',
		'customer-chat-for-messenger'
	),
	unsupported: __(
		'this browser (or in-app browser) cannot show the Chat Plugin',
		'customer-chat-for-messenger'
	),
	'other-sdk': __(
		'another Facebook SDK is on the page',
		'customer-chat-for-messenger'
	),
	remembered: __(
		'the Chat Plugin failed earlier in this session',
		'customer-chat-for-messenger'
	),
	'link-mode': __(
		'Messenger-link mode is on',
		'customer-chat-for-messenger'
	),
} );

/** The findings of this page's loader. */
export function liveFindings(): Finding[] {
	const state = ( window.ccfm?.state || {} ) as Partial< ChatState >;
	if ( state.reason === 'link-mode' ) {
		return [
			{
				status: 'good',
				text: __(
					'On this page the bubble opens your Page in Messenger (Messenger-link mode).',
					'customer-chat-for-messenger'
				),
			},
		];
	}
	const sdk = state.sdk || 'idle';
	const render = state.render || 'none';
	const out: Finding[] = [
		{
			status: [ 'blocked', 'csp', 'timeout' ].includes( sdk )
				? 'critical'
				: 'good',
			text: sprintf(
				/* translators: %s: what happened to Meta's SDK, e.g. "loaded". */
				__(
					'Meta’s SDK on this page: %s',
					'customer-chat-for-messenger'
				),
				sdkLabels()[ sdk ]
			),
		},
		{
			status: render === 'timeout' ? 'critical' : 'good',
			text: sprintf(
				/* translators: %s: what happened to the Chat Plugin, e.g. "showing". */
				__(
					'Chat Plugin on this page: %s',
					'customer-chat-for-messenger'
				),
				renderLabels()[ render ]
			),
		},
	];
	if ( state.reason ) {
		out.push( {
			status: 'warning',
			text: sprintf(
				/* translators: %s: why, e.g. "the Chat Plugin did not show in time". */
				__(
					'On this page visitors get the Messenger link, because %s',
					'customer-chat-for-messenger'
				),
				reasonLabels()[ state.reason ]
			),
		} );
	}
	return out;
}
