import { describe, expect, it } from 'vitest';
import { parseTheme, THEMES } from './theme';

describe('parseTheme', () => {
	it('keeps a known theme and falls back to the system setting for anything else', () => {
		for (const theme of THEMES) expect(parseTheme(theme)).toBe(theme);
		expect(parseTheme(undefined)).toBe('system');
		expect(parseTheme('')).toBe('system');
		expect(parseTheme('"><script>')).toBe('system');
		expect(parseTheme('DARK')).toBe('system');
	});
});
