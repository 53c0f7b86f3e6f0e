/**
 * Settings → Messenger Chat: mounts the settings app.
 */
import { createRoot } from '@wordpress/element';

import { App } from './app';
import './admin.css';

const root = document.getElementById( 'ccfm-admin-root' );
if ( root ) {
	createRoot( root ).render( <App /> );
}
