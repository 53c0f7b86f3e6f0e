/**
 * The editor tells what the page would: a Shortcode or Paragraph block with
 * `[messenger_chat …]` gets a note under it naming unknown attributes, with
 * "did you mean" for label= / title= (text=); known attributes and escaped
 * shortcodes get none.
 */
import { expect, test } from '../fixtures';

const NOTE = '.ccfm-shortcode-editor-note';

test( 'a Shortcode block with label= is told the attribute is ignored and that text= is meant; valid and escaped ones are not', async ( {
	admin,
	editor,
} ) => {
	await admin.createNewPost( { title: 'Shortcode notes' } );
	await editor.insertBlock( {
		name: 'core/shortcode',
		attributes: {
			text: '[messenger_chat type="button" label="Write to us" colour=red]',
		},
	} );
	const note = editor.canvas.locator( NOTE );
	await expect( note ).toHaveCount( 1 );
	await expect( note ).toContainText(
		'[messenger_chat]: the attributes label, colour are not known and are ignored. Known attributes: type, text, ref, logged_in_greeting, logged_out_greeting, greeting_dialog_display, greeting_dialog_delay, message_text.'
	);
	await expect( note ).toContainText(
		'Did you mean text="…" instead of label="…"?'
	);
	await expect( note ).not.toContainText( 'instead of colour' );

	// Known attributes, an escaped shortcode, another shortcode: no note.
	await editor.insertBlock( {
		name: 'core/shortcode',
		attributes: {
			text: '[messenger_chat type="button" text="Write to us" ref=promo]',
		},
	} );
	await editor.insertBlock( {
		name: 'core/paragraph',
		attributes: {
			content: 'Type [[messenger_chat label="x"]] to show the button.',
		},
	} );
	await editor.insertBlock( {
		name: 'core/shortcode',
		attributes: { text: '[gallery label="x"]' },
	} );
	await expect( note ).toHaveCount( 1 );

	// The same in a paragraph.
	await editor.insertBlock( {
		name: 'core/paragraph',
		attributes: {
			content: 'Ask us: [messenger_chat type="button" title="Hi"]',
		},
	} );
	await expect( note ).toHaveCount( 2 );
	await expect( note.nth( 1 ) ).toContainText(
		'Did you mean text="…" instead of title="…"?'
	);
} );

test( 'the button has its own panel and ref; the page-settings variation says where the page’s ref is', async ( {
	admin,
	editor,
	page,
} ) => {
	await admin.createNewPost( { title: 'Button ref' } );
	await editor.insertBlock( {
		name: 'customer-chat-for-messenger/chat',
		attributes: { type: 'button', text: 'Ask about sizes' },
	} );
	await editor.openDocumentSettingsSidebar();
	await page.getByRole( 'tab', { name: 'Block', exact: true } ).click();
	const sidebar = page.getByRole( 'region', { name: 'Editor settings' } );
	await expect(
		sidebar.getByRole( 'button', { name: 'Message us button' } )
	).toBeVisible();
	await expect(
		sidebar.getByRole( 'button', { name: 'Chat on this page' } )
	).toHaveCount( 0 );
	const ref = sidebar.getByLabel( 'This button’s ref' );
	await ref.fill( 'not valid!' );
	const refMessage =
		'The ref may hold only letters, digits, -, _ and =, at most 250 characters.';
	await expect( ref ).toHaveAccessibleDescription( refMessage );
	await ref.fill( 'sizes' );
	await expect( ref ).not.toHaveAccessibleDescription( refMessage );
	const blocks = await editor.getBlocks();
	expect( blocks[ 0 ].attributes.ref ).toBe( 'sizes' );

	await editor.insertBlock( {
		name: 'customer-chat-for-messenger/chat',
		attributes: { type: 'settings' },
	} );
	await expect(
		sidebar.getByRole( 'button', { name: 'Chat on this page' } )
	).toBeVisible();
	await expect( sidebar.getByLabel( 'This button’s ref' ) ).toHaveCount( 0 );
	await expect( sidebar ).toContainText(
		'The ref of this page is set in the post’s “Messenger chat” panel.'
	);
} );
