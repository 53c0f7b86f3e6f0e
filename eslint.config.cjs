/**
 * ESLint (flat config, ESLint 10 via @wordpress/scripts): the wp-scripts
 * defaults, plus what they do not know about this repository.
 */
const defaults = require( '@wordpress/scripts/config/eslint.config.cjs' );

module.exports = [
	{
		// Generated (bin/build/gen-schema-types.js) and built files.
		ignores: [
			'src/shared/settings-schema.generated.ts',
			'plugin/build/**',
			'.wp/**',
		],
	},
	...defaults,
	{
		// Playwright fixtures receive `use`, which is not React's hook.
		files: [ 'tests/e2e/**' ],
		rules: { 'react-hooks/rules-of-hooks': 'off' },
	},
	{
		// Jest globals for the JS unit tests (tests/js/*.test.*).
		files: [ 'tests/js/**' ],
		languageOptions: {
			globals: {
				test: 'readonly',
				describe: 'readonly',
				expect: 'readonly',
				beforeAll: 'readonly',
				afterAll: 'readonly',
				beforeEach: 'readonly',
				afterEach: 'readonly',
			},
		},
	},
];
