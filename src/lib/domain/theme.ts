/**
 * Colour theme: follow the system (prefers-color-scheme), or light or dark as chosen. The choice
 * lives in a cookie so that the server renders <html data-theme> and the page never flashes.
 */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = 'theme';
/** A year: the choice outlives the session, like the language. */
export const THEME_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

export function parseTheme(value: string | undefined | null): Theme {
	return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
}
