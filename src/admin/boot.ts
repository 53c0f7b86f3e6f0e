/**
 * Data the PHP admin page passes to the app (window.ccfmAdmin).
 */
import type { SettingName } from '../shared/settings-schema.generated';

export interface BootData {
	siteLocale: string;
	resolvedLocale: string;
	locales: Record< string, string >;
	consentApi: boolean;
	/**
	 * The settings' messages, from a server that does not print
	 * `window.ccfmSettingsMessages` yet (form/messages.ts reads that first).
	 */
	messages?: Partial< Record< SettingName, string > >;
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
	consentApi: false,
};
