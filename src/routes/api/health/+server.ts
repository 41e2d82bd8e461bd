import { json } from '@sveltejs/kit';
import { localAdmin } from '$lib/server/cli/access';
import { settings } from '$lib/server/config';
import { servedCopy } from '$lib/server/db/instance';
import type { RequestHandler } from './$types';

/**
 * For load balancers, the command-line tools and operators: the process answers, its part in
 * read replicas and, on a reader, the published copy it serves. `local`: the tool's token is
 * this process's.
 */
export const GET: RequestHandler = async ({ request }) =>
	json(
		{ status: 'ok', replica: settings().replica, copy: await servedCopy(), local: localAdmin(request) !== null },
		{ headers: { 'cache-control': 'no-store' } }
	);
