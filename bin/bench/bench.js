#!/usr/bin/env node
/**
 * Benchmark: prints figures (no pass/fail) for what the plugin costs a page
 * and how fast the visitor gets a working Messenger path. Run by `npm run
 * bench` against the local WordPress on CCFM_WP_PORT (default 8888), which it
 * brings up with bin/stack/start.sh (idempotent). The browser is offline: every
 * non-localhost request is answered locally (connect.facebook.net with the
 * stand-in SDK, anything else with an empty 204), as the browser tests do.
 *
 * It changes the site while it runs (plugin on/off, ccfm_settings, a
 * temporary query-counting mu-plugin) and restores it in a finally block:
 * plugin active, the previous settings, the mu-plugin removed.
 */
const fs = require( 'fs' );
const path = require( 'path' );
const http = require( 'http' );
const os = require( 'os' );
const zlib = require( 'zlib' );
const { execFileSync, spawnSync } = require( 'child_process' );

const ROOT = path.resolve( __dirname, '../..' );
const PORT = process.env.CCFM_WP_PORT || '8888';
const SITE = `http://localhost:${ PORT }`;
const PLUGIN = 'customer-chat-for-messenger/customer-chat-for-messenger.php';
const PLUGIN_PATH = '/plugins/customer-chat-for-messenger/';
const MU_FILE = path.join(
	ROOT,
	'.wp/wordpress/wp-content/mu-plugins/ccfm-bench-queries.php'
);
const STAND_IN = fs.readFileSync(
	path.join( ROOT, 'tests/stand-ins/sdk.js' ),
	'utf8'
);
const CHAT_FRAME = fs.readFileSync(
	path.join( ROOT, 'tests/stand-ins/chat-frame.html' ),
	'utf8'
);
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	// Preconnect and dns-prefetch hints are not routable requests: make sure
	// they cannot leave the machine either.
	'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost',
];

// Bounds: the whole run stays under 4 minutes. Every loop has a fixed
// maximum and, on a busy machine, stops early at its phase's deadline (seconds
// after bin/stack/start.sh) once it has its minimum; the table shows the real counts.
const LOADS = 4; // measured page loads per scenario (after 1 warm-up), min 2
const CLICKS = 3; // click-to-path runs per stand-in scenario, side by side
const ROUNDS = 5; // alternating throughput rounds, min 1
const PER_ROUND = 12; // sequential requests per variant and round
const QUERY_SAMPLES = 3; // query-count requests per variant (after 1 warm-up)
const DEADLINES = { loads: 80, clicks: 170, throughput: 200 };
const BUDGET_MS = 420 * 1000; // counted after bin/stack/start.sh
const CLK_TCK = Number(
	execFileSync( 'getconf', [ 'CLK_TCK' ], { encoding: 'utf8' } ).trim()
);
let started = Date.now();

// The schema's defaults (what a new install has) with a Page ID.
const SCHEMA = JSON.parse(
	fs.readFileSync(
		path.join( ROOT, 'plugin/data/settings-schema.json' ),
		'utf8'
	)
);
const BENCH_SETTINGS = {
	...Object.fromEntries(
		Object.entries( SCHEMA.properties ).map( ( [ k, v ] ) => [
			k,
			v.default,
		] )
	),
	page_id: '1234567890',
};
const CHAT = { ...BENCH_SETTINGS, mode: 'chat_plugin' };
const GREETING = { logged_out_greeting: 'Hi! How can we help?' };
// What each mode may add to a page before intent (gzip, HTML + files).
const CAPS = { link: 1024, chat_plugin: 2048 };

const err = ( line ) =>
	process.stderr.write(
		`[bench ${ ( ( Date.now() - started ) / 1000 ).toFixed(
			1
		) } s] ${ line }\n`
	);
const out = ( line = '' ) => process.stdout.write( line + '\n' );

/**
 * Whether the loop may take another sample.
 * @param {number} done    Samples taken.
 * @param {number} min     Samples always taken.
 * @param {number} seconds Phase deadline, seconds after bin/stack/start.sh.
 */
const more = ( done, min, seconds ) =>
	done < min || Date.now() - started < seconds * 1000;

function checkBudget( what ) {
	if ( Date.now() - started > BUDGET_MS ) {
		throw new Error( `time budget exceeded before ${ what }` );
	}
}

// --- WordPress through bin/stack/wp-eval.php ---------------------------------------

function wpEval( code ) {
	const stdout = execFileSync(
		'php',
		[
			path.join( ROOT, 'bin/stack/wp-eval.php' ),
			"require_once ABSPATH . 'wp-admin/includes/plugin.php';\n" + code,
		],
		{
			cwd: ROOT,
			env: { ...process.env, CCFM_WP_PORT: PORT },
			encoding: 'utf8',
			timeout: 30000,
			stdio: [ 'ignore', 'pipe', 'pipe' ],
		}
	);
	const m = /@@BENCH@@([\s\S]*)@@BENCH@@/.exec( stdout );
	return m ? JSON.parse( m[ 1 ] ) : null;
}

