/**
 * The demo files hold together: canonical format, directory references, keys, dates, the life
 * cycle of a matter across instances, fraud links, judges and the reporting forms.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, categoryById } from '../../domain/categories';
import { COURTS, courtById } from '../../domain/courts';
import { REGION_CODES } from '../../domain/regions';
import {
	CANONICAL_TABLES,
	CASE_TYPES,
	FIRST_INSTANCE_OUTCOMES,
	FRAUD_ARTICLES,
	FRAUD_CHANNELS,
	FRAUD_SCHEMES,
	FRAUD_STATUSES,
	HEARING_FORMATS,
	INSTANCES,
	REVIEW_OUTCOMES,
	RECONCILIATIONS,
	VICTIM_AGE_GROUPS,
	type CanonicalKind,
	type EnumValue
} from '../../domain/schema';
import { JudgeRoster, judgesAtScale } from './judges';
import { loadDemo, type DemoFixture } from './test-fixture';

let demo: DemoFixture;
beforeAll(async () => {
	demo = await loadDemo(1);
}, 180_000);
afterAll(() => demo?.close());

const values = (e: readonly EnumValue[]) => e.map((x) => x.value);
const distinct = async (table: string, column: string) =>
	(await demo.all<{ v: string }>(`SELECT DISTINCT ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL`)).map((r) => r.v);
const raw = (kind: CanonicalKind) => `read_csv('${demo.result.files[kind]}', header = true, all_varchar = true)`;

describe('canonical format', () => {
	it('writes the canonical header, in the field order of schema.ts', () => {
		for (const kind of ['cases', 'fraud', 'court_stats'] as const) {
			const head = fs.readFileSync(demo.result.files[kind], 'utf8').slice(0, 1000).split('\n')[0];
			expect(head).toBe(CANONICAL_TABLES[kind].fields.map((f) => f.name).join(','));
		}
	});

	it('writes dates as YYYY-MM-DD, booleans as true/false, plain decimals, empty for null, nothing to quote', async () => {
		const date = `'[0-9]{4}-[0-9]{2}-[0-9]{2}'`;
		const amount = `'[0-9]+(\\.[0-9]+)?'`;
		const bool = (c: string) => `${c} IN ('true', 'false')`;
		expect(
			await demo.one(`SELECT count(*) FROM ${raw('cases')} WHERE NOT (
				regexp_full_match(filed_date, ${date}) AND coalesce(regexp_full_match(decided_date, ${date}), true)
				AND ${bool('e_filed')} AND ${bool('av_recorded')} AND ${bool('auto_assigned')} AND ${bool('extraterritorial')}
				AND coalesce(regexp_full_match(claim_amount_kzt, ${amount}), true) AND coalesce(regexp_full_match(awarded_amount_kzt, ${amount}), true))`)
		).toBe(0);
		// Every value of cases.csv stays within this alphabet, so no field ever needs quoting.
		expect(
			await demo.one(
				`SELECT count(*) FROM (SELECT concat_ws(',', *COLUMNS(*)) AS line FROM ${raw('cases')}) WHERE NOT regexp_full_match(line, '[A-Za-z0-9_./,-]+')`
			)
		).toBe(0);
		expect(
			await demo.one(`SELECT count(*) FROM ${raw('fraud')} WHERE NOT (
				regexp_full_match(registered_date, ${date}) AND regexp_full_match(damage_kzt, ${amount}) AND regexp_full_match(recovered_kzt, ${amount}))`)
		).toBe(0);
		expect(
			await demo.one(`SELECT count(*) FROM ${raw('court_stats')} WHERE category IS NOT NULL OR NOT regexp_full_match(period_end, ${date})`)
		).toBe(0);
	});

	it('uses only the enumeration values of the schema', async () => {
		const checks: [string, string, readonly EnumValue[]][] = [
			['cases', 'instance', INSTANCES],
			['cases', 'case_type', CASE_TYPES],
			['cases', 'hearing_format', HEARING_FORMATS],
			['cases', 'reconciliation', RECONCILIATIONS],
			['fraud', 'scheme', FRAUD_SCHEMES],
			['fraud', 'channel', FRAUD_CHANNELS],
			['fraud', 'status', FRAUD_STATUSES],
			['fraud', 'article', FRAUD_ARTICLES],
			['fraud', 'victim_age_group', VICTIM_AGE_GROUPS],
			['court_stats', 'instance', INSTANCES],
			['court_stats', 'case_type', CASE_TYPES]
		];
		for (const [table, column, allowed] of checks) {
			const seen = await distinct(table, column);
			expect(seen.length, `${table}.${column}`).toBeGreaterThan(1);
			for (const v of seen) expect(values(allowed), `${table}.${column}`).toContain(v);
		}
		for (const v of await distinct('cases', `CASE WHEN instance = 'first' THEN outcome END`)) expect(FIRST_INSTANCE_OUTCOMES).toContain(v);
		for (const v of await distinct('cases', `CASE WHEN instance <> 'first' THEN outcome END`)) expect(REVIEW_OUTCOMES).toContain(v);
	});
});

describe('directories', () => {
	it('refers to existing courts that hear that instance and case type, in their own region and working', async () => {
		const rows = await demo.all<{ court_id: string; region: string; instance: string; case_type: string; first: Date }>(
			`SELECT court_id, region, instance, case_type, min(filed_date) AS first FROM cases GROUP BY ALL`
		);
		expect(new Set(rows.map((r) => r.court_id)).size).toBeGreaterThan(0.95 * COURTS.length);
		for (const r of rows) {
			const court = courtById(r.court_id);
			expect(court, r.court_id).toBeDefined();
			expect(r.region, r.court_id).toBe(court!.region);
			expect(court!.instances, r.court_id).toContain(r.instance);
			expect(court!.caseTypes, r.court_id).toContain(r.case_type);
			if (court!.activeFrom) expect(r.first.toISOString().slice(0, 10) >= court!.activeFrom, r.court_id).toBe(true);
		}
	});

	it('refers to existing categories of the same case type, with their article', async () => {
		const rows = await demo.all<{ category: string; case_type: string; article: string | null }>(
			`SELECT DISTINCT category, case_type, article FROM cases`
		);
		expect(new Set(rows.map((r) => r.category)).size).toBe(CATEGORIES.length);
		for (const r of rows) {
			expect(categoryById(r.category)?.caseType, r.category).toBe(r.case_type);
			expect(r.article, r.category).toBe(categoryById(r.category)?.article ?? null);
		}
	});

	it('refers to existing regions', async () => {
		for (const table of ['cases', 'fraud', 'court_stats'])
			for (const r of await distinct(table, 'region')) expect(REGION_CODES).toContain(r);
		expect(await distinct('fraud', 'region')).toHaveLength(20);
	});
});

describe('keys and dates', () => {
	it('has unique keys; case_id is the case number and the instance', async () => {
		expect(await demo.one(`SELECT count(*) - count(DISTINCT case_id) FROM cases`)).toBe(0);
		expect(await demo.one(`SELECT count(*) FROM cases WHERE case_id <> case_number || '/' || instance`)).toBe(0);
		expect(await demo.one(`SELECT count(*) FROM cases WHERE NOT regexp_full_match(case_number, '[0-9]{4}-[0-9]{2}-00-[1-4]/[0-9]+')`)).toBe(
			0
		);
		expect(await demo.one(`SELECT count(*) - count(DISTINCT incident_id) FROM fraud`)).toBe(0);
		expect(
			await demo.one(
				`SELECT count(*) FROM (SELECT period_start, court_id, instance, case_type FROM court_stats GROUP BY ALL HAVING count(*) > 1)`
			)
		).toBe(0);
	});

	it('decides after filing, leaves outcome, reconciliation and award empty while pending, and stops at 2026-09-30', async () => {
		expect(await demo.one(`SELECT count(*) FROM cases WHERE decided_date < filed_date`)).toBe(0);
		expect(await demo.one(`SELECT count(*) FROM cases WHERE (outcome IS NULL) <> (decided_date IS NULL)`)).toBe(0);
		expect(
			await demo.one(
				`SELECT count(*) FROM cases WHERE decided_date IS NULL AND (reconciliation IS NOT NULL OR awarded_amount_kzt IS NOT NULL)`
			)
		).toBe(0);
		expect(await demo.one(`SELECT count(*) FROM cases WHERE decided_date IS NULL`)).toBeGreaterThan(1000);
		expect(await demo.one(`SELECT count(*) FROM cases WHERE filed_date > '2026-09-30' OR decided_date > '2026-09-30'`)).toBe(0);
		expect(await demo.one(`SELECT count(*) FROM fraud WHERE registered_date NOT BETWEEN '2019-01-01' AND '2026-09-30'`)).toBe(0);
	});

	it('keeps from the warm-up only matters still open on 2019-01-01, each with its history', async () => {
		expect(await demo.one(`SELECT count(*) FROM cases WHERE filed_date < '2018-01-01'`)).toBe(0);
		expect(
			await demo.one(
				`SELECT count(*) FROM (SELECT case_number FROM cases GROUP BY case_number HAVING bool_and(decided_date < '2019-01-01'))`
			)
		).toBe(0);
		expect(await demo.one(`SELECT count(*) FROM cases WHERE filed_date < '2019-01-01'`)).toBeGreaterThan(1000);
		// History: a proceeding decided before 2019 is there because a higher instance of its matter was open in 2019.
		expect(await demo.one(`SELECT count(*) FROM cases WHERE decided_date < '2019-01-01'`)).toBeGreaterThan(100);
	});
});

describe('life cycle of a matter', () => {
	const ranked = `(SELECT *, list_position(['first', 'appeal', 'cassation', 'supervisory'], instance) AS rank FROM cases)`;

	it('climbs one instance at a time, each filed after the decision below', async () => {
		expect(
			await demo.one(`
				SELECT count(*) FROM (
					SELECT rank, filed_date, lag(rank) OVER w AS prev_rank, lag(decided_date) OVER w AS prev_decided
					FROM ${ranked} WINDOW w AS (PARTITION BY case_number ORDER BY rank))
				WHERE prev_rank IS NOT NULL AND NOT (rank = prev_rank + 1 AND prev_decided IS NOT NULL AND filed_date > prev_decided)`)
		).toBe(0);
	});

	it('keeps the case type and category, and every review has the proceeding it reviews', async () => {
		expect(
			await demo.one(`SELECT count(*) FROM (SELECT case_number FROM cases GROUP BY case_number HAVING count(DISTINCT category) > 1)`)
		).toBe(0);
		// Before, 23% of the review decisions of 2019 had no lower-instance record (matters decided in the warm-up).
		expect(
			await demo.one(`
				SELECT count(*) FROM ${ranked} r WHERE rank > 1
					AND NOT EXISTS (SELECT 1 FROM ${ranked} l WHERE l.case_number = r.case_number AND l.rank = r.rank - 1)`)
		).toBe(0);
	});

	it('appeals to the regional court of the first court, within one to two months', async () => {
		const rows = await demo.all<{ first_court: string; appeal_court: string }>(`
			SELECT DISTINCT f.court_id AS first_court, a.court_id AS appeal_court
			FROM cases f JOIN cases a ON a.case_number = f.case_number AND a.instance = 'appeal' WHERE f.instance = 'first'`);
		for (const r of rows) expect(r.appeal_court, r.first_court).toBe(`${r.first_court.split('-')[0]}-OBL`);
		const lag = await demo.one(`
			SELECT median(a.filed_date - f.decided_date) FROM cases f JOIN cases a ON a.case_number = f.case_number AND a.instance = 'appeal'
			WHERE f.instance = 'first'`);
		expect(lag).toBeGreaterThanOrEqual(20);
		expect(lag).toBeLessThanOrEqual(45);
	});
});

describe('fraud incidents and their court cases', () => {
	it('links only incidents in court or convicted, to a first-instance criminal case of the same article and region', async () => {
		expect(
			await demo.one(`
				SELECT count(*) FROM fraud f LEFT JOIN cases c ON c.case_number = f.case_number AND c.instance = 'first'
				WHERE f.case_number IS NOT NULL AND (
					c.case_id IS NULL OR f.status NOT IN ('in_court', 'convicted') OR c.case_type <> 'criminal'
					OR c.category <> CASE f.article WHEN '190' THEN 'criminal.fraud_190' ELSE 'criminal.droppers_232_1' END
					OR c.region <> f.region OR c.filed_date <= f.registered_date
					OR (f.status = 'in_court') <> (c.decided_date IS NULL) OR (f.status = 'convicted' AND c.outcome <> 'convicted'))`)
		).toBe(0);
	});

	it('creates the case of every incident in court (fraud and cases are at the same scale)', async () => {
		expect(await demo.one(`SELECT count(*) FROM fraud WHERE status IN ('in_court', 'convicted') AND case_number IS NULL`)).toBe(0);
		expect(await demo.one(`SELECT count(*) FROM fraud WHERE case_number IS NOT NULL`)).toBeGreaterThan(3000);
		expect(await demo.one(`SELECT count(*) - count(DISTINCT case_number) FROM fraud WHERE case_number IS NOT NULL`)).toBe(0);
	});
});

describe('judges', () => {
	it('sit in one court each, at most round(judges x scale/10) per court, from the national roster', async () => {
		const roster = new JudgeRoster(1);
		const rows = await demo.all<{ court_id: string; judges: string[] }>(
			`SELECT court_id, list(DISTINCT judge_id) AS judges FROM cases GROUP BY court_id`
		);
		const seen = new Set<string>();
		for (const r of rows) {
			const court = courtById(r.court_id)!;
			expect(r.judges.length, r.court_id).toBeLessThanOrEqual(judgesAtScale(court.judges, 1));
			for (const j of r.judges) {
				expect(j).toMatch(/^J-[0-9A-F]{6}$/);
				expect(roster.of(r.court_id)).toContain(j);
				expect(seen.has(j), j).toBe(false);
				seen.add(j);
			}
		}
	});

	it('spread the cases of a court unevenly over its judges', async () => {
		const loads = (await demo.all<{ n: number }>(`SELECT count(*) AS n FROM cases WHERE court_id = 'KZ75-OBL' GROUP BY judge_id`)).map(
			(r) => r.n
		);
		expect(loads.length).toBe(judgesAtScale(courtById('KZ75-OBL')!.judges, 1));
		expect(Math.max(...loads) / Math.min(...loads)).toBeGreaterThan(1.1);
	});
});

describe('reporting forms (court_stats)', () => {
	it('satisfy pending_end = pending_start + incoming - resolved, and chain from quarter to quarter', async () => {
		expect(
			await demo.one(`SELECT count(*) FROM court_stats WHERE pending_end <> pending_start + incoming - resolved OR pending_end < 0`)
		).toBe(0);
		expect(
			await demo.one(`
				SELECT count(*) FROM (
					SELECT pending_start, lag(pending_end) OVER (PARTITION BY court_id, instance, case_type ORDER BY period_start) AS prev FROM court_stats)
				WHERE prev IS NOT NULL AND prev <> pending_start`)
		).toBe(0);
	});

	it('cover calendar quarters from 2019 Q1 to 2026 Q3, each court in its region', async () => {
		const periods = await demo.all<{ s: string; e: string }>(
			`SELECT DISTINCT period_start::VARCHAR AS s, period_end::VARCHAR AS e FROM court_stats ORDER BY s`
		);
		expect(periods).toHaveLength(31);
		expect(periods[0]).toEqual({ s: '2019-01-01', e: '2019-03-31' });
		expect(periods[30]).toEqual({ s: '2026-07-01', e: '2026-09-30' });
		for (const r of await demo.all<{ court_id: string; region: string }>(`SELECT DISTINCT court_id, region FROM court_stats`)) {
			expect(r.region).toBe(courtById(r.court_id)?.region);
		}
	});

	it('count exactly the cases of cases.csv', async () => {
		expect(
			await demo.one(`
				WITH s AS (
					SELECT court_id, instance, case_type, sum(incoming) AS incoming, sum(resolved) AS resolved,
						arg_min(pending_start, period_start) AS first_pending, arg_max(pending_end, period_start) AS last_pending
					FROM court_stats GROUP BY ALL),
				c AS (
					SELECT court_id, instance, case_type, count(*) FILTER (WHERE filed_date >= '2019-01-01') AS incoming,
						count(decided_date) AS resolved, count(*) FILTER (WHERE filed_date < '2019-01-01') AS first_pending,
						count(*) FILTER (WHERE decided_date IS NULL) AS last_pending
					FROM cases WHERE decided_date IS NULL OR decided_date >= '2019-01-01' GROUP BY ALL)
				SELECT count(*) FROM s FULL JOIN c USING (court_id, instance, case_type)
				WHERE s.incoming IS DISTINCT FROM c.incoming OR s.resolved IS DISTINCT FROM c.resolved
					OR s.first_pending IS DISTINCT FROM c.first_pending
					OR s.last_pending IS DISTINCT FROM c.last_pending`)
		).toBe(0);
	});
});
