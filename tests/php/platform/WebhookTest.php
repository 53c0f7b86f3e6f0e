<?php
/**
 * CCFM\Platform\Webhook: the handshake, the signature, and the events of the spec.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Platform\Conversation_Store;
use CCFM\Platform\Webhook;
use CCFM\Platform\Webhook_Events;

require_once __DIR__ . '/PlatformTestCase.php';

/**
 * Webhook tests.
 */
class WebhookTest extends PlatformTestCase {

	/**
	 * Events passed to ccfm_webhook_event.
	 *
	 * @var array<int,array{0:string,1:array<string,mixed>}>
	 */
	private $fired = array();

	protected function set_up() {
		parent::set_up();
		$this->fired = array();
		add_action(
			'ccfm_webhook_event',
			function ( $type, $event ) {
				$this->fired[] = array( $type, $event );
			},
			10,
			2
		);
	}

	/**
	 * A GET handshake as PHP sees Meta's hub.* parameters.
	 *
	 * @param array<string,string> $query Query.
	 * @return \WP_REST_Response
	 */
	private function handshake( array $query ) {
		$request = new \WP_REST_Request( 'GET', '/ccfm/v1/webhook' );
		$request->set_query_params( $query );
		return rest_get_server()->dispatch( $request );
	}

	/**
	 * What the REST server would print for a response, through the
	 * rest_pre_serve_request filter.
	 *
	 * @param \WP_REST_Response $response Response.
	 * @param string            $method   Method.
	 * @return array{0:bool,1:string} Whether it was served, what was printed.
	 */
	private function serve( \WP_REST_Response $response, $method = 'GET' ) {
		$request = new \WP_REST_Request( $method, '/ccfm/v1/webhook' );
		ob_start();
		$served = apply_filters( 'rest_pre_serve_request', false, $response, $request, rest_get_server() );
		return array( $served, (string) ob_get_clean() );
	}

