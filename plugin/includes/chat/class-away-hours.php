<?php
/**
 * Away hours: the weekly opening hours (in the site's timezone) and what the
 * visitor's browser needs to tell open from away, so a cached page is right
 * at any time.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Chat;

defined( 'ABSPATH' ) || exit;

/**
 * The away_hours setting: ranges written "D HH:MM-HH:MM" (D: 1 = Monday to
 * 7 = Sunday, ISO 8601; 24:00 ends a range at midnight). No range: always open.
 *
 * @since 1.0.0
 *
 * @phpstan-import-type CcfmSettings from \CCFM\Settings\Settings
 */
final class Away_Hours {

	/**
	 * Beyond the schema's pattern: every range ends after it starts.
	 *
	 * @since 1.0.0
	 *
	 * @param mixed $value The schema-valid list of ranges.
	 * @return true|\WP_Error The error's message names the range.
	 */
	public static function check( $value ) {
		foreach ( is_array( $value ) ? $value : array() as $range ) {
			$parsed = self::parse( is_string( $range ) ? $range : '' );
			if ( null === $parsed || $parsed[2] <= $parsed[1] ) {
				return new \WP_Error(
					'ccfm_invalid',
					/* translators: %s: a range of the opening hours such as 1 17:00-09:00. */
					sprintf( __( '“%s” does not end after it starts (split a range over midnight into two).', 'customer-chat-for-messenger' ), is_string( $range ) ? $range : '' )
				);
			}
		}
		return true;
	}

	/**
	 * A range as weekday (1-7) and minutes of the day from and to.
	 *
	 * @since 1.0.0
	 *
	 * @param string $range Such as "1 09:00-17:30".
	 * @return array{0: int, 1: int, 2: int}|null
	 */
	public static function parse( $range ) {
		if ( ! preg_match( '/^([1-7]) ([0-2][0-9]):([0-5][0-9])-([0-2][0-9]):([0-5][0-9])$/D', $range, $m ) ) {
			return null;
		}
		return array( (int) $m[1], 60 * (int) $m[2] + (int) $m[3], 60 * (int) $m[4] + (int) $m[5] );
	}

	/**
	 * The away_hours field of a candidate (Settings::conform), or the fallback.
	 *
	 * @since 1.0.0
	 *
	 * @param array<mixed> $candidate Candidate settings.
	 * @param string[]     $fallback  Value when the candidate's is not a list of ranges.
	 * @phpstan-param list<string> $fallback
	 * @return list<string>
	 */
	public static function conform( array $candidate, array $fallback ) {
		$value = isset( $candidate['away_hours'] ) ? $candidate['away_hours'] : null;
		if ( ! is_array( $value ) || array_values( $value ) !== $value ) {
			return $fallback;
		}
		$list = array();
		foreach ( $value as $range ) {
			if ( ! is_string( $range ) || null === self::parse( $range ) ) {
				return $fallback;
			}
			$list[] = $range;
		}
		return $list;
	}

	/**
	 * The site's timezone as the browser needs it: an IANA name (DST
	 * follows from it), or a fixed offset from UTC in minutes when
	 * Settings → General uses one.
	 *
	 * @since 1.0.0
	 *
	 * @return array{tz: string}|array{offset: int}
	 */
	public static function timezone() {
		$name = get_option( 'timezone_string' );
		$name = is_string( $name ) ? $name : '';
		if ( '' !== $name && in_array( $name, timezone_identifiers_list( \DateTimeZone::ALL_WITH_BC ), true ) ) {
			return array( 'tz' => $name );
		}
		$offset = get_option( 'gmt_offset' );
		return array( 'offset' => (int) round( 60 * ( is_numeric( $offset ) ? (float) $offset : 0.0 ) ) );
	}

