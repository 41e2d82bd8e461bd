import { json } from '@sveltejs/kit';
import { localAdmin } from '$lib/server/cli/access';
import type { RequestHandler } from './$types';

/** For load balancers and the command-line tools: the process answers (`local`: the tool's token is this process's). */
export const GET: RequestHandler = ({ request }) => json({ status: 'ok', local: localAdmin(request) !== null });
