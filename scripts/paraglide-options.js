/**
 * Paraglide options shared by the Vite plugin and the compile step run on install, so that
 * server modules and CLI scripts find the same compiled messages.
 */
/** @type {import('@inlang/paraglide-js').CompilerOptions} */
export const paraglideOptions = {
	project: './project.inlang',
	outdir: './src/lib/paraglide',
	// Language comes from the user's choice (cookie), then the browser, then Russian.
	strategy: ['cookie', 'preferredLanguage', 'baseLocale'],
	emitTsDeclarations: true
};
