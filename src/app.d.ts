// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Access, Role } from '$lib/domain/roles';
import type { Theme } from '$lib/domain/theme';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** The signed-in user, or null for the public. */
			user: { id: number; login: string; role: Role } | null;
			/** What the viewer may see of the figures (role and small-count threshold). */
			access: Access;
			/** The colour theme chosen (cookie), or 'system'. */
			theme: Theme;
		}
	}
}

export {};
