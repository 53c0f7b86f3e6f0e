/**
 * The webpack config of wp-scripts with the plugin's entry points, built
 * into plugin/build/ with dependency extraction (*.asset.php):
 * - the blocks found by their block.json under src/blocks/ (create-block
 *   layout: src/blocks/chat/ → build/blocks/chat/, block.json and render.php
 *   copied beside the built index.js);
 * - the other scripts, named below;
 * - the inline boot script built twice: boot-link.js and boot-chat.js
 *   (CCFM_CHAT), so a link-mode page carries none of the Chat Plugin's code.
 */
const path = require( 'path' );
// eslint-disable-next-line import/no-extraneous-dependencies -- webpack comes with @wordpress/scripts.
const webpack = require( 'webpack' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );

const output = {
	...defaultConfig.output,
	path: path.resolve( __dirname, 'plugin/build' ),
};

/**
 * The boot script is printed inline on every page, so every byte counts:
 * its minified output loses the "use strict" webpack writes into its
 * wrapper (the code does not depend on strict mode; tests run it as printed).
 */
class WithoutStrictDirective {
	apply( compiler ) {
		compiler.hooks.thisCompilation.tap( 'ccfm-inline', ( compilation ) =>
			compilation.hooks.processAssets.tap(
				{
					name: 'ccfm-inline',
					stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ANALYSE,
				},
				( assets ) => {
					for ( const name of Object.keys( assets ) ) {
						if ( name.endsWith( '.js' ) ) {
							compilation.updateAsset(
								name,
								new webpack.sources.RawSource(
									assets[ name ]
										.source()
										.toString()
										.replace(
											/^\(\(\)=>\{"use strict";/,
											'(()=>{'
										)
								)
							);
						}
					}
				}
			)
		);
	}
}

const boot = ( mode ) => ( {
	...defaultConfig,
	name: `boot-${ mode }`,
	entry: { [ `boot-${ mode }` ]: './src/front/boot.ts' },
	output: { ...output, clean: false },
	plugins: [
		// The main build copies the blocks' block.json and render.php.
		...defaultConfig.plugins.filter(
			( plugin ) => plugin.constructor.name !== 'CopyPlugin'
		),
		new webpack.DefinePlugin( {
			CCFM_CHAT: JSON.stringify( mode === 'chat' ),
		} ),
		new WithoutStrictDirective(),
	],
	devtool: false,
} );

module.exports = [
	{
		...defaultConfig,
		entry: () => ( {
			// blocks/chat/index, from src/blocks/chat/block.json's editorScript.
			...defaultConfig.entry(),
			front: './src/front/index.ts',
			greeting: './src/front/greeting.ts',
			hours: './src/front/hours.ts',
			diagnostics: './src/front/diagnostics.ts',
			admin: './src/admin/index.tsx',
			editor: './src/editor/index.tsx',
		} ),
		output: {
			...output,
			// The boot builds write into the same folder; bin/gen-schema-types.js
			// writes data-files.php before the build.
			clean: { keep: /^(fonts|images|boot-|data-files\.php$)/ },
		},
		devtool: false,
	},
	boot( 'link' ),
	boot( 'chat' ),
];
