import { describe, expect, it } from 'vitest';
import { scaleNote, shareLabel, volumeShare } from './demo-scale';

describe('demo scale in words', () => {
	it('reads scale 10 as the national volume and the others as its share', () => {
		expect(volumeShare(1)).toBe(0.1);
		expect(shareLabel(1, 'en')).toBe('1/10');
		expect(shareLabel(0.05, 'ru')).toBe('1/200');
		expect(shareLabel(20, 'en')).toBe('×2');
		expect(shareLabel(3, 'en')).toBe('30.0%');
		expect(scaleNote(1, 'ru')).toContain('1/10');
		expect(scaleNote(10, 'en')).toContain('national volume');
		expect(scaleNote(0.05, 'kk')).toContain('0,05');
	});
});
