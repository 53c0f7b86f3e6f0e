/**
 * Section 6 of `npm run bench`: what one click beacon costs the server.
 * POST /ccfm/v1/click as navigator.sendBeacon sends it (text/plain, the
 * m.me link as body, the page's signed key in the query), one connection
 * each: counted (a new client each time, so the daily cap never applies),
 * capped (one client past its cap: 429), refused as forged (a key that does
 * not match the page and ref: 400), refused as a bot (a crawler's user
 * agent: 403, before any database work) and refused as not an m.me link
 * (400); the home page beside them for scale. Wall-clock ms, the PHP
 * server's CPU ms per request, and the database queries of one counted
 * beacon (dispatched inside WordPress). The rows it adds are removed after (and the cap's keys, which
 * are not tied to any client that can be named: all of today's go), and the
 * settings restored.
 */
const http = require( 'http' );

const N = 40; // requests per case
const BENCH_PAGE = '/bench-beacon/';

/**
 * @param {Object}   h          Helpers of bin/bench/bench.js.
 * @param {string}   h.port     WordPress port.
 * @param {Function} h.out      Prints a line.
 * @param {Function} h.wpEval   Runs PHP in WordPress, returns the JSON between @@BENCH@@ markers.
 * @param {Function} h.phpCpuMs CPU ms used so far by the PHP server.
 * @param {Function} h.num      Formats a number.
 * @param {Function} h.table    Formats a table.
 */