const phpJson = ( value ) =>
	`json_decode( base64_decode( '${ Buffer.from(
		JSON.stringify( value )
	).toString( 'base64' ) }' ), true )`;

/**
 * Switches the plugin on or off and, when given, writes the settings.
 * @param {boolean}     active   Whether the plugin is active.
 * @param {Object|null} settings ccfm_settings to store, or null to keep them.
 */
function setSite( active, settings = null ) {
	wpEval(
		( active
			? `activate_plugin( '${ PLUGIN }' );`
			: `deactivate_plugins( '${ PLUGIN }' );` ) +
			( settings
				? `update_option( 'ccfm_settings', ${ phpJson( settings ) } );`
				: '' )
	);
}

let saved = null;
let cleaned = false;
let benchPage = '/';
let benchPostId = 0;

/** Restores the site: mu-plugin removed, plugin active, previous settings. Sync and idempotent. */
function cleanup() {
	if ( cleaned ) {
		return;
	}
	cleaned = true;
	try {
		fs.rmSync( MU_FILE, { force: true } );
	} catch ( e ) {
		err( `could not remove ${ MU_FILE }: ${ e.message }` );
	}
	if ( ! saved ) {
		return;
	}
	try {
		wpEval(
			benchPostId ? `wp_delete_post( ${ benchPostId }, true );` : ''
		);
		wpEval(
			`activate_plugin( '${ PLUGIN }' );` +
				( saved.settings === null
					? "delete_option( 'ccfm_settings' );"
					: `update_option( 'ccfm_settings', ${ phpJson(
							saved.settings
					  ) } );` )
		);
	} catch ( e ) {
		err( `could not restore the site: ${ e.message }` );
	}
}

// --- Numbers and tables --------------------------------------------------------

const num = ( n, digits = 0 ) =>
	Number.isFinite( n )
		? n.toLocaleString( 'en-US', {
				minimumFractionDigits: digits,
				maximumFractionDigits: digits,
		  } )
		: 'n/a';
const bytes = ( n ) => `${ num( n ) } B`;

function stats( values ) {
	const v = values.filter( Number.isFinite );
	if ( ! v.length ) {
		return { mean: NaN, sd: NaN, min: NaN, max: NaN, n: 0 };
	}
	const mean = v.reduce( ( a, b ) => a + b, 0 ) / v.length;
	const sd = Math.sqrt(
		v.reduce( ( a, b ) => a + ( b - mean ) ** 2, 0 ) / v.length
	);
	return {
		mean,
		sd,
		min: Math.min( ...v ),
		max: Math.max( ...v ),
		n: v.length,
	};
}
const meanSd = ( s, digits = 1 ) =>
	`${ num( s.mean, digits ) } ± ${ num( s.sd, digits ) }`;

function median( values ) {
	const v = [ ...values ].sort( ( a, b ) => a - b );
	return v.length ? v[ Math.floor( v.length / 2 ) ] : NaN;
}

