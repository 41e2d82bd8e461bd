/**
 * Which role each part of the application needs, by route. Enforced on the server for every
 * request (hooks.server.ts); the navigation shows only what the role may open. Routes not
 * listed are public to read; every state-changing request needs `admin` unless listed in
 * OPEN_WRITES.
 */
import { hasRole, type Role } from './roles';

export interface Area {
	/** A route id prefix, matched on whole segments ("/data" covers "/data/[id]"). */
	route: string;
	read: Role;
	write: Role;
}

export const AREAS: readonly Area[] = [
	{ route: '/admin', read: 'admin', write: 'admin' },
	{ route: '/data', read: 'analyst', write: 'admin' },
	{ route: '/api/datasets', read: 'analyst', write: 'admin' },
	// Analysts define indicators as data (issue 16).
	{ route: '/definitions', read: 'analyst', write: 'analyst' },
	{ route: '/api/definitions', read: 'analyst', write: 'analyst' },
	{ route: '/cases', read: 'analyst', write: 'admin' },
	{ route: '/api/cases', read: 'analyst', write: 'admin' },
	{ route: '/practice', read: 'judge', write: 'admin' },
	{ route: '/api/practice', read: 'judge', write: 'admin' },
	{ route: '/api/users', read: 'admin', write: 'admin' },
	// Planning shows courts' judges and workloads; the public gets forecasts through the API only.
	{ route: '/plan', read: 'analyst', write: 'admin' }
];

/** State-changing requests anyone may make: signing in and out. */
export const OPEN_WRITES: readonly string[] = ['/login', '/logout'];

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function covers(prefix: string, routeId: string): boolean {
	return routeId === prefix || routeId.startsWith(prefix + '/');
}

export function isWrite(method: string): boolean {
	return !READ_METHODS.has(method.toUpperCase());
}

/** The role a request to this route with this method needs. */
export function requiredRole(routeId: string, method: string): Role {
	const area = AREAS.find((a) => covers(a.route, routeId));
	if (isWrite(method)) return OPEN_WRITES.includes(routeId) ? 'public' : (area?.write ?? 'admin');
	return area?.read ?? 'public';
}

export function mayOpen(role: Role, routeId: string): boolean {
	return hasRole(role, requiredRole(routeId, 'GET'));
}

/** Parameters of the case list that only it reads (the rest are the view's filters and period). */
const CASE_LIST_PARAMS = ['indicator', 'sort', 'dir', 'page'];

/**
 * Where a signed-in reader is sent from a page their role may not open: the nearest view of the
 * same thing they may open — a case list's indicator in its explorer, under the same filters —
 * else the closest page up the path, else the overview.
 */
export function nearestView(routeId: string, url: URL, role: Role): string {
	if (covers('/cases', routeId) && mayOpen(role, '/indicators/[id]')) {
		const params = new URLSearchParams(url.searchParams);
		for (const name of CASE_LIST_PARAMS) params.delete(name);
		const query = params.size ? `?${params}` : '';
		return `/indicators/${encodeURIComponent(url.searchParams.get('indicator') || 'incoming')}${query}`;
	}
	const segments = url.pathname.split('/').filter(Boolean);
	while (segments.length) {
		segments.pop();
		const path = `/${segments.join('/')}`;
		if (mayOpen(role, path)) return path;
	}
	return '/';
}
