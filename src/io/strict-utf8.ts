/**
 * A stream step that lets only valid UTF-8 through, as text: the first bad byte stops the import with
 * the line it is on (counted here), and the field it is in when `fieldOf` names it from the line's text
 * before the byte. Reports the bytes it passes for the progress bar.
 */
import { Transform } from 'node:stream';
import { firstBadByte } from '../domain/text-rules.js';
import { RecordError } from './import-record.js';

/** The JSON key whose string value a text ends inside (`{"subject": "caf` → subject), for `fieldOf`. */
export function jsonFieldBefore(before: string): string | null {
  return /"([^"\\]{1,64})"\s*:\s*"(?:[^"\\]|\\.)*$/.exec(before)?.[1] ?? null;
}

export function strictUtf8(file: string, advance: (bytes: number) => void, fieldOf?: (before: string) => string | null): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lines = 1;
  const countLines = (buf: Uint8Array) => {
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) lines++;
  };
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        countLines(chunk);
        advance(chunk.length);
        done(null, text);
      } catch {
        // Find the line: decode line by line up to the first that fails.
        let start = 0;
        let piece = chunk.subarray(0, 0);
        const probe = new TextDecoder('utf-8', { fatal: true });
        for (let nl = chunk.indexOf(10); ; nl = chunk.indexOf(10, start)) {
          piece = chunk.subarray(start, nl === -1 ? chunk.length : nl);
          try {
            probe.decode(piece, { stream: nl === -1 });
          } catch {
            break;
          }
          if (nl === -1) break;
          lines++;
          start = nl + 1;
        }
        const before = new TextDecoder().decode(piece.subarray(0, firstBadByte(piece)));
        done(new RecordError({ file, line: lines }, fieldOf?.(before.slice(-65_536)) ?? null, 'not valid UTF-8 text'));
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new RecordError({ file, line: lines }, null, 'not valid UTF-8 text (the file ends inside a character)'));
      }
    },
  });
}
