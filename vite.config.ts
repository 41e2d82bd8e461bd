import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './scripts/paraglide-options.js';

export default defineConfig({
	plugins: [sveltekit(), paraglideVitePlugin(paraglideOptions)],
	server: { port: 5173 },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts'],
					// Many unit tests work on real DuckDB files; on a busy 2-core machine 5 s is not enough.
					testTimeout: 30_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					environment: 'node',
					include: ['tests/**/*.test.ts'],
					globalSetup: ['tests/setup/global.ts'],
					testTimeout: 60_000,
					hookTimeout: 120_000,
					// Browser and server tests share one built server; running files one by one keeps 2 cores usable.
					fileParallelism: false,
					// Tests marked concurrent (pages audited or measured one after another) run three at a time: one alone leaves a core idle.
					maxConcurrency: 3
				}
			}
		]
	}
});
