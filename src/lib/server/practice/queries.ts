/**
 * The SQL of the practice explorer that is not an indicator: distributions, the flow of cases
 * across instances, one case's timeline, similar cases and comparable outcomes. Indicator
 * figures (rates, medians, counts over time) are read through the catalog instead (run.ts).
 *
 * Every value is a bound parameter; filters go through compile.ts's whitelist of dimensions.
 */
import { dimensionById } from '../../domain/catalog';
import type { Period } from '../../domain/period';
import type {
	ClaimRow,
	Comparable,
	Description,
	FlowPath,
	HistogramBin,
	SimilarCase,
	SimilarityReason,
	TimelineStep
} from '../../domain/practice/view-model';
import type { Filters } from '../../domain/query';
import { Binder } from '../db/binder';
import type { Queryable } from '../db/database';
import { filterClauses } from '../metrics/sql/context';

const DAYS = "date_diff('day', filed_date, decided_date)";
/** Upper bounds (exclusive) of the day bins of the histogram; the last bin is open. */
export const DAY_BINS = [30, 60, 90, 180, 365, 730] as const;

/** The filters that apply to case records; others (fraud schemes, review outcomes) are set aside, as run.ts does. */
function caseFilters(filters: Filters): Filters {
	return Object.fromEntries(Object.entries(filters).filter(([id]) => dimensionById(id)?.facts.includes('cases')));
}

/** Cases under the filters, as a subquery, so that joins never meet an ambiguous column. */
function filtered(p: Binder, filters: Filters, extra: string[] = []): string {
	const clauses = [...extra, ...filterClauses(p, caseFilters(filters))];
	return `(SELECT * FROM cases ${clauses.length ? `WHERE ${clauses.map((c) => `(${c})`).join(' AND ')}` : ''})`;
}

function decidedIn(p: Binder, period: Period): string {
	return `decided_date BETWEEN ${p.bind(period.from, 'DATE')} AND ${p.bind(period.to, 'DATE')}`;
}

/** Days from filing to decision of the cases decided in the period, in fixed bins. */
export async function daysHistogram(db: Queryable, period: Period, filters: Filters): Promise<HistogramBin[]> {
	const p = new Binder();
	const bin = `CASE ${DAY_BINS.map((b, i) => `WHEN ${DAYS} < ${p.bind(b, 'INTEGER')} THEN ${i}`).join(' ')} ELSE ${DAY_BINS.length} END`;
	const rows = await db.query<{ bin: number; n: number }>(
		`SELECT ${bin} AS bin, count(*) AS n FROM ${filtered(p, filters, [decidedIn(p, period)])} t GROUP BY 1`,
		p.values
	);
	const counts = new Map(rows.map((r) => [r.bin, r.n]));
	return [...DAY_BINS, null].map((to, i) => ({ from: i === 0 ? 0 : DAY_BINS[i - 1], to, n: counts.get(i) ?? 0 }));
}

/** Claimed against awarded amounts of civil first-instance decisions, by outcome. */
export async function claimsByOutcome(db: Queryable, period: Period, filters: Filters): Promise<ClaimRow[]> {
	const p = new Binder();
	const where = [decidedIn(p, period), "case_type = 'civil'", "instance = 'first'", 'claim_amount_kzt IS NOT NULL'];
	return db.query<ClaimRow>(
		`SELECT outcome, count(*) AS n, CAST(sum(claim_amount_kzt) AS DOUBLE) AS claimed,
			CAST(coalesce(sum(awarded_amount_kzt), 0) AS DOUBLE) AS awarded,
			CAST(median(claim_amount_kzt) AS DOUBLE) AS "medianClaimed", CAST(median(awarded_amount_kzt) AS DOUBLE) AS "medianAwarded"
		FROM ${filtered(p, filters, where)} t GROUP BY 1 ORDER BY n DESC, outcome`,
		p.values
	);
}

/**
 * The paths of first-instance decisions of the period through the higher instances (linked by
 * case number in case_links). A review still pending has the outcome 'pending'.
 */
