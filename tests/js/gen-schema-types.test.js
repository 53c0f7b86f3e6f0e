// The response types bin/gen-schema-types.js derives from a route's JSON
// Schema: checked by the TypeScript compiler itself, which must accept a
// response the schema allows and refuse one it does not.
const assert = require( 'node:assert/strict' );
const fs = require( 'fs' );
const os = require( 'os' );
const path = require( 'path' );
const ts = require( 'typescript' );
const { responseTypes, typeName } = require( '../../bin/gen-schema-types.js' );

const FIXTURE = {
	$schema: 'http://json-schema.org/draft-04/schema#',
	title: 'ccfm-fixture',
	description: 'GET /ccfm/v1/fixture: a response of every kind.',
	type: 'object',
	properties: {
		checks: {
			type: 'array',
			items: {
				type: 'object',
				properties: {
					id: { type: 'string' },
					status: { type: 'string', enum: [ 'good', 'critical' ] },
					count: { type: 'integer', minimum: 0 },
				},
				required: [ 'id', 'status' ],
				additionalProperties: false,
			},
		},
		share: { type: 'number' },
		live: { type: 'boolean' },
		note: { type: [ 'string', 'null' ] },
		extra: { type: 'object', additionalProperties: { type: 'integer' } },
	},
	required: [ 'checks', 'live' ],
	additionalProperties: false,
};

/**
 * The compiler's errors for each snippet (one program for them all: the
 * compiler is slow to start), each snippet importing the generated module.
 * @param {string[]} snippets TypeScript using the generated types.
 * @return {string[][]} The errors of each snippet.
 */
function errorsOf( snippets ) {
	const dir = fs.mkdtempSync( path.join( os.tmpdir(), 'ccfm-types-' ) );
	try {
		fs.writeFileSync(
			path.join( dir, 'responses.generated.ts' ),
			responseTypes( { 'fixture-route.json': FIXTURE } )
		);
		const files = snippets.map( ( snippet, i ) => {
			const file = path.join( dir, `use${ i }.ts` );
			fs.writeFileSync(
				file,
				"import type { FixtureRouteResponse } from './responses.generated';\n" +
					snippet
			);
			return file;
		} );
		const program = ts.createProgram( files, {
			strict: true,
			noEmit: true,
			target: ts.ScriptTarget.ES2020,
			module: ts.ModuleKind.ESNext,
			moduleResolution: ts.ModuleResolutionKind.Bundler,
			types: [],
		} );
		const all = ts.getPreEmitDiagnostics( program );
		return files.map( ( file ) =>
			all
				.filter(
					( d ) => d.file && path.resolve( d.file.fileName ) === file
				)
				.map( ( d ) =>
					ts.flattenDiagnosticMessageText( d.messageText, '\n' )
				)
		);
	} finally {
		fs.rmSync( dir, { recursive: true } );
	}
}

test( 'a file name gives the exported type name', () => {
	assert.equal(
		typeName( 'platform-chat-surface.json' ),
		'PlatformChatSurfaceResponse'
	);
	assert.equal( typeName( 'diagnostics.json' ), 'DiagnosticsResponse' );
	assert.match(
		responseTypes( { 'fixture-route.json': FIXTURE } ),
		/\/\*\* GET \/ccfm\/v1\/fixture: a response of every kind\. \*\/\nexport type FixtureRouteResponse = \{/
	);
} );

const REFUSED = [
	[ "{ checks: [], live: 'yes' }", 'a boolean as a string' ],
	[ '{ checks: [] }', 'a required field missing' ],
	[
		"{ checks: [ { id: 'x', status: 'warning' } ], live: true }",
		'a value outside the enum',
	],
	[
		"{ checks: [ { status: 'good' } ], live: true }",
		'a required field of an item missing',
	],
	[
		'{ checks: [], live: true, other: 1 }',
		'a property the schema does not have',
	],
	[
		"{ checks: [], live: true, extra: { a: 'x' } }",
		'an additional property of the wrong type',
	],
	[
		'{ checks: [], live: true, note: 5 }',
		'a number where a string or null',
	],
];

test( 'the generated type accepts what the schema allows and refuses what it does not', () => {
	const [ accepted, ...refused ] = errorsOf( [
		`const all: FixtureRouteResponse = { checks: [ { id: 'https', status: 'good', count: 2 } ], share: 1.5, live: true, note: null, extra: { a: 1 } };
const least: FixtureRouteResponse = { checks: [ { id: 'https', status: 'critical' } ], live: false };
const status: 'good' | 'critical' = least.checks[ 0 ].status;
export { all, least, status };
`,
		...REFUSED.map(
			( [ value ] ) =>
				`export const value: FixtureRouteResponse = ${ value };\n`
		),
	] );
	assert.deepEqual( accepted, [] );
	REFUSED.forEach( ( [ , why ], i ) =>
		assert.equal( refused[ i ].length > 0, true, why )
	);
	// A whole TypeScript program is compiled: give it time on a busy machine.
}, 120000 );