	public function test_handshake_echoes_the_challenge_as_plain_text() {
		$this->save_secrets();
		$challenge = '1158201444';
		$response  = $this->handshake(
			array(
				'hub_mode'         => 'subscribe',
				'hub_verify_token' => self::VERIFY_TOKEN,
				'hub_challenge'    => $challenge,
			)
		);
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $challenge, $response->get_data() );
		$this->assertSame( 'text/plain; charset=utf-8', $response->get_headers()['Content-Type'] );
		$this->assertSame( array( true, $challenge ), $this->serve( $response ) );
	}

	public function test_handshake_challenge_is_verbatim() {
		$this->save_secrets();
		$challenge = 'a<b>&"c\' é 00123';
		$response  = $this->handshake(
			array(
				'hub_mode'         => 'subscribe',
				'hub_verify_token' => self::VERIFY_TOKEN,
				'hub_challenge'    => $challenge,
			)
		);
		$this->assertSame( array( true, $challenge ), $this->serve( $response ) );
		$this->assertSame( 'nosniff', $response->get_headers()['X-Content-Type-Options'] );
	}

	/**
	 * Handshakes that must fail.
	 *
	 * @return array<string,array{0:array<string,string>,1:bool}>
	 */
	public function data_bad_handshakes() {
		return array(
			'wrong token'       => array(
				array(
					'hub_mode'         => 'subscribe',
					'hub_verify_token' => 'verify-Me-9f8e7X',
					'hub_challenge'    => '42',
				),
				true,
			),
			'token prefix'      => array(
				array(
					'hub_mode'         => 'subscribe',
					'hub_verify_token' => 'verify-Me',
					'hub_challenge'    => '42',
				),
				true,
			),
			'no token'          => array(
				array(
					'hub_mode'      => 'subscribe',
					'hub_challenge' => '42',
				),
				true,
			),
			'wrong mode'        => array(
				array(
					'hub_mode'         => 'unsubscribe',
					'hub_verify_token' => self::VERIFY_TOKEN,
					'hub_challenge'    => '42',
				),
				true,
			),
			'none configured'   => array(
				array(
					'hub_mode'         => 'subscribe',
					'hub_verify_token' => '',
					'hub_challenge'    => '42',
				),
				false,
			),
			'dotted names only' => array(
				array(
					'hub.mode'         => 'subscribe',
					'hub.verify_token' => self::VERIFY_TOKEN,
					'hub.challenge'    => '42',
				),
				true,
			),
		);
	}

	/**
	 * @dataProvider data_bad_handshakes
	 *
	 * @param array<string,string> $query      Query.
	 * @param bool                 $configured Whether a verify token is saved.
	 */
	public function test_bad_handshakes_are_forbidden( array $query, $configured ) {
		if ( $configured ) {
			$this->save_secrets();
		}
		$response = $this->handshake( $query );
		$this->assertSame( 403, $response->get_status() );
		list( $served, $printed ) = $this->serve( $response );
		$this->assertFalse( $served );
		$this->assertSame( '', $printed );
		$this->assertStringNotContainsString( '42', (string) wp_json_encode( $response->get_data() ) );
	}

	public function test_signed_event_is_stored() {
		$this->save_secrets();
		$body     = self::body( array( self::spec_events()['referral, user_ref'] ) );
		$response = $this->deliver( $body );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array( 'stored' => 1 ), $response->get_data() );
		$rows = $this->rows();
		$this->assertCount( 1, $rows );
		$this->assertSame( 'referral', $rows[0]['event_type'] );
		$this->assertSame( 'OPEN_THREAD', $rows[0]['referral_type'] );
		$this->assertSame( 'home-page', $rows[0]['ref'] );
		$this->assertSame( 'CUSTOMER_CHAT_PLUGIN', $rows[0]['source'] );
		$this->assertSame( 'https://shop.example.org/products/', $rows[0]['page_url'], 'No query string or fragment.' );
		$this->assertSame( 'user_ref', $rows[0]['sender_kind'] );
		$this->assertSame( Conversation_Store::sender_key( 'UREF-referral-1' ), $rows[0]['sender_key'] );
		$this->assertSame( '2019-06-03 21:46:25', $rows[0]['created_at'] );
		$this->assertSame( 'open', $rows[0]['state'] );
		$this->assertCount( 1, $this->fired );
		$this->assertSame( 'messaging_referrals', $this->fired[0][0] );
		$this->assertSame( self::spec_events()['referral, user_ref'], $this->fired[0][1] );
	}

	/**
	 * Requests that must be refused with 401.
	 *
	 * @return array<string,array{0:callable}>
	 */
	public function data_rejected_deliveries() {
		$body = static function () {
			return self::body( array( self::spec_events()['referral, PSID'] ) );
		};
		return array(
			'no signature'                      => array(
				static function () use ( $body ) {
					return array( $body(), array() );
				},
			),
			'wrong secret'                      => array(
				static function () use ( $body ) {
					return array( $body(), array( 'X-Hub-Signature-256' => 'sha256=' . hash_hmac( 'sha256', $body(), 'fedcba9876543210fedcba9876543210' ) ) );
				},
			),
			'keyed with the verify token'       => array(
				static function () use ( $body ) {
					return array( $body(), array( 'X-Hub-Signature-256' => 'sha256=' . hash_hmac( 'sha256', $body(), self::VERIFY_TOKEN ) ) );
				},
			),
			'SHA-1 only'                        => array(
				static function () use ( $body ) {
					return array( $body(), array( 'X-Hub-Signature' => 'sha1=' . hash_hmac( 'sha1', $body(), self::APP_SECRET ) ) );
				},
			),
			'SHA-1 value in the SHA-256 header' => array(
				static function () use ( $body ) {
					return array( $body(), array( 'X-Hub-Signature-256' => 'sha1=' . hash_hmac( 'sha1', $body(), self::APP_SECRET ) ) );
				},
			),
			'no prefix'                         => array(
				static function () use ( $body ) {
					return array( $body(), array( 'X-Hub-Signature-256' => hash_hmac( 'sha256', $body(), self::APP_SECRET ) ) );
				},
			),
			'body re-encoded'                   => array(
				static function () use ( $body ) {
					$pretty = (string) wp_json_encode( json_decode( $body() ), JSON_PRETTY_PRINT );
					return array( $pretty, array( 'X-Hub-Signature-256' => 'sha256=' . hash_hmac( 'sha256', $body(), self::APP_SECRET ) ) );
				},
			),
			'non-ASCII re-escaped'              => array(
				static function () {
					$raw     = '{"object":"page","entry":[{"id":"1","time":1,"messaging":[{"sender":{"id":"29001"},"recipient":{"id":"1"},"timestamp":1559598385735,"referral":{"ref":"caf\u00e9","source":"CUSTOMER_CHAT_PLUGIN","type":"OPEN_THREAD"}}]}]}';
					$decoded = str_replace( '\u00e9', 'é', $raw );
					return array( $decoded, array( 'X-Hub-Signature-256' => 'sha256=' . hash_hmac( 'sha256', $raw, self::APP_SECRET ) ) );
				},
			),
			'empty signature'                   => array(
				static function () use ( $body ) {
					return array( $body(), array( 'X-Hub-Signature-256' => 'sha256=' ) );
				},
			),
		);
	}

	/**
	 * @dataProvider data_rejected_deliveries
	 *
	 * @param callable $make Returns the body and headers.
	 */
	public function test_rejected_deliveries_store_nothing( callable $make ) {
		$this->save_secrets();
		list( $body, $headers ) = $make();
		$response               = $this->post_webhook( $body, $headers );
		$this->assertSame( 401, $response->get_status() );
		$this->assertSame( 'ccfm_webhook_signature', self::error_of( $response )[0] );
		$this->assertSame( array(), $this->rows() );
		$this->assertSame( array(), $this->fired );
	}

	public function test_no_app_secret_saved_refuses_everything() {
		$this->save_secrets( array( 'app_secret' => '' ) );
		$body     = self::body( array( self::spec_events()['referral, PSID'] ) );
		$response = $this->post_webhook( $body, array( 'X-Hub-Signature-256' => 'sha256=' . hash_hmac( 'sha256', $body, '' ) ) );
		$this->assertSame( 401, $response->get_status() );
		$this->assertSame( array(), $this->rows() );
	}

	public function test_non_ascii_body_signed_raw_is_accepted() {
		$this->save_secrets();
		$event                    = self::spec_events()['referral, PSID'];
		$event['referral']['ref'] = 'café-über';
		$body                     = self::body( array( $event ) );
		$this->assertStringContainsString( 'café-über', $body, 'The raw body carries UTF-8, not \u escapes.' );
		$this->assertSame( 200, $this->deliver( $body )->get_status() );
		$this->assertSame( 'café-über', $this->rows()[0]['ref'] );

		// Meta's own escaping: signed as sent.
		$escaped = str_replace( 'café', 'caf\u00e9', str_replace( '2900000000000002', '2900000000000077', $body ) );
		$this->assertSame( 200, $this->deliver( $escaped )->get_status() );
		$this->assertSame( 'café-über', $this->rows()[1]['ref'] );
	}

	public function test_uppercase_hex_signature_is_accepted() {
		$this->save_secrets();
		$body = self::body( array( self::spec_events()['referral, PSID'] ) );
		$this->assertSame( 200, $this->post_webhook( $body, array( 'X-Hub-Signature-256' => 'sha256=' . strtoupper( hash_hmac( 'sha256', $body, self::APP_SECRET ) ) ) )->get_status() );
	}

	public function test_signed_garbage_is_a_bad_request() {
		$this->save_secrets();
		$response = $this->post_webhook( 'not json', array( 'X-Hub-Signature-256' => 'sha256=' . hash_hmac( 'sha256', 'not json', self::APP_SECRET ) ) );
		$this->assertContains( $response->get_status(), array( 400 ) );
		$this->assertSame( array(), $this->rows() );
	}

	/**
	 * Each event shape of the spec.
	 *
	 * @return array<string,array{0:string}>
	 */
	public function data_spec_events() {
		$out = array();
		foreach ( array_keys( self::spec_events() ) as $name ) {
			$out[ $name ] = array( $name );
		}
		return $out;
	}

	/**
	 * @dataProvider data_spec_events
	 *
	 * @param string $name Event name.
	 */
	public function test_each_spec_event_is_recorded_once_when_delivered_twice( $name ) {
		$this->save_secrets();
		$event = self::spec_events()[ $name ];
		$body  = self::body( array( $event ) );
		$first = $this->deliver( $body );
		$this->assertSame( 200, $first->get_status() );
		$this->assertSame( array( 'stored' => 1 ), $first->get_data() );
		$retry = $this->deliver( $body );
		$this->assertSame( 200, $retry->get_status() );
		$this->assertSame( array( 'stored' => 0 ), $retry->get_data() );
		// A retry in another batch, next to a new event, is still recognised.
		$other                 = self::spec_events()['referral, PSID'];
		$other['sender']['id'] = '2900000000000555';
		$batched               = self::body( array( $other ), array( $event ) );
		$this->assertSame( array( 'stored' => 1 ), $this->deliver( $batched )->get_data() );

		$rows = $this->rows();
		$this->assertCount( 2, $rows );
		$this->assertCount( 2, $this->fired );
		$this->assertSame( $event, $this->fired[0][1] );
		$expected_type = isset( $event['referral'] ) ? 'messaging_referrals' : ( isset( $event['postback'] ) ? 'messaging_postbacks' : 'messages' );
		$this->assertSame( $expected_type, $this->fired[0][0] );

		$sender = isset( $event['sender']['user_ref'] ) ? $event['sender']['user_ref'] : $event['sender']['id'];
		$this->assertSame( Conversation_Store::sender_key( $sender ), $rows[0]['sender_key'] );
		$this->assertSame( isset( $event['sender']['user_ref'] ) ? 'user_ref' : 'id', $rows[0]['sender_kind'] );
		$dump = (string) wp_json_encode( $rows );
		$this->assertStringNotContainsString( $sender, $dump, 'The raw sender id is never stored.' );
		$this->assertStringNotContainsString( 'hello, from customer chat', $dump, 'No message text is stored.' );
		$this->assertStringNotContainsString( '2900000000000099', $dump, 'The upgraded PSID is never stored raw.' );
	}

	public function test_spec_event_fields_are_understood() {
		$this->save_secrets();
		$events = self::spec_events();
		$this->deliver( self::body( array_values( $events ) ) );
		$rows = array();
		foreach ( $this->rows() as $row ) {
			$rows[] = array( $row['event_type'], $row['referral_type'], $row['ref'], $row['source'], $row['page_url'], $row['is_guest'], $row['state'] );
		}
		$this->assertSame(
			array(
				array( 'postback', 'OPEN_THREAD', 'pricing', 'SHORTLINK', '', '0', 'open' ),
				array( 'postback', 'OPEN_THREAD', 'pricing', 'SHORTLINK', '', '0', 'open' ),
				array( 'referral', 'OPEN_THREAD', 'home-page', 'CUSTOMER_CHAT_PLUGIN', 'https://shop.example.org/products/', '0', 'open' ),
				array( 'referral', 'OPEN_THREAD', 'home-page', 'CUSTOMER_CHAT_PLUGIN', 'https://shop.example.org/', '0', 'open' ),
				array( 'referral', 'OPEN_THREAD', 'checkout', 'CUSTOMER_CHAT_PLUGIN', 'https://shop.example.org/checkout/', '1', 'ended' ),
				array( 'referral', 'END_CHAT', 'checkout', 'CUSTOMER_CHAT_PLUGIN', 'https://shop.example.org/checkout/', '1', 'ended' ),
				array( 'referral', 'GUEST_UPGRADE', '', 'CUSTOMER_CHAT_PLUGIN', 'https://shop.example.org/', '1', 'upgraded' ),
				array( 'message', '', '', 'CUSTOMER_CHAT_PLUGIN', '', '0', 'open' ),
			),
			$rows
		);
	}

	public function test_end_chat_marks_the_guest_so_nothing_is_sent() {
		$this->save_secrets();
		$events = self::spec_events();
		$guest  = 'GUEST-4000000000000001';
		$this->deliver( self::body( array( $events['referral, guest'] ) ) );
		$this->assertSame( 'open', Conversation_Store::state_of( $guest ) );
		$this->assertTrue( Conversation_Store::can_message( $guest ) );

		$this->deliver( self::body( array( $events['referral, guest END_CHAT'] ) ) );
		$this->assertSame( 'ended', Conversation_Store::state_of( $guest ) );
		$this->assertFalse( Conversation_Store::can_message( $guest ) );
		$this->assertSame( array( 'ended', 'ended' ), array_column( $this->rows(), 'state' ) );

		// A later event of that guest keeps the mark; other senders are untouched.
		$late              = $events['referral, guest'];
		$late['timestamp'] = 1559598047999;
		$this->deliver( self::body( array( $late, $events['referral, PSID'] ) ) );
		$this->assertSame( array( 'ended', 'ended', 'ended', 'open' ), array_column( $this->rows(), 'state' ) );
		$this->assertTrue( Conversation_Store::can_message( '2900000000000002' ) );
	}

	public function test_guest_upgrade_links_the_guest_to_the_psid() {
		$this->save_secrets();
		$events               = self::spec_events();
		$open                 = $events['referral, guest'];
		$open['sender']['id'] = 'GUEST-4000000000000002';
		$this->deliver( self::body( array( $open ) ) );
		$this->deliver( self::body( array( $events['referral, guest GUEST_UPGRADE'] ) ) );
		$rows = $this->rows();
		$this->assertCount( 2, $rows );
		foreach ( $rows as $row ) {
			$this->assertSame( 'upgraded', $row['state'] );
			$this->assertSame( Conversation_Store::sender_key( '2900000000000099' ), $row['linked_key'] );
		}
		$this->assertSame( 'upgraded', Conversation_Store::state_of( 'GUEST-4000000000000002' ) );
		$this->assertTrue( Conversation_Store::can_message( 'GUEST-4000000000000002' ) );
	}

	public function test_echoes_deliveries_and_reads_are_ignored() {
		$this->save_secrets();
		$base     = array(
			'sender'    => array( 'id' => '2900000000000003' ),
			'recipient' => array( 'id' => self::PAGE_ID ),
			'timestamp' => 1559598623749,
		);
		$body     = self::body(
			array(
				$base + array(
					'message' => array(
						'is_echo' => true,
						'mid'     => 'm_echo',
					),
				),
				$base + array( 'delivery' => array( 'watermark' => 1 ) ),
				$base + array( 'read' => array( 'watermark' => 1 ) ),
				array( 'recipient' => array( 'id' => self::PAGE_ID ) ),
			)
		);
		$response = $this->deliver( $body );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array( 'stored' => 0 ), $response->get_data() );
		$this->assertSame( array(), $this->rows() );
	}

	public function test_page_url() {
		$this->assertSame( 'https://a.example.org/x/y', Webhook_Events::page_url( 'HTTPS://A.Example.org/x/y?q=1#f' ) );
		$this->assertSame( 'http://a.example.org:8080/', Webhook_Events::page_url( 'http://a.example.org:8080' ) );
		$this->assertSame( '', Webhook_Events::page_url( 'javascript:alert(1)' ) );
		$this->assertSame( '', Webhook_Events::page_url( array( 'x' ) ) );
	}
}