export async function lifeCycle(db: Queryable, period: Period, filters: Filters): Promise<FlowPath[]> {
	const p = new Binder();
	// case_links carries the next instance's outcome: the chain needs no other look-up of cases.
	const outcome = (l: string) => `CASE WHEN ${l}.case_id IS NULL THEN NULL ELSE coalesce(${l}.next_outcome, 'pending') END`;
	return db.query<FlowPath>(
		`SELECT f.outcome AS first, ${outcome('l1')} AS appeal, ${outcome('l2')} AS cassation, ${outcome('l3')} AS supervisory, count(*) AS n
		FROM ${filtered(p, filters, [decidedIn(p, period), "instance = 'first'"])} f
		LEFT JOIN case_links l1 ON l1.case_id = f.case_id
		LEFT JOIN case_links l2 ON l2.case_id = l1.next_case_id
		LEFT JOIN case_links l3 ON l3.case_id = l2.next_case_id
		GROUP BY ALL ORDER BY n DESC`,
		p.values
	);
}

/** Every proceeding of one case number, from the first instance up. */
export async function caseTimeline(db: Queryable, caseNumber: string): Promise<TimelineStep[]> {
	const p = new Binder();
	return db.query<TimelineStep>(
		`SELECT case_id, instance, court_id, region, category, article, filed_date, decided_date, outcome, ${DAYS} AS days
		FROM cases WHERE case_number = ${p.bind(caseNumber)}
		ORDER BY list_position(['first', 'appeal', 'cassation', 'supervisory'], instance), filed_date, case_id`,
		p.values
	);
}

/** The description of an existing case (its first proceeding), to search from. */
export async function describeCase(db: Queryable, caseNumber: string): Promise<Description | null> {
	const [first] = await caseTimeline(db, caseNumber);
	if (!first) return null;
	const p = new Binder();
	const [row] = await db.query<{ amount: number | null }>(
		`SELECT CAST(claim_amount_kzt AS DOUBLE) AS amount FROM cases WHERE case_id = ${p.bind(first.case_id)}`,
		p.values
	);
	return {
		category: first.category,
		instance: first.instance,
		...(first.article ? { article: first.article } : {}),
		region: first.region,
		...(row.amount ? { amount: row.amount } : {})
	};
}

/** Weights of the similarity score; the score is their sum over the features that match. */
export const SIMILARITY_WEIGHTS: Readonly<Record<SimilarityReason, number>> = { instance: 2, article: 2, region: 1, amount: 2, recent: 1 };
const MAX_SCORE = Object.values(SIMILARITY_WEIGHTS).reduce((a, b) => a + b, 0);
/** Amounts within this factor of each other count as close. */
const AMOUNT_FACTOR = 2;

/**
 * Decided cases of the same category ranked by how many other features they share with the
 * description (instance, article, region, claim amount within a factor of two, decided in the
 * last three years), each with the features that matched.
 */
