/**
 * The customer-chat-for-messenger/chat block: the page-settings variation and
 * the "Message us" button, rendered on the server (render.php). Its metadata
 * is block.json beside this file, copied into build/blocks/chat/ by the build.
 */
import { registerBlockType, type BlockConfiguration } from '@wordpress/blocks';

import metadata from './block.json';
import { Edit, type Attributes } from './edit';

registerBlockType(
	metadata as unknown as BlockConfiguration< Attributes >,
	{
		edit: Edit,
		save: () => null,
	} as unknown as Partial< BlockConfiguration< Attributes > >
);
