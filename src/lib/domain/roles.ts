/**
 * Who may see what. Roles are ordered: each sees everything the ones before it see.
 * - public: aggregate views only, small counts suppressed;
 * - judge: also the practice explorer and similar cases;
 * - analyst: everything read-only, drill-down to case lists and pseudonymous judges, exports;
 * - admin: also uploads, replace, rollback and users.
 */
export const ROLES = ['public', 'judge', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function hasRole(role: Role, needed: Role): boolean {
	return ROLES.indexOf(role) >= ROLES.indexOf(needed);
}

/** What a viewer may see of the figures: small counts are hidden from the public. */
export interface Access {
	role: Role;
	/** Counts under this are shown as "<N" to roles that see only aggregates. */
	minCount: number;
}

export const DEFAULT_MIN_COUNT = 5;

/**
 * Whether this viewer may see individual judges: filter, break down, drill down or compare by
 * judge. The one place that rule is decided.
 */
export function maySeeJudges(access: Pick<Access, 'role'>): boolean {
	return hasRole(access.role, 'analyst');
}

/** Whether figures must be suppressed below `minCount` for this role. */
export function suppressesSmallCounts(access: Access): boolean {
	return !hasRole(access.role, 'judge');
}
