import fs from 'fs';
import path from 'path';
import { request, type FullConfig } from '@playwright/test';
import { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

const root = path.resolve( __dirname, '../..' );

/**
 * Links the test-only mu-plugins (server scenarios, /e2e/v1/scenario) into
 * the local WordPress, as bin/test/test.sh does, so `npm run test:e2e` works on
 * its own; then logs the administrator in once and saves the cookies.
 * @param config
 */
export default async function globalSetup(
	config: FullConfig
): Promise< void > {
	const muPlugins = path.join( root, '.wp/wordpress/wp-content/mu-plugins' );
	fs.mkdirSync( muPlugins, { recursive: true } );
	for ( const file of fs.readdirSync(
		path.join( root, 'tests/mu-plugins' )
	) ) {
		if ( file.endsWith( '.php' ) ) {
			const link = path.join( muPlugins, file );
			fs.rmSync( link, { force: true } );
			fs.symlinkSync( path.join( root, 'tests/mu-plugins', file ), link );
		}
	}

	const { baseURL } = config.projects[ 0 ].use;
	const storageStatePath = process.env.STORAGE_STATE_PATH as string;
	const context = await request.newContext( { baseURL } );
	const requestUtils = new RequestUtils( context, { storageStatePath } );
	await requestUtils.setupRest();
	await context.dispose();
}
