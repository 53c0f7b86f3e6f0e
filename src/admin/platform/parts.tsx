/**
 * Small pieces the Platform panels share: a value with a copy button, and
 * the notice of a group's last request.
 */
import { Button, Notice } from '@wordpress/components';
import { useCopyToClipboard } from '@wordpress/compose';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * A value with a button that copies it.
 * @param props
 * @param props.value
 * @param props.label
 */
export function CopyValue( {
	value,
	label,
}: {
	value: string;
	label: string;
} ) {
	const [ copied, setCopied ] = useState( false );
	const ref = useCopyToClipboard( value, () => setCopied( true ) );
	useEffect( () => setCopied( false ), [ value ] );
	return (
		<span className="ccfm-copy-row">
			<code>{ value }</code>
			<Button variant="secondary" size="compact" ref={ ref }>
				{ copied
					? __( 'Copied!', 'customer-chat-for-messenger' )
					: label }
			</Button>
		</span>
	);
}

export type Status = {
	status: 'success' | 'error' | 'warning';
	text: string;
} | null;

export function StatusNotice( { notice }: { notice: Status } ) {
	return notice ? (
		<Notice status={ notice.status } isDismissible={ false }>
			{ notice.text }
		</Notice>
	) : null;
}
