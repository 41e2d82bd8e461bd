import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** An import of a layer, by alias or by a relative path through its folder. */
const layer = (name, why) => ({
	group: [`$lib/${name}`, `$lib/${name}/**`, `**/lib/${name}/**`, `../${name}/**`, `../../${name}/**`, `../../../${name}/**`],
	message: why
});
const serverOnly = layer('server', 'The browser cannot run server code: put shared view-model types in src/lib/domain.');
const uiOnly = layer('ui', 'Server and domain code do not depend on components: put what both need in src/lib/domain.');

export default defineConfig(
	globalIgnores(['build/', '.svelte-kit/', 'node_modules/', 'src/lib/paraglide/', 'data/', 'project.inlang/']),
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript checks names (svelte-check); the core rule does not know types.
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			// The app is served at the root; links carry query strings built by the URL-state serializer.
			'svelte/no-navigation-without-resolve': 'off',
			// Maps and Sets built inside $derived are scratch values, never reactive state.
			'svelte/prefer-svelte-reactivity': 'off'
		}
	},
	// Layers (CONTRIBUTING.md): domain depends on neither side; ui and server never on each other. Routes may import both.
	{ files: ['src/lib/ui/**'], rules: { 'no-restricted-imports': ['error', { patterns: [serverOnly] }] } },
	{ files: ['src/lib/server/**'], rules: { 'no-restricted-imports': ['error', { patterns: [uiOnly] }] } },
	{ files: ['src/lib/domain/**'], rules: { 'no-restricted-imports': ['error', { patterns: [serverOnly, uiOnly] }] } },
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: ts.parser, svelteConfig }
		}
	}
);
