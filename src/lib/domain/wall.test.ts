import { describe, expect, it } from 'vitest';
import { routeIds } from '../../../tests/support/routes';
import { DEFAULT_WALL, MAX_PANELS, PANEL_KINDS, panelRoute, parseWallConfig, visiblePanels } from './wall';

describe('wall configuration', () => {
	it('accepts the default and keeps only what a panel kind uses', () => {
		expect(parseWallConfig(DEFAULT_WALL)).toEqual({ ok: true, config: DEFAULT_WALL });
		const parsed = parseWallConfig({
			panels: [
				{ kind: 'kpis', indicator: 'incoming' },
				{ kind: 'indicator', indicator: 'stability' }
			],
			seconds: 30
		});
		expect(parsed).toEqual({
			ok: true,
			config: { panels: [{ kind: 'kpis' }, { kind: 'indicator', indicator: 'stability' }], seconds: 30 }
		});
	});

	it('names every problem with its panel', () => {
		const parsed = parseWallConfig({
			panels: [{ kind: 'kpis' }, { kind: 'weather' }, { kind: 'map' }, { kind: 'indicator', indicator: 'no_such' }],
			seconds: 2.5
		});
		expect(parsed).toEqual({
			ok: false,
			problems: [
				{ code: 'seconds', min: 5, max: 600 },
				{ code: 'unknown_kind', panel: 2 },
				{ code: 'needs_indicator', panel: 3 },
				{ code: 'unknown_indicator', panel: 4, id: 'no_such' }
			]
		});
		expect(parseWallConfig({ panels: [], seconds: 10 })).toEqual({ ok: false, problems: [{ code: 'no_panels' }] });
		expect(parseWallConfig({ panels: Array(MAX_PANELS + 1).fill({ kind: 'alerts' }), seconds: 10 })).toEqual({
			ok: false,
			problems: [{ code: 'too_many_panels', max: MAX_PANELS }]
		});
		expect(parseWallConfig('kpis')).toEqual({ ok: false, problems: [{ code: 'shape' }] });
		expect(parseWallConfig({ panels: [{ kind: 1 }], seconds: 10 })).toEqual({ ok: false, problems: [{ code: 'shape' }] });
	});

	it('mirrors a page for every kind of panel, and shows a role the panels of pages it may open', () => {
		const pages = routeIds();
		for (const kind of PANEL_KINDS) expect(pages).toContain(panelRoute({ kind }));
		// Every page a panel mirrors is open to the public today; the judge sees the same panels.
		expect(visiblePanels(DEFAULT_WALL, 'public')).toEqual(DEFAULT_WALL.panels);
		expect(visiblePanels(DEFAULT_WALL, 'judge')).toEqual(DEFAULT_WALL.panels);
	});
});
