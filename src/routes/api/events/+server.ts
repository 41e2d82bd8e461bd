import { revisionEvents } from '$lib/server/http/events';
import type { RequestHandler } from './$types';

/** The data revision as server-sent events (the wall reloads on each); anyone may read it, as every page shows the as-of date. */
export const GET: RequestHandler = ({ request }) => revisionEvents(request.signal);
