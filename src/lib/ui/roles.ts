import type { Role } from '$lib/domain/roles';
import * as m from '$lib/paraglide/messages';

export const ROLE_LABEL: Record<Role, () => string> = {
	public: m.role_public,
	judge: m.role_judge,
	analyst: m.role_analyst,
	admin: m.role_admin
};
