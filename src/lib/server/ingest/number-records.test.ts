import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { BinaryContentError, RecordNumberer } from './number-records';

/** Runs the numberer over `text` cut into chunks of `size` bytes (1: every boundary is a chunk edge). */
async function numbered(text: string, size = 1 << 16): Promise<string> {
	const bytes = Buffer.from(text);
	const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
	return (await buffer(Readable.from(chunks).pipe(new RecordNumberer(',')))).toString();
}

describe('RecordNumberer', () => {
	const cases: [string, string, string][] = [
		['plain lines', 'a,b\n1,2\n3,4\n', '1,a,b\n2,1,2\n3,3,4\n'],
		['CRLF and no final break', 'a,b\r\n1,2\r\n3,4', '1,a,b\n2,1,2\n3,3,4\n'],
		['lone CR', 'a,b\r1,2\r', '1,a,b\n2,1,2\n'],
		['quoted line breaks kept, lines still counted', 'a,b\n"x\r\ny",1\n"p\nq\nr",2\n3,4\n', '1,a,b\n2,"x\r\ny",1\n4,"p\nq\nr",2\n7,3,4\n'],
		['empty lines dropped, numbering kept', 'a,b\n\n1,2\r\n\r\n3,4\n', '1,a,b\n3,1,2\n5,3,4\n'],
		[
			'escaped quotes and a quote inside an unquoted field',
			'a,b\n"he said ""hi""\n",1\n37"N,2\n',
			'1,a,b\n2,"he said ""hi""\n",1\n4,37"N,2\n'
		]
	];
	for (const [name, input, expected] of cases) {
		it(name, async () => {
			expect(await numbered(input)).toBe(expected);
			expect(await numbered(input, 1)).toBe(expected);
		});
	}

	it('stops on binary content with the line it is on', async () => {
		const error = await numbered('a,b\n1,2\n3,\u0000\n').catch((e) => e);
		expect(error).toBeInstanceOf(BinaryContentError);
		expect(error.line).toBe(3);
	});
});
