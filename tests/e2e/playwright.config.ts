import path from 'path';
import { defineConfig } from '@playwright/test';

const root = path.resolve( __dirname, '../..' );
process.env.WP_BASE_URL =
	process.env.WP_BASE_URL ||
	`http://localhost:${ process.env.CCFM_WP_PORT || '8888' }`;
process.env.STORAGE_STATE_PATH =
	process.env.STORAGE_STATE_PATH ||
	path.join( root, 'artifacts/storage-states/admin.json' );

export default defineConfig( {
	testDir: './specs',
	outputDir: path.join( root, 'test-results' ),
	globalSetup: require.resolve( './global-setup.ts' ),
	// One WordPress, one settings option: tests run one at a time.
	workers: 1,
	fullyParallel: false,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [ [ 'list' ] ],
	use: {
		baseURL: process.env.WP_BASE_URL,
		storageState: process.env.STORAGE_STATE_PATH,
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
			],
		},
	},
} );
