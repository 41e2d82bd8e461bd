/**
 * The views the benchmark and the load test measure, by their public entry point (a URL of the
 * built server), so that the measurement keeps working whatever the views do inside. Add a view
 * here and it is timed, replayed in raw DuckDB and put under load.
 */
export interface ViewSpec {
	name: string;
	/** Path and query, on the built server, as a public (signed-out) visitor. */
	url: string;
	/** The same figures computed the naive way (papaparse + JavaScript over cases.csv). */
	naive?: NaiveSpec;
}

/** What a naive program computes from the case records: per group, counts of filed and decided cases. */
export interface NaiveSpec {
	from: string;
	to: string;
	/** Column grouped by ('' for the total). */
	by: 'region' | '';
	/** Which figure of the server's answer it must equal. */
	value: 'incoming' | 'clearance_rate';
}

const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const range = `from=${YEAR.from}&to=${YEAR.to}`;

export const VIEWS: readonly ViewSpec[] = [
	{ name: 'Overview page (GET /)', url: '/' },
	{ name: 'Indicator explorer page, clearance rate', url: '/indicators/clearance_rate' },
	{ name: 'Internet fraud page', url: '/fraud' },
	{
		name: 'Incoming by region, 2025',
		url: `/api/indicators/incoming?source=cases&${range}&by=region`,
		naive: { ...YEAR, by: 'region', value: 'incoming' }
	},
	{
		name: 'Clearance rate by region, 2025',
		url: `/api/indicators/clearance_rate?source=cases&${range}&by=region`,
		naive: { ...YEAR, by: 'region', value: 'clearance_rate' }
	},
	{ name: 'Incoming, monthly, 2025', url: `/api/indicators/incoming?source=cases&${range}&grain=month` },
	{ name: 'Pending at end by court, 2025', url: `/api/indicators/pending_end?source=cases&${range}&by=court` },
	{ name: 'Disposition time by case type × region', url: `/api/indicators/disposition_time?source=cases&${range}&by=case_type,region` },
	{ name: 'Stability of judicial acts by region, 2025', url: `/api/indicators/stability?source=cases&${range}&by=region` },
	{ name: 'Median days to decision, quarterly, 2025', url: `/api/indicators/median_days?${range}&grain=quarter` },
	{ name: 'E-filed share by region, last 12 months', url: '/api/indicators/e_filed_share?by=region' },
	{
		name: 'Fraud incidents by scheme, monthly',
		url: `/api/indicators/fraud_incidents?${range}&grain=month&by=scheme`
	},
	// Fraud incidents joined to their court cases and the reviews of those (a stored fact).
	{ name: 'Reviews of fraud verdicts by result, 2025', url: `/api/indicators/fraud_appeal_results?${range}&by=review_outcome` }
];
