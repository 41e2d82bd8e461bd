/**
 * Streaming CSV output (RFC 4180, UTF-8, comma, `\n`): rows are buffered into large chunks
 * and written with backpressure, so memory stays flat whatever the number of rows.
 */
import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';

export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;

/** Empty for null; quoted (with doubled quotes) only when the text needs it. */
export function csvField(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	const text = String(value);
	return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (values: readonly CsvValue[]): string => values.map(csvField).join(',');

const CHUNK_CHARS = 1 << 20;

export class CsvFile {
	private readonly stream: fs.WriteStream;
	private buffer: string[] = [];
	private bufferedChars = 0;
	private mustDrain = false;
	rows = 0;

	constructor(
		readonly path: string,
		header: readonly string[]
	) {
		this.stream = fs.createWriteStream(path, { encoding: 'utf8', highWaterMark: CHUNK_CHARS });
		this.stream.on('error', () => undefined); // reported by flush() and close()
		this.buffer.push(csvLine(header));
	}

	/** Adds one formatted line (no line break). Call `flush()` regularly to let the disk catch up. */
	push(line: string): void {
		this.buffer.push(line);
		this.rows++;
		this.bufferedChars += line.length;
		if (this.bufferedChars >= CHUNK_CHARS) this.writeBuffer();
	}

	private writeBuffer(): void {
		if (this.buffer.length === 0) return;
		if (!this.stream.write(this.buffer.join('\n') + '\n')) this.mustDrain = true;
		this.buffer = [];
		this.bufferedChars = 0;
	}

	/** Waits until the stream has taken what was written so far. */
	async flush(): Promise<void> {
		if (this.stream.errored) throw this.stream.errored;
		this.writeBuffer();
		if (this.mustDrain) {
			this.mustDrain = false;
			if (this.stream.writableNeedDrain) await once(this.stream, 'drain');
		}
	}

	async close(): Promise<void> {
		this.writeBuffer();
		this.stream.end();
		await finished(this.stream);
	}
}
