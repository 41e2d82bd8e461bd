import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db/instance';
import { indicatorsInForce } from '$lib/server/definitions/indicators';
import { saveWallConfig, wallConfig } from '$lib/server/wall/config';
import type { Actions, PageServerLoad } from './$types';

// Only administrators reach this route: hooks.server.ts enforces route-access.ts.
export const load: PageServerLoad = async () => {
	const db = await database();
	// Indicators defined as data in force may be a panel's too.
	const defined = (await indicatorsInForce(db)).filter((i) => i.defined).map((i) => ({ id: i.id, name: i.name }));
	return { config: await wallConfig(db), defined };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const form = await request.formData();
		let input: unknown;
		try {
			input = JSON.parse(String(form.get('config') ?? ''));
		} catch {
			input = null;
		}
		const result = await saveWallConfig(await database(), input, locals.user!.login);
		return result.ok ? { saved: true } : fail(400, { problems: result.problems });
	}
};
