/**
 * Data the PHP admin page passes to the app (window.ccfmAdmin).
 */

export interface BootData {
	siteLocale: string;
	resolvedLocale: string;
	locales: Record< string, string >;
	consentApi: boolean;
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
	consentApi: false,
};
