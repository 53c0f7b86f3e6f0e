/**
 * Diagnostics panel: the server-side checks of /ccfm/v1/diagnostics. Each
 * check says which mode needs it; a finding the current mode does not need
 * is shown as information, never as a warning or an error.
 */
import apiFetch from '@wordpress/api-fetch';
import { Button, Notice, PanelBody, Spinner } from '@wordpress/components';
import { useEffect, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

export interface Check {
	id: string;
	label: string;
	status: 'good' | 'warning' | 'critical' | 'info';
	description: string;
	fix: string;
	modes: ( 'chat_plugin' | 'link' )[];
	needed: boolean;
	needs: string;
}

const STATUS = {
	good: 'success',
	warning: 'warning',
	critical: 'error',
	info: 'info',
} as const;

export function DiagnosticsPanel( { mode }: { mode: 'chat_plugin' | 'link' } ) {
	const [ checks, setChecks ] = useState< Check[] | null >( null );
	const [ busy, setBusy ] = useState( false );
	const [ failed, setFailed ] = useState( '' );
	const [ isOpen, setIsOpen ] = useState( false );
	const run = () => {
		setBusy( true );
		setFailed( '' );
		apiFetch< { checks: Check[] } >( { path: '/ccfm/v1/diagnostics' } )
			.then( ( r ) => setChecks( r.checks ) )
			.catch( ( e: { message?: string } ) =>
				setFailed(
					e.message ||
						__(
							'The checks could not be run.',
							'customer-chat-for-messenger'
						)
				)
			)
			.finally( () => setBusy( false ) );
	};
	// The checks read the saved mode: after the mode is saved, they run again.
	const lastMode = useRef( mode );
	useEffect( () => {
		if ( lastMode.current !== mode ) {
			lastMode.current = mode;
			setChecks( null );
		}
	}, [ mode ] );
	const needed = ( checks || [] ).filter( ( c ) => c.needed );
	const other = ( checks || [] ).filter( ( c ) => ! c.needed );
	const item = ( c: Check ) => (
		<li key={ c.id } data-check={ c.id } data-status={ c.status }>
			<Notice status={ STATUS[ c.status ] } isDismissible={ false }>
				<strong>{ c.label }</strong> { c.description }{ ' ' }
				{ c.fix && <em>{ c.fix }</em> }
				<span className="ccfm-checks__needs">{ c.needs }</span>
			</Notice>
		</li>
	);
	return (
		<PanelBody
			title={ __( 'Diagnostics', 'customer-chat-for-messenger' ) }
			opened={ isOpen }
			onToggle={ ( open: boolean ) => {
				setIsOpen( open );
				if ( open && ! checks && ! busy ) {
					run();
				}
			} }
		>
			<p>
				{ mode === 'link'
					? __(
							'Checks the saved settings and the live site. The Messenger link needs only your Page; what only Meta’s Chat Plugin needs is listed apart, for information.',
							'customer-chat-for-messenger'
					  )
					: __(
							'Checks the saved settings and the live site for what stops the Chat Plugin from showing.',
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
			<ul className="ccfm-checks">{ needed.map( item ) }</ul>
			{ other.length > 0 && (
				<>
					<h3>
						{ __(
							'Only for the Chat Plugin (not needed in Messenger-link mode)',
							'customer-chat-for-messenger'
						) }
					</h3>
					<ul className="ccfm-checks ccfm-checks--other">
						{ other.map( item ) }
					</ul>
				</>
			) }
		</PanelBody>
	);
}