function table( headers, rows, rightAligned = [] ) {
	const widths = headers.map( ( h, i ) =>
		Math.max( h.length, ...rows.map( ( r ) => String( r[ i ] ).length ) )
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
}

const gzipSize = ( buf ) => zlib.gzipSync( buf, { level: 9 } ).length;

// --- Browser ---------------------------------------------------------------------

const isLocal = ( url ) =>
	url.hostname === 'localhost' ||
	url.hostname === '127.0.0.1' ||
	url.hostname === '[::1]';

/**
 * A fresh, offline visitor (empty cache, storage and cookies). Meta's hosts
 * are answered as the browser tests answer them: the stand-in SDK, and its
 * chat frame loaded, aborted, refused or collapsing.
 * @param {Object} browser   Playwright browser.
 * @param {Object} sdk       How the stand-ins answer.
 * @param {string} sdk.mode  ok, blocked or hang (the SDK script).
 * @param {string} sdk.frame ok, abort, refuse-xfo, refuse-csp or collapse.
 * @param {string} sdk.build 2019 or 2021.
 */
async function visitor(
	browser,
	{ mode = 'ok', frame = 'ok', build = '2019' } = {}
) {
	const context = await browser.newContext();
	await context.route(
		( url ) => ! isLocal( url ),
		( route ) => {
			const url = route.request().url();
			if ( url.startsWith( 'https://connect.facebook.net/' ) ) {
				if ( mode === 'blocked' ) {
					return route.abort( 'blockedbyclient' );
				}
				if ( mode === 'hang' ) {
					return undefined; // Never answered.
				}
				return route.fulfill( {
					status: 200,
					contentType: 'application/javascript',
					body: `window.__ccfmSdkMode='ok';window.__ccfmSdkBuild=${ JSON.stringify(
						build
					) };\n${ STAND_IN }`,
				} );
			}
			if ( url.includes( '/plugins/customerchat.php' ) ) {
				if ( frame === 'abort' ) {
					return route.abort( 'failed' );
				}
				const headers = {};
				if ( frame === 'refuse-xfo' ) {
					headers[ 'X-Frame-Options' ] = 'DENY';
				}
				if ( frame === 'refuse-csp' ) {
					headers[ 'Content-Security-Policy' ] =
						"frame-ancestors 'none'";
				}
				return route.fulfill( {
					status: 200,
					contentType: 'text/html',
					headers,
					body: CHAT_FRAME.replace(
						'COLLAPSE_AFTER = 0',
						`COLLAPSE_AFTER = ${ frame === 'collapse' ? 3000 : 0 }`
					),
				} );
			}
			return route.fulfill( { status: 204, body: '' } );
		}
	);
	const page = await context.newPage();
	page.setDefaultTimeout( 15000 );
	return { context, page };
}

// The chat has nothing left to do before interaction: no chat on the page,
// link mode, nothing loading, or the Chat Plugin live or fallen back.
const SETTLED =
	'(function(s){return !s||s.sdk==="idle"||!!s.reason||s.live||s.render==="timeout"})(window.ccfm&&window.ccfm.state)';

/**
 * One page load of the home page up to "before interaction": the load event,
 * the chat settled (idle, rendered or fallen back), then 500 ms without any
 * request in flight (at most 5 s).
 * @param {Object} browser Playwright browser.
 */
async function pageLoad( browser ) {
	const { context, page } = await visitor( browser );
	const requests = [];
	let pending = 0;
	let lastChange = Date.now();
	page.on( 'request', ( r ) => {
		requests.push( r );
		pending++;
		lastChange = Date.now();
	} );
	const done = () => {
		pending--;
		lastChange = Date.now();
	};
	page.on( 'requestfinished', done );
	page.on( 'requestfailed', done );
	try {
		const cdp = await context.newCDPSession( page );
		await cdp.send( 'Performance.enable' );
		const doc = await page.goto( SITE + benchPage, { waitUntil: 'load' } );
		// Polled with a one-line Runtime.evaluate rather than Playwright's
		// waitForFunction, whose injected script would count as page script.
		const settledBy = Date.now() + 10000;
		for (;;) {
			const { result } = await cdp.send( 'Runtime.evaluate', {
				expression: SETTLED,
				returnByValue: true,
			} );
			if ( result.value || Date.now() > settledBy ) {
				break;
			}
			await new Promise( ( r ) => setTimeout( r, 100 ) );
		}
		const quietBy = Date.now() + 5000;
		while (
			( pending > 0 || Date.now() - lastChange < 500 ) &&
			Date.now() < quietBy
		) {
			await new Promise( ( r ) => setTimeout( r, 50 ) );
		}
		const { metrics } = await cdp.send( 'Performance.getMetrics' );
		const metric = ( name ) =>
			( metrics.find( ( m ) => m.name === name ) || {} ).value;
		const html = await doc.body();
		const result = {
			scriptMs: metric( 'ScriptDuration' ) * 1000,
			taskMs: metric( 'TaskDuration' ) * 1000,
			htmlRaw: html.length,
			htmlGzip: gzipSize( html ),
			pluginRequests: 0,
			pluginRaw: 0,
			pluginGzip: 0,
			thirdParty: [],
		};
		for ( const r of requests ) {
			const url = new URL( r.url() );
			if ( ! /^https?:$/.test( url.protocol ) ) {
				continue;
			}
			if ( ! isLocal( url ) ) {
				result.thirdParty.push( url.hostname );
			} else if ( r.url().includes( PLUGIN_PATH ) ) {
				const response = await r.response();
				const body = response
					? await response.body()
					: Buffer.alloc( 0 );
				result.pluginRequests++;
				result.pluginRaw += body.length;
				result.pluginGzip += gzipSize( body );
			}
		}
		return result;
	} finally {
		await context.close();
	}
}

/**
 * One visitor's click on the bubble: milliseconds from the click event to a
 * visible "Continue in Messenger" link, and to the Chat Plugin open (when it
 * opens), measured in the page (MutationObserver plus a frame loop); in link
 * mode the bubble is the link itself, so the figure is the click to the new
 * tab's popup event, measured by Playwright. Then 6 s more to see where the
 * visitor ends (the chat still open, or the link).
 * @param {Object}  browser  Playwright browser.
 * @param {Object}  sdk      How the stand-ins answer (see visitor()).
 * @param {boolean} linkMode Whether the site is in link mode.
 */
async function clickToPath( browser, sdk, linkMode ) {
	const { context, page } = await visitor( browser, sdk );
	try {
		await page.goto( SITE + benchPage, { waitUntil: 'load' } );
		const bubble = page.getByRole( 'link', {
			name: 'Chat with us on Messenger',
		} );
		await bubble.waitFor( { state: 'visible' } );
		if ( linkMode ) {
			// The bubble is the link: nothing stands between the click and m.me.
			const t0 = Date.now();
			const popup = page.waitForEvent( 'popup' );
			await bubble.click();
			await popup;
			return {
				link: 0,
				chat: NaN,
				end: `the m.me tab (popup event after ${ num(
					Date.now() - t0
				) } ms, as Playwright sees it)`,
			};
		}
		await page.evaluate( () => {
			const shown = ( el ) =>
				!! el && el.offsetWidth > 0 && el.offsetHeight > 0;
			const bench = ( window.__bench = {} );
			const check = () => {
				if ( bench.t0 === undefined ) {
					return;
				}
				const now = performance.now();
				if (
					bench.link === undefined &&
					shown(
						document.querySelector(
							'#ccfm-chat a.ccfm-greeting__link'
						)
					)
				) {
					bench.link = now - bench.t0;
				}
				if (
					bench.chat === undefined &&
					window.ccfm.state.live &&
					shown(
						document.querySelector(
							'.fb-customerchat iframe[data-dialog="open"]'
						)
					)
				) {
					bench.chat = now - bench.t0;
				}
			};
			document.addEventListener(
				'click',
				() => {
					if ( bench.t0 === undefined ) {
						bench.t0 = performance.now();
					}
				},
				true
			);
			new window.MutationObserver( check ).observe(
				document.documentElement,
				{ subtree: true, childList: true, attributes: true }
			);
			const frame = () => {
				check();
				window.requestAnimationFrame( frame );
			};
			window.requestAnimationFrame( frame );
		} );
		await bubble.click();
		await page.waitForFunction(
			() => window.__bench.link !== undefined,
			null,
			{ timeout: 15000 }
		);
		await page.waitForTimeout( 6000 );
		const r = await page.evaluate( () => ( {
			link: window.__bench.link,
			chat: window.__bench.chat,
			live: window.ccfm.state.live,
			reason: window.ccfm.state.reason,
		} ) );
		return {
			link: r.link,
			chat: r.chat === undefined ? NaN : r.chat,
			end: r.live
				? 'chat open'
				: `link (${ r.reason || 'SDK still trying' })`,
		};
	} finally {
		await context.close();
	}
}

// --- PHP server ------------------------------------------------------------------

function get( pathname ) {
	return new Promise( ( resolve, reject ) => {
		const began = process.hrtime.bigint();
		const req = http.request(
			{
				host: '127.0.0.1',
				port: Number( PORT ),
				path: pathname,
				headers: { Host: `localhost:${ PORT }`, Connection: 'close' },
				agent: false,
				timeout: 15000,
			},
			( res ) => {
				const chunks = [];
				res.on( 'data', ( c ) => chunks.push( c ) );
				res.on( 'end', () =>
					resolve( {
						status: res.statusCode,
						body: Buffer.concat( chunks ).toString( 'utf8' ),
						ms: Number( process.hrtime.bigint() - began ) / 1e6,
					} )
				);
			}
		);
		req.on( 'timeout', () => req.destroy( new Error( 'timeout' ) ) );
		req.on( 'error', reject );
		req.end();
	} );
}

/**
 * CPU milliseconds used so far by the PHP server on PORT (its master and
 * workers, found by command line in /proc): a per-request cost that, unlike
 * requests per second, hardly moves when other work shares the CPUs.
 */
function phpCpuMs() {
	const tick = 1000 / CLK_TCK;
	let total = 0;
	for ( const pid of fs.readdirSync( '/proc' ) ) {
		if ( ! /^\d+$/.test( pid ) ) {
			continue;
		}
		try {
			const cmd = fs.readFileSync( `/proc/${ pid }/cmdline`, 'utf8' );
			if ( ! cmd.includes( `\0-S\0localhost:${ PORT }\0` ) ) {
				continue;
			}
			const stat = fs.readFileSync( `/proc/${ pid }/stat`, 'utf8' );
			const fields = stat
				.slice( stat.lastIndexOf( ')' ) + 2 )
				.split( ' ' );
			total += ( Number( fields[ 11 ] ) + Number( fields[ 12 ] ) ) * tick; // utime + stime
		} catch {
			// The process ended meanwhile.
		}
	}
	return total;
}

async function throughput() {
	const runs = {};
	for ( const v of [ 'active', 'inactive' ] ) {
		runs[ v ] = { ms: 0, n: 0, bad: 0, each: [], cpu: 0 };
	}
	let rounds = 0;
	for (
		let round = 0;
		round < ROUNDS && more( round, 1, DEADLINES.throughput );
		round++
	) {
		checkBudget( `throughput round ${ round + 1 }` );
		rounds++;
		const order =
			round % 2 === 0
				? [ 'inactive', 'active' ]
				: [ 'active', 'inactive' ];
		for ( const variant of order ) {
			setSite( variant === 'active', BENCH_SETTINGS );
			await get( '/' );
			const cpu = phpCpuMs();
			const began = process.hrtime.bigint();
			for ( let i = 0; i < PER_ROUND; i++ ) {
				const res = await get( '/' );
				runs[ variant ].each.push( res.ms );
				if ( res.status !== 200 ) {
					runs[ variant ].bad++;
				}
			}
			runs[ variant ].ms +=
				Number( process.hrtime.bigint() - began ) / 1e6;
			runs[ variant ].cpu += phpCpuMs() - cpu;
			runs[ variant ].n += PER_ROUND;
		}
	}
	runs.rounds = rounds;
	return runs;
}

async function queryCounts() {
	fs.writeFileSync(
		MU_FILE,
		`<?php
// Temporary, written and removed by bin/bench/bench.js: prints the number of
// database queries of a request that carries ?ccfm_bench=1.
if ( isset( $_GET['ccfm_bench'] ) ) {
	add_action( 'shutdown', function () {
		echo '<!-- queries: ' . (int) get_num_queries() . ' -->';
	}, PHP_INT_MAX );
}
`
	);
	const counts = {};
	try {
		for ( const variant of [ 'inactive', 'active' ] ) {
			setSite( variant === 'active', BENCH_SETTINGS );
			const samples = [];
			for ( let i = 0; i <= QUERY_SAMPLES; i++ ) {
				const res = await get( '/?ccfm_bench=1' );
				const m = /<!-- queries: (\d+) -->/.exec( res.body );
				if ( i > 0 && m ) {
					samples.push( Number( m[ 1 ] ) );
				}
			}
			counts[ variant ] = median( samples );
		}
	} finally {
		fs.rmSync( MU_FILE, { force: true } );
	}
	return counts;
}

// --- Main ----------------------------------------------------------------------------

async function main() {
	const start = spawnSync(
		'bash',
		[ path.join( ROOT, 'bin/stack/start.sh' ) ],
		{
			cwd: ROOT,
			env: process.env,
			stdio: [ 'ignore', 2, 2 ],
			timeout: 150000,
		}
	);
	if ( start.status !== 0 ) {
		throw new Error( 'bin/stack/start.sh failed' );
	}
	// Counted from here: start.sh may install things on a fresh machine.
	started = Date.now();
	const loadBefore = os.loadavg()[ 0 ];
	setTimeout( () => {
		err( 'time budget exhausted; restoring the site and stopping' );
		cleanup();
		process.exit( 1 );
	}, BUDGET_MS + 7000 ).unref();

	saved = wpEval(
		`echo '@@BENCH@@' . wp_json_encode( array( 'active' => is_plugin_active( '${ PLUGIN }' ), 'settings' => get_option( 'ccfm_settings', null ), 'wp' => get_bloginfo( 'version' ), 'php' => PHP_VERSION ) ) . '@@BENCH@@';`
	);
	if ( ! saved ) {
		throw new Error(
			'could not read the site state with bin/stack/wp-eval.php'
		);
	}
	// A page of its own, so posts that other runs left (with buttons, say) do not count.
	const made = wpEval(
		"$id = wp_insert_post( array( 'post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Benchmark page', 'post_content' => '<p>A plain page for the benchmark.</p>' ) ); echo '@@BENCH@@' . wp_json_encode( array( 'id' => $id ) ) . '@@BENCH@@';"
	);
	benchPostId = made ? made.id : 0;
	benchPage = benchPostId ? `/?page_id=${ benchPostId }` : '/';

	const { chromium } = require( '@playwright/test' );
	const browser = await chromium.launch( {
		executablePath: '/usr/bin/chromium',
		args: CHROMIUM_ARGS,
	} );
	const chromiumVersion = browser.version();
	const results = {};
	let clicks;
	try {
		const scenarios = [
			[ 'no plugin', false, BENCH_SETTINGS ],
			[ 'link mode (default)', true, BENCH_SETTINGS ],
			[
				'link mode + greeting',
				true,
				{ ...BENCH_SETTINGS, ...GREETING },
			],
			[ 'Chat Plugin mode', true, CHAT ],
			[ 'Chat Plugin + greeting', true, { ...CHAT, ...GREETING } ],
			[
				'Chat Plugin, immediate',
				true,
				{ ...CHAT, load_strategy: 'immediate' },
			],
		];
		for ( const [ k, [ name, active, settings ] ] of scenarios.entries() ) {
			checkBudget( `scenario ${ name }` );
			err( `page loads: ${ name }` );
			// This scenario's share of what is left of the phase.
			const now = ( Date.now() - started ) / 1000;
			const by =
				now + ( DEADLINES.loads - now ) / ( scenarios.length - k );
			setSite( active, settings );
			await pageLoad( browser ); // warm-up (PHP, MariaDB, Chromium)
			const loads = [];
			while ( loads.length < LOADS && more( loads.length, 2, by ) ) {
				loads.push( await pageLoad( browser ) );
			}
			results[ name ] = { loads, mode: active ? settings.mode : '' };
		}

		err( 'click timings' );
		clicks = [];
		const runs = [
			[ 'link mode', BENCH_SETTINGS, {} ],
			[ 'SDK renders', CHAT, {} ],
			[ 'SDK blocked', CHAT, { mode: 'blocked' } ],
			[ 'SDK hangs', CHAT, { mode: 'hang' } ],
			[ 'frame never loads (2019)', CHAT, { frame: 'abort' } ],
			[
				'frame refused, X-Frame-Options (2021)',
				CHAT,
				{ frame: 'refuse-xfo', build: '2021' },
			],
			[
				"frame refused, frame-ancestors 'none'",
				CHAT,
				{ frame: 'refuse-csp' },
			],
			[ 'chat renders, then collapses', CHAT, { frame: 'collapse' } ],
		];
		for ( const [ name, settings, sdk ] of runs ) {
			if ( Date.now() - started > DEADLINES.clicks * 1000 ) {
				clicks.push( { name, runs: [] } );
				continue;
			}
			checkBudget( `click timing (${ name })` );
			setSite( true, settings );
			// Side by side: each run waits 6 s to see where the visitor ends.
			clicks.push( {
				name,
				runs: await Promise.all(
					Array.from( { length: CLICKS }, () =>
						clickToPath( browser, sdk, settings.mode === 'link' )
					)
				),
			} );
		}
	} finally {
		await browser.close();
	}

	const inline = [
		[ 'build/boot-link.js', 'inline, link mode' ],
		[ 'build/boot-chat.js', 'inline, Chat Plugin mode' ],
		[ 'build/greeting.js', 'inline, where there is a greeting' ],
		[ 'assets/css/bubble.css', 'inline (whitespace and comments out)' ],
		[ 'assets/css/greeting.css', 'inline, with a greeting box' ],
		[ 'build/front.js', 'on intent (click, API call)' ],
	].map( ( [ file, when ] ) => {
		let buf = fs.readFileSync( path.join( ROOT, 'plugin', file ) );
		if ( file.endsWith( '.css' ) ) {
			buf = Buffer.from(
				buf
					.toString( 'utf8' )
					.replace( /\/\*[\s\S]*?\*\//g, '' )
					.replace( /\s*([{}:;,>])\s*/g, '$1' )
					.replace( /\s+/g, ' ' )
					.replace( /;}/g, '}' )
					.trim()
			);
		}
		return { file, when, raw: buf.length, gzip: gzipSize( buf ) };
	} );

	err( 'server throughput' );
	const server = await throughput();
	// Soft: on a machine too busy for the budget, the counts show as n/a.
	const queries =
		Date.now() - started < BUDGET_MS
			? ( err( 'query counts' ), await queryCounts() )
			: { active: NaN, inactive: NaN };

	// --- Report ---------------------------------------------------------------------
	out();
	out(
		`Customer Chat for Messenger — benchmark (${ SITE }, WordPress ${ saved.wp }, PHP ${ saved.php }, Chromium ${ chromiumVersion })`
	);
	out();
	out(
		'1. Home page before interaction: what the plugin adds (fresh visitor, empty cache; 1 warm-up, then n loads; script times mean ± sd)'
	);
	const base = results[ 'no plugin' ].loads.at( -1 );
	table(
		[
			'scenario',
			'n',
			'plugin files',
			'HTML gzip (+plugin)',
			'added gzip (HTML + files)',
			'cap',
			'3rd-party reqs',
			'ScriptDuration ms',
			'TaskDuration ms',
		],
		Object.entries( results ).map( ( [ name, { loads, mode } ] ) => {
			const last = loads.at( -1 );
			const hosts = [ ...new Set( last.thirdParty ) ].join( ', ' );
			const added = last.htmlGzip - base.htmlGzip + last.pluginGzip;
			const cap = CAPS[ mode ];
			return [
				name,
				loads.length,
				`${ num( last.pluginRequests ) } (${ bytes(
					last.pluginGzip
				) })`,
				`${ num( last.htmlGzip ) } (${
					last.htmlGzip - base.htmlGzip >= 0 ? '+' : ''
				}${ num( last.htmlGzip - base.htmlGzip ) })`,
				mode ? bytes( added ) : '',
				cap
					? `${ bytes( cap ) }: ${ added <= cap ? 'met' : 'OVER' }`
					: '',
				`${ last.thirdParty.length }${ hosts ? ` (${ hosts })` : '' }`,
				meanSd( stats( loads.map( ( l ) => l.scriptMs ) ) ),
				meanSd( stats( loads.map( ( l ) => l.taskMs ) ) ),
			];
		} ),
		[ 1, 2, 3, 4, 6, 7, 8 ]
	);
	out(
		"   gzip = zlib gzip -9 of the bytes as served (the local PHP server sends no compression); added = the page's gzip size with the plugin minus without it, plus any plugin file loaded."
	);
	out(
		'   The caps (link mode 1,024 B, Chat Plugin mode 2,048 B before intent) are for the settings a new install has; a greeting adds its text, its style and greeting.js.'
	);
	out(
		'   The third-party script of "immediate" is the stand-in SDK, so it shows the request, not the real SDK\'s weight.'
	);
	out();
	out(
		"2. The front end's parts (gzip -9 each on its own; inline parts compress better inside the page)"
	);
	table(
		[ 'file', 'printed', 'raw', 'gzip' ],
		inline.map( ( f ) => [
			f.file,
			f.when,
			bytes( f.raw ),
			bytes( f.gzip ),
		] ),
		[ 2, 3 ]
	);
	out();
	out(
		`3. Click on the bubble → a Messenger path (${ CLICKS } fresh visitors per row, side by side; in-page: click event → element visible)`
	);
	table(
		[
			'stand-in',
			'runs',
			'→ link visible: mean (min–max) ms',
			'→ chat open: mean ms',
			'6 s later the visitor has',
		],
		clicks.map( ( c ) => {
			const link = stats( c.runs.map( ( r ) => r.link ) );
			const chat = stats( c.runs.map( ( r ) => r.chat ) );
			return [
				c.name,
				link.n,
				`${ num( link.mean ) } (${ num( link.min ) }–${ num(
					link.max
				) })`,
				num( chat.mean ),
				[ ...new Set( c.runs.map( ( r ) => r.end ) ) ].join( ', ' ),
			];
		} ),
		[ 1, 3 ]
	);
	out(
		'   link mode: the bubble itself is the m.me link (0 ms). Chat Plugin mode: the link is shown at once; the chat takes over after being visible for 1 s in a row, and hands back to the link if it collapses.'
	);
	out();
	out(
		`4. PHP server, home page (${ server.rounds } alternating rounds × ${ PER_ROUND } sequential requests per variant, one connection each)`
	);
	const rps = ( v ) => ( v.n / v.ms ) * 1000;
	const med = ( v ) => median( v.each );
	table(
		[
			'plugin',
			'requests',
			'req/s',
			'mean ms',
			'median ms',
			'PHP CPU ms/req',
			'non-200',
			'DB queries',
		],
		[ 'inactive', 'active' ].map( ( v ) => [
			v,
			server[ v ].n,
			num( rps( server[ v ] ), 1 ),
			num( server[ v ].ms / server[ v ].n, 1 ),
			num( med( server[ v ] ), 1 ),
			num( server[ v ].cpu / server[ v ].n, 1 ),
			server[ v ].bad,
			num( queries[ v ] ),
		] ),
		[ 1, 2, 3, 4, 5, 6, 7 ]
	);
	out(
		`   ratio active/inactive: ${ num(
			rps( server.active ) / rps( server.inactive ),
			3
		) } (req/s), ${ num(
			med( server.inactive ) / med( server.active ),
			3
		) } (from the medians), ${ num(
			server.active.cpu /
				server.active.n /
				( server.inactive.cpu / server.inactive.n ),
			3
		) } (PHP CPU per request)`
	);
	out(
		`   extra DB queries per page with the plugin: ${ num(
			queries.active - queries.inactive
		) } (get_num_queries() at shutdown, median of ${ QUERY_SAMPLES } requests each)`
	);
	out();
	const load = os.loadavg();
	out(
		`(bench took ${ num(
			( Date.now() - started ) / 1000,
			1
		) } s; load average ${ num( loadBefore, 2 ) } before, ${ num(
			load[ 0 ],
			2
		) } after, on ${ os.cpus().length } CPUs)`
	);
}

for ( const [ signal, code ] of [
	[ 'SIGINT', 130 ],
	[ 'SIGTERM', 143 ],
] ) {
	process.on( signal, () => {
		cleanup();
		process.exit( code );
	} );
}

main()
	.catch( ( e ) => {
		err( e.stack || String( e ) );
		process.exitCode = 1;
	} )
	.finally( cleanup );

// ---------------------------------------------------------------------------
// 5. Reports at scale (bin/bench/bench-report.php): 1,000,000 stored events in
// the test database, counted into daily totals by the plugin's upgrade path
// (the version check, then the rollup's cron runs), 100,000 click rows; the
// conversations report and the funnel over a year of them, peak PHP memory.
// Runs once the sections above are done.
// ---------------------------------------------------------------------------
process.once( 'beforeExit', () => {
	out(
		'5. Reports over 1,000,000 stored events and 100,000 click rows (test database; inserted with INSERT … SELECT, removed after)'
	);
	let figures;
	try {
		const line = execFileSync(
			'php',
			[
				path.join( ROOT, 'bin/bench/bench-report.php' ),
				'1000000',
				'100000',
			],
			{ cwd: ROOT, env: process.env, encoding: 'utf8', timeout: 900000 }
		)
			.trim()
			.split( '\n' )
			.pop();
		figures = JSON.parse( line || '{}' );
	} catch ( e ) {
		err( 'bench-report.php failed: ' + ( e.message || String( e ) ) );
		process.exitCode = 1;
		return;
	}
	const ms = ( list ) =>
		( list || [] ).map( ( v ) => num( v, 1 ) ).join( ' / ' );
	out(
		`   upgrade: version check ${ num(
			figures.upgrade_ms,
			1
		) } ms; daily totals counted in ${ num(
			figures.rollup_s,
			1
		) } s by ${ num( figures.rollup_runs ) } cron run(s) of ${ num(
			figures.rollup_batches
		) } batches of ${ num( figures.rollup_batch ) } ids (longest run ${ num(
			figures.rollup_run_max
		) } ms) → ${ num(
			figures.day_rows
		) } rows of daily totals holding ${ num( figures.day_total ) } starts`
	);
	table(
		[
			'report (365 days)',
			'counted',
			'ms (3 runs: min / median / max)',
			'peak PHP memory',
		],
		[
			[
				'conversations',
				`${ num( figures.counted ) } starts`,
				ms( figures.report_ms ),
				`${ num( figures.peak_bytes / 1024, 0 ) } KiB`,
			],
			[
				'funnel',
				`${ num( figures.funnel_clicks ) } clicks, ${ num(
					figures.funnel_starts
				) } starts, ${ num( figures.funnel_rows ) } rows${
					figures.funnel_trunc ? ' (truncated)' : ''
				}`,
				ms( figures.funnel_ms ),
				`${ num( figures.funnel_peak / 1024, 0 ) } KiB`,
			],
		]
	);
	out(
		`   read from daily totals by MariaDB ${
			figures.mariadb
		} (GROUP BY and LIMIT in SQL: top ${ figures.refs } refs and ${
			figures.pages
		} pages); insert ${ num( figures.insert_s, 1 ) } s, cleanup ${ num(
			figures.cleanup_s,
			1
		) } s; rows left behind: ${ figures.left_behind }`
	);
} );

// 6. The click beacon's cost per request (bin/bench/bench-beacon.js), after section 5.
process.once( 'beforeExit', () =>
	require( './bench-beacon' )( {
		port: PORT,
		out,
		wpEval,
		phpCpuMs,
		num,
		table,
	} ).catch( ( e ) => {
		err( 'beacon section failed: ' + ( e.message || String( e ) ) );
		process.exitCode = 1;
	} )
);

// 7. Long posts: 10 / 100 / 300 "Message us" buttons against a plain post
// (bin/bench/bench-render.js), and 8. the per-phase PHP cost of a page view
// with the plugin on and off (bin/bench/bench-phases.js), after section 6:
// registered when section 6 starts, so they run once it is done, never beside it.
process.once( 'beforeExit', () =>
	process.once( 'beforeExit', runLongPostAndPhases )
);
const runLongPostAndPhases = () =>
	require( './bench-render' )( { port: PORT, out, wpEval, num, table } )
		.catch( ( e ) => {
			err( 'long-post section failed: ' + ( e.message || String( e ) ) );
			process.exitCode = 1;
		} )
		.then( () =>
			require( './bench-phases' )( {
				port: PORT,
				out,
				wpEval,
				num,
				table,
			} )
		)
		.catch( ( e ) => {
			err( 'phase section failed: ' + ( e.message || String( e ) ) );
			process.exitCode = 1;
		} )
		.finally( () => require( './bench-timing' ).remove() );
