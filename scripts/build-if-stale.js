/**
 * Builds the app when there is no build or when any source is newer than it. Shared by
 * `npm start` and the end-to-end test setup so both serve what the sources say.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const SOURCES = ['src', 'messages', 'static', 'svelte.config.js', 'vite.config.ts', 'package.json', 'project.inlang/settings.json'];
const STAMP = 'build/.built-at';
/** Generated into src by the build itself; never a reason to rebuild. */
const GENERATED = path.join('src', 'lib', 'paraglide');

/**
 * @param {string} entry
 * @returns {number} the newest modification time under `entry`
 */
function newest(entry) {
	if (!fs.existsSync(entry) || entry === GENERATED) return 0;
	const stat = fs.statSync(entry);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(0, ...fs.readdirSync(entry).map((/** @type {string} */ name) => newest(path.join(entry, name))));
}

/** @returns {boolean} whether a build ran */
export function buildIfStale(root = process.cwd(), log = console.log) {
	const cwd = process.cwd();
	process.chdir(root);
	try {
		const built = fs.existsSync(STAMP) ? fs.statSync(STAMP).mtimeMs : 0;
		if (built && Math.max(...SOURCES.map(newest)) <= built) return false;
		log('Building the dashboard (first start or sources changed)…');
		const vite = path.join('node_modules', 'vite', 'bin', 'vite.js');
		const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
		if (result.status !== 0) throw new Error('the build failed; see the messages above');
		fs.writeFileSync(STAMP, new Date().toISOString());
		return true;
	} finally {
		process.chdir(cwd);
	}
}
