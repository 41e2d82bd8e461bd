import { suppressesSmallCounts } from '$lib/domain/roles';
import { database } from '$lib/server/db/instance';
import { layoutView } from '$lib/server/views/layout';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => ({
	...(await layoutView(await database(), locals.user)),
	theme: locals.theme,
	// The public's figures are protected (hidden under this, others perturbed); every page says so.
	protectedBelow: suppressesSmallCounts(locals.access) ? locals.access.minCount : null
});
