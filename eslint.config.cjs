/**
 * ESLint (flat config, ESLint 10 via @wordpress/scripts): the wp-scripts
 * defaults, plus what they do not know about this repository.
 */
const defaults = require( '@wordpress/scripts/config/eslint.config.cjs' );

module.exports = [
	{
		// Generated (bin/build/gen-schema-types.js) and built files.
		ignores: [ 'src/shared/*.generated.ts', 'plugin/build/**', '.wp/**' ],
	},
	...defaults,
	{
		// Playwright fixtures receive `use`, which is not React's hook.
		files: [ 'tests/e2e/**' ],
		rules: { 'react-hooks/rules-of-hooks': 'off' },
	},
	{
		// The JS unit tests (Jest, tests/js/*.test.*) assert with node:assert.
		files: [ 'tests/js/**' ],
		rules: {
			'jest/expect-expect': [
				'error',
				{
					// ok() and bad(): validate-strict.test.js' assert helpers.
					assertFunctionNames: [
						'expect',
						'assert',
						'assert.*',
						'ok',
						'bad',
					],
				},
			],
		},
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
