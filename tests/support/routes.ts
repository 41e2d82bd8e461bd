/** The route ids of the application, read from src/routes, and a concrete URL for each. */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './server';

export function routeIds(dir = path.join(ROOT, 'src/routes'), prefix = ''): string[] {
	const ids: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		if (entry.isDirectory()) ids.push(...routeIds(path.join(dir, entry.name), `${prefix}/${entry.name}`));
		else if (/^\+(page|server)(\.server)?\.(svelte|ts)$/.test(entry.name)) ids.push(prefix || '/');
	}
	return [...new Set(ids)].sort();
}

/** A URL for a route id: parameters get a sample value, groups "(name)" disappear. */
export function sampleUrl(routeId: string): string {
	return (
		routeId
			.replace(/\/\([^)]+\)/g, '')
			.replace(/\[\[?\.{0,3}(\w+)(?:=\w+)?\]?\]/g, (_, name: string) => (name === 'id' ? 'incoming' : '1')) || '/'
	);
}

/** The route ids that render a page (not only an endpoint): what a browser can open. */
export function pageRouteIds(): string[] {
	return routeIds().filter((id) => fs.existsSync(path.join(ROOT, 'src/routes', id, '+page.svelte')));
}
