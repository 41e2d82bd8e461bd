/**
 * The first pass over an uploaded file, streamed: SHA-256 and size of the original bytes, the
 * format detected from its head, transcoding to UTF-8, and each record numbered with its line
 * (number-records.ts), written to a working file DuckDB can read. Memory holds one chunk and
 * the head sample, whatever the file's size.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import iconv from 'iconv-lite';
import {
	hasLineBreak,
	MAX_COLUMNS,
	MAX_HEADER_BYTES,
	sampleFile,
	SAMPLE_BYTES,
	type CsvFormat,
	type Sample
} from '../../domain/ingest/format';
import { ImportError } from './errors';
import { BinaryContentError, RecordNumberer, type LongRecord } from './number-records';

/** Longest record the reader takes (DuckDB's max_line_size, set to the same in stage.ts). */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

export interface PreparedFile {
	/** UTF-8, LF-terminated records, each prefixed with its source line and the delimiter. */
	path: string;
	sha256: string;
	bytes: number;
	/** Records in the file, the header included. */
	records: number;
	/** Records longer than MAX_RECORD_BYTES: refused with their line and length. */
	longRecords: LongRecord[];
	sample: Sample;
}

export interface PrepareOptions {
	/** Where the working file is written. */
	path: string;
	maxBytes?: number;
	format?: Partial<CsvFormat>;
	onBytes?: (bytes: number) => void;
}

export async function prepareFile(input: Readable, options: PrepareOptions): Promise<PreparedFile> {
	const chunks = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
	const head: Buffer[] = [];
	let headBytes = 0;
	let complete = false;
	let lineBreak = false;
	// The sample, and on to the end of the header line when it is longer (a very wide file).
	while (headBytes < SAMPLE_BYTES || (!lineBreak && headBytes < MAX_HEADER_BYTES)) {
		const next = await chunks.next();
		if (next.done) {
			complete = true;
			break;
		}
		head.push(next.value);
		headBytes += next.value.length;
		lineBreak ||= hasLineBreak(next.value);
	}
	const headBuffer = Buffer.concat(head);
	const detected = sampleFile(headBuffer, complete, options.format);
	if (!detected.ok) {
		if (detected.reason === 'mixed_encoding') throw new ImportError('mixed_encoding', { line: detected.line });
		throw new ImportError(detected.reason === 'utf-16' ? 'utf_16' : detected.reason);
	}
	const { sample } = detected;
	if (sample.columns.length > MAX_COLUMNS) {
		// A header line longer than MAX_HEADER_BYTES has at least the columns read so far.
		const count = lineBreak || complete ? String(sample.columns.length) : `≥ ${sample.columns.length}`;
		throw new ImportError('too_many_columns', { count, max: MAX_COLUMNS });
	}

	const hash = createHash('sha256');
	let bytes = 0;
	const take = (chunk: Buffer) => {
		hash.update(chunk);
		bytes += chunk.length;
		if (options.maxBytes !== undefined && bytes > options.maxBytes) throw new ImportError('too_large', { limit: options.maxBytes });
		options.onBytes?.(bytes);
	};
	async function* original() {
		take(headBuffer);
		// The BOM is not part of the text (iconv strips its own for Windows-1251 it never has).
		yield sample.format.encoding === 'utf-8-bom' ? headBuffer.subarray(3) : headBuffer;
		if (complete) return;
		for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
			take(next.value);
			yield next.value;
		}
	}

	const numberer = new RecordNumberer(sample.format.delimiter, MAX_RECORD_BYTES);
	const source = Readable.from(original());
	const target = fs.createWriteStream(options.path);
	try {
		// Windows-1251 is decoded and written as UTF-8, the only encoding the reader is given.
		if (sample.format.encoding === 'windows-1251') {
			await pipeline(source, iconv.decodeStream('win1251'), iconv.encodeStream('utf8'), numberer, target);
		} else {
			await pipeline(source, numberer, target);
		}
	} catch (error) {
		fs.rmSync(options.path, { force: true });
		if (error instanceof BinaryContentError) throw new ImportError('binary', { line: error.line });
		throw error;
	}
	if (numberer.records <= (sample.format.header ? 1 : 0)) {
		fs.rmSync(options.path, { force: true });
		throw new ImportError('no_rows');
	}
	return { path: options.path, sha256: hash.digest('hex'), bytes, records: numberer.records, longRecords: numberer.longRecords, sample };
}
