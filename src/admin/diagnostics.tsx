/**
 * Diagnostics panel: the server-side checks of /ccfm/v1/diagnostics.
 */
import apiFetch from '@wordpress/api-fetch';
import { Button, Notice, PanelBody, Spinner } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

export interface Check {
	id: string;
	label: string;
	status: 'good' | 'warning' | 'critical';
	description: string;
	fix: string;
}

const STATUS = {
	good: 'success',
	warning: 'warning',
	critical: 'error',
} as const;

export function Diagnostics() {
	const [ checks, setChecks ] = useState< Check[] | null >( null );
	const [ busy, setBusy ] = useState( false );
	const [ failed, setFailed ] = useState( '' );
	const run = () => {
		setBusy( true );
		setFailed( '' );
		apiFetch< { checks: Check[] } >( { path: '/ccfm/v1/diagnostics' } )
			.then( ( r ) => setChecks( r.checks ) )
			.catch( ( e: { message?: string } ) =>
				setFailed( e.message || '' )
			)
			.finally( () => setBusy( false ) );
	};
	return (
		<PanelBody
			title={ __( 'Diagnostics', 'customer-chat-for-messenger' ) }
			initialOpen={ false }
			onToggle={ ( open: boolean ) => open && ! checks && run() }
		>
			<p>
				{ __(
					'Checks the live site for what stops the Chat Plugin from showing.',
					'customer-chat-for-messenger'
				) }
			</p>
			<Button variant="secondary" onClick={ run } disabled={ busy }>
				{ __( 'Run the checks again', 'customer-chat-for-messenger' ) }
			</Button>
			{ busy && <Spinner /> }
			{ failed && (
				<Notice status="error" isDismissible={ false }>
					{ failed }
				</Notice>
			) }
			<ul className="ccfm-checks">
				{ ( checks || [] ).map( ( c ) => (
					<li
						key={ c.id }
						data-check={ c.id }
						data-status={ c.status }
					>
						<Notice
							status={ STATUS[ c.status ] }
							isDismissible={ false }
						>
							<strong>{ c.label }</strong> { c.description }{ ' ' }
							{ c.fix && <em>{ c.fix }</em> }
						</Notice>
					</li>
				) ) }
			</ul>
		</PanelBody>
	);
}
