import { jobResponse } from '$lib/server/api/imports';
import { currentLocale } from '$lib/ui/locale';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params }) => jobResponse(params.job, currentLocale());
