/**
 * The answer of GET /ccfm/v1/funnel, typed from its response schema
 * (plugin/data/responses/funnel.json).
 */
import type { FunnelResponse } from '../../shared/responses.generated';

export type FunnelReport = FunnelResponse;

export type FunnelRow = FunnelResponse[ 'rows' ][ number ];
