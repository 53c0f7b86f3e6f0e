/**
 * Makes the plugin directory's banner and icon (.wordpress-org/) from the
 * SVG sources beside this file, rendered by Chromium through Playwright:
 * banner-772x250.png and banner-1544x500.png from banner.svg, icon.svg
 * (copied) and icon-128x128.png and icon-256x256.png from icon.svg.
 *
 * Usage: node bin/assets/make-assets.js   (npm run assets)
 */
const fs = require( 'fs' );
const path = require( 'path' );
const { chromium } = require( '@playwright/test' );

const root = path.resolve( __dirname, '../..' );
const out = path.join( root, '.wordpress-org' );

const jobs = [
	{ src: 'banner.svg', file: 'banner-772x250.png', width: 772, height: 250 },
	{
		src: 'banner.svg',
		file: 'banner-1544x500.png',
		width: 1544,
		height: 500,
	},
	{ src: 'icon.svg', file: 'icon-128x128.png', width: 128, height: 128 },
	{ src: 'icon.svg', file: 'icon-256x256.png', width: 256, height: 256 },
];

/**
 * Renders one SVG at a size, with a transparent background.
 * @param {import('@playwright/test').Page}                            page
 * @param {{src: string, file: string, width: number, height: number}} job
 */
async function render( page, job ) {
	const svg = fs.readFileSync( path.join( __dirname, job.src ), 'utf8' );
	await page.setViewportSize( { width: job.width, height: job.height } );
	await page.setContent(
		`<!doctype html><html><head><style>html,body{margin:0;background:transparent}svg{display:block;width:${ job.width }px;height:${ job.height }px}</style></head><body>${ svg }</body></html>`
	);
	await page.evaluate( () => document.fonts.ready );
	await page.screenshot( {
		path: path.join( out, job.file ),
		omitBackground: true,
		clip: { x: 0, y: 0, width: job.width, height: job.height },
	} );
	process.stdout.write( `.wordpress-org/${ job.file }\n` );
}

( async () => {
	fs.mkdirSync( out, { recursive: true } );
	fs.copyFileSync(
		path.join( __dirname, 'icon.svg' ),
		path.join( out, 'icon.svg' )
	);
	process.stdout.write( '.wordpress-org/icon.svg\n' );
	const browser = await chromium.launch( {
		executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
		],
	} );
	const page = await browser.newPage( { deviceScaleFactor: 1 } );
	for ( const job of jobs ) {
		await render( page, job );
	}
	await browser.close();
} )().catch( ( e ) => {
	process.stderr.write( `${ e.stack || e }\n` );
	process.exit( 1 );
} );
