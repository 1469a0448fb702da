/**
 * A stream step that lets only valid UTF-8 through, as text: the first bad byte stops the import with
 * the line it is on (counted here). Reports the bytes it passes for the progress bar.
 */
import { Transform } from 'node:stream';
import { RecordError } from './import-record.js';

export function strictUtf8(file: string, advance: (bytes: number) => void): Transform {
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
        const probe = new TextDecoder('utf-8', { fatal: true });
        for (let nl = chunk.indexOf(10); ; nl = chunk.indexOf(10, start)) {
          const end = nl === -1 ? chunk.length : nl;
          try {
            probe.decode(chunk.subarray(start, end), { stream: nl === -1 });
          } catch {
            break;
          }
          if (nl === -1) break;
          lines++;
          start = nl + 1;
        }
        done(new RecordError({ file, line: lines }, null, 'not valid UTF-8 text'));
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
