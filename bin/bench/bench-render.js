/**
 * Section 7 of `npm run bench`: the server time of a post with 10, 100 and
 * 300 "Message us" buttons (blocks) against a plain post of the same text,
 * with the plugin on (bin/bench/bench-timing.js: PHP time from mu-plugins
 * loaded to shutdown), the variants interleaved, medians. The buttons'
 * posts also hold the "Chat settings for this page" block, so every button
 * applies the page's overrides. Run on its own: node bin/bench/bench-render.js.
 */
const timing = require( './bench-timing' );

const N = 15; // requests per variant
const COUNTS = [ 10, 100, 300 ];

/**
 * @param {Object}   h        Helpers of bin/bench/bench.js.
 * @param {string}   h.port   WordPress port.
 * @param {Function} h.out    Prints a line.
 * @param {Function} h.wpEval Runs PHP in WordPress, returns the JSON between @@BENCH@@ markers.
 * @param {Function} h.num    Formats a number.
 * @param {Function} h.table  Prints a table.
 */
module.exports = async function renderSection( {
	port,
	out,
	wpEval,
	num,
	table,
} ) {
	const paragraph =
		'<!-- wp:paragraph --><p>Ask us anything about this product.</p><!-- /wp:paragraph -->';
	const button =
		'<!-- wp:customer-chat-for-messenger/chat {"type":"button","text":"Message us"} /-->';
	const settings =
		'<!-- wp:customer-chat-for-messenger/chat {"ref":"long-post"} /-->';
	// Built in PHP (the contents are too long for a command line).
	const posts = { plain: `str_repeat( $p, 300 )` };
	for ( const n of COUNTS ) {
		posts[
			`${ n } buttons`
		] = `$s . str_repeat( $p . $b, ${ n } ) . str_repeat( $p, ${
			300 - n
		} )`;
	}
	const contents = Object.entries( posts )
		.map( ( [ name, php ] ) => `'${ name }' => ${ php }` )
		.join( ', ' );
	const setup = wpEval(
		`$p = '${ paragraph }'; $b = '${ button }'; $s = '${ settings }'; $saved = get_option( 'ccfm_settings', null ); update_option( 'ccfm_settings', array( 'page_id' => '1234567890' ) ); $made = array(); foreach ( array( ${ contents } ) as $name => $content ) { $id = wp_insert_post( wp_slash( array( 'post_type' => 'post', 'post_status' => 'publish', 'post_title' => 'Benchmark ' . $name, 'post_content' => $content ) ) ); $made[ $name ] = array( 'id' => $id, 'path' => wp_make_link_relative( get_permalink( $id ) ) ); } echo '@@BENCH@@' . wp_json_encode( array( 'saved' => $saved, 'made' => $made ) ) . '@@BENCH@@';`
	);
	timing.install();
	const names = Object.keys( posts );
	const ms = Object.fromEntries( names.map( ( name ) => [ name, [] ] ) );
	const links = {};
	try {
		for ( let i = -1; i < N; i++ ) {
			const order = i % 2 ? names : [ ...names ].reverse();
			for ( const name of order ) {
				const r = await timing.timed(
					port,
					setup.made[ name ].path,
					true
				);
				if ( ! r || r.status !== 200 ) {
					throw new Error( `no timing from ${ name }` );
				}
				links[ name ] = (
					r.body.match(
						/href="https:\/\/m\.me\/[^"]*ref=long-post/g
					) || []
				).length;
				if ( i >= 0 ) {
					ms[ name ].push( r.total );
				}
			}
		}
	} finally {
		timing.remove();
		wpEval(
			Object.values( setup.made )
				.map( ( m ) => `wp_delete_post( ${ Number( m.id ) }, true );` )
				.join( ' ' ) +
				( setup.saved === null
					? ` delete_option( 'ccfm_settings' );`
					: ` update_option( 'ccfm_settings', json_decode( base64_decode( '${ Buffer.from(
							JSON.stringify( setup.saved )
					  ).toString( 'base64' ) }' ), true ) );` ) +
				` echo '@@BENCH@@1@@BENCH@@';`
		);
	}
	const plain = timing.median( ms.plain );
	out(
		`7. Server time of a long post with "Message us" buttons against a plain post (PHP ms, mu-plugins loaded → shutdown, ${ N } interleaved requests each, medians; target: 300 buttons within 20 % of plain)`
	);
	table(
		[ 'post', 'median ms', 'vs plain', 'm.me links with the page ref' ],
		names.map( ( name ) => {
			const m = timing.median( ms[ name ] );
			return [
				name,
				num( m, 1 ),
				name === 'plain'
					? ''
					: `${ m >= plain ? '+' : '' }${ num(
							( ( m - plain ) / plain ) * 100,
							0
					  ) } %`,
				String( links[ name ] ),
			];
		} ),
		[ 1, 2, 3 ]
	);
	return { plain, ms };
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
