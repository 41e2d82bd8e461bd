import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	compilerOptions: {
		// Runes mode for the project's own components.
		runes: ({ filename }) => (filename.split(/[/\\]/).includes('node_modules') ? undefined : true)
	},
	kit: {
		adapter: adapter({ precompress: true }),
		// hooks.server.ts checks the Origin of every state-changing request itself (forms, JSON and
		// uploads alike) and answers a refused form with a page in the user's language; SvelteKit's
		// own check would answer forms first, with a bare English line.
		csrf: { trustedOrigins: ['*'] },
		// Assets by absolute paths: the sign-in page is also served in place of a deeper page
		// (/admin/users answers 401 with it), where paths relative to /login would miss them.
		paths: { relative: false },
		// SvelteKit adds hashes or nonces for its own inline scripts; nothing else may run.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// Svelte's style: directives write style attributes, which CSP can only allow wholesale.
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				// papaparse runs its parser in a worker made from a blob URL.
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
