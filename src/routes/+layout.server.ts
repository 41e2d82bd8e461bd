import { isRole, suppressesSmallCounts } from '$lib/domain/roles';
import { database } from '$lib/server/db/instance';
import { NOTICE_COOKIE } from '$lib/server/security/denied';
import { layoutView } from '$lib/server/views/layout';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, cookies }) => {
	// Said once: the reader was sent here from a page that needs this role (hooks.server.ts).
	const notice = cookies.get(NOTICE_COOKIE);
	if (notice) cookies.delete(NOTICE_COOKIE, { path: '/' });
	return {
		...(await layoutView(await database(), locals.user)),
		theme: locals.theme,
		deniedRole: isRole(notice) ? notice : null,
		// The public's figures are protected (hidden under this, others perturbed); every page says so.
		protectedBelow: suppressesSmallCounts(locals.access) ? locals.access.minCount : null
	};
};
