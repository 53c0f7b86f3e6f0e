/**
 * The words for a failed request of the Platform panels.
 */
import { __ } from '@wordpress/i18n';

interface ApiError {
	code?: string;
	message?: string;
	data?: { status?: number; params?: Record< string, string > };
}

/**
 * A message a person can act on, for a failed request: the per-field
 * messages of a refused value (never WordPress's "Invalid parameter(s): …"
 * wrapper), Meta's own words for Graph errors, and plain words for an
 * expired login, a missing permission or a site that cannot be reached.
 *
 * @param e The error apiFetch threw.
 */
export function errorText( e: unknown ): string {
	const error = ( e || {} ) as ApiError;
	const params = error.data?.params
		? Object.values( error.data.params ).filter(
				( p ): p is string => typeof p === 'string' && p !== ''
		  )
		: [];
	switch ( error.code ) {
		case 'rest_invalid_param':
		case 'rest_missing_callback_param':
			if ( params.length ) {
				return params.join( ' ' );
			}
			break;
		case 'rest_cookie_invalid_nonce':
			return __(
				'Your login has expired. Reload the page, then try again.',
				'customer-chat-for-messenger'
			);
		case 'rest_forbidden':
		case 'rest_cannot_edit':
			return __(
				'Your account is not allowed to change this. Ask an administrator.',
				'customer-chat-for-messenger'
			);
		case 'fetch_error':
			return __(
				'Your site could not be reached. Check your connection, then try again.',
				'customer-chat-for-messenger'
			);
		case 'invalid_json':
			return __(
				'Your site sent an answer that is not valid (a PHP error or a security plugin may be in the way). Tools → Site Health can tell more.',
				'customer-chat-for-messenger'
			);
	}
	const message = ( error.message || '' ).replace(
		/^Invalid parameter\(s\):[^.]*\.?\s*/,
		''
	);
	return (
		[ message, ...params ].filter( Boolean ).join( ' ' ) ||
		__( 'The request failed.', 'customer-chat-for-messenger' )
	);
}
