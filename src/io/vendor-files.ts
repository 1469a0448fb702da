/**
 * A Zendesk or Jira export read whole (a vendor export is one JSON document, or a CSV whose records span
 * lines), streamed in so that each limit is checked before the file is held: the file's size
 * (`import.max_file_mb`), NUL bytes (a binary file), a JSON string's or a CSV record's length
 * (`import.max_record_mb`) and strict UTF-8, a bad byte named by its line (./strict-utf8.ts).
 */
import { createReadStream, statSync } from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadIo } from './import-formats.js';
import { RecordError } from './import-record.js';
import { DEFAULT_LIMITS, limitText, type ImportLimits } from './import-limits.js';
import { csvRecordGuard, jsonStringGuard, type Guard } from './record-guards.js';
import { jsonFieldBefore, strictUtf8 } from './strict-utf8.js';
import type { VendorFile } from './vendor-record.js';

const SPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0xef, 0xbb, 0xbf]); // and a UTF-8 byte-order mark
const OPENERS = new Set([0x7b, 0x5b]); // `{` `[`

const tooLarge = (file: string, limits: ImportLimits) =>
  new RecordError({ file }, null, `is larger than ${limitText(limits, 'file')}: a vendor export is read whole`);

/** The checks on raw bytes, in order, before they are decoded. */
function byteChecks(file: string, io: ReadIo): Transform {
  const limits = io.limits ?? DEFAULT_LIMITS;
  let total = 0;
  // Decided at the first byte that is not space: JSON (`{`, `[`, not named .csv) or CSV, as ./jira.ts decides.
  let guard: Guard | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        total += chunk.length;
        if (total > limits.fileBytes) throw tooLarge(file, limits);
        if (chunk.includes(0)) throw new RecordError({ file }, null, 'is binary (it holds NUL bytes), not a text export');
        if (guard === undefined) {
          const first = chunk.findIndex((b) => !SPACE.has(b));
          if (first !== -1) guard = (OPENERS.has(chunk[first]!) && !/\.csv$/i.test(file) ? jsonStringGuard : csvRecordGuard)(file, limits);
        }
        guard?.(chunk);
        done(null, chunk);
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

export async function readVendorFile(path: string, io: ReadIo): Promise<VendorFile> {
  const name = path === '-' ? 'stdin' : path;
  const limits = io.limits ?? DEFAULT_LIMITS;
  if (path !== '-' && statSync(path).size > limits.fileBytes) throw tooLarge(name, limits);
  const input = path === '-' ? (io.stdin as Readable) : createReadStream(path, { highWaterMark: 1 << 20 });
  const parts: string[] = [];
  await pipeline(
    input,
    byteChecks(name, io),
    strictUtf8(name, io.advance, /\.csv$/i.test(name) ? undefined : jsonFieldBefore),
    async (source: AsyncIterable<string | Buffer>) => {
      for await (const text of source) parts.push(String(text));
    },
  );
  return { name, text: parts.join('').replace(/^\ufeff/, ''), limits };
}
