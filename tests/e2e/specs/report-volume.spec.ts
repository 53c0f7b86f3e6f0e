/**
 * The Conversations and Funnel screens with volume: 100,000 conversation
 * starts stored the way a version before the daily totals stored them
 * (INSERT … SELECT into the raw table), counted by the plugin's own rollup
 * (its upgrade path), and 100,000 rows of daily click counts. Both screens
 * load their figures, without an error or a "still preparing" notice. The
 * rows are removed afterwards and the totals rebuilt from what remains.
 */
import { ADMIN, expect, openPanel, test, wpEval } from '../fixtures';

const ROWS = 100000;
const LAST = ROWS - 1;
const DAYS = 80; // Inside the default retention (90 days): the daily pruning keeps them.

test.describe( 'reports with 100,000 rows', () => {
	test.beforeAll( () => {
		const out = wpEval( `
			global $wpdb;
			$raw    = CCFM\\Platform\\Conversation_Table::table();
			$clicks = CCFM\\Platform\\Click_Store::table();
			CCFM\\Platform\\Conversation_Table::maybe_upgrade();
			CCFM\\Platform\\Click_Store::maybe_upgrade();
			$step  = (int) floor( ${ DAYS } * DAY_IN_SECONDS / ${ ROWS } );
			$first = gmdate( 'Y-m-d H:i:s', strtotime( 'yesterday UTC' ) - ${ ROWS } * $step );
			$wpdb->query( $wpdb->prepare( "INSERT IGNORE INTO {$raw} (created_at, event_type, referral_type, ref, source, page_url, is_guest, sender_kind, sender_key, linked_key, state, event_key) SELECT DATE_ADD(%s, INTERVAL seq * %d SECOND), 'referral', 'OPEN_THREAD', CONCAT('e2e-vol-', seq %% 150), IF(seq %% 4 = 0, 'CUSTOMER_CHAT_PLUGIN', 'SHORTLINK'), IF(seq %% 4 = 0, CONCAT('https://shop.example.org/vol/', seq %% 400, '/'), ''), 0, 'id', SHA2(CONCAT('e2e-vol-s', seq), 256), '', 'open', SHA2(CONCAT('e2e-vol|', seq), 256) FROM seq_0_to_${ LAST }", $first, $step ) );
			$wpdb->query( "INSERT IGNORE INTO {$clicks} (row_key, day, page, ref, path, clicks) SELECT SHA1(CONCAT('e2e-vol|', seq)), DATE_SUB(CURDATE(), INTERVAL 1 + seq % ${ DAYS } DAY), CONCAT('/vol/', FLOOR(seq / ${ DAYS }) % 700, '/'), CONCAT('e2e-vol-', seq % 150), IF(seq % 2 = 0, 'link', 'chat'), 1 + seq % 5 FROM seq_0_to_${ LAST }" );
			CCFM\\Platform\\Conversation_Rollup::restart();
			CCFM\\Platform\\Conversation_Rollup::run_to_end();
			echo (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$raw} WHERE ref LIKE 'e2e-vol-%'" ), ' ', (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$clicks} WHERE ref LIKE 'e2e-vol-%'" ), ' ', (int) $wpdb->get_var( 'SELECT SUM(starts) FROM ' . CCFM\\Platform\\Conversation_Rollup::table() . " WHERE ref LIKE 'e2e-vol-%'" );
		` );
		expect( out ).toBe( `${ ROWS } ${ ROWS } ${ ROWS }` );
	} );

	test.afterAll( () => {
		const left = wpEval( `
			global $wpdb;
			$raw    = CCFM\\Platform\\Conversation_Table::table();
			$clicks = CCFM\\Platform\\Click_Store::table();
			do {
				$n = (int) $wpdb->query( "DELETE FROM {$raw} WHERE ref LIKE 'e2e-vol-%' LIMIT 20000" );
			} while ( $n > 0 );
			do {
				$n = (int) $wpdb->query( "DELETE FROM {$clicks} WHERE ref LIKE 'e2e-vol-%' LIMIT 20000" );
			} while ( $n > 0 );
			CCFM\\Platform\\Conversation_Rollup::restart();
			CCFM\\Platform\\Conversation_Rollup::run_to_end();
			echo (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$raw} WHERE ref LIKE 'e2e-vol-%'" ) + (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$clicks} WHERE ref LIKE 'e2e-vol-%'" ) + (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . CCFM\\Platform\\Conversation_Rollup::table() . " WHERE ref LIKE 'e2e-vol-%'" );
		` );
		expect( left ).toBe( '0' );
	} );

	test( 'the Conversations screen shows the figures', async ( { page } ) => {
		await page.goto( ADMIN );
		const answer = page.waitForResponse(
			( r ) =>
				r.url().includes( 'conversations' ) &&
				r.request().method() === 'GET'
		);
		const panel = await openPanel( page, 'Conversations' );
		const response = await answer;
		expect( response.status() ).toBe( 200 );
		const report = ( await response.json() ) as {
			total: number;
			preparing: number | null;
			per_ref: { ref: string; starts: number }[];
		};
		expect( report.preparing ).toBeNull();
		// The last 30 days of 80 days of starts.
		expect( report.total ).toBeGreaterThan( ROWS / 3 );
		expect( report.per_ref ).toHaveLength( 100 );
		await expect(
			panel.getByText(
				new RegExp(
					`^${ report.total } conversations started: \\d+(\\.\\d)?% in the Chat Plugin`
				)
			)
		).toBeVisible();
		await expect(
			panel.getByRole( 'cell', { name: report.per_ref[ 0 ].ref } )
		).toBeVisible();
		await expect(
			panel.locator( '.components-notice.is-error' )
		).toHaveCount( 0 );
		await expect( panel.getByText( 'Still counting' ) ).toHaveCount( 0 );
	} );

	test( 'the Funnel screen shows the figures and the table', async ( {
		page,
	} ) => {
		await page.goto( ADMIN );
		const answer = page.waitForResponse(
			( r ) =>
				r.url().includes( 'funnel' ) && r.request().method() === 'GET'
		);
		const panel = await openPanel( page, 'Funnel: clicks → conversations' );
		const response = await answer;
		expect( response.status() ).toBe( 200 );
		const report = ( await response.json() ) as {
			totals: { clicks: number };
			truncated: boolean;
			rows: { page: string }[];
		};
		// 30 of 80 days of 100,000 rows: more rows than the table lists.
		expect( report.truncated ).toBe( true );
		expect( report.rows.length ).toBeGreaterThan( 0 );
		expect( report.rows.length ).toBeLessThanOrEqual( 2000 );
		await expect(
			panel.getByText( new RegExp( `^${ report.totals.clicks } clicks` ) )
		).toBeVisible();
		await expect(
			panel.getByRole( 'cell', { name: report.rows[ 0 ].page } ).first()
		).toBeVisible();
		await expect(
			panel.getByText(
				'Only the most recent days that fit in 2,000 rows are listed; choose a shorter range.'
			)
		).toBeVisible();
		await expect(
			panel.locator( '.components-notice.is-error' )
		).toHaveCount( 0 );
	} );
} );
