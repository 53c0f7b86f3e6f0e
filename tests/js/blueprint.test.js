// The Live Preview blueprint (.wordpress-org/blueprints/blueprint.json) is a
// valid Blueprint by the schema of @wp-playground/blueprints (vendored in
// tests/fixtures/wp-playground-blueprints, see its README), and it sets up
// what the directory's preview should show.
const assert = require( 'node:assert/strict' );
const fs = require( 'fs' );
const path = require( 'path' );
// Ajv comes with @wordpress/scripts (ESLint, webpack); the lock file pins it.
// eslint-disable-next-line import/no-extraneous-dependencies
const Ajv = require( 'ajv' );

const root = path.resolve( __dirname, '../..' );
const read = ( rel ) =>
	JSON.parse( fs.readFileSync( path.join( root, rel ), 'utf8' ) );
const blueprint = read( '.wordpress-org/blueprints/blueprint.json' );

function validator() {
	const schema = read(
		'tests/fixtures/wp-playground-blueprints/blueprint-schema.json'
	);
	// The schema names the version-less meta-schema URL; Ajv compiles it as
	// draft-07, its default. Ajv is the one the lock file hoists (6.x from
	// @wordpress/scripts' ESLint); 8.x options are passed when that changes.
	delete schema.$schema;
	const major = Number(
		// eslint-disable-next-line import/no-extraneous-dependencies
		require( 'ajv/package.json' ).version.split( '.' )[ 0 ]
	);
	const ajv =
		major >= 8
			? new Ajv( { allErrors: true, strict: false } )
			: new Ajv( { allErrors: true } );
	return ajv.compile( schema );
}

test( 'the blueprint is valid by the Blueprint schema', () => {
	const validate = validator();
	const ok = validate( blueprint );
	assert.equal( ok, true, JSON.stringify( validate.errors, null, 2 ) );
} );

test( 'the schema check can fail: an unknown step and a misspelled key are refused', () => {
	const validate = validator();
	const badStep = structuredClone( blueprint );
	badStep.steps.push( { step: 'installPlugins', slug: 'x' } );
	assert.equal( validate( badStep ), false );
	const badKey = structuredClone( blueprint );
	badKey.landingpage = '/';
	assert.equal( validate( badKey ), false );
	const badResource = structuredClone( blueprint );
	badResource.steps[ 1 ].pluginData.resource = 'wordpress.org/plugin';
	assert.equal( validate( badResource ), false );
} );

test( 'it installs the plugin from the directory, activates it, sets link mode with a page, and lands on the settings page', () => {
	const install = blueprint.steps.find( ( s ) => s.step === 'installPlugin' );
	assert.deepEqual( install.pluginData, {
		resource: 'wordpress.org/plugins',
		slug: 'customer-chat-for-messenger',
	} );
	assert.equal( install.options.activate, true );
	const options = blueprint.steps.find(
		( s ) => s.step === 'setSiteOptions'
	);
	const settings = options.options.ccfm_settings;
	assert.match( settings.page_id, /^\d{1,20}$/ );
	assert.equal( settings.mode, 'link' );
	assert.ok(
		blueprint.steps.indexOf( install ) < blueprint.steps.indexOf( options )
	);
	assert.equal(
		blueprint.landingPage,
		'/wp-admin/options-general.php?page=customer-chat-for-messenger'
	);
	assert.ok( blueprint.steps.some( ( s ) => s.step === 'login' ) );
} );

test( 'the demo settings pass the plugin’s own settings schema', () => {
	const schema = read( 'plugin/data/settings-schema.json' );
	const settings = blueprint.steps.find(
		( s ) => s.step === 'setSiteOptions'
	).options.ccfm_settings;
	for ( const [ key, value ] of Object.entries( settings ) ) {
		const prop = schema.properties[ key ];
		assert.ok( prop, `${ key } is a setting` );
		if ( prop.enum ) {
			assert.ok( prop.enum.includes( value ), `${ key }=${ value }` );
		}
		if ( prop.pattern ) {
			assert.match( String( value ), new RegExp( prop.pattern, 'u' ) );
		}
		if ( prop.maxLength ) {
			assert.ok( String( value ).length <= prop.maxLength );
		}
	}
} );
