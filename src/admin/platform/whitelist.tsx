/**
 * "Domain whitelist" (Chat Plugin mode): whether Meta lists this site's
 * origin (and its www./bare twin), and adding it.
 */
import apiFetch from '@wordpress/api-fetch';
import {
	Button,
	CheckboxControl,
	Notice,
	Spinner,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { errorText } from './api-error';
import { StatusNotice, type Status } from './parts';
import type { WhitelistReport } from './types';

/**
 * One origin of the whitelist report, and whether Meta lists it.
 * @param props
 * @param props.origin
 * @param props.listed
 */
function OriginItem( { origin, listed }: { origin: string; listed: boolean } ) {
	return (
		<li data-listed={ listed ? 'yes' : 'no' }>
			<code>{ origin }</code>{ ' ' }
			{ listed
				? __( 'is listed', 'customer-chat-for-messenger' )
				: __( 'is not listed', 'customer-chat-for-messenger' ) }
		</li>
	);
}

export function Whitelist( { tokenSet }: { tokenSet: boolean } ) {
	const [ report, setReport ] = useState< WhitelistReport | null >( null );
	const [ twin, setTwin ] = useState( false );
	const [ busy, setBusy ] = useState( false );
	const [ notice, setNotice ] = useState< Status >( null );

	const call = ( method: 'GET' | 'POST' ) => {
		setBusy( true );
		setNotice( null );
		apiFetch< WhitelistReport >( {
			path: '/ccfm/v1/platform/whitelist',
			method,
			...( method === 'POST' ? { data: { include_twin: twin } } : {} ),
		} )
			.then( ( r ) => {
				setReport( r );
				if ( r.added ) {
					setNotice( {
						status: 'success',
						text: r.added.length
							? sprintf(
									/* translators: %s: domains added. */
									__(
										'Added to the whitelist: %s',
										'customer-chat-for-messenger'
									),
									r.added.join( ', ' )
							  )
							: __(
									'Already on the whitelist; nothing changed.',
									'customer-chat-for-messenger'
							  ),
					} );
				}
			} )
			.catch( ( e ) =>
				setNotice( { status: 'error', text: errorText( e ) } )
			)
			.finally( () => setBusy( false ) );
	};

	return (
		<div className="ccfm-platform__whitelist">
			<h3>{ __( 'Domain whitelist', 'customer-chat-for-messenger' ) }</h3>
			<Button
				variant="secondary"
				onClick={ () => call( 'GET' ) }
				disabled={ busy || ! tokenSet }
				accessibleWhenDisabled
				aria-describedby={ tokenSet ? undefined : 'ccfm-whitelist-why' }
			>
				{ __( 'Check the whitelist', 'customer-chat-for-messenger' ) }
			</Button>
			{ ! tokenSet && (
				<p id="ccfm-whitelist-why" className="ccfm-why">
					{ __(
						'Needs the Page access token: save it under “Connection and webhook” first.',
						'customer-chat-for-messenger'
					) }
				</p>
			) }
			{ busy && <Spinner /> }
			{ report && (
				<>
					<ul className="ccfm-platform__origins">
						<OriginItem
							origin={ report.origin }
							listed={ report.origin_listed }
						/>
						{ report.twin && (
							<OriginItem
								origin={ report.twin }
								listed={ report.twin_listed }
							/>
						) }
					</ul>
					<p>
						{ sprintf(
							/* translators: 1: number of domains, 2: the limit. */
							__(
								'%1$d of %2$d domains used.',
								'customer-chat-for-messenger'
							),
							report.domains.length,
							report.limit
						) }
					</p>
					{ ! report.whitelistable && (
						<Notice status="warning" isDismissible={ false }>
							{ __(
								'Meta only whitelists HTTPS sites with a fully qualified domain name (no localhost, no IP address).',
								'customer-chat-for-messenger'
							) }
						</Notice>
					) }
					{ report.whitelistable &&
						( ! report.origin_listed ||
							( twin && ! report.twin_listed ) ) && (
							<>
								{ report.twin && (
									<CheckboxControl
										__nextHasNoMarginBottom
										label={ sprintf(
											/* translators: %s: the www./bare twin domain. */
											__(
												'Also add %s',
												'customer-chat-for-messenger'
											),
											report.twin
										) }
										checked={ twin }
										onChange={ setTwin }
									/>
								) }
								<Button
									variant="primary"
									onClick={ () => call( 'POST' ) }
									disabled={ busy }
								>
									{ __(
										'Add this site',
										'customer-chat-for-messenger'
									) }
								</Button>
							</>
						) }
				</>
			) }
			<StatusNotice notice={ notice } />
		</div>
	);
}
