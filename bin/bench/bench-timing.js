/**
 * What sections 7 and 8 of `npm run bench` share: a temporary mu-plugin that
 * records hrtime at the phases of a front-end request carrying ?ccfm_phases=
 * (on: the plugin as installed; off: the same request with the plugin left
 * out of active_plugins, so on and off can be interleaved request by
 * request) and prints them in an HTML comment, and the GET that reads them.
 * The mu-plugin is removed again by remove().
 */
const fs = require( 'fs' );
const http = require( 'http' );
const path = require( 'path' );

const ROOT = path.resolve( __dirname, '../..' );
const MU_FILE = path.join(
	ROOT,
	'.wp/wordpress/wp-content/mu-plugins/ccfm-bench-phases.php'
);
const PLUGIN = 'customer-chat-for-messenger/customer-chat-for-messenger.php';

// The marks, in request order; each phase is the time between two of them.
const PHASES = [
	[ 'plugin load', 'muplugins_loaded', 'plugins_loaded' ],
	[ 'init', 'init_start', 'wp_loaded' ],
	[ 'template', 'wp_loaded', 'wp_head_start' ],
	[ 'wp_head', 'wp_head_start', 'wp_head_end' ],
	[ 'content', 'wp_head_end', 'wp_footer_start' ],
	[ 'wp_footer', 'wp_footer_start', 'wp_footer_end' ],
];

const MU_PLUGIN = `<?php
// Temporary, written and removed by bin/bench/bench-timing.js: the hrtime of
// each phase of a request that carries ?ccfm_phases=on|off, in an HTML comment.
if ( isset( $_GET['ccfm_phases'] ) ) {
	$GLOBALS['ccfm_bench_marks'] = array( 'start' => hrtime( true ) );
	$ccfm_mark = function ( $name ) {
		return function ( $value = null ) use ( $name ) {
			$GLOBALS['ccfm_bench_marks'][ $name ] = hrtime( true );
			return $value;
		};
	};
	if ( 'off' === $_GET['ccfm_phases'] ) {
		add_filter( 'option_active_plugins', function ( $plugins ) {
			return array_values( array_diff( (array) $plugins, array( '${ PLUGIN }' ) ) );
		} );
	}
	add_action( 'muplugins_loaded', $ccfm_mark( 'muplugins_loaded' ), PHP_INT_MAX );
	add_action( 'plugins_loaded', $ccfm_mark( 'plugins_loaded' ), PHP_INT_MAX );
	add_action( 'init', $ccfm_mark( 'init_start' ), PHP_INT_MIN );
	add_action( 'wp_loaded', $ccfm_mark( 'wp_loaded' ), PHP_INT_MAX );
	add_action( 'wp_head', $ccfm_mark( 'wp_head_start' ), PHP_INT_MIN );
	add_action( 'wp_head', $ccfm_mark( 'wp_head_end' ), PHP_INT_MAX );
	add_action( 'wp_footer', $ccfm_mark( 'wp_footer_start' ), PHP_INT_MIN );
	add_action( 'wp_footer', $ccfm_mark( 'wp_footer_end' ), PHP_INT_MAX );
	add_action( 'shutdown', function () {
		$marks = $GLOBALS['ccfm_bench_marks'];
		$marks['shutdown'] = hrtime( true );
		$ms = array();
		foreach ( $marks as $name => $ns ) {
			$ms[ $name ] = ( $ns - $marks['start'] ) / 1e6;
		}
		echo '<!-- ccfm-phases ' . json_encode( $ms ) . ' -->';
	}, PHP_INT_MIN );
}
`;

/** Writes the mu-plugin. */
function install() {
	fs.writeFileSync( MU_FILE, MU_PLUGIN );
}

/** Removes the mu-plugin (idempotent). */
function remove() {
	fs.rmSync( MU_FILE, { force: true } );
}

