/**
 * Playwright configuration of `npm run screenshots`: the browser tests'
 * configuration (same site, login, Chromium) with the directory screenshots
 * spec (tests/e2e/directory/) only. `npm test` never runs it, so the
 * committed images change only when someone regenerates them.
 */
import path from 'path';
import { defineConfig } from '@playwright/test';

import base from './playwright.config';

export default defineConfig( {
	...base,
	testDir: './directory',
	outputDir: path.resolve( __dirname, '../../test-results-screenshots' ),
	timeout: 120_000,
} );
