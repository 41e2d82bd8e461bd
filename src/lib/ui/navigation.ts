/** The main navigation; each entry is shown only to roles that may open it (route-access.ts). */
import { mayOpen } from '$lib/domain/route-access';
import type { Role } from '$lib/domain/roles';
import * as m from '$lib/paraglide/messages';

export interface NavItem {
	href: string;
	/** The route id, checked against route-access.ts. */
	route: string;
	label: () => string;
}

const NAV: NavItem[] = [
	{ href: '/', route: '/', label: m.nav_home },
	{ href: '/fraud', route: '/fraud', label: m.nav_fraud },
	{ href: '/practice', route: '/practice', label: m.nav_practice },
	{ href: '/plan', route: '/plan', label: m.pl_nav },
	{ href: '/wall', route: '/wall', label: m.wall_nav },
	{ href: '/data', route: '/data', label: m.nav_data },
	{ href: '/definitions', route: '/definitions', label: m.nav_definitions },
	{ href: '/admin/users', route: '/admin/users', label: m.nav_users }
];

export function navigationFor(role: Role): NavItem[] {
	return NAV.filter((item) => mayOpen(role, item.route));
}
