import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/** The signed-in user of the request's session, or null: read replicas ask the writer (replica/sessions.ts). */
export const GET: RequestHandler = ({ locals }) => json({ user: locals.user ?? null }, { headers: { 'cache-control': 'no-store' } });
