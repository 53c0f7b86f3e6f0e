<?php
/**
 * The webhook's limits: a body above Webhook::MAX_BODY_BYTES or a delivery
 * with more than Webhook::MAX_EVENTS events is refused with 413 before any
 * write; events older than the retention period are counted, never stored
 * nor announced. And the Graph API calls: the Page token in an
 * Authorization header, never the URL, with appsecret_proof.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Platform\Secrets;
use CCFM\Platform\Webhook;

require_once __DIR__ . '/PlatformTestCase.php';

/**
 * Webhook limits and Graph API credentials.
 */
class WebhookLimitsTest extends PlatformTestCase {

	/**
	 * Events passed to ccfm_webhook_event.
	 *
	 * @var int
	 */
	private $fired = 0;

	protected function set_up() {
		parent::set_up();
		$this->fired = 0;
		add_action(
			'ccfm_webhook_event',
			function () {
				++$this->fired;
			}
		);
	}

	/**
	 * A referral event at a time (seconds), from a sender.
	 *
	 * @param int    $time   Unix time.
	 * @param string $sender Sender id.
	 * @return array<string,mixed>
	 */
	private static function referral_at( $time, $sender = '2900000000000010' ) {
		return array(
			'sender'    => array( 'id' => $sender ),
			'recipient' => array( 'id' => self::PAGE_ID ),
			'timestamp' => $time * 1000,
			'referral'  => array(
				'ref'    => 'limits',
				'source' => 'SHORTLINK',
				'type'   => 'OPEN_THREAD',
			),
		);
	}

	public function test_a_body_above_the_cap_is_refused_with_413_and_nothing_is_stored() {
		$this->save_secrets();
		$events = array( self::referral_at( time() - 60 ) );
		$body   = self::body( $events );
		// Padding inside the JSON keeps it valid and correctly signed.
		$body = substr( $body, 0, -1 ) . ',"pad":"' . str_repeat( 'x', Webhook::MAX_BODY_BYTES ) . '"}';
		$this->assertIsArray( json_decode( $body, true ) );

		$response = $this->deliver( $body );

		$this->assertSame( 413, $response->get_status() );
		$this->assertSame( 'ccfm_webhook_too_large', self::error_of( $response )[0] );
		$this->assertSame( array(), $this->rows() );
		$this->assertSame( 0, $this->fired );
	}

