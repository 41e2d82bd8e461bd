import { fail } from '@sveltejs/kit';
import { database } from '$lib/server/db/instance';
import { saveWallConfig, wallConfig } from '$lib/server/wall/config';
import type { Actions, PageServerLoad } from './$types';

// Only administrators reach this route: hooks.server.ts enforces route-access.ts.
export const load: PageServerLoad = async () => ({ config: await wallConfig(await database()) });

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