	/**
	 * What hours.js reads from the front end's settings, or null when there
	 * is no schedule (then nothing is printed and the chat is always open).
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Effective settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return array<string,mixed>|null
	 */
	public static function config( array $settings ) {
		if ( array() === $settings['away_hours'] ) {
			return null;
		}
		$ranges = array();
		foreach ( $settings['away_hours'] as $range ) {
			$parsed = self::parse( $range );
			if ( null !== $parsed ) {
				$ranges[] = $parsed;
			}
		}
		return self::timezone() + array(
			'ranges' => $ranges,
			'hide'   => 'hide' === $settings['away_action'],
			'text'   => $settings['away_greeting'],
		);
	}

	/**
	 * Whether the page has an away greeting to show outside the hours.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Effective settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return bool
	 */
	public static function has_greeting( array $settings ) {
		return array() !== $settings['away_hours'] && 'greeting' === $settings['away_action'] && '' !== $settings['away_greeting'];
	}

	/**
	 * The diagnostics' finding on the opening hours.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Site settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return array{id: string, label: string, status: string, description: string, fix: string}
	 */
	public static function check_schedule( array $settings ) {
		$check = array(
			'id'          => 'away_hours',
			'label'       => __( 'Opening hours', 'customer-chat-for-messenger' ),
			'status'      => 'good',
			'description' => __( 'No opening hours are set: the chat is always open.', 'customer-chat-for-messenger' ),
			'fix'         => '',
		);
		if ( array() === $settings['away_hours'] ) {
			return $check;
		}
		$check['description'] = sprintf(
			/* translators: 1: number of ranges, 2: the site's timezone, 3: open or away. */
			__( '%1$d opening-hour ranges in the site’s timezone (%2$s): right now the chat is %3$s. Each visitor’s browser decides this, so cached pages stay right.', 'customer-chat-for-messenger' ),
			count( $settings['away_hours'] ),
			wp_timezone_string(),
			self::is_open( $settings['away_hours'], time() ) ? __( 'open', 'customer-chat-for-messenger' ) : __( 'away', 'customer-chat-for-messenger' )
		);
		if ( 'greeting' === $settings['away_action'] && '' === $settings['away_greeting'] ) {
			$check['status'] = 'warning';
			$check['fix']    = __( 'Outside the opening hours nothing changes for visitors: enter an away greeting, or choose to hide the bubble.', 'customer-chat-for-messenger' );
		}
		return $check;
	}

	/**
	 * The embed code's note where the site has opening hours: the pasted
	 * link is plain HTML, always shown (the away greeting needs WordPress).
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $settings Settings.
	 * @phpstan-param CcfmSettings $settings
	 * @return string An HTML comment and a line break, or ''.
	 */
	public static function embed_note( array $settings ) {
		if ( array() === $settings['away_hours'] ) {
			return '';
		}
		$note = __( 'The opening hours are not applied to this code: outside WordPress the link always shows.', 'customer-chat-for-messenger' );
		return '<!-- ' . str_replace( '--', '- -', esc_html( $note ) ) . " -->\n";
	}

	/**
	 * Whether the chat is open at a time, by the same rule as hours.ts
	 * (for the diagnostics and the settings screen).
	 *
	 * @since 1.0.0
	 *
	 * @param string[] $hours The away_hours setting.
	 * @param int      $time  Unix time.
	 * @phpstan-param list<string> $hours
	 * @return bool
	 */
	public static function is_open( array $hours, $time ) {
		if ( array() === $hours ) {
			return true;
		}
		$now    = ( new \DateTimeImmutable( '@' . $time ) )->setTimezone( wp_timezone() );
		$day    = (int) $now->format( 'N' );
		$minute = 60 * (int) $now->format( 'G' ) + (int) $now->format( 'i' );
		foreach ( $hours as $range ) {
			$parsed = self::parse( $range );
			if ( null !== $parsed && $parsed[0] === $day && $minute >= $parsed[1] && $minute < $parsed[2] ) {
				return true;
			}
		}
		return false;
	}
}
