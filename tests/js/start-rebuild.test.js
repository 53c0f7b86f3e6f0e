// `npm start` rebuilds the assets (and the generated schema types) when what
// they are made from changed: bin/stack/lib.sh's assets_stale, which
// bin/stack/start.sh asks, run on a copy of the source layout.
const assert = require( 'node:assert/strict' );
const fs = require( 'fs' );
const os = require( 'os' );
const path = require( 'path' );
const { spawnSync } = require( 'child_process' );

const lib = path.resolve( __dirname, '../../bin/stack/lib.sh' );

function stale( dir ) {
	const r = spawnSync(
		'bash',
		[
			'-c',
			'source "$1"; assets_stale "$2" "$2/plugin/build/.stamp"',
			'_',
			lib,
			dir,
		],
		{ encoding: 'utf8' }
	);
	return r.status === 0 ? r.stdout.trim() : null;
}

test( 'a schema edit, a source edit or a block.json edit makes the build stale', () => {
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'ccfm-start-' ) );
	try {
		const files = [
			'src/shared/validate.ts',
			'plugin/data/settings-schema.json',
			'plugin/data/facebook-locales.json',
			'plugin/blocks/chat/block.json',
			'package.json',
			'webpack.config.js',
			'plugin/includes/class-x.php',
		];
		for ( const f of files ) {
			fs.mkdirSync( path.dirname( path.join( dir, f ) ), {
				recursive: true,
			} );
			fs.writeFileSync( path.join( dir, f ), '{}' );
		}
		const past = new Date( Date.now() - 3600 * 1000 );
		for ( const f of files ) {
			fs.utimesSync( path.join( dir, f ), past, past );
		}
		// No stamp yet: build.
		assert.equal( stale( dir ), path.join( dir, 'plugin/build/.stamp' ) );
		fs.mkdirSync( path.join( dir, 'plugin/build' ) );
		fs.writeFileSync( path.join( dir, 'plugin/build/.stamp' ), '' );
		assert.equal( stale( dir ), null, 'fresh stamp: nothing to build' );

		const later = new Date( Date.now() + 60 * 1000 );
		for ( const f of [
			'plugin/data/settings-schema.json',
			'plugin/data/facebook-locales.json',
			'src/shared/validate.ts',
			'plugin/blocks/chat/block.json',
			'package.json',
		] ) {
			fs.utimesSync( path.join( dir, f ), later, later );
			assert.equal( stale( dir ), path.join( dir, f ), f );
			fs.utimesSync( path.join( dir, f ), past, past );
		}
		// PHP is not built: editing it needs no rebuild.
		fs.utimesSync(
			path.join( dir, 'plugin/includes/class-x.php' ),
			later,
			later
		);
		assert.equal( stale( dir ), null );
	} finally {
		fs.rmSync( dir, { recursive: true } );
	}
} );
