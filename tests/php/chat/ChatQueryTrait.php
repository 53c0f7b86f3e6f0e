<?php
/**
 * Puts WordPress on a given front-end query, as a visitor's request would.
 *
 * @package CustomerChatForMessenger
 */

namespace CCFM\Tests;

/**
 * The main query of a test request.
 */
trait ChatQueryTrait {

	/**
	 * Posts made by the test.
	 *
	 * @var int[]
	 */
	private $made_posts = array();

	/**
	 * Makes the main query the given one (and its post the global post).
	 *
	 * @param array<string,mixed> $query WP_Query arguments ('' for the home page).
	 * @param bool                $is_404 Whether to answer 404.
	 */
	private function visit( array $query, $is_404 = false ) {
		$wp_query = new \WP_Query( $query ? $query : array( 'posts_per_page' => 10 ) );
		if ( $is_404 ) {
			$wp_query->set_404();
		}
		$GLOBALS['wp_query']     = $wp_query;
		$GLOBALS['wp_the_query'] = $wp_query;
		if ( $wp_query->have_posts() && $wp_query->is_singular() ) {
			$GLOBALS['post'] = $wp_query->posts[0]; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the request under test.
			setup_postdata( $GLOBALS['post'] );
		}
	}

	/**
	 * A published post.
	 *
	 * @param string $type    Post type.
	 * @param string $content Content.
	 * @return int
	 */
	private function make_post( $type = 'post', $content = '' ) {
		$id = wp_insert_post(
			array(
				'post_title'   => 'Probe ' . $type,
				'post_type'    => $type,
				'post_status'  => 'publish',
				'post_content' => $content,
			),
			true
		);
		$this->assertIsInt( $id );
		$this->made_posts[] = $id;
		return $id;
	}

	/**
	 * Deletes the posts and restores the main query.
	 */
	private function forget_visit() {
		foreach ( $this->made_posts as $id ) {
			wp_delete_post( $id, true );
		}
		$this->made_posts = array();
		wp_reset_postdata();
		$GLOBALS['wp_query']     = new \WP_Query();
		$GLOBALS['wp_the_query'] = $GLOBALS['wp_query'];
	}
}
