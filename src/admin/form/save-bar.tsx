/**
 * The sticky bar under the form: Save, then what happened (saving, saved,
 * refused) or that changes are not saved yet.
 */
import { Button, Notice } from '@wordpress/components';
import { __ } from '@wordpress/i18n';

import type { SaveNotice } from './use-save';

interface SaveBarProps {
	onSave: () => void;
	isSaving: boolean;
	isDirty: boolean;
	notice: SaveNotice | null;
	onDismiss: () => void;
	justSaved: boolean;
}

export function SaveBar( {
	onSave,
	isSaving,
	isDirty,
	notice,
	onDismiss,
	justSaved,
}: SaveBarProps ) {
	return (
		<div className="ccfm-admin__actions">
			<Button
				variant="primary"
				onClick={ onSave }
				isBusy={ isSaving }
				disabled={ isSaving }
				accessibleWhenDisabled
				__next40pxDefaultSize
			>
				{ __( 'Save settings', 'customer-chat-for-messenger' ) }
			</Button>
			<div className="ccfm-admin__feedback" aria-live="polite">
				{ isSaving && (
					<span className="ccfm-admin__saving">
						{ __( 'Saving…', 'customer-chat-for-messenger' ) }
					</span>
				) }
				{ ! isSaving && notice && (
					<Notice
						status={ notice.status }
						onRemove={ onDismiss }
						className={
							'ccfm-admin__notice' +
							( justSaved ? ' is-done' : '' )
						}
					>
						{ notice.status === 'success' ? '✓ ' : '' }
						{ notice.text }
					</Notice>
				) }
				{ ! isSaving && ! notice && isDirty && (
					<span className="ccfm-admin__unsaved">
						{ __(
							'Unsaved changes',
							'customer-chat-for-messenger'
						) }
					</span>
				) }
			</div>
		</div>
	);
}
