import { THEME_COOKIE, THEME_COOKIE_MAX_AGE, type Theme } from '$lib/domain/theme';

/** Remembers the choice and applies it to the open page at once (no reload). */
export function applyTheme(theme: Theme): void {
	document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=${THEME_COOKIE_MAX_AGE}; samesite=lax`;
	document.documentElement.dataset.theme = theme;
}
