/**
 * Hostile input at every parameter of the read API: SQL injection, huge and malformed values,
 * wrong types, unknown keys. Every answer is a 4xx with a message naming the parameter (or a
 * 200 when the value happens to be valid) — never a 5xx, never SQL or a stack trace.
 */
import { describe, expect, inject, it } from 'vitest';
import { DIMENSIONS } from '../src/lib/domain/catalog';

const base = inject('fixtureUrl');

const HOSTILE = [
	"' OR 1=1 --",
	'1; DROP TABLE cases; --',
	"KZ-75' UNION SELECT password_hash FROM users --",
	'"; SELECT * FROM sessions; --',
	'$1',
	'?',
	'%',
	'\\x00',
	'<script>alert(1)</script>',
	'../../etc/passwd',
	'[]',
	'{"a":1}',
	'-1',
	'NaN',
	'1e309',
	'２０２４',
	'\u202e2024',
	'x'.repeat(5000),
	''
];
const PARAMS = [
	'period',
	'from',
	'to',
	'grain',
	'by',
	'source',
	'format',
	...DIMENSIONS.map((d) => d.id),
	'unknown_key',
	'from[]',
	'__proto__'
];
// Case-sensitive: SQL keywords and DuckDB's errors as they write them (a message's own words, "from and to go together", are not SQL).
const LEAK = /SELECT|FROM\s+\w|[Dd]uck[Dd][Bb]|Binder|Parser Error|Conversion Error|Catalog Error|at \w+ \(|node_modules|\.ts:\d+/;

async function probe(path: string, query: string) {
	const response = await fetch(`${base}${path}?${query}`, { headers: { 'accept-language': 'en' } });
	return { status: response.status, text: await response.text() };
}

/** The read endpoints taking view parameters, with the parameters of their own. */
const ENDPOINTS = [
	{ path: '/api/indicators/incoming', own: [] },
	{ path: '/api/indicators/incoming/forecast', own: ['horizon'] }
];

describe.each(ENDPOINTS)('hostile API input at $path', ({ path, own }) => {
	it('gets a clear 4xx naming the parameter, never a 5xx or SQL text', async () => {
		let refused = 0;
		for (const param of [...PARAMS, ...own]) {
			for (const value of HOSTILE) {
				const { status, text } = await probe(path, new URLSearchParams([[param, value]]).toString());
				const where = `${param}=${value.slice(0, 30)}`;
				expect(status, where).toBeLessThan(500);
				// Messages quote the faulty value back (JSON-escaped); anything else must not look like SQL or code.
				const echo = JSON.stringify(value.slice(0, 60)).slice(1, -1);
				expect(text.split(echo).join(''), where).not.toMatch(LEAK);
				if (status === 400) {
					refused++;
					const { error } = JSON.parse(text);
					expect(
						error.errors.map((e: { param: string }) => e.param),
						where
					).toContain(param);
				} else if (status !== 200) {
					expect([403, 404], where).toContain(status);
				}
			}
		}
		expect(refused).toBeGreaterThan(PARAMS.length * (HOSTILE.length - 4));
	});
});

describe('hostile API input', () => {
	it('survives an oversized request line and hostile indicator ids', async () => {
		const huge = await fetch(`${base}/api/indicators/incoming?court=${'x'.repeat(100_000)}`).catch(() => null);
		if (huge) expect(huge.status).toBeGreaterThanOrEqual(400);
		for (const id of ["incoming' OR 1=1", '..%2F..%2Fetc', 'INCOMING', '%00']) {
			const response = await fetch(`${base}/api/indicators/${id}`);
			expect(response.status, id).toBe(404);
			expect(await response.text()).not.toMatch(LEAK);
		}
		// The server is still answering.
		expect((await fetch(`${base}/api/indicators/incoming?period=2024`)).status).toBe(200);
	});
});
