/**
 * Where an export goes: stdout, or a file created 0600 (Deskline's files are private, DESIGN.md rule 5),
 * written as a stream that waits for the disk (or the pipe) to drain, so memory stays flat.
 */
import { closeSync, createWriteStream, fchmodSync, openSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export interface Output {
  /** Writes text; returns a promise only when the stream asks to wait. */
  write(text: string): void | Promise<void>;
  close(): Promise<void>;
}

export function openOutput(path: string | undefined, stdout: NodeJS.WritableStream): Output {
  let stream: NodeJS.WritableStream;
  if (path === undefined || path === '-') stream = stdout;
  else {
    const fd = openSync(path, 'w', 0o600);
    try {
      fchmodSync(fd, 0o600);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
    stream = createWriteStream('', { fd });
  }
  const own = stream !== stdout;
  return {
    write(text) {
      if (!stream.write(text)) return once(stream as Writable, 'drain').then(() => undefined);
    },
    async close() {
      if (!own) return;
      const finished = once(stream as Writable, 'finish');
      stream.end();
      await finished;
    },
  };
}
