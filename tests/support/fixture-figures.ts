/** Catalog indicators run on a fixture database the way tests read them: a result, one value, or values by a key. */
import { expect } from 'vitest';
import { indicatorById } from '../../src/lib/domain/catalog';
import type { Access } from '../../src/lib/domain/roles';
import type { Queryable } from '../../src/lib/server/db/database';
import { runIndicator, type IndicatorResult } from '../../src/lib/server/metrics/run';
import { viewQuery } from './fixture-db';

/** `db` is read when a figure is asked for, so it can be opened in `beforeAll`. */
export function fixtureFigures(db: () => Queryable, access: Access, defaultParams: string) {
	async function result(id: string, params = defaultParams): Promise<IndicatorResult> {
		const out = await runIndicator(db(), indicatorById(id)!, viewQuery(params), access);
		if (!out.ok) throw new Error(JSON.stringify(out.errors));
		return out.value;
	}

	async function value(id: string, params = defaultParams): Promise<number | null> {
		const { rows } = await result(id, params);
		expect(rows).toHaveLength(1);
		return rows[0].value;
	}

	/** Values keyed by a dimension or, by default, the period. */
	async function series(id: string, params: string, key = 'period'): Promise<Record<string, number | null>> {
		const { rows } = await result(id, params);
		return Object.fromEntries(rows.map((r) => [String(r[key]), r.value]));
	}

	return { result, value, series };
}