module.exports = async function beaconSection( {
	port,
	out,
	wpEval,
	phpCpuMs,
	num,
	table,
} ) {
	const send = ( method, pathname, body, agent ) =>
		new Promise( ( resolve, reject ) => {
			const began = process.hrtime.bigint();
			const req = http.request(
				{
					host: '127.0.0.1',
					port: Number( port ),
					method,
					path: pathname,
					headers: {
						Host: `localhost:${ port }`,
						Connection: 'close',
						'User-Agent': agent,
						...( body
							? { 'Content-Type': 'text/plain;charset=UTF-8' }
							: {} ),
					},
					agent: false,
					timeout: 15000,
				},
				( res ) => {
					res.resume();
					res.on( 'end', () =>
						resolve( {
							status: res.statusCode,
							ms: Number( process.hrtime.bigint() - began ) / 1e6,
						} )
					);
				}
			);
			req.on( 'timeout', () => req.destroy( new Error( 'timeout' ) ) );
			req.on( 'error', reject );
			req.end( body || undefined );
		} );

	const setup = wpEval(
		`$saved = get_option( 'ccfm_settings', null ); $s = is_array( $saved ) ? $saved : array(); $s['page_id'] = '1234567890'; $s['click_counting'] = 'on'; update_option( 'ccfm_settings', $s ); global $wpdb; $wpdb->query( "DELETE FROM {$wpdb->prefix}ccfm_click_clients" ); echo '@@BENCH@@' . wp_json_encode( array( 'saved' => $saved, 'url' => CCFM\\Platform\\Click_Route::beacon_url( '${ BENCH_PAGE }' ) . '&path=link&k=', 'key' => CCFM\\Platform\\Click_Route::key( '${ BENCH_PAGE }', 'bench' ) ) ) . '@@BENCH@@';`
	);
	const link = 'https://m.me/1234567890?ref=bench';
	const signed = setup.url + setup.key;
	const browser = ( what ) =>
		`Mozilla/5.0 (X11; Linux x86_64) bench-beacon/${ what }`;
	const median = ( v ) => {
		const s = [ ...v ].sort( ( a, b ) => a - b );
		return s.length % 2
			? s[ ( s.length - 1 ) / 2 ]
			: ( s[ s.length / 2 - 1 ] + s[ s.length / 2 ] ) / 2;
	};
	const run = async ( name, one ) => {
		await one( -1 ); // warm-up
		const cpu = phpCpuMs();
		const each = [];
		const statuses = new Set();
		for ( let i = 0; i < N; i++ ) {
			const r = await one( i );
			each.push( r.ms );
			statuses.add( r.status );
		}
		return [
			name,
			String( N ),
			[ ...statuses ].join( ', ' ),
			num( each.reduce( ( a, b ) => a + b, 0 ) / N, 1 ),
			num( median( each ), 1 ),
			num( ( phpCpuMs() - cpu ) / N, 1 ),
		];
	};
	const rows = [];
	try {
		rows.push(
			await run( 'counted (a new client each)', ( i ) =>
				send(
					'POST',
					signed,
					link,
					browser( `${ Date.now() }-${ i }` )
				)
			)
		);
		// One client past its cap (30 a day): every measured request is 429.
		for ( let i = 0; i < 31; i++ ) {
			await send( 'POST', signed, link, browser( 'capped' ) );
		}
		rows.push(
			await run( 'capped (429)', () =>
				send( 'POST', signed, link, browser( 'capped' ) )
			)
		);
		rows.push(
			await run( 'refused forged (400, wrong key)', () =>
				send(
					'POST',
					setup.url + 'AAAAAAAAAAAAAAAA',
					link,
					browser( 'forged' )
				)
			)
		);
		rows.push(
			await run( 'refused bot (403, crawler)', () =>
				send( 'POST', signed, link, 'Googlebot/2.1' )
			)
		);
		rows.push(
			await run( 'refused (400, not an m.me link)', () =>
				send(
					'POST',
					signed,
					'https://evil.example/',
					browser( 'bad' )
				)
			)
		);
		rows.push(
			await run( 'home page (GET /), for scale', () =>
				send( 'GET', '/', '', 'bench-beacon/home' )
			)
		);
		const queries = wpEval(
			`$_SERVER['REMOTE_ADDR'] = '192.0.2.1'; $_SERVER['HTTP_USER_AGENT'] = 'Mozilla/5.0 bench-beacon/queries'; $r = new WP_REST_Request( 'POST', '/ccfm/v1/click' ); $r->set_query_params( array( 'page' => '${ BENCH_PAGE }', 'path' => 'link', 'k' => '${ setup.key }' ) ); $r->set_header( 'user-agent', $_SERVER['HTTP_USER_AGENT'] ); $r->set_body( '${ link }' ); rest_get_server(); $q = get_num_queries(); $res = rest_get_server()->dispatch( $r ); echo '@@BENCH@@' . wp_json_encode( array( 'status' => $res->get_status(), 'queries' => get_num_queries() - $q ) ) . '@@BENCH@@';`
		);
		out(
			'6. Click beacon, POST /ccfm/v1/click (one connection each, sequential; the m.me link as text/plain body, as sendBeacon sends it)'
		);
		out(
			table(
				[
					'case',
					'requests',
					'status',
					'mean ms',
					'median ms',
					'PHP CPU ms/req',
				],
				rows,
				[ 1, 3, 4, 5 ]
			)
		);
		out(
			`   database queries of one counted beacon, dispatched inside WordPress: ${ queries.queries } (status ${ queries.status }; a new row: the client's cap, the IP address's ceiling, the budget of new rows and the count, each one INSERT … ON DUPLICATE KEY UPDATE, and one SELECT of whether the row exists; an existing row skips the budget)`
		);
	} finally {
		wpEval(
			`global $wpdb; $wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->prefix}ccfm_clicks WHERE page = %s", '${ BENCH_PAGE }' ) ); $wpdb->query( "DELETE FROM {$wpdb->prefix}ccfm_click_clients" ); ` +
				( setup.saved === null
					? `delete_option( 'ccfm_settings' );`
					: `update_option( 'ccfm_settings', json_decode( base64_decode( '${ Buffer.from(
							JSON.stringify( setup.saved )
					  ).toString( 'base64' ) }' ), true ) );` ) +
				` echo '@@BENCH@@1@@BENCH@@';`
		);
	}
};
