<?php
/**
 * The plugin's own data files (data/*.json): read once per request, checked
 * for the shape the code needs, and reported when missing or damaged, so a
 * broken upload or deploy never takes a page down.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM;

use CCFM\Chat\Locale;
use CCFM\Settings\Schema;
use CCFM\Settings\Settings;

defined( 'ABSPATH' ) || exit;

/**
 * Loads data/settings-schema.json and data/facebook-locales.json.
 *
 * @since 1.0.0
 */
final class Data_Files {

	const SCHEMA = 'settings-schema.json';

	const LOCALES = 'facebook-locales.json';

	const FILES = array( self::SCHEMA, self::LOCALES );

	/**
	 * Problems found so far: file name => missing, invalid or incomplete.
	 *
	 * @var array<string,string>
	 */
	private static $problems = array();

	/**
	 * The data of build/data-files.php (file name => decoded data), read once; false when
	 * it is missing (the JSON files are read instead).
	 *
	 * @var array<string,mixed>|false|null
	 */
	private static $generated = null;

	/**
	 * The data files as bin/gen-schema-types.js wrote them at build time into
	 * build/data-files.php, a PHP array that opcache keeps: no JSON parsed on
	 * a page view. Empty when that file is missing.
	 *
	 * @since 1.0.0
	 *
	 * @return array<string,mixed>
	 */
	public static function generated() {
		if ( null === self::$generated ) {
			$file            = CCFM_DIR . 'build/data-files.php';
			$data            = is_readable( $file ) ? include $file : false;
			self::$generated = false;
			if ( is_array( $data ) ) {
				self::$generated = array();
				foreach ( $data as $name => $decoded ) {
					self::$generated[ (string) $name ] = $decoded;
				}
			}
		}
		return false === self::$generated ? array() : self::$generated;
	}

	/**
	 * Path of a data file: plugin/data/<name>, or what the ccfm_data_file
	 * filter makes of it.
	 *
	 * @since 1.0.0
	 *
	 * @param string $name File name such as settings-schema.json.
	 * @return string
	 */
	public static function path( $name ) {
		$path = CCFM_DIR . 'data/' . $name;
		/**
		 * Filters where a data file of the plugin is read from.
		 *
		 * @since 1.0.0
		 *
		 * @param string $path Absolute path.
		 * @param string $name File name such as facebook-locales.json.
		 */
		$filtered = apply_filters( 'ccfm_data_file', $path, $name );
		return is_string( $filtered ) ? $filtered : $path;
	}

	/**
	 * The decoded file when it is there, is JSON and has the shape the
	 * caller needs; otherwise null, and the problem is remembered.
	 *
	 * @since 1.0.0
	 *
	 * @param string   $name     File name.
	 * @param callable $shape_ok Whether the decoded object has what the code needs.
	 * @phpstan-param callable(array<mixed>):bool $shape_ok
	 * @return array<mixed>|null
	 */
	public static function load( $name, callable $shape_ok ) {
		unset( self::$problems[ $name ] );
		$path = self::path( $name );
		if ( CCFM_DIR . 'data/' . $name === $path ) {
			// The plugin's own file (not one a filter points at): its build-time copy, when there.
			$generated = self::generated();
			if ( isset( $generated[ $name ] ) && is_array( $generated[ $name ] ) && $shape_ok( $generated[ $name ] ) ) {
				return $generated[ $name ];
			}
		}
		if ( ! is_file( $path ) || ! is_readable( $path ) ) {
			self::$problems[ $name ] = 'missing';
			return null;
		}
		$json = file_get_contents( $path ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file of the plugin.
		$data = is_string( $json ) ? json_decode( $json, true ) : null;
		if ( ! is_array( $data ) ) {
			self::$problems[ $name ] = 'invalid';
			return null;
		}
		if ( ! $shape_ok( $data ) ) {
			self::$problems[ $name ] = 'incomplete';
			return null;
		}
		return $data;
	}

	/**
	 * Every damaged data file, after each has been read: name => problem.
	 *
	 * @since 1.0.0
	 *
	 * @return array<string,string>
	 */
	public static function problems() {
		Schema::schema();
		Locale::names();
		$problems = array_intersect_key( self::$problems, array_flip( self::FILES ) );
		ksort( $problems );
		return $problems;
	}

	/**
	 * One sentence naming a damaged file and what is wrong with it.
	 *
	 * @since 1.0.0
	 *
	 * @param string $name    File name.
	 * @param string $problem missing, invalid or incomplete.
	 * @return string
	 */
	public static function describe( $name, $problem ) {
		$file = 'data/' . $name;
		switch ( $problem ) {
			case 'missing':
				/* translators: %s: a file of the plugin, such as data/facebook-locales.json. */
				return sprintf( __( 'The plugin file %s is missing or cannot be read.', 'customer-chat-for-messenger' ), $file );
			case 'invalid':
				/* translators: %s: a file of the plugin, such as data/facebook-locales.json. */
				return sprintf( __( 'The plugin file %s is damaged: it is not valid JSON (perhaps cut short by an upload).', 'customer-chat-for-messenger' ), $file );
			default:
				/* translators: %s: a file of the plugin, such as data/facebook-locales.json. */
				return sprintf( __( 'The plugin file %s is damaged: parts the plugin needs are missing.', 'customer-chat-for-messenger' ), $file );
		}
	}

	/**
	 * What a damaged file means for the site, and how to fix it.
	 *
	 * @since 1.0.0
	 *
	 * @param string $name File name.
	 * @return string
	 */
	public static function consequence( $name ) {
		return self::SCHEMA === $name
			? __( 'The chat keeps its stored settings, but they cannot be checked or saved. Reinstall the plugin (or upload the file again).', 'customer-chat-for-messenger' )
			: __( 'The chat follows the site language (or en_US) and the language list is empty. Reinstall the plugin (or upload the file again).', 'customer-chat-for-messenger' );
	}

	/**
	 * The damaged files as the admin screen and REST show them.
	 *
	 * @since 1.0.0
	 *
	 * @return list<array{file:string,problem:string,message:string}>
	 */
	public static function report() {
		$out = array();
		foreach ( self::problems() as $name => $problem ) {
			$out[] = array(
				'file'    => 'data/' . $name,
				'problem' => $problem,
				'message' => self::describe( $name, $problem ) . ' ' . self::consequence( $name ),
			);
		}
		return $out;
	}

	/**
	 * The Site Health test (direct: it only reads local files).
	 *
	 * @since 1.0.0
	 *
	 * @return array<string,mixed>
	 */
	public static function site_health_result() {
		$report = self::report();
		$items  = '';
		foreach ( $report as $file ) {
			$items .= '<li>' . esc_html( $file['message'] ) . '</li>';
		}
		return array(
			'label'       => $report ? __( 'A data file of the Messenger chat plugin is damaged', 'customer-chat-for-messenger' ) : __( 'The Messenger chat plugin\'s data files are intact', 'customer-chat-for-messenger' ),
			'status'      => $report ? 'critical' : 'good',
			'badge'       => array(
				'label' => __( 'Messenger chat', 'customer-chat-for-messenger' ),
				'color' => $report ? 'red' : 'blue',
			),
			'description' => $report ? '<ul>' . $items . '</ul>' : '<p>' . esc_html__( 'The settings schema and the locale list are complete.', 'customer-chat-for-messenger' ) . '</p>',
			'actions'     => '',
			'test'        => 'ccfm_data_files',
		);
	}

	/**
	 * Forgets what was read (tests point the loader at other files).
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public static function flush() {
		self::$problems = array();
		Settings::flush();
		Locale::flush();
	}
}
