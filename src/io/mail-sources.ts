/**
 * Where raw messages come from, one at a time with their place: `.eml` files or folders of them
 * (`-`: one message on stdin, a mail server's pipe), mbox files (./mbox-split.ts), and maildirs
 * (the `cur` and `new` folders offline mail clients sync to; `tmp` holds unfinished deliveries).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, fail } from '../errors.js';
import { fileChunks, NotMbox, splitMbox } from './mbox-split.js';

export type MailFormat = 'eml' | 'mbox' | 'maildir';

export interface RawMessage {
  at: { file: string; line?: number };
  bytes: Buffer;
}

export interface SourceIo {
  advance(bytes: number): void;
  stdin: NodeJS.ReadableStream;
}

/** Files of a folder tree, sorted by path (maildir names begin with the delivery time). */
function filesUnder(dir: string, accept: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(path, accept));
    else if (entry.isFile() && accept(entry.name)) out.push(path);
  }
  return out;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return fail(EXIT.notFound, `${path}: no such file or folder`);
  }
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

function oneFile(path: string, io: SourceIo): RawMessage {
  const bytes = readFileSync(path);
  io.advance(bytes.length);
  return { at: { file: path }, bytes };
}

async function* emlMessages(path: string, io: SourceIo): AsyncGenerator<RawMessage> {
  if (path === '-') {
    const bytes = await readAll(io.stdin);
    io.advance(bytes.length);
    yield { at: { file: 'stdin' }, bytes };
    return;
  }
  if (!isDir(path)) {
    yield oneFile(path, io);
    return;
  }
  const files = filesUnder(path, (name) => /\.eml$/i.test(name));
  if (files.length === 0) fail(EXIT.invalid, `${path}: holds no .eml files`);
  for (const file of files) yield oneFile(file, io);
}

async function* maildirMessages(path: string, io: SourceIo): AsyncGenerator<RawMessage> {
  const parts = ['cur', 'new'].map((sub) => join(path, sub));
  if (!isDir(path) || !parts.some((p) => statSync(p, { throwIfNoEntry: false })?.isDirectory()))
    fail(EXIT.invalid, `${path}: is not a maildir (no cur or new folder in it)`);
  for (const dir of parts) {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) continue;
    for (const file of filesUnder(dir, () => true)) yield oneFile(file, io);
  }
}

async function* mboxMessages(path: string, io: SourceIo): AsyncGenerator<RawMessage> {
  const file = path === '-' ? 'stdin' : path;
  if (path !== '-' && isDir(path)) fail(EXIT.invalid, `${path}: is a folder (an mbox is one file; a folder of messages is a maildir)`);
  try {
    const source = path === '-' ? (io.stdin as AsyncIterable<Buffer>) : fileChunks(path);
    for await (const { line, bytes } of splitMbox(source, io.advance)) yield { at: { file, line }, bytes };
  } catch (error) {
    if (error instanceof NotMbox) fail(EXIT.invalid, `${file}:${error.line}: ${error.message.replace(/ \(line \d+ /, ' (')}`);
    throw error;
  }
}

const SOURCES: Readonly<Record<MailFormat, (path: string, io: SourceIo) => AsyncGenerator<RawMessage>>> = {
  eml: emlMessages,
  mbox: mboxMessages,
  maildir: maildirMessages,
};

export async function* rawMessages(format: MailFormat, paths: readonly string[], io: SourceIo): AsyncGenerator<RawMessage> {
  for (const path of paths) yield* SOURCES[format](path, io);
}
