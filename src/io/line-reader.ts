/**
 * Lines of an import file, read as a stream (memory stays flat on a 100k-ticket file): each with its
 * 1-based number, decoded as strict UTF-8, a line longer than the record limit (./import-limits.ts)
 * refused before it is held whole. Bad bytes or a huge line are a RecordError naming the line.
 */
import { createReadStream } from 'node:fs';
import { RecordError } from './import-record.js';
import { DEFAULT_LIMITS, limitText, type ImportLimits } from './import-limits.js';

export interface Line {
  text: string;
  line: number;
}

const NEWLINE = 0x0a;

/** A file (or stdin for `-`) as its lines; `advance` is told of every byte consumed. */
export async function* readLines(
  path: string,
  advance: (bytes: number) => void,
  stdin?: NodeJS.ReadableStream,
  file = path === '-' ? 'stdin' : path,
  limits: ImportLimits = DEFAULT_LIMITS,
): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const stream = path === '-' && stdin ? stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  const decode = (bytes: Buffer, at: number): string => {
    try {
      return decoder.decode(bytes);
    } catch {
      throw new RecordError({ file, line: at }, null, 'not valid UTF-8 text');
    }
  };
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let nl = buf.indexOf(NEWLINE); nl !== -1; nl = buf.indexOf(NEWLINE, start)) {
      line++;
      const piece = buf.subarray(start, nl);
      checkLength(pendingBytes + piece.length);
      const bytes = pending.length ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      pendingBytes = 0;
      yield { text: stripCr(decode(bytes, line)), line };
      start = nl + 1;
    }
    if (start < buf.length) {
      pending.push(buf.subarray(start));
      pendingBytes += buf.length - start;
      checkLength(pendingBytes, line + 1);
    }
    advance(buf.length);
  }
  if (pendingBytes > 0) yield { text: stripCr(decode(Buffer.concat(pending), line + 1)), line: line + 1 };

  function checkLength(bytes: number, at = line): void {
    if (bytes > limits.recordBytes) throw new RecordError({ file, line: at }, null, `line longer than ${limitText(limits, 'record')}`);
  }
}

const stripCr = (text: string) => (text.endsWith('\r') ? text.slice(0, -1) : text);
