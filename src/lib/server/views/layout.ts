/** Facts every page shows in its frame: whether synthetic demo data is loaded, at what scale, and the as-of date. */
import type { Queryable } from '../db/database';
import { dataAsOf } from '../metrics/as-of';
import { demoScale } from './demo-scale';

export async function layoutView(db: Queryable, user: App.Locals['user']) {
	const [row] = await db.query<{ demo: boolean }>(`SELECT EXISTS (SELECT 1 FROM datasets WHERE is_demo AND current_version > 0) AS demo`);
	return { demo: row.demo, demoScale: await demoScale(db), asOf: await dataAsOf(db), user: user && { login: user.login, role: user.role } };
}
