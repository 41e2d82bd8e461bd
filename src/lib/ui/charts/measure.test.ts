import { describe, expect, it } from 'vitest';
import { textWidth, wrapToWidth } from './measure';
import { valueAxisMargin, yTitleLines } from './plot-area';

// Without a canvas (Node) widths are estimated from the number of letters, the same for every run.
const font = '12px sans-serif';

describe('wrapToWidth', () => {
	it('keeps a text that fits on one line', () => {
		expect(wrapToWidth('Басқа', font, 200, 2)).toEqual(['Басқа']);
	});

	it('breaks at spaces into lines that fit, the last one cut with an ellipsis', () => {
		const lines = wrapToWidth('Бөтен деректерге негізделген несие және тағы басқа сөздер', font, 130, 2);
		expect(lines).toHaveLength(2);
		expect(lines[0]).toBe('Бөтен деректерге');
		expect(lines[1].endsWith('…')).toBe(true);
		expect(lines.every((l) => textWidth(l, font) <= 130)).toBe(true);
	});

	it('takes as many lines as the words need when not limited', () => {
		expect(wrapToWidth('a b c d', font, textWidth('a b', font), Infinity)).toEqual(['a b', 'c d']);
	});
});

describe('the value axis margin', () => {
	it('grows with its widest tick label and with a title that needs two lines', () => {
		const narrow = valueAxisMargin(['0', '5'], 'Cases', 200);
		expect(valueAxisMargin(['0', '25 мың'], 'Cases', 200)).toBeGreaterThan(narrow);
		const long = 'интервалдың 30 күніне істер, ай сайын';
		expect(yTitleLines(long, 120)).toHaveLength(2);
		expect(valueAxisMargin(['0', '5'], long, 120)).toBeGreaterThan(valueAxisMargin(['0', '5'], long, 1000));
	});
});
