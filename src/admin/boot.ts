/**
 * Data the PHP admin page passes to the app (window.ccfmAdmin).
 */
import type { SettingName } from '../shared/settings-schema.generated';

export interface BootData {
	siteLocale: string;
	resolvedLocale: string;
	locales: Record< string, string >;
	graphVersion: string;
	attribution: string;
	consentApi: boolean;
	messages: Partial< Record< SettingName, string > >;
	/** CCFM\Chat\Message_Text::admin_data(). */
	context?: { variables: Record< string, string >; timezone: string };
}

declare global {
	interface Window {
		ccfmAdmin?: BootData;
	}
}

export const boot: BootData = window.ccfmAdmin || {
	siteLocale: 'en_US',
	resolvedLocale: 'en_US',
	locales: {},
	graphVersion: 'v18.0',
	attribution: 'wordpress',
	consentApi: false,
	messages: {},
};
