/**
 * The first field of the settings screen takes whatever the site owner has
 * of their Facebook Page: its numeric ID, its username, an m.me link or a
 * facebook.com Page URL. This works out which setting it is. Pure (no
 * WordPress imports), so tests/js can run it under Node.
 */

export type PageInput =
	| { kind: 'empty' }
	| { kind: 'id'; page_id: string }
	| { kind: 'username'; page_username: string }
	| {
			kind: 'invalid';
			reason: 'short' | 'characters' | 'not-a-page' | 'share';
	  };

const ID = /^[0-9]{1,20}$/;
const USERNAME = /^[A-Za-z0-9.]{5,50}$/;

/** facebook.com paths that are never a Page username. */
const RESERVED = new Set( [
	'pages',
	'pg',
	'people',
	'profile.php',
	'groups',
	'events',
	'watch',
	'marketplace',
	'login',
	'login.php',
	'home.php',
	'share',
	'sharer',
	'sharer.php',
	'search',
	'hashtag',
	'messages',
	'business',
	'help',
	'settings',
	'permalink.php',
	'story.php',
	'photo.php',
	'photo',
	'photos',
	'reel',
	'notes',
] );

function fromName( name: string ): PageInput {
	if ( ID.test( name ) ) {
		return { kind: 'id', page_id: name };
	}
	if ( /^[0-9]+$/.test( name ) ) {
		return { kind: 'invalid', reason: 'characters' }; // Longer than any Page ID.
	}
	// Old Page URLs end their name with the ID: facebook.com/Acme-Bakery-123456789.
	const trailing = /-([0-9]{6,20})$/.exec( name );
	if ( trailing ) {
		return { kind: 'id', page_id: trailing[ 1 ] };
	}
	if ( USERNAME.test( name ) ) {
		return { kind: 'username', page_username: name };
	}
	if ( /^[A-Za-z0-9.]{1,4}$/.test( name ) ) {
		return { kind: 'invalid', reason: 'short' };
	}
	return { kind: 'invalid', reason: 'characters' };
}

/**
 * What the owner typed, as a Page ID or a Page username.
 *
 * @param raw The text of the field.
 */
export function parsePageInput( raw: string ): PageInput {
	const text = raw.trim();
	if ( text === '' ) {
		return { kind: 'empty' };
	}
	const looksLikeUrl =
		/^(https?:\/\/)?([a-z0-9-]+\.)*(facebook\.com|fb\.com|fb\.me|m\.me|messenger\.com)(\/|$|\?)/i.test(
			text
		);
	if ( ! looksLikeUrl ) {
		if ( /^https?:\/\//i.test( text ) || /\/|\s/.test( text ) ) {
			return { kind: 'invalid', reason: 'not-a-page' };
		}
		return fromName( text.replace( /^@/, '' ) );
	}
	let url: URL;
	try {
		url = new URL(
			/^https?:\/\//i.test( text ) ? text : 'https://' + text
		);
	} catch {
		return { kind: 'invalid', reason: 'not-a-page' };
	}
	const host = url.hostname.toLowerCase();
	const parts = url.pathname
		.split( '/' )
		.filter( Boolean )
		.map( ( p ) => decodeURIComponent( p ) );
	if ( host === 'm.me' || host.endsWith( '.m.me' ) || host === 'fb.me' ) {
		return parts.length ? fromName( parts[ 0 ] ) : notAPage();
	}
	if ( host.endsWith( 'messenger.com' ) ) {
		// messenger.com/t/<name or id>
		return parts[ 0 ] === 't' && parts[ 1 ]
			? fromName( parts[ 1 ] )
			: notAPage();
	}
	// facebook.com (www., m., web., business.): profile.php?id=, /pages/Name/ID,
	// /people/Name/ID, /pg/name, /<username>.
	const id = url.searchParams.get( 'id' );
	if ( parts[ 0 ] === 'profile.php' ) {
		return id && ID.test( id ) ? { kind: 'id', page_id: id } : notAPage();
	}
	if ( parts[ 0 ] === 'pages' || parts[ 0 ] === 'people' ) {
		const numeric = parts.slice( 1 ).find( ( p ) => ID.test( p ) );
		return numeric ? { kind: 'id', page_id: numeric } : notAPage();
	}
	if ( parts[ 0 ] === 'share' ) {
		// What the Facebook app copies: a short code, not the Page's name.
		return { kind: 'invalid', reason: 'share' };
	}
	if ( parts[ 0 ] === 'pg' && parts[ 1 ] ) {
		return fromName( parts[ 1 ] );
	}
	if ( ! parts.length || RESERVED.has( parts[ 0 ].toLowerCase() ) ) {
		return notAPage();
	}
	return fromName( parts[ 0 ] );
}

function notAPage(): PageInput {
	return { kind: 'invalid', reason: 'not-a-page' };
}

/** The settings the first field and the status need. */
export interface PageSettings {
	mode: 'chat_plugin' | 'link';
	page_id: string;
	page_username: string;
	ref: string;
}

/**
 * Whether the chat can show: the Messenger link needs a Page username or ID,
 * the Chat Plugin the numeric Page ID (as CCFM\Display_Rules::configured).
 *
 * @param s Settings.
 */
export function isConfigured( s: PageSettings ): boolean {
	return s.mode === 'link'
		? s.page_id !== '' || s.page_username !== ''
		: s.page_id !== '';
}

/**
 * The site's own m.me link, as CCFM\Renderer::messenger_url builds it: the
 * username when set, otherwise the Page ID, plus the ref.
 *
 * @param s Settings.
 */
export function messengerLink( s: PageSettings ): string {
	const target = s.page_username !== '' ? s.page_username : s.page_id;
	return (
		'https://m.me/' +
		encodeURIComponent( target ) +
		( s.ref !== '' ? '?ref=' + encodeURIComponent( s.ref ) : '' )
	);
}
