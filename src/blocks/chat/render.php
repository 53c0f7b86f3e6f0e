<?php
/**
 * Server render of the customer-chat-for-messenger/chat block: the same
 * render path as the [messenger_chat] shortcode.
 *
 * @package CustomerChatForMessenger
 *
 * @var array<string,mixed> $attributes Block attributes.
 */

defined( 'ABSPATH' ) || exit;

$ccfm_clean = CCFM\Chat\Placement::clean_attributes( $attributes );
echo CCFM\Chat\Placement::render( $ccfm_clean, 'button' === $ccfm_clean['type'] ? get_block_wrapper_attributes( array( 'class' => 'ccfm-button-wrap' ) ) : '' ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- Renderer escapes every part; the wrapper attributes come escaped from WordPress.
