/**
 * What the Platform routes answer (/ccfm/v1/platform and its whitelist).
 */
export type SecretName = 'page_access_token' | 'app_secret' | 'verify_token';

export interface PlatformState {
	secrets: Record< SecretName, boolean >;
	retention_days: number;
	webhook_url: string;
	site_origin: string;
}

export interface WhitelistReport {
	domains: string[];
	limit: number;
	origin: string;
	origin_listed: boolean;
	twin: string;
	twin_listed: boolean;
	whitelistable: boolean;
	added?: string[];
}
