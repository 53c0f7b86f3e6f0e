/**
 * @wordpress/scripts' webpack config with the plugin's entry points, built
 * into plugin/build/ with dependency extraction (*.asset.php).
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

module.exports = {
	...defaultConfig,
	entry: {
		front: './src/front/index.ts',
		diagnostics: './src/front/diagnostics.ts',
		admin: './src/admin/index.tsx',
		block: './src/block/index.tsx',
		editor: './src/editor/index.tsx',
	},
	output: {
		...defaultConfig.output,
		path: path.resolve( __dirname, 'plugin/build' ),
	},
	devtool: false,
};
