/**
 * What the Platform routes answer (/ccfm/v1/platform and its whitelist):
 * the types generated from their response schemas (plugin/data/responses/).
 */
import type {
	PlatformResponse,
	PlatformWhitelistResponse,
} from '../../shared/responses.generated';

export type PlatformState = PlatformResponse;

export type SecretName = keyof PlatformResponse[ 'secrets' ];

export type WhitelistReport = PlatformWhitelistResponse;
