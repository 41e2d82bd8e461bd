import { errorResponse, rejectsCsv } from '$lib/server/api/imports';
import { database } from '$lib/server/db/instance';
import { versionRejects } from '$lib/server/views/datasets';
import { currentLocale } from '$lib/ui/locale';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const [id, version] = [Number(params.id), Number(params.version)];
	if (!Number.isInteger(id) || !Number.isInteger(version)) return errorResponse('unknown_dataset', { id: params.id }, currentLocale());
	const rejects = await versionRejects(await database(), id, version);
	return rejectsCsv(rejects, currentLocale(), `rejects-${id}-v${version}.csv`);
};
