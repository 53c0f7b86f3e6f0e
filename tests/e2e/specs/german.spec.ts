/**
 * A German site: the chat block's sidebar, the post-editor panel and the
 * front-end diagnostics chip speak German, validation messages included,
 * and show none of the plugin's English strings.
 */
import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import type { Locator } from '@playwright/test';

import { expect, test, wpEval } from '../fixtures';

const root = path.resolve( __dirname, '../../..' );
const LANG = path.join( root, 'plugin/languages' );
// WordPress accepts WPLANG only for a language whose core file is installed;
// offline, "installing" German core is an empty core catalogue: core
// strings stay English, the plugin's come from its own languages/ folder.
const CORE_DE = path.join(
	root,
	'.wp/wordpress/wp-content/languages/de_DE.mo'
);

/**
 * The entries of a PO/POT file: msgid → msgstr (continuation lines joined).
 * @param file Path.
 */
function entries( file: string ): Map< string, string > {
	const out = new Map< string, string >();
	for ( const block of fs.readFileSync( file, 'utf8' ).split( /\n\n/ ) ) {
		const field = ( name: string ) => {
			const m = block.match(
				new RegExp( `^${ name } ((?:".*"\\n?)+)`, 'm' )
			);
			return m
				? m[ 1 ]
						.trim()
						.split( '\n' )
						.map( ( l ) => JSON.parse( l ) as string )
						.join( '' )
				: null;
		};
		const id = field( 'msgid' );
		if ( id ) {
			out.set( id, field( 'msgstr' ) ?? field( 'msgstr\\[0\\]' ) ?? '' );
		}
	}
	return out;
}

/**
 * The plugin's English strings a German screen must not show: every
 * msgid of more than one word whose German differs, cut at its
 * placeholders (the longest literal part).
 */
function englishStrings(): string[] {
	const german = entries(
		path.join( LANG, 'customer-chat-for-messenger-de_DE.po' )
	);
	const out: string[] = [];
	for ( const id of entries(
		path.join( LANG, 'customer-chat-for-messenger.pot' )
	).keys() ) {
		const part = id
			.split( /%(?:\d\$)?[sd]/ )
			.sort( ( a, b ) => b.length - a.length )[ 0 ]
			.trim();
		if ( / /.test( part ) && part.length >= 8 && german.get( id ) !== id ) {
			out.push( part );
		}
	}
	return out;
}

async function expectNoEnglish( where: Locator, english: string[] ) {
	const text = await where.innerText();
	expect( english.filter( ( s ) => text.includes( s ) ) ).toEqual( [] );
}

test.describe( 'German', () => {
	let installedCore = false;
	test.beforeAll( () => {
		installedCore = ! fs.existsSync( CORE_DE );
		if ( installedCore ) {
			fs.mkdirSync( path.dirname( CORE_DE ), { recursive: true } );
			execFileSync( 'msgfmt', [ '-o', CORE_DE, '-' ], {
				input: 'msgid ""\nmsgstr ""\n"Language: de_DE\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n',
			} );
		}
		wpEval( `update_option( 'WPLANG', 'de_DE' );` );
		expect( wpEval( `echo get_locale();` ) ).toBe( 'de_DE' );
	} );
	test.afterAll( () => {
		wpEval( `update_option( 'WPLANG', '' );` );
		if ( installedCore ) {
			fs.rmSync( CORE_DE, { force: true } );
		}
		expect( wpEval( `echo get_locale();` ) ).toBe( 'en_US' );
	} );

	test( 'the chat block selected in the editor and the post-editor panel: German labels and validation messages, no English', async ( {
		page,
		admin,
		editor,
		settings,
	} ) => {
		test.setTimeout( 120_000 );
		const english = englishStrings();
		expect( english ).toContain( 'Greeting display' );
		await settings( { page_id: '1234567890' } );
		await admin.createNewPost();
		await editor.insertBlock( {
			name: 'customer-chat-for-messenger/chat',
			attributes: { type: 'settings' },
		} );
		await expect(
			editor.canvas.getByText(
				'Messenger-Chat-Einstellungen für diese Seite'
			)
		).toBeVisible();
		await editor.openDocumentSettingsSidebar();
		await page.getByRole( 'tab', { name: 'Block', exact: true } ).click();
		const sidebar = page.getByRole( 'region', { name: 'Editor settings' } );
		const panel = sidebar.locator( '.components-panel__body' ).filter( {
			has: page.getByRole( 'button', {
				name: 'Chat auf dieser Seite',
			} ),
		} );
		await expect( panel ).toBeVisible();

		// The greeting display's options come from the shared labels.
		const display = panel.getByRole( 'combobox', {
			name: 'Anzeige der Begrüßung',
		} );
		await expect( display.locator( 'option' ) ).toHaveText( [
			'Website-Einstellung',
			'Anzeigen',
			'Kurz zeigen',
			'Geschlossen',
			'Nur Symbol',
		] );
		// A delay the server would refuse: the server's message, in German.
		await panel
			.getByRole( 'textbox', {
				name: 'Verzögerung der Begrüßung (Sekunden)',
			} )
			.fill( '1e3' );
		await expect( panel ).toContainText(
			'Die Verzögerung der Begrüßung muss leer sein'
		);
		await sidebar
			.getByRole( 'button', { name: 'Shortcode', exact: true } )
			.click();
		await expect( sidebar ).toContainText(
			'greeting_dialog_display="show|fade|hide|icon"'
		);
		await expectNoEnglish(
			sidebar.locator( '.block-editor-block-inspector' ),
			english
		);

		// The post-editor panel, with a ref the server would refuse.
		await page.getByRole( 'tab', { name: /^(Post|Page)$/ } ).click();
		const toggle = sidebar.getByRole( 'button', {
			name: 'Messenger-Chat',
		} );
		if ( ( await toggle.getAttribute( 'aria-expanded' ) ) !== 'true' ) {
			await toggle.click();
		}
		const chat = sidebar.locator( '.components-panel__body' ).filter( {
			has: page.getByRole( 'button', { name: 'Messenger-Chat' } ),
		} );
		await expect(
			chat.getByRole( 'radio', { name: 'Den Website-Regeln folgen' } )
		).toBeChecked();
		await expect(
			chat.getByRole( 'radio', { name: 'Chat anzeigen' } )
		).toBeVisible();
		await chat
			.getByRole( 'textbox', { name: 'Referenz (ref)' } )
			.fill( 'no spaces!' );
		await expect( chat ).toContainText(
			'Der Ref darf nur Buchstaben, Ziffern'
		);
		await expectNoEnglish( chat, english );
	} );

	test( 'the front-end diagnostics chip: German, the server’s checks in German, no English', async ( {
		page,
		settings,
	} ) => {
		test.setTimeout( 90_000 );
		const english = englishStrings();
		await settings( { page_id: '1234567890', mode: 'chat_plugin' } );
		await page.goto( '/' );
		const chip = page.locator( '.ccfm-diag' );
		await chip.getByRole( 'button', { name: 'Chat-Diagnose' } ).click();
		const https = chip.locator(
			'li[data-check="https"][data-status="critical"]'
		);
		await expect( https ).toContainText(
			'Die Website wird nicht über HTTPS ausgeliefert'
		);
		await expect( chip.locator( 'li' ).first() ).toContainText(
			'Metas SDK auf dieser Seite:'
		);
		await expectNoEnglish( chip, english );
	} );
} );
