/**
 * An mbox file as its messages, streamed: a line starting `From ` begins a message (mboxo/mboxrd),
 * `>From ` lines of the body lose one `>` (mboxrd). Each message comes with the line its `From `
 * separator is on, for messages about it. Memory holds one message at a time.
 */
import { createReadStream } from 'node:fs';

export interface MboxMessage {
  /** 1-based line of the `From ` separator. */
  line: number;
  bytes: Buffer;
}

const FROM = Buffer.from('From ');
const NL = 10;

function countLines(buf: Buffer, start: number, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(NL, start); i !== -1 && i < end; i = buf.indexOf(NL, i + 1)) n++;
  return n;
}

/** mboxrd: one `>` less on every `>…>From ` line. */
export function unescapeFrom(message: Buffer): Buffer {
  if (message.indexOf('\n>') === -1 && message[0] !== 0x3e) return message;
  const text = message.toString('latin1').replace(/^>(>*From )/gm, '$1');
  return Buffer.from(text, 'latin1');
}

/** The start of every separator line in `buf` from `from` on (a `From ` at the very start, or after a newline). */
function nextSeparator(buf: Buffer, from: number): number {
  if (from === 0 && buf.subarray(0, 5).equals(FROM)) return 0;
  for (let i = buf.indexOf('\nFrom ', Math.max(0, from - 1)); i !== -1; i = buf.indexOf('\nFrom ', i + 1)) {
    if (i + 1 >= from) return i + 1;
  }
  return -1;
}

export async function* splitMbox(source: AsyncIterable<Buffer>, onBytes?: (n: number) => void): AsyncGenerator<MboxMessage> {
  let pending: Buffer = Buffer.alloc(0);
  let pendingLine = 1;
  let started = false;
  let scanFrom = 0;
  const emit = (bytes: Buffer, line: number): MboxMessage => {
    const body = bytes.subarray(bytes.indexOf(NL) + 1);
    return { line, bytes: unescapeFrom(body) };
  };
  for await (const chunk of source) {
    onBytes?.(chunk.length);
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    let cut = 0;
    for (let sep = nextSeparator(pending, started ? Math.max(1, scanFrom) : 0); sep !== -1; sep = nextSeparator(pending, sep + 1)) {
      if (!started) {
        if (sep !== 0 && pending.subarray(0, sep).toString('latin1').trim() !== '') throw new NotMbox(pendingLine);
        pendingLine += countLines(pending, 0, sep);
        started = true;
        cut = sep;
        continue;
      }
      yield emit(pending.subarray(cut, sep), pendingLine);
      pendingLine += countLines(pending, cut, sep);
      cut = sep;
    }
    if (!started && pending.length >= 5 && !pending.subarray(0, 5).equals(FROM) && pending.toString('latin1').trim() !== '') {
      throw new NotMbox(1);
    }
    pending = pending.subarray(cut);
    scanFrom = pending.length - 5;
  }
  if (started && pending.length) yield emit(pending, pendingLine);
  else if (!started && pending.toString('latin1').trim() !== '') throw new NotMbox(1);
}

/** The file does not start with a `From ` line: it is not an mbox (the line says where). */
export class NotMbox extends Error {
  constructor(readonly line: number) {
    super(`not an mbox file (line ${line} is not a 'From ' separator line)`);
  }
}

export function fileChunks(path: string): AsyncIterable<Buffer> {
  return createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
}
