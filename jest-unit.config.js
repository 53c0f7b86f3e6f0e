/**
 * JS unit tests (`wp-scripts test-unit-js`): @wordpress/scripts' Jest config,
 * run on tests/js/*.test.* in Node, importing the TypeScript sources directly
 * (Babel with @wordpress/babel-preset-default strips the types; `tsc --noEmit`
 * checks them).
 */
const defaults = require( '@wordpress/scripts/config/jest-unit.config.js' );

module.exports = {
	...defaults,
	rootDir: __dirname,
	roots: [ '<rootDir>/tests/js' ],
	testMatch: [ '<rootDir>/tests/js/**/*.test.[jt]s?(x)' ],
	testEnvironment: 'node',
	// gettext-parser is published as ES modules only: Babel makes it CommonJS.
	transformIgnorePatterns: [ '/node_modules/(?!gettext-parser/)' ],
	modulePathIgnorePatterns: [ '<rootDir>/.wp/', '<rootDir>/plugin/build/' ],
};
