/**
 * A ref stored on the block by an earlier version: the per-page ref now
 * lives in one place, the post's "Messenger chat" panel. It still applies;
 * one click moves it there.
 */
import { Button, Notice } from '@wordpress/components';
import { useEntityProp } from '@wordpress/core-data';
import { useSelect } from '@wordpress/data';
import { __, sprintf } from '@wordpress/i18n';

/**
 * @param props
 * @param props.blockRef The block's own ref.
 * @param props.onMoved  Called once the ref is in the post's panel.
 */
export function LegacyRef( {
	blockRef,
	onMoved,
}: {
	blockRef: string;
	onMoved: () => void;
} ) {
	const postType = useSelect(
		( select ) =>
			(
				select( 'core/editor' ) as
					| { getCurrentPostType: () => string }
					| undefined
			 )?.getCurrentPostType() || 'post',
		[]
	);
	const [ meta, setMeta ] = useEntityProp( 'postType', postType, 'meta' );
	return (
		<Notice status="warning" isDismissible={ false }>
			{ sprintf(
				/* translators: %s: ref value. */
				__(
					'This block has its own ref (%s) from an earlier version; it still applies. The ref of a page is now set in one place: the post’s “Messenger chat” panel.',
					'customer-chat-for-messenger'
				),
				blockRef
			) }{ ' ' }
			{ meta && '_ccfm_ref' in meta && (
				<Button
					variant="secondary"
					size="compact"
					onClick={ () => {
						setMeta( { ...meta, _ccfm_ref: blockRef } );
						onMoved();
					} }
				>
					{ __(
						'Move it to the post’s panel',
						'customer-chat-for-messenger'
					) }
				</Button>
			) }
		</Notice>
	);
}
