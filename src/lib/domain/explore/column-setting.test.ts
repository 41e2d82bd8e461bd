import { describe, expect, it } from 'vitest';
import { parseColumnSetting } from './column-setting';

describe('a change of how a column is read', () => {
	it('takes a known type (null: as recognised) and codes of regions that exist', () => {
		expect(parseColumnSetting({ column: 'Область', type: 'region' })).toEqual({ column: 'Область', type: 'region', valueCodes: {} });
		expect(parseColumnSetting({ column: 'Область', type: null, valueCodes: { Алматы: 'KZ-75', Итого: '' } })).toEqual({
			column: 'Область',
			type: null,
			valueCodes: { Алматы: 'KZ-75', Итого: '' }
		});
	});

	it('names the field at fault', () => {
		expect(parseColumnSetting({ column: 'a', type: 'colour' })).toEqual({ fault: 'type' });
		expect(parseColumnSetting({ column: 'a', valueCodes: { x: 'no-such-region' } })).toEqual({ fault: 'valueCodes' });
		expect(parseColumnSetting({ type: 'text' })).toEqual({ fault: 'column' });
		expect(parseColumnSetting('text')).toEqual({ fault: 'body' });
	});
});
