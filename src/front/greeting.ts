/**
 * The greeting beside the bubble, printed inline after the boot script only
 * where there is a greeting box: opens after the delay (`show`, `fade`),
 * fades after 6 s (`fade`), closes on its button or Escape and stays closed
 * once the visitor closed it, and on
 * phones follows `phone_greeting` (`hide`: never on its own; `delay`: not
 * before 10 s, so never over the page on first paint).
 */
import { BOOT, GREETING_KEY, store, type Boot } from './common';

( () => {
	const boot = window.ccfm?.[ BOOT ] as Boot | undefined;
	const greeting =
		boot?.root.querySelector< HTMLElement >( '.ccfm-greeting' );
	if ( ! boot || ! greeting ) {
		return;
	}
	const { cfg, state } = boot;
	const show = ( on: boolean ) => ( greeting.hidden = ! on );
	if ( ! boot.panel ) {
		// Link mode: the greeting opens Messenger (Chat Plugin mode's boot script does this there).
		greeting.firstElementChild?.addEventListener( 'click', () =>
			( window.ccfm?.open as () => void )()
		);
	}
	// Closed by its button or the Escape key, and remembered.
	const close = () => {
		show( false );
		store( 'local', GREETING_KEY, '1' );
	};
	greeting.querySelector( 'button' )?.addEventListener( 'click', close );
	addEventListener(
		'keydown',
		( e ) => e.key === 'Escape' && ! greeting.hidden && close()
	);
	const phone = matchMedia( '(max-width:768px)' ).matches;
	if (
		greeting.firstElementChild?.textContent &&
		/show|fade/.test( cfg.display || '' ) &&
		! ( phone && cfg.phone === 'hide' ) &&
		! store( 'local', GREETING_KEY )
	) {
		setTimeout(
			() => {
				if ( ! state.live && ! boot.opened() ) {
					show( true );
					if ( cfg.display === 'fade' ) {
						setTimeout(
							() => boot.opened() || show( false ),
							6000
						);
					}
				}
			},
			1000 *
				( phone && cfg.phone === 'delay'
					? Math.max( cfg.delay || 0, 10 )
					: cfg.delay || 0 )
		);
	}
} )();