	public function test_a_body_at_the_cap_is_read() {
		$this->save_secrets();
		$body = self::body( array( self::referral_at( time() - 60 ) ) );
		$body = substr( $body, 0, -1 ) . ',"pad":"' . str_repeat( 'x', Webhook::MAX_BODY_BYTES - strlen( $body ) - 9 ) . '"}';
		$this->assertSame( Webhook::MAX_BODY_BYTES, strlen( $body ) );

		$response = $this->deliver( $body );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array( 'stored' => 1 ), $response->get_data() );
	}

	public function test_an_unsigned_oversized_body_gets_413_too() {
		$this->save_secrets();
		// Not even valid JSON: refused for its size before WordPress parses it.
		$response = $this->post_webhook( '{"pad":"' . str_repeat( 'x', Webhook::MAX_BODY_BYTES ), array() );
		$this->assertSame( 413, $response->get_status() );
		$this->assertSame( 'ccfm_webhook_too_large', self::error_of( $response )[0] );
	}

	public function test_more_events_than_the_cap_are_refused_with_413_before_any_write() {
		$this->save_secrets();
		$events = array();
		for ( $i = 0; $i <= Webhook::MAX_EVENTS; $i++ ) {
			$events[] = self::referral_at( time() - 60, 'S' . $i );
		}
		// Split over two entries: the cap counts the whole delivery.
		$half = (int) ( count( $events ) / 2 );
		$body = self::body( array_slice( $events, 0, $half ), array_slice( $events, $half ) );
		$this->assertLessThan( Webhook::MAX_BODY_BYTES, strlen( $body ) );

		$response = $this->deliver( $body );

		$this->assertSame( 413, $response->get_status() );
		$this->assertSame( 'ccfm_webhook_too_many_events', self::error_of( $response )[0] );
		$this->assertSame( array(), $this->rows() );
		$this->assertSame( 0, $this->fired );

		// The cap itself is accepted.
		$response = $this->deliver( self::body( array_slice( $events, 0, Webhook::MAX_EVENTS ) ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array( 'stored' => Webhook::MAX_EVENTS ), $response->get_data() );
		$this->assertSame( Webhook::MAX_EVENTS, $this->fired );
	}

	public function test_events_older_than_the_retention_are_counted_not_stored() {
		$this->save_secrets( array( 'retention_days' => 30 ) );
		$fresh = self::referral_at( time() - 29 * DAY_IN_SECONDS, 'FRESH' );
		$stale = self::referral_at( time() - 31 * DAY_IN_SECONDS, 'STALE' );

		$response = $this->deliver( self::body( array( $stale, $fresh, $stale ) ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame(
			array(
				'stored' => 1,
				'stale'  => 2,
			),
			$response->get_data()
		);
		$rows = $this->rows();
		$this->assertCount( 1, $rows );
		$this->assertSame( gmdate( 'Y-m-d H:i:s', time() - 29 * DAY_IN_SECONDS ), $rows[0]['created_at'] );
		$this->assertSame( 1, $this->fired );
	}

	public function test_a_delivery_replayed_after_pruning_is_not_stored_again() {
		$this->save_secrets( array( 'retention_days' => 30 ) );
		$event = self::referral_at( time() - 20 * DAY_IN_SECONDS );
		$body  = self::body( array( $event ) );
		$this->assertSame( array( 'stored' => 1 ), $this->deliver( $body )->get_data() );
		$this->assertSame( 1, $this->fired );

		// The site shortens its retention; the daily pruning removes the row.
		$this->save_secrets( array( 'retention_days' => 10 ) );
		\CCFM\Platform\Conversation_Pruning::prune();
		$this->assertSame( array(), $this->rows() );

		// Meta (or an attacker with a captured delivery) sends it again.
		$again = $this->deliver( $body );
		$this->assertSame(
			array(
				'stored' => 0,
				'stale'  => 1,
			),
			$again->get_data()
		);
		$this->assertSame( array(), $this->rows() );
		$this->assertSame( 1, $this->fired, 'ccfm_webhook_event fired once.' );
	}

	public function test_graph_calls_send_the_token_in_a_header_with_appsecret_proof() {
		$this->save_secrets();
		$this->site_at( 'https://myshop-site.com' );
		$this->as_role( 'administrator' );

		$this->assertSame( 200, $this->rest( 'GET', '/ccfm/v1/platform/whitelist' )->get_status() );
		$this->assertSame( 200, $this->rest( 'POST', '/ccfm/v1/platform/chat-surface', array( 'get_started_payload' => 'GO' ) )->get_status() );

		$requests = $this->graph_state()['requests'];
		$this->assertGreaterThanOrEqual( 3, count( $requests ) );
		foreach ( $requests as $request ) {
			$this->assertSame( 'header', $request['token_in'] );
			$this->assertFalse( $request['token_in_url'] );
			$this->assertArrayNotHasKey( 'access_token', (array) $request['query'] );
			$this->assertArrayNotHasKey( 'access_token', (array) $request['body'] );
			$this->assertSame( hash_hmac( 'sha256', self::TOKEN, self::APP_SECRET ), $request['query']['appsecret_proof'] );
			$this->assertTrue( $request['proof_ok'] );
		}
	}

	public function test_no_proof_without_an_app_secret_and_a_wrong_proof_is_refused_by_meta() {
		$this->save_secrets( array( 'app_secret' => '' ) );
		$this->site_at( 'https://myshop-site.com' );
		$this->as_role( 'administrator' );

		$this->assertSame( 200, $this->rest( 'GET', '/ccfm/v1/platform/whitelist' )->get_status() );
		$request = $this->graph_state()['requests'][0];
		$this->assertArrayNotHasKey( 'appsecret_proof', (array) $request['query'] );
		$this->assertSame( 'header', $request['token_in'] );

		// A proof made with another secret: the stand-in refuses it like Meta.
		$this->save_secrets( array( 'app_secret' => 'ffffffffffffffffffffffffffffffff' ) );
		$response = $this->rest( 'GET', '/ccfm/v1/platform/whitelist' );
		$this->assertSame( 400, $response->get_status() );
		$this->assertFalse( end( $this->graph_state()['requests'] )['proof_ok'] );
	}

	public function test_the_documented_caps_are_in_the_readmes() {
		foreach ( array( 'README.md', 'plugin/readme.txt' ) as $file ) {
			$text = (string) file_get_contents( CCFM_TESTS_ROOT . '/' . $file ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents
			$this->assertStringContainsString( '1 MiB', $text, $file );
			$this->assertStringContainsString( number_format( Webhook::MAX_EVENTS ) . ' events', $text, $file );
			$this->assertSame( 1048576, Webhook::MAX_BODY_BYTES );
		}
		$this->assertSame( 90, Secrets::DEFAULT_RETENTION_DAYS );
	}
}
