/**
 * Refuse a record longer than the limit while a file's bytes stream in, before the file is parsed or
 * held: a 50 MB ticket subject on one line stops at 16 MB, naming the line it is on. Each guard is fed
 * raw chunks in order and knows only what it must: quotes, escapes and newlines.
 */
import { RecordError } from './import-record.js';
import { limitText, type ImportLimits } from './import-limits.js';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

export type Guard = (chunk: Uint8Array) => void;

/** JSON: no string longer than the record limit. */
export function jsonStringGuard(file: string, limits: ImportLimits): Guard {
  let inString = false;
  let escaped = false;
  let run = 0;
  let line = 1;
  const max = limits.recordBytes;
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === NEWLINE) line++;
      if (!inString) {
        if (b === QUOTE) {
          inString = true;
          run = 0;
        }
        continue;
      }
      if (escaped) escaped = false;
      else if (b === BACKSLASH) escaped = true;
      else if (b === QUOTE) {
        inString = false;
        continue;
      }
      if (++run > max) throw new RecordError({ file, line }, null, `a JSON string longer than ${limitText(limits, 'record')}`);
    }
  };
}

/** CSV: no record (lines joined by quoted line breaks) longer than the record limit; names the line it starts on. */
export function csvRecordGuard(file: string, limits: ImportLimits): Guard {
  let quoted = false;
  let run = 0;
  let line = 1;
  let starts = 1;
  const max = limits.recordBytes;
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === QUOTE) quoted = !quoted; // a doubled quote inside a field toggles twice
      if (b === NEWLINE) {
        line++;
        if (!quoted) {
          starts = line;
          run = 0;
          continue;
        }
      }
      if (++run > max) throw new RecordError({ file, line: starts }, null, `a record longer than ${limitText(limits, 'record')}`);
    }
  };
}
