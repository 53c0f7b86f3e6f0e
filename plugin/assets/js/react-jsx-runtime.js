/**
 * The `react-jsx-runtime` script for WordPress 6.5, which does not have it
 * (WordPress 6.6 added it). The plugin's admin, editor and block scripts are
 * built with the automatic JSX runtime and depend on it; CCFM\Script_Compat
 * registers this file under that handle only where core has none. It is the
 * runtime's API on core's React: jsx, jsxs (static children passed as
 * arguments, as React expects of them) and Fragment.
 *
 * @param {Object} React Core's React (the `react` script).
 */
( function ( React ) {
	/**
	 * The props without children, with the key.
	 * @param {Object} props
	 * @param {*}      key
	 * @return {Object} Props for createElement.
	 */
	function withKey( props, key ) {
		const copy = {};
		let name;
		for ( name in props ) {
			if (
				name !== 'children' &&
				Object.prototype.hasOwnProperty.call( props, name )
			) {
				copy[ name ] = props[ name ];
			}
		}
		if ( key !== undefined ) {
			copy.key = key;
		}
		return copy;
	}
	/**
	 * An element with its children in its props.
	 * @param {*}      type
	 * @param {Object} props
	 * @param {*}      key
	 * @return {Object} The element.
	 */
	function jsx( type, props, key ) {
		const copy = withKey( props, key );
		if ( props && props.children !== undefined ) {
			copy.children = props.children;
		}
		return React.createElement( type, copy );
	}
	/**
	 * An element with static children, given to createElement as arguments.
	 * @param {*}      type
	 * @param {Object} props
	 * @param {*}      key
	 * @return {Object} The element.
	 */
	function jsxs( type, props, key ) {
		const children =
			props && Array.isArray( props.children ) ? props.children : [];
		return React.createElement.apply(
			null,
			[ type, withKey( props, key ) ].concat( children )
		);
	}
	window.ReactJSXRuntime = { jsx, jsxs, Fragment: React.Fragment };
} )( window.React );
