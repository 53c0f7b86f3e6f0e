/**
 * Away hours, printed inline before the boot script only where the site has
 * opening hours (a page without them carries none of this). Decides in the
 * visitor's browser, against the site's timezone, whether the chat is open
 * now, so the same cached page is right at any time: outside the hours it
 * either puts the away greeting in the greeting box (greeting.ts then opens
 * it as any greeting) or hides the bubble before anything loads.
 */
import type { Hours } from './common';

( () => {
	const cfg = window.ccfmConfig;
	const hours = cfg?.hours;
	const root = document.currentScript?.previousElementSibling;
	if ( ! cfg || ! hours || root?.id !== 'ccfm-chat' ) {
		return;
	}
	/**
	 * Weekday (1 = Monday … 7 = Sunday) and minute of the day at the site.
	 * @param h   The site's timezone: an IANA name (with its DST) or a fixed offset.
	 * @param now The time.
	 */
	const local = ( h: Hours, now: Date ): [ number, number ] => {
		if ( h.tz ) {
			const parts: Record< string, string > = {};
			for ( const part of new Intl.DateTimeFormat( 'en-US', {
				timeZone: h.tz,
				weekday: 'short',
				hour: 'numeric',
				minute: 'numeric',
				hourCycle: 'h23',
			} ).formatToParts( now ) ) {
				parts[ part.type ] = part.value;
			}
			return [
				'MonTueWedThuFriSatSun'.indexOf( parts.weekday ) / 3 + 1,
				( +parts.hour % 24 ) * 60 + +parts.minute,
			];
		}
		const at = new Date( now.getTime() + ( h.offset || 0 ) * 60000 );
		return [
			at.getUTCDay() || 7,
			at.getUTCHours() * 60 + at.getUTCMinutes(),
		];
	};
	let day: number, minute: number;
	try {
		[ day, minute ] = local( hours, new Date() );
	} catch {
		return; // A timezone this browser does not know: open, as without hours.
	}
	if (
		hours.ranges.some(
			( [ d, from, to ] ) => d === day && minute >= from && minute < to
		)
	) {
		return;
	}
	cfg.away = true;
	if ( hours.hide ) {
		( root as HTMLElement ).style.display = 'none';
		return;
	}
	const text = root.querySelector( '.ccfm-greeting__text' );
	if ( text ) {
		text.textContent = hours.text;
	}
	if ( cfg.element ) {
		cfg.element.logged_in_greeting = cfg.element.logged_out_greeting =
			hours.text;
	}
} )();
