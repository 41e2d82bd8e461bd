import { catalogResponse } from '$lib/server/api/indicators';
import { database } from '$lib/server/db/instance';
import { indicatorsInForce } from '$lib/server/definitions/indicators';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => catalogResponse(await indicatorsInForce(await database()));
