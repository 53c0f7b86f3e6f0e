<?php
/**
 * The response schemas of the custom REST routes, data/responses/<route>.json
 * (the TypeScript types of the responses are generated from the same files).
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

defined( 'ABSPATH' ) || exit;

/**
 * Loads a route's response schema.
 *
 * @since 1.0.0
 */
final class Response_Schemas {

	/**
	 * Schemas read so far: name => schema.
	 *
	 * @var array<string,array<string,mixed>>
	 */
	private static $loaded = array();

	/**
	 * The response schema of a route, such as embed-code for
	 * /ccfm/v1/embed-code (an object without properties when the file is
	 * missing).
	 *
	 * @since 1.0.0
	 *
	 * @param string $name File name without .json.
	 * @return array<string,mixed>
	 */
	public static function get( $name ) {
		if ( ! isset( self::$loaded[ $name ] ) ) {
			$path = CCFM_DIR . 'data/responses/' . sanitize_file_name( $name ) . '.json';
			$json = is_readable( $path ) ? file_get_contents( $path ) : false; // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file of the plugin.
			$data = is_string( $json ) ? json_decode( $json, true ) : null;
			/**
			 * The decoded file: a JSON Schema object.
			 *
			 * @var array<string,mixed> $schema
			 */
			$schema                = is_array( $data ) ? $data : array(
				'title' => 'ccfm-' . $name,
				'type'  => 'object',
			);
			self::$loaded[ $name ] = $schema;
		}
		return self::$loaded[ $name ];
	}

	/**
	 * The 'schema' callback of register_rest_route() for a route.
	 *
	 * @since 1.0.0
	 *
	 * @param string $name File name without .json.
	 * @return callable(): array<string,mixed>
	 */
	public static function callback( $name ) {
		return static function () use ( $name ) {
			return self::get( $name );
		};
	}
}