/**
 * GETs a page with the plugin on or off; resolves with the marks (ms since
 * the mu-plugin loaded), the phases and the total (mu-plugins loaded to
 * shutdown), or null when the page printed none.
 * @param {string}  port     WordPress port.
 * @param {string}  pathname Path (with or without a query string).
 * @param {boolean} on       Whether the plugin is on for this request.
 */
function timed( port, pathname, on ) {
	const url =
		pathname +
		( pathname.includes( '?' ) ? '&' : '?' ) +
		'ccfm_phases=' +
		( on ? 'on' : 'off' );
	return new Promise( ( resolve, reject ) => {
		const req = http.request(
			{
				host: '127.0.0.1',
				port: Number( port ),
				path: url,
				headers: { Host: `localhost:${ port }`, Connection: 'close' },
				agent: false,
				timeout: 30000,
			},
			( res ) => {
				const chunks = [];
				res.on( 'data', ( c ) => chunks.push( c ) );
				res.on( 'end', () => {
					const body = Buffer.concat( chunks ).toString( 'utf8' );
					const m = /<!-- ccfm-phases (\{.*?\}) -->/.exec( body );
					if ( ! m ) {
						resolve( null );
						return;
					}
					const marks = JSON.parse( m[ 1 ] );
					const phases = {};
					for ( const [ name, from, to ] of PHASES ) {
						phases[ name ] =
							marks[ to ] !== undefined &&
							marks[ from ] !== undefined
								? marks[ to ] - marks[ from ]
								: NaN;
					}
					resolve( {
						status: res.statusCode,
						body,
						marks,
						phases,
						total: marks.shutdown - marks.muplugins_loaded,
					} );
				} );
			}
		);
		req.on( 'timeout', () => req.destroy( new Error( 'timeout' ) ) );
		req.on( 'error', reject );
		req.end();
	} );
}

/**
 * The median of a list of numbers.
 * @param {number[]} values Numbers.
 */
function median( values ) {
	const s = values.filter( Number.isFinite ).sort( ( a, b ) => a - b );
	if ( ! s.length ) {
		return NaN;
	}
	return s.length % 2
		? s[ ( s.length - 1 ) / 2 ]
		: ( s[ s.length / 2 - 1 ] + s[ s.length / 2 ] ) / 2;
}

/**
 * Helpers for running a section on its own (node bin/bench/bench-render.js):
 * wpEval and out as bin/bench/bench.js passes them.
 */
function standaloneHelpers() {
	const { execFileSync } = require( 'child_process' );
	const out = ( line = '' ) => process.stdout.write( line + '\n' );
	return {
		port: process.env.CCFM_WP_PORT || '8888',
		out,
		wpEval( code ) {
			const stdout = execFileSync(
				'php',
				[ path.join( ROOT, 'bin/stack/wp-eval.php' ), code ],
				{ cwd: ROOT, encoding: 'utf8', timeout: 60000 }
			);
			const m = /@@BENCH@@([\s\S]*)@@BENCH@@/.exec( stdout );
			return m ? JSON.parse( m[ 1 ] ) : null;
		},
		num: ( n, digits = 0 ) =>
			Number.isFinite( n )
				? n.toLocaleString( 'en-US', {
						minimumFractionDigits: digits,
						maximumFractionDigits: digits,
				  } )
				: 'n/a',
		table( headers, rows, rightAligned = [] ) {
			const widths = headers.map( ( h, i ) =>
				Math.max(
					h.length,
					...rows.map( ( r ) => String( r[ i ] ).length )
				)
			);
			const line = ( cells ) =>
				'  ' +
				cells
					.map( ( c, i ) =>
						rightAligned.includes( i )
							? String( c ).padStart( widths[ i ] )
							: String( c ).padEnd( widths[ i ] )
					)
					.join( '  ' )
					.trimEnd();
			out( line( headers ) );
			out( line( widths.map( ( w ) => '-'.repeat( w ) ) ) );
			rows.forEach( ( r ) => out( line( r ) ) );
		},
	};
}

module.exports = {
	PHASES,
	install,
	remove,
	timed,
	median,
	standaloneHelpers,
};
