<?php
/**
 * The range of days a report route covers (the conversations and the
 * funnel): its REST arguments, and the days they name.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Platform;

defined( 'ABSPATH' ) || exit;

/**
 * A report's range of days, in the site's time zone.
 *
 * @since 1.0.0
 */
final class Report_Range {

	/**
	 * The REST arguments `from` and `to`.
	 *
	 * @since 1.0.0
	 *
	 * @return array<string,array<string,string>>
	 */
	public static function args() {
		$date = array(
			'type'    => 'string',
			'pattern' => '^\d{4}-\d{2}-\d{2}$',
		);
		return array(
			'from' => $date + array( 'description' => __( 'First day (YYYY-MM-DD, site time zone); default 29 days before "to".', 'customer-chat-for-messenger' ) ),
			'to'   => $date + array( 'description' => __( 'Last day (YYYY-MM-DD, site time zone); default today.', 'customer-chat-for-messenger' ) ),
		);
	}

	/**
	 * The first and last day a request asks for (midnight, site time zone),
	 * or why they cannot be reported (400).
	 *
	 * @since 1.0.0
	 *
	 * @param \WP_REST_Request $request Request.
	 * @phpstan-param \WP_REST_Request<array<string,mixed>> $request
	 * @return array{\DateTimeImmutable, \DateTimeImmutable}|\WP_Error
	 */
	public static function of( $request ) {
		$to   = self::day( $request['to'], new \DateTimeImmutable( 'today', wp_timezone() ) );
		$from = $to ? self::day( $request['from'], $to->modify( '-29 days' ) ) : false;
		if ( ! $to || ! $from ) {
			return new \WP_Error( 'rest_invalid_param', __( 'The dates must be real days written YYYY-MM-DD.', 'customer-chat-for-messenger' ), array( 'status' => 400 ) );
		}
		if ( $from > $to ) {
			return new \WP_Error( 'rest_invalid_param', __( 'The first day must not be after the last day.', 'customer-chat-for-messenger' ), array( 'status' => 400 ) );
		}
		if ( $from->diff( $to )->days > 366 ) {
			return new \WP_Error( 'rest_invalid_param', __( 'The report covers at most 367 days.', 'customer-chat-for-messenger' ), array( 'status' => 400 ) );
		}
		return array( $from, $to );
	}

	/**
	 * A YYYY-MM-DD day at midnight in the site's time zone.
	 *
	 * @param mixed              $value    Requested day, or null.
	 * @param \DateTimeImmutable $fallback Day when none was asked for.
	 * @return \DateTimeImmutable|false False when it is not a real day.
	 */
	private static function day( $value, \DateTimeImmutable $fallback ) {
		if ( null === $value || '' === $value ) {
			return $fallback->setTime( 0, 0 );
		}
		$day = is_string( $value ) ? \DateTimeImmutable::createFromFormat( '!Y-m-d', $value, wp_timezone() ) : false;
		return $day && $day->format( 'Y-m-d' ) === $value ? $day : false;
	}
}
