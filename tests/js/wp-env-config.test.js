// .wp-env.json is valid for the @wordpress/env pinned in package.json: its
// own config loader (the one `wp-env start` runs) reads it without error and
// gets WordPress 6.8 with ./plugin as the one plugin. Offline, the loader
// needs the latest WordPress version from its cache (a folder named by the
// md5 of the config's path); the test seeds it.
const assert = require( 'node:assert/strict' );
const crypto = require( 'crypto' );
const fs = require( 'fs' );
const os = require( 'os' );
const path = require( 'path' );

const root = path.resolve( __dirname, '../..' );

test( 'the pinned wp-env loads .wp-env.json', async () => {
	const pinned =
		require( '../../package.json' ).devDependencies[ '@wordpress/env' ];
	assert.match( pinned, /^~?\d+\.\d+\.\d+$/, 'pinned, not a range' );
	const home = fs.mkdtempSync( path.join( os.tmpdir(), 'ccfm-wp-env-' ) );
	const saved = process.env.WP_ENV_HOME;
	process.env.WP_ENV_HOME = home;
	try {
		const cache = path.join(
			home,
			crypto
				.createHash( 'md5' )
				.update( path.join( root, '.wp-env.json' ) )
				.digest( 'hex' )
		);
		fs.mkdirSync( cache, { recursive: true } );
		fs.writeFileSync(
			path.join( cache, 'wp-env-cache.json' ),
			JSON.stringify( { latestWordPressVersion: '6.8' } )
		);
		const { loadConfig } = require( '@wordpress/env/lib/config' );
		const config = await loadConfig( root );
		const dev = config.env.development;
		assert.equal( dev.coreSource.type, 'git' );
		assert.equal( dev.coreSource.ref, '6.8' );
		assert.deepEqual(
			dev.pluginSources.map( ( s ) => s.path ),
			[ path.join( root, 'plugin' ) ]
		);
		assert.equal( dev.config.WP_DEBUG, true );
		assert.equal( dev.config.SCRIPT_DEBUG, false );
	} finally {
		if ( saved === undefined ) {
			delete process.env.WP_ENV_HOME;
		} else {
			process.env.WP_ENV_HOME = saved;
		}
		fs.rmSync( home, { recursive: true } );
	}
} );
