import { dataReader } from '$lib/server/db/instance';
import { homeView } from '$lib/server/views/home';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ home: await homeView(await dataReader(), locals.access) });
