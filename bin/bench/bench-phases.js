/**
 * Section 8 of `npm run bench`: the PHP cost of a front-end page view, per
 * phase, with the plugin on and off (bin/bench/bench-timing.js: the same
 * request with the plugin left out of active_plugins), interleaved request
 * by request, medians. The page is a plain page with the chat showing (a
 * Page ID set, the schema's defaults otherwise). Target: at most 0.5 ms of
 * PHP added per page view. Run on its own: node bin/bench/bench-phases.js.
 */
const timing = require( './bench-timing' );

const N = 60; // requests per variant
const TARGET_MS = 0.5;

/**
 * @param {Object}   h        Helpers of bin/bench/bench.js.
 * @param {string}   h.port   WordPress port.
 * @param {Function} h.out    Prints a line.
 * @param {Function} h.wpEval Runs PHP in WordPress, returns the JSON between @@BENCH@@ markers.
 * @param {Function} h.num    Formats a number.
 * @param {Function} h.table  Prints a table.
 */
module.exports = async function phasesSection( {
	port,
	out,
	wpEval,
	num,
	table,
} ) {
	const setup = wpEval(
		`$saved = get_option( 'ccfm_settings', null ); update_option( 'ccfm_settings', array( 'page_id' => '1234567890' ) ); $id = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Benchmark phases', 'post_content' => '<!-- wp:paragraph --><p>A plain page for the benchmark.</p><!-- /wp:paragraph -->' ) ); echo '@@BENCH@@' . wp_json_encode( array( 'saved' => $saved, 'id' => $id, 'path' => wp_make_link_relative( get_permalink( $id ) ) ) ) . '@@BENCH@@';`
	);
	timing.install();
	const page = setup.path;
	const runs = { on: [], off: [] };
	try {
		for ( let i = -3; i < N; i++ ) {
			for ( const on of i % 2 ? [ true, false ] : [ false, true ] ) {
				const r = await timing.timed( port, page, on );
				if ( ! r || r.status !== 200 ) {
					throw new Error(
						`no timing from ${ page } (plugin ${
							on ? 'on' : 'off'
						})`
					);
				}
				if ( on && ! r.body.includes( 'id="ccfm-boot"' ) ) {
					throw new Error(
						'the chat does not show on the benchmark page'
					);
				}
				if ( i >= 0 ) {
					runs[ on ? 'on' : 'off' ].push( r );
				}
			}
		}
	} finally {
		timing.remove();
		wpEval(
			`wp_delete_post( ${ Number( setup.id ) }, true ); ` +
				( setup.saved === null
					? `delete_option( 'ccfm_settings' );`
					: `update_option( 'ccfm_settings', json_decode( base64_decode( '${ Buffer.from(
							JSON.stringify( setup.saved )
					  ).toString( 'base64' ) }' ), true ) );` ) +
				` echo '@@BENCH@@1@@BENCH@@';`
		);
	}
	const med = ( variant, pick ) =>
		timing.median( runs[ variant ].map( pick ) );
	const rows = timing.PHASES.map( ( [ name ] ) => {
		const on = med( 'on', ( r ) => r.phases[ name ] );
		const off = med( 'off', ( r ) => r.phases[ name ] );
		return [ name, num( off, 3 ), num( on, 3 ), num( on - off, 3 ) ];
	} );
	const onTotal = med( 'on', ( r ) => r.total );
	const offTotal = med( 'off', ( r ) => r.total );
	// The median of each request pair's difference: steadier than a difference of medians.
	const pairs = runs.on.map( ( r, i ) => r.total - runs.off[ i ].total );
	const added = timing.median( pairs );
	rows.push( [
		'total (mu-plugins loaded → shutdown)',
		num( offTotal, 3 ),
		num( onTotal, 3 ),
		num( onTotal - offTotal, 3 ),
	] );
	out(
		`8. PHP time of a front-end page view per phase, plugin off and on (${ N } interleaved requests each, medians, ms; the chat showing on a plain page)`
	);
	table( [ 'phase', 'off ms', 'on ms', 'added ms' ], rows, [ 1, 2, 3 ] );
	out(
		`   added per page view: ${ num(
			added,
			3
		) } ms (median of the paired differences; target ≤ ${ TARGET_MS } ms: ${
			added <= TARGET_MS ? 'met' : 'NOT met'
		})`
	);
	return { added, onTotal, offTotal };
};

if ( require.main === module ) {
	module
		.exports( timing.standaloneHelpers() )
		.catch( ( e ) => {
			process.stderr.write( ( e.stack || String( e ) ) + '\n' );
			process.exitCode = 1;
		} )
		.finally( timing.remove );
}
