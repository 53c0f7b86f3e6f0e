/**
 * The server's checks of the chat's setup (GET /ccfm/v1/diagnostics, the
 * same results as the settings screen and Site Health, translated by the
 * server), fetched once, when the chip is first opened: the checks fetch
 * the home page, which is too much for every page view.
 */
import apiFetch from '@wordpress/api-fetch';
import { __, sprintf } from '@wordpress/i18n';

import type { DiagnosticsResponse } from '../../shared/responses.generated';

export type Check = DiagnosticsResponse[ 'checks' ][ number ];

/** One line of the chip. */
export interface Finding {
	status: Check[ 'status' ];
	text: string;
	/** The server check's id, for a line that is one. */
	check?: string;
}

let pending: Promise< Finding[] > | undefined;

/**
 * A server check as one line: what it found, how to fix it, which modes
 * need it when the current one does not.
 *
 * @param check The check.
 */
function line( check: Check ): Finding {
	const parts = [ `${ check.label }: ${ check.description }` ];
	if ( check.fix ) {
		parts.push( check.fix );
	}
	if ( ! check.needed ) {
		parts.push( check.needs );
	}
	return { status: check.status, text: parts.join( ' ' ), check: check.id };
}

/** The server's checks as lines (a warning line when they cannot be had). */
export function serverFindings(): Promise< Finding[] > {
	pending ||= apiFetch< DiagnosticsResponse >( {
		path: '/ccfm/v1/diagnostics',
	} ).then(
		( response ) => response.checks.map( line ),
		( error: { message?: string } ) => [
			{
				status: 'warning',
				text: sprintf(
					/* translators: %s: the error message. */
					__(
						'The site’s checks could not be loaded: %s',
						'customer-chat-for-messenger'
					),
					error?.message || ''
				),
			},
		]
	);
	return pending;
}
