import { catalogResponse } from '$lib/server/api/indicators';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => catalogResponse();
