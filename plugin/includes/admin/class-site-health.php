<?php
/**
 * The Site Health tests of the chat.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Admin;

use CCFM\Data_Files;
use CCFM\Rest_Access;

defined( 'ABSPATH' ) || exit;

/**
 * Site Health tests.
 *
 * @since 1.0.0
 */
final class Site_Health {

	/**
	 * Adds the hooks.
	 *
	 * @since 1.0.0
	 *
	 * @return void
	 */
	public function register() {
		add_filter( 'site_status_tests', array( $this, 'site_health_tests' ) );
	}

	/**
	 * Registers the Site Health test as an asynchronous one: its checks fetch
	 * the home page (a loopback request), so the Site Health screen asks for
	 * the result over REST after it has loaded, as core's own loopback test
	 * does. Tools that run tests directly use async_direct_test.
	 *
	 * @since 1.0.0
	 *
	 * @param array<string,mixed> $tests Tests.
	 * @return array<string,mixed>
	 */
	public function site_health_tests( $tests ) {
		$async              = isset( $tests['async'] ) && is_array( $tests['async'] ) ? $tests['async'] : array();
		$async['ccfm_chat'] = array(
			'label'             => __( 'Messenger chat', 'customer-chat-for-messenger' ),
			'test'              => rest_url( Rest_Access::NAMESPACE_V1 . '/site-health' ),
			'has_rest'          => true,
			'async_direct_test' => array( $this, 'site_health_result' ),
		);
		$tests['async']     = $async;
		$direct             = isset( $tests['direct'] ) && is_array( $tests['direct'] ) ? $tests['direct'] : array();
		// Reads only local files: direct, so a damaged one shows at once.
		$direct['ccfm_data_files'] = array(
			'label' => __( 'Messenger chat data files', 'customer-chat-for-messenger' ),
			'test'  => array( Data_Files::class, 'site_health_result' ),
		);
		$tests['direct']           = $direct;
		return $tests;
	}

	/**
	 * One Site Health result summing up the checks (worst status wins).
	 *
	 * @since 1.0.0
	 *
	 * @return array<string,mixed>
	 */
	public static function site_health_result() {
		$checks = Diagnostics::run();
		$rank   = array(
			'info'     => 0,
			'good'     => 0,
			'warning'  => 1,
			'critical' => 2,
		);
		$names  = array(
			'good'     => __( 'Good', 'customer-chat-for-messenger' ),
			'warning'  => __( 'Recommended', 'customer-chat-for-messenger' ),
			'critical' => __( 'Critical', 'customer-chat-for-messenger' ),
			'info'     => __( 'Not needed in this mode', 'customer-chat-for-messenger' ),
		);
		$worst  = 'good';
		$items  = '';
		// Worst first, in the checks' own order within a status; the findings
		// the current mode does not need come last.
		$order = array_keys( $checks );
		usort(
			$order,
			function ( $a, $b ) use ( $checks, $rank ) {
				return array( $rank[ $checks[ $b ]['status'] ], 'info' === $checks[ $a ]['status'], $a ) <=> array( $rank[ $checks[ $a ]['status'] ], 'info' === $checks[ $b ]['status'], $b );
			}
		);
		foreach ( $order as $index ) {
			$check = $checks[ $index ];
			if ( $rank[ $check['status'] ] > $rank[ $worst ] ) {
				$worst = $check['status'];
			}
			/* translators: %s: status of a check: Good, Recommended, Critical or Not needed in this mode. */
			$status = sprintf( __( '(%s)', 'customer-chat-for-messenger' ), $names[ $check['status'] ] );
			$items .= '<li><strong>' . esc_html( $check['label'] ) . '</strong> ' . esc_html( $status ) . ' ' . esc_html( $check['description'] ) . ( '' !== $check['fix'] ? ' <em>' . esc_html( $check['fix'] ) . '</em>' : '' ) . ' <small>' . esc_html( $check['needs'] ) . '</small></li>';
		}
		return array(
			'label'       => 'good' === $worst ? __( 'The Messenger chat is set up correctly', 'customer-chat-for-messenger' ) : __( 'The Messenger chat needs attention', 'customer-chat-for-messenger' ),
			'status'      => 'warning' === $worst ? 'recommended' : $worst,
			'badge'       => array(
				'label' => __( 'Messenger chat', 'customer-chat-for-messenger' ),
				'color' => 'blue',
			),
			'description' => '<ul>' . $items . '</ul>',
			'actions'     => '<a href="' . esc_url( admin_url( 'options-general.php?page=' . Admin_Page::SLUG ) ) . '">' . esc_html__( 'Messenger Chat settings', 'customer-chat-for-messenger' ) . '</a>',
			'test'        => 'ccfm_chat',
		);
	}
}