export async function similarCases(
	db: Queryable,
	d: Description,
	asOf: string,
	page: { offset: number; limit: number; exclude?: string }
): Promise<{ total: number; rows: SimilarCase[] }> {
	const p = new Binder();
	const w = SIMILARITY_WEIGHTS;
	const amount = d.amount ? p.bind(d.amount, 'DOUBLE') : 'NULL';
	const features: Record<SimilarityReason, string> = {
		instance: `instance = ${p.bind(d.instance)}`,
		article: d.article ? `coalesce(article = ${p.bind(d.article)}, false)` : 'false',
		region: d.region ? `region = ${p.bind(d.region)}` : 'false',
		amount: `coalesce(claim_amount_kzt BETWEEN ${amount} / ${AMOUNT_FACTOR} AND ${amount} * ${AMOUNT_FACTOR}, false)`,
		recent: `decided_date > ${p.bind(asOf, 'DATE')} - INTERVAL 3 YEAR`
	};
	const reasons = (Object.keys(features) as SimilarityReason[]).map((k) => `CASE WHEN ${features[k]} THEN '${k}' END`);
	const score = (Object.keys(features) as SimilarityReason[]).map((k) => `CASE WHEN ${features[k]} THEN ${w[k]} ELSE 0 END`).join(' + ');
	const where = [`category = ${p.bind(d.category)}`, 'decided_date IS NOT NULL', 'outcome IS NOT NULL'];
	if (page.exclude) where.push(`case_number <> ${p.bind(page.exclude)}`);
	const rows = await db.query<SimilarCase & { total: number }>(
		`SELECT case_id, case_number, instance, court_id, region, article, decided_date, outcome,
			CAST(claim_amount_kzt AS DOUBLE) AS claim, ${DAYS} AS days,
			round(100.0 * (${score}) / ${MAX_SCORE}) AS score,
			list_filter([${reasons.join(', ')}], x -> x IS NOT NULL) AS reasons,
			count(*) OVER () AS total
		FROM cases WHERE ${where.join(' AND ')}
		ORDER BY score DESC, decided_date DESC, case_id
		LIMIT ${p.bind(page.limit, 'INTEGER')} OFFSET ${p.bind(page.offset, 'INTEGER')}`,
		p.values
	);
	// count(*) OVER () is computed before LIMIT: the number of candidates, on every row.
	const total = rows[0]?.total ?? (page.offset > 0 ? await countCandidates(db, d, page.exclude) : 0);
	return { total, rows: rows.map(({ total: _, ...r }) => r) };
}

async function countCandidates(db: Queryable, d: Description, exclude?: string): Promise<number> {
	const p = new Binder();
	const where = [`category = ${p.bind(d.category)}`, 'decided_date IS NOT NULL', 'outcome IS NOT NULL'];
	if (exclude) where.push(`case_number <> ${p.bind(exclude)}`);
	const [row] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM cases WHERE ${where.join(' AND ')}`, p.values);
	return row.n;
}

/** Below this many comparable cases the region is dropped from the criteria. */
export const MIN_COMPARABLE = 30;

/**
 * Decided cases comparable to a description: same category and instance, claim within a factor
 * of two, and the same region while that leaves at least MIN_COMPARABLE cases.
 */
export async function comparableOutcomes(db: Queryable, d: Description): Promise<Comparable> {
	const run = async (withRegion: boolean): Promise<Comparable> => {
		const p = new Binder();
		const criteria: Comparable['criteria'] = ['category', 'instance'];
		const where = [
			`category = ${p.bind(d.category)}`,
			`instance = ${p.bind(d.instance)}`,
			'decided_date IS NOT NULL',
			'outcome IS NOT NULL'
		];
		if (d.amount) {
			const a = p.bind(d.amount, 'DOUBLE');
			where.push(`claim_amount_kzt BETWEEN ${a} / ${AMOUNT_FACTOR} AND ${a} * ${AMOUNT_FACTOR}`);
			criteria.push('amount');
		}
		if (withRegion && d.region) {
			where.push(`region = ${p.bind(d.region)}`);
			criteria.push('region');
		}
		const rows = await db.query<{ outcome: string; n: number; median: number | null; p90: number | null }>(
			`WITH c AS (SELECT outcome, ${DAYS} AS d FROM cases WHERE ${where.join(' AND ')})
			SELECT outcome, count(*) AS n, (SELECT median(d) FROM c) AS median, (SELECT quantile_cont(d, 0.9) FROM c) AS p90
			FROM c GROUP BY outcome`,
			p.values
		);
		return {
			criteria,
			n: rows.reduce((s, r) => s + r.n, 0),
			outcomes: rows.map((r) => ({ outcome: r.outcome, n: r.n })).sort((a, b) => b.n - a.n || a.outcome.localeCompare(b.outcome)),
			medianDays: rows[0]?.median ?? null,
			p90Days: rows[0]?.p90 ?? null
		};
	};
	const local = await run(true);
	return local.n >= MIN_COMPARABLE || !d.region ? local : run(false);
}
