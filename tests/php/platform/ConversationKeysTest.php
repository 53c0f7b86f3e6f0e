<?php
/**
 * Sender keys are keyed with the plugin's own random secret (kept in
 * ccfm_platform, created on activation and whenever missing), so privacy
 * export and erase keep finding a sender's records after the site's salts
 * change; records keyed with the salts by 1.1 move to the new key when the
 * sender is named again.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

use CCFM\Platform\Conversation_Store;
use CCFM\Platform\Conversation_Table;
use CCFM\Platform\Personal_Data;
use CCFM\Platform\Secrets;

require_once __DIR__ . '/PlatformTestCase.php';

/**
 * Conversation key tests.
 */
class ConversationKeysTest extends PlatformTestCase {

	const PSID = '2900000000000077';

	protected function tear_down() {
		delete_option( Conversation_Store::LEGACY_OPTION );
		parent::tear_down();
	}

	/**
	 * Rotates the site's salts (what a security plugin or an incident
	 * response does to wp-config.php), for the rest of the test.
	 */
	private static function rotate_salts() {
		wp_cache_delete( 'salt', 'options' );
		add_filter(
			'salt',
			static function ( $salt, $scheme ) {
				return hash( 'sha256', 'rotated|' . $scheme . '|' . $salt );
			},
			10,
			2
		);
	}

	/**
	 * A start from a sender, now.
	 *
	 * @param string $sender Sender id.
	 * @param int    $ago    Seconds ago.
	 * @return array<string,mixed>
	 */
	private static function start( $sender, $ago = 60 ) {
		return array(
			'sender'    => array( 'id' => $sender ),
			'recipient' => array( 'id' => self::PAGE_ID ),
			'timestamp' => ( time() - $ago ) * 1000,
			'referral'  => array(
				'ref'    => 'keys',
				'source' => 'SHORTLINK',
				'type'   => 'OPEN_THREAD',
			),
		);
	}

	public function test_export_and_erase_find_the_records_after_the_salts_change() {
		$this->save_secrets();
		$this->assertSame( array( 'stored' => 2 ), $this->deliver( self::body( array( self::start( self::PSID, 120 ), self::start( self::PSID, 60 ) ) ) )->get_data() );
		$before = wp_salt( 'auth' );

		self::rotate_salts();
		$this->assertNotSame( $before, wp_salt( 'auth' ), 'The salts changed.' );

		$export = Personal_Data::export( self::PSID . '@' . Personal_Data::EXPORT_DOMAIN );
		$this->assertCount( 2, $export['data'] );
		$this->assertTrue( Conversation_Store::can_message( self::PSID ) );
		$this->assertSame( 'open', Conversation_Store::state_of( self::PSID ) );

		$erase = Personal_Data::erase( self::PSID );
		$this->assertTrue( $erase['items_removed'] );
		$this->assertSame( array(), $this->rows() );
	}

	public function test_the_key_is_not_the_salted_one_and_no_raw_id_is_stored() {
		$this->save_secrets();
		$this->deliver( self::body( array( self::start( self::PSID ) ) ) );
		$rows = $this->rows();
		$this->assertCount( 1, $rows );
		$this->assertSame( hash_hmac( 'sha256', 'ccfm-sender|' . self::PSID, Secrets::sender_secret() ), $rows[0]['sender_key'] );
		$this->assertNotSame( Conversation_Store::legacy_key( self::PSID ), $rows[0]['sender_key'] );
		$this->assertStringNotContainsString( self::PSID, (string) wp_json_encode( $rows ) );
	}

	public function test_the_secret_is_created_on_activation_and_when_missing_and_never_shown() {
		delete_option( Secrets::OPTION );
		Conversation_Table::activate();
		$stored = get_option( Secrets::OPTION );
		$this->assertIsArray( $stored );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $stored[ Secrets::SENDER_SECRET ] );
		$secret = $stored[ Secrets::SENDER_SECRET ];
		$this->assertSame( $secret, Secrets::sender_secret(), 'Stable once created.' );

