import { request, type FullConfig } from '@playwright/test';
import { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

/**
 * Logs the administrator in once and saves the cookies for the admin tests.
 * @param config
 */
export default async function globalSetup(
	config: FullConfig
): Promise< void > {
	const { baseURL } = config.projects[ 0 ].use;
	const storageStatePath = process.env.STORAGE_STATE_PATH as string;
	const context = await request.newContext( { baseURL } );
	const requestUtils = new RequestUtils( context, { storageStatePath } );
	await requestUtils.setupRest();
	await context.dispose();
}
