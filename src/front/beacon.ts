/**
 * The click beacon, inlined with the boot script: one navigator.sendBeacon
 * per click on the bubble, a "Message us" button or a data-ccfm-open
 * element, never before. cfg.beacon (printed by PHP only while counting is
 * on) is the route with the page and ends in "path="; the body is the m.me
 * link clicked, whose ref the server reads. With the WP Consent API active
 * (cfg.consent), only with "statistics-anonymous" consent.
 */
import type { FrontConfig } from './common';

/**
 * @param cfg  Settings printed by PHP.
 * @param path chat or link: where the click leads.
 * @param link The m.me link of the trigger.
 */
export const beacon = ( cfg: FrontConfig, path: string, link: string ) =>
	cfg.beacon &&
	( ! cfg.consent || window.wp_has_consent?.( 'statistics-anonymous' ) ) &&
	navigator.sendBeacon?.( cfg.beacon + path, link );
