/**
 * Prefixes every CSV record with the line of the source file where it starts, so that each row
 * staged by DuckDB (and each row DuckDB refuses) can be named by its place in the user's file.
 *
 * Works on UTF-8 bytes: delimiter, quote and line breaks are ASCII and never occur inside a
 * multi-byte sequence. Record ends (LF, CRLF or a lone CR outside quotes) become LF; breaks
 * inside quoted fields are kept as they are. Empty lines are dropped (they hold no record).
 * Lines without quotes or CR are copied with native searches; the byte-by-byte scanner runs
 * only where quotes or CRs make it necessary. Output goes into one buffer per chunk: a small
 * allocation per record was most of this pass's time.
 */
import { Transform, type TransformCallback } from 'node:stream';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const NUL = 0x00;

export class BinaryContentError extends Error {
	constructor(readonly line: number) {
		super(`binary content (byte 0) on line ${line}`);
	}
}

/** Position of the next `byte` at or after `from`, or the chunk's length; cached per chunk. */
class NextByte {
	private at = -2;
	constructor(
		private readonly chunk: Buffer,
		private readonly byte: number
	) {}
	from(from: number): number {
		if (this.at !== this.chunk.length && this.at < from) {
			const found = this.chunk.indexOf(this.byte, from);
			this.at = found === -1 ? this.chunk.length : found;
		}
		return this.at;
	}
}

/** A chunk's output: bytes appended to one buffer, grown when a chunk holds many short records. */
class Output {
	private buffer: Buffer;
	private length = 0;

	constructor(size: number) {
		this.buffer = Buffer.allocUnsafe(size);
	}

	private reserve(bytes: number): void {
		if (this.length + bytes <= this.buffer.length) return;
		const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
		this.buffer.copy(grown, 0, 0, this.length);
		this.buffer = grown;
	}

	copy(source: Buffer, start: number, end: number): void {
		if (end <= start) return;
		this.reserve(end - start);
		this.length += source.copy(this.buffer, this.length, start, end);
	}

	byte(value: number): void {
		this.reserve(1);
		this.buffer[this.length++] = value;
	}

	/** The record's line number and the delimiter after it. */
	prefix(line: number, delimiter: number): void {
		this.reserve(17);
		this.length += this.buffer.write(String(line), this.length, 'latin1');
		this.buffer[this.length++] = delimiter;
	}

	bytes(): Buffer {
		return this.buffer.subarray(0, this.length);
	}

	get size(): number {
		return this.length;
	}
}

/** A record longer than the reader takes: its line and its length in bytes. */
export interface LongRecord {
	line: number;
	bytes: number;
}

/** Long records remembered at most (each is refused; the count of the rest is kept). */
const LONG_RECORDS_KEPT = 1000;

export class RecordNumberer extends Transform {
	/** Physical line the scanner is on (1-based). */
	private line = 1;
	/** Records written so far, the header included. */
	records = 0;
	private inQuotes = false;
	/** A quote seen inside a quoted field: either the closing one or the first of `""`. */
	private quoteSeen = false;
	private atFieldStart = true;
	private atRecordStart = true;
	/** The last byte was a CR: a LF right after it belongs to the same line break. */
	private afterCr = false;
	private readonly delimiter: number;
	private out = new Output(0);
	/** Bytes written in the chunks before this one, and where the current record started. */
	private written = 0;
	private recordStart = 0;
	private recordLine = 0;
	/** Records longer than `maxRecordBytes`, in file order (the first LONG_RECORDS_KEPT). */
	readonly longRecords: LongRecord[] = [];

	constructor(
		delimiter: string,
		private readonly maxRecordBytes = Infinity
	) {
		super();
		this.delimiter = delimiter.charCodeAt(0);
	}

	private startRecord(): void {
		this.recordStart = this.written + this.out.size;
		this.recordLine = this.line;
		this.out.prefix(this.line, this.delimiter);
		this.records++;
		this.atRecordStart = false;
		this.atFieldStart = true;
	}

	/** Called where a record's final LF is written: notes it when too long. */
	private endRecord(): void {
		const bytes = this.written + this.out.size - this.recordStart;
		if (bytes > this.maxRecordBytes && this.longRecords.length < LONG_RECORDS_KEPT) {
			this.longRecords.push({ line: this.recordLine, bytes });
		}
	}

	override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
		// Room for the chunk and a line number for every 8 bytes or so: rarely grown.
		this.out = new Output(chunk.length + (chunk.length >> 3) + 64);
		const nul = chunk.indexOf(NUL);
		const quotes = new NextByte(chunk, QUOTE);
		const crs = new NextByte(chunk, CR);
		let i = 0;
		while (i < chunk.length) {
			// Fast path: a whole line with no quote, CR or NUL, starting a record.
			if (this.atRecordStart && !this.afterCr) {
				const lf = chunk.indexOf(LF, i);
				if (lf !== -1 && quotes.from(i) > lf && crs.from(i) > lf && (nul === -1 || nul > lf)) {
					if (lf > i) {
						this.startRecord();
						this.out.copy(chunk, i, lf + 1);
						this.endRecord();
						this.atRecordStart = true;
					}
					this.line++;
					i = lf + 1;
					continue;
				}
			}
			const end = this.scanRecord(chunk, i);
			if (end < 0) return done(new BinaryContentError(this.line));
			i = end;
		}
		this.written += this.out.size;
		done(null, this.out.bytes());
	}

	/**
	 * Scans byte by byte from `start` until the end of the current record (or of the chunk);
	 * returns where it stopped, or -1 on a NUL byte.
	 */
	private scanRecord(chunk: Buffer, start: number): number {
		let runStart = start;
		const flushRun = (end: number) => {
			this.out.copy(chunk, runStart, end);
		};
		for (let i = start; i < chunk.length; i++) {
			const b = chunk[i];
			if (this.afterCr) {
				this.afterCr = false;
				if (b === LF) {
					// The second half of a CRLF: already written as LF outside quotes, kept inside.
					if (!this.inQuotes) {
						flushRun(i);
						return i + 1;
					}
					continue;
				}
			}
			if (b === NUL) return -1;
			if (this.inQuotes) {
				if (this.quoteSeen) {
					this.quoteSeen = false;
					if (b === QUOTE) continue; // "" inside a quoted field
					this.inQuotes = false; // the quote closed the field: b is read as unquoted
				} else {
					if (b === QUOTE) this.quoteSeen = true;
					else if (b === LF || b === CR) {
						this.line++;
						this.afterCr = b === CR;
					}
					continue;
				}
			}
			if (b === LF || b === CR) {
				flushRun(i);
				// Outside quotes every record ends with LF; an empty line writes nothing.
				if (!this.atRecordStart) {
					this.out.byte(LF);
					this.endRecord();
				}
				this.line++;
				this.atRecordStart = true;
				this.afterCr = b === CR;
				if (!this.afterCr) return i + 1;
				runStart = i + 1;
				continue;
			}
			if (this.atRecordStart) {
				flushRun(i);
				runStart = i;
				this.startRecord();
			}
			if (b === QUOTE && this.atFieldStart) this.inQuotes = true;
			this.atFieldStart = b === this.delimiter;
		}
		flushRun(chunk.length);
		return chunk.length;
	}

	override _flush(done: TransformCallback): void {
		// A last record without a final line break still needs one for the reader.
		if (!this.atRecordStart) {
			this.out = new Output(1);
			this.out.byte(LF);
			this.endRecord();
		}
		done(null, this.atRecordStart ? undefined : this.out.bytes());
	}
}
