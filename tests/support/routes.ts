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

/** Pages whose parameter needs a value that exists in the fixture database (sampleUrl gives a generic one). */
const FIXTURE_SAMPLES: Record<string, string> = {
	'/data/[id]': '/data/1',
	// A case with a review, so that its timeline, similar cases and outlook are shown too.
	'/practice': '/practice?period=2024&case=7501-23-00-2%2F1'
};

/** A URL of the page that opens with content on the fixture server. */
export function fixturePageUrl(routeId: string): string {
	return FIXTURE_SAMPLES[routeId] ?? sampleUrl(routeId);
}
