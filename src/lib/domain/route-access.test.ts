/**
 * Every route of the application is classified: either inside a protected area of
 * route-access.ts, or in the explicit list of public routes below. A new route that is neither
 * fails here, so nobody adds a page without deciding who may see it.
 */
import { describe, expect, it } from 'vitest';
import { routeIds } from '../../../tests/support/routes';
import { AREAS, requiredRole } from './route-access';

/** Routes anyone may read (/api/health: for load balancers; /api/session: the caller's own session, for read replicas). */
const PUBLIC_ROUTES = [
	'/',
	'/fraud',
	'/api/health',
	'/api/indicators',
	'/api/indicators/[id]',
	'/api/session',
	'/api/indicators/[id]/forecast',
	'/indicators/[id]',
	'/login',
	'/logout',
	// The wall shows each panel only to roles that may open its page (domain/wall.ts); /api/events: the data revision.
	'/wall',
	'/api/events'
];

describe('route access', () => {
	it('classifies every route of the application', () => {
		const routes = routeIds();
		expect(routes).toContain('/admin/users');
		for (const id of routes) {
			const protectedArea = AREAS.some((a) => id === a.route || id.startsWith(a.route + '/'));
			expect(protectedArea || PUBLIC_ROUTES.includes(id), `route ${id} is neither protected nor listed as public`).toBe(true);
		}
	});

	it('lets only administrators write, except signing in and out', () => {
		expect(requiredRole('/', 'POST')).toBe('admin');
		expect(requiredRole('/api/indicators/[id]', 'DELETE')).toBe('admin');
		expect(requiredRole('/login', 'POST')).toBe('public');
		expect(requiredRole('/logout', 'POST')).toBe('public');
		expect(requiredRole('/data/[id]', 'GET')).toBe('analyst');
		expect(requiredRole('/data/[id]', 'POST')).toBe('admin');
		expect(requiredRole('/practice', 'GET')).toBe('judge');
		expect(requiredRole('/admin/users', 'GET')).toBe('admin');
		// Prefixes match whole segments only.
		expect(requiredRole('/database-info', 'GET')).toBe('public');
	});
});
