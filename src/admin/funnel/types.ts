/**
 * The answer of GET /ccfm/v1/funnel (Platform\Funnel_Report::report()).
 */
export interface FunnelRow {
	day: string;
	page: string;
	title: string;
	ref: string;
	clicks: number;
	chat: number;
	link: number;
	starts: number;
	rate: number | null;
}

export interface FunnelReport {
	from: string;
	to: string;
	connected: boolean;
	truncated: boolean;
	totals: { clicks: number; starts: number; rate: number | null };
	per_day: { day: string; clicks: number; starts: number }[];
	per_ref: {
		ref: string;
		clicks: number;
		starts: number;
		rate: number | null;
	}[];
	rows: FunnelRow[];
}
