#!/usr/bin/env node
/**
 * Compiles the TypeScript modules the JS unit tests import into CommonJS
 * under .wp/js-test/ with the TypeScript compiler (no type check here:
 * `tsc --noEmit` does that separately).
 */
const fs = require( 'fs' );
const path = require( 'path' );
const ts = require( 'typescript' );

const root = path.resolve( __dirname, '..' );
const out = path.join( root, '.wp/js-test' );
for ( const rel of [ 'shared/validate.ts', 'shared/settings-schema.generated.ts', 'admin/page-input.ts' ] ) {
	const src = fs.readFileSync( path.join( root, 'src', rel ), 'utf8' );
	const js = ts.transpileModule( src, {
		compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
	} ).outputText;
	const dest = path.join( out, rel.replace( /\.ts$/, '.js' ) );
	fs.mkdirSync( path.dirname( dest ), { recursive: true } );
	fs.writeFileSync( dest, js );
}