		// Saving the connection keeps it; no answer shows it.
		$this->as_role( 'administrator' );
		$response = $this->rest( 'POST', '/ccfm/v1/platform', array( 'app_secret' => self::APP_SECRET ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( $secret, Secrets::sender_secret() );
		$this->assertStringNotContainsString( $secret, (string) wp_json_encode( $response->get_data() ) );
		$this->assertStringNotContainsString( $secret, (string) wp_json_encode( $this->rest( 'GET', '/ccfm/v1/platform' )->get_data() ) );

		// Lazily created when missing (the option deleted by hand).
		delete_option( Secrets::OPTION );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', Conversation_Store::sender_key( self::PSID ) );
		$this->assertNotSame( $secret, Secrets::sender_secret() );
		$this->assertSame( Secrets::sender_secret(), get_option( Secrets::OPTION )[ Secrets::SENDER_SECRET ] );
	}

	/**
	 * Rows stored by 1.1, keyed with the salts.
	 *
	 * @param string $sender Sender id.
	 * @param int    $count  Rows.
	 */
	private function store_legacy_rows( $sender, $count ) {
		for ( $i = 0; $i < $count; $i++ ) {
			Conversation_Store::record(
				array(
					'created_at'    => gmdate( 'Y-m-d H:i:s', time() - 3600 - $i ),
					'event_type'    => 'referral',
					'referral_type' => 'OPEN_THREAD',
					'ref'           => 'old',
					'source'        => 'SHORTLINK',
					'page_url'      => '',
					'is_guest'      => 0,
					'sender_kind'   => 'id',
					'sender_key'    => Conversation_Store::legacy_key( $sender ),
					'linked_key'    => '',
					'event_key'     => hash( 'sha256', 'legacy|' . $sender . '|' . $i ),
				)
			);
		}
	}

	public function test_the_upgrade_from_1_1_marks_legacy_rows() {
		$this->store_legacy_rows( self::PSID, 1 );
		update_option( Conversation_Table::DB_VERSION_OPTION, '1' );
		Conversation_Table::maybe_upgrade();
		$this->assertIsNumeric( get_option( Conversation_Store::LEGACY_OPTION ) );
		$this->assertSame( Conversation_Table::DB_VERSION, get_option( Conversation_Table::DB_VERSION_OPTION ) );
	}

	public function test_legacy_rows_move_to_the_new_key_when_named_and_then_survive_a_salt_change() {
		$this->save_secrets();
		$this->store_legacy_rows( self::PSID, 2 );
		$this->store_legacy_rows( 'GUEST-NEVER-NAMED', 1 );
		update_option( Conversation_Store::LEGACY_OPTION, time(), false );

		// A privacy request names the sender while the old salts are in place.
		$this->assertCount( 2, Personal_Data::export( self::PSID )['data'] );
		$keys = array_column( $this->rows(), 'sender_key' );
		$this->assertSame( array( Conversation_Store::sender_key( self::PSID ), Conversation_Store::sender_key( self::PSID ), Conversation_Store::legacy_key( 'GUEST-NEVER-NAMED' ) ), $keys );

		self::rotate_salts();
		$this->assertCount( 2, Personal_Data::export( self::PSID )['data'], 'Found after the salts changed.' );
		// What is documented: a 1.1 record nobody named before the change is lost to export/erase.
		$this->assertSame( array(), Personal_Data::export( 'GUEST-NEVER-NAMED' )['data'] );
	}

	public function test_a_new_event_moves_the_senders_legacy_rows() {
		$this->save_secrets();
		$this->store_legacy_rows( self::PSID, 1 );
		update_option( Conversation_Store::LEGACY_OPTION, time(), false );

		$this->deliver( self::body( array( self::start( self::PSID ) ) ) );

		$this->assertSame( array( Conversation_Store::sender_key( self::PSID ) ), array_values( array_unique( array_column( $this->rows(), 'sender_key' ) ) ) );
	}

	public function test_legacy_handling_stops_once_the_old_rows_are_past_the_retention() {
		$this->save_secrets( array( 'retention_days' => 30 ) );
		update_option( Conversation_Store::LEGACY_OPTION, time() - 31 * DAY_IN_SECONDS, false );
		$this->assertSame( 0, Conversation_Store::adopt_legacy( self::PSID ) );
		$this->assertFalse( get_option( Conversation_Store::LEGACY_OPTION ) );
	}
}
