/**
 * The editor tells what the page would: under a Shortcode, Classic or
 * Paragraph block holding `[messenger_chat …]`, a note names the attributes
 * the shortcode does not know (they are ignored), with "did you mean" for the
 * usual slips (label= or title= for text=). The known attributes are the
 * block's own (block.json), as the shortcode's PHP takes them.
 */
import type { ComponentType } from 'react';

import { Notice } from '@wordpress/components';
import { createHigherOrderComponent } from '@wordpress/compose';
// eslint-disable-next-line import/no-extraneous-dependencies -- WordPress provides it (wp-hooks); wp-scripts externalizes it.
import { addFilter } from '@wordpress/hooks';
import { __, _n, sprintf } from '@wordpress/i18n';

import metadata from '../blocks/chat/block.json';

/** What the shortcode knows: the block's attributes. */
export const KNOWN = Object.keys( metadata.attributes );

/** Slips with a sure meaning. */
const ALIASES: Record< string, string > = {
	label: 'text',
	title: 'text',
	button_text: 'text',
	caption: 'text',
	greeting: 'logged_out_greeting',
	message: 'message_text',
	delay: 'greeting_dialog_delay',
	display: 'greeting_dialog_display',
};

// WordPress's own shortcode attribute syntax (shortcode_parse_atts()).
const ATTR =
	/([\w-]+)\s*=\s*"[^"]*"(?:\s|$)|([\w-]+)\s*=\s*'[^']*'(?:\s|$)|([\w-]+)\s*=\s*[^\s'"]+(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;

/**
 * Every attribute name (or bare word) of the [messenger_chat] shortcodes in
 * a text; escaped ones ([[messenger_chat]]) are not shortcodes.
 * @param text Block content.
 */
export function shortcodeAttributes( text: string ): string[] {
	const found: string[] = [];
	const tags = /(\[?)\[messenger_chat(?![\w-])([^\]]*?)\/?\](\]?)/g;
	for ( const tag of text.matchAll( tags ) ) {
		if ( tag[ 1 ] === '[' && tag[ 3 ] === ']' ) {
			continue;
		}
		for ( const a of tag[ 2 ].matchAll( ATTR ) ) {
			const name =
				a[ 1 ] || a[ 2 ] || a[ 3 ] || a[ 4 ] || a[ 5 ] || a[ 6 ];
			if ( name ) {
				found.push(
					a[ 1 ] || a[ 2 ] || a[ 3 ] ? name.toLowerCase() : name
				);
			}
		}
	}
	return found;
}

/**
 * The unknown attributes of a text, each with the known one meant, if sure.
 * @param text Block content.
 */
export function unknownAttributes(
	text: string
): { name: string; meant: string | null }[] {
	const seen = new Set< string >();
	return shortcodeAttributes( text )
		.filter( ( name ) => ! KNOWN.includes( name ) )
		.filter( ( name ) => ! seen.has( name ) && seen.add( name ) )
		.map( ( name ) => ( { name, meant: ALIASES[ name ] ?? null } ) );
}

function ShortcodeNote( { text }: { text: string } ) {
	const unknown = unknownAttributes( text );
	if ( ! unknown.length ) {
		return null;
	}
	return (
		<Notice
			status="warning"
			isDismissible={ false }
			className="ccfm-shortcode-editor-note"
		>
			<p>
				{ sprintf(
					/* translators: 1: the ignored attributes, 2: the attributes the shortcode knows. */
					_n(
						'[messenger_chat]: the attribute %1$s is not known and is ignored. Known attributes: %2$s.',
						'[messenger_chat]: the attributes %1$s are not known and are ignored. Known attributes: %2$s.',
						unknown.length,
						'customer-chat-for-messenger'
					),
					unknown.map( ( u ) => u.name ).join( ', ' ),
					KNOWN.join( ', ' )
				) }
			</p>
			{ unknown
				.filter( ( u ) => u.meant )
				.map( ( u ) => (
					<p key={ u.name }>
						{ sprintf(
							/* translators: 1: the attribute meant, 2: the attribute typed. */
							__(
								'Did you mean %1$s instead of %2$s?',
								'customer-chat-for-messenger'
							),
							`${ u.meant }="…"`,
							`${ u.name }="…"`
						) }
					</p>
				) ) }
		</Notice>
	);
}

/** The blocks whose text can hold the shortcode, and where that text is. */
const TEXT_OF: Record< string, string > = {
	'core/shortcode': 'text',
	'core/freeform': 'content',
	'core/paragraph': 'content',
};

type EditProps = {
	name: string;
	attributes: Record< string, unknown >;
	isSelected?: boolean;
};

const withShortcodeNote = createHigherOrderComponent(
	( BlockEdit: ComponentType< EditProps > ) => ( props: EditProps ) => {
		const key = TEXT_OF[ props.name ];
		const value = key ? props.attributes[ key ] : '';
		const text = typeof value === 'string' ? value : String( value ?? '' );
		return (
			<>
				<BlockEdit { ...props } />
				{ text.includes( '[messenger_chat' ) && (
					<ShortcodeNote text={ text } />
				) }
			</>
		);
	},
	'withShortcodeNote'
);

addFilter(
	'editor.BlockEdit',
	'customer-chat-for-messenger/shortcode-notes',
	withShortcodeNote
);
