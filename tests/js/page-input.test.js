// Unit tests of the first field's parser: whatever the owner has of their
// Page (ID, username, m.me link, facebook.com URL) becomes page_id or
// page_username; imported from the TypeScript source.
const assert = require( 'node:assert/strict' );
const { parsePageInput } = require( '../../src/admin/page-input' );

const id = ( value ) => ( { kind: 'id', page_id: value } );
const username = ( value ) => ( { kind: 'username', page_username: value } );
const invalid = ( reason ) => ( { kind: 'invalid', reason } );

test( 'empty and blank input', () => {
	assert.deepEqual( parsePageInput( '' ), { kind: 'empty' } );
	assert.deepEqual( parsePageInput( '   ' ), { kind: 'empty' } );
} );

test( 'a numeric ID is the Page ID, a name is the username', () => {
	assert.deepEqual( parsePageInput( '1234567890' ), id( '1234567890' ) );
	assert.deepEqual( parsePageInput( ' 1234567890 ' ), id( '1234567890' ) );
	assert.deepEqual(
		parsePageInput( 'acme.bakery' ),
		username( 'acme.bakery' )
	);
	assert.deepEqual(
		parsePageInput( '@acmebakery' ),
		username( 'acmebakery' )
	);
} );

test( 'm.me, fb.me and messenger.com links', () => {
	for ( const link of [
		'm.me/acme.bakery',
		'https://m.me/acme.bakery',
		'http://m.me/acme.bakery/',
		'https://m.me/acme.bakery?ref=spring',
		'https://fb.me/acme.bakery',
		'https://www.messenger.com/t/acme.bakery',
	] ) {
		assert.deepEqual(
			parsePageInput( link ),
			username( 'acme.bakery' ),
			link
		);
	}
	assert.deepEqual(
		parsePageInput( 'https://m.me/1234567890' ),
		id( '1234567890' )
	);
} );

test( 'facebook.com Page URLs in their many forms', () => {
	const cases = [
		[ 'https://www.facebook.com/acmebakery', username( 'acmebakery' ) ],
		[ 'facebook.com/acmebakery/', username( 'acmebakery' ) ],
		[
			'https://m.facebook.com/acme.bakery?locale=de_DE',
			username( 'acme.bakery' ),
		],
		[
			'https://web.facebook.com/acme.bakery/about',
			username( 'acme.bakery' ),
		],
		[
			'https://www.facebook.com/acmebakery#reviews',
			username( 'acmebakery' ),
		],
		[ 'https://fb.com/acmebakery', username( 'acmebakery' ) ],
		[
			'https://www.facebook.com/pg/acmebakery/posts',
			username( 'acmebakery' ),
		],
		[
			'https://www.facebook.com/profile.php?id=100087654321098',
			id( '100087654321098' ),
		],
		[
			'https://www.facebook.com/profile.php?id=100087654321098&sk=about',
			id( '100087654321098' ),
		],
		[
			'https://www.facebook.com/pages/Acme-Bakery/123456789012345',
			id( '123456789012345' ),
		],
		[
			'https://www.facebook.com/people/Acme-Bakery/100087654321098/',
			id( '100087654321098' ),
		],
		[
			'https://www.facebook.com/Acme-Bakery-123456789012345/',
			id( '123456789012345' ),
		],
		[ 'https://www.facebook.com/123456789012345', id( '123456789012345' ) ],
		[ 'HTTPS://WWW.FACEBOOK.COM/AcmeBakery', username( 'AcmeBakery' ) ],
	];
	for ( const [ input, expected ] of cases ) {
		assert.deepEqual( parsePageInput( input ), expected, input );
	}
} );

test( 'what is not a Page is said so, never guessed', () => {
	assert.deepEqual( parsePageInput( 'acme' ), invalid( 'short' ) );
	assert.deepEqual(
		parsePageInput( 'acme-bakery' ),
		invalid( 'characters' )
	);
	assert.deepEqual(
		parsePageInput( 'acme bakery' ),
		invalid( 'not-a-page' )
	);
	assert.deepEqual(
		parsePageInput( 'https://example.com/acme' ),
		invalid( 'not-a-page' )
	);
	assert.deepEqual(
		parsePageInput( 'https://www.facebook.com/' ),
		invalid( 'not-a-page' )
	);
	assert.deepEqual(
		parsePageInput( 'https://www.facebook.com/groups/12345' ),
		invalid( 'not-a-page' )
	);
	assert.deepEqual(
		parsePageInput( 'https://www.facebook.com/profile.php' ),
		invalid( 'not-a-page' )
	);
	assert.deepEqual(
		parsePageInput( 'https://m.me/' ),
		invalid( 'not-a-page' )
	);
	// What the Facebook app copies names no Page: said as such.
	for ( const share of [
		'https://www.facebook.com/share/1AbCdEfGhJ/',
		'facebook.com/share/p/1AbCdEfGhJ',
		'https://m.facebook.com/share/v/abc123/?mibextid=xyz',
	] ) {
		assert.deepEqual( parsePageInput( share ), invalid( 'share' ), share );
	}
	assert.deepEqual(
		parsePageInput( '1'.repeat( 21 ) ),
		invalid( 'characters' )
	);
	assert.deepEqual(
		parsePageInput( 'https://www.facebook.com/acme%20bakery' ),
		invalid( 'characters' )
	);
	// Every result the parser gives passes the settings' own rules.
	const { validateSetting } = require( '../../src/shared/validate' );
	for ( const input of [
		'acme.bakery',
		'12345',
		'https://www.facebook.com/profile.php?id=100087654321098',
	] ) {
		const r = parsePageInput( input );
		if ( r.kind === 'id' ) {
			assert.equal( validateSetting( 'page_id', r.page_id ), null );
		} else {
			assert.equal(
				validateSetting( 'page_username', r.page_username ),
				null
			);
		}
	}
} );

test( 'live when the mode has what it needs; the m.me link prefers the username', () => {
	const {
		isConfigured,
		messengerLink,
	} = require( '../../src/admin/page-input' );
	const base = { mode: 'link', page_id: '', page_username: '', ref: '' };
	assert.equal( isConfigured( base ), false );
	assert.equal(
		isConfigured( { ...base, page_username: 'acme.bakery' } ),
		true
	);
	assert.equal( isConfigured( { ...base, page_id: '123' } ), true );
	assert.equal(
		isConfigured( {
			...base,
			mode: 'chat_plugin',
			page_username: 'acme.bakery',
		} ),
		false
	);
	assert.equal(
		isConfigured( { ...base, mode: 'chat_plugin', page_id: '123' } ),
		true
	);
	assert.equal(
		messengerLink( {
			...base,
			page_id: '123',
			page_username: 'acme.bakery',
		} ),
		'https://m.me/acme.bakery'
	);
	assert.equal(
		messengerLink( { ...base, page_id: '123', ref: 'a=b' } ),
		'https://m.me/123?ref=a%3Db'
	);
} );
