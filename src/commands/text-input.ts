/** Long text for a command: an argument, a file, `-` for stdin, a pipe, or $EDITOR on a terminal. */
import { spawnSync } from 'node:child_process';
import { fstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { editedText, editorFileText } from '../domain/editor-text.js';
import { decodeUtf8 } from '../domain/text-rules.js';
import { EXIT, fail } from '../errors.js';
import type { Io } from '../streams.js';

/** A file named on the command line, as text; one line naming it when it cannot be read (exit 4). */
export function readTextFile(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail(EXIT.invalid, `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  return decodeUtf8(bytes, path);
}

/** All of a stream as text; invalid UTF-8 is refused naming `source` (never read as U+FFFD). */
export async function readAll(stream: NodeJS.ReadableStream, source = 'stdin'): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return decodeUtf8(Buffer.concat(chunks), source);
}

/** True only when stdin is a pipe or file actually given (CI has no stdin: never wait on a terminal). */
export function stdinIsPiped(io: Io): boolean {
  if (io.stdin.isTTY) return false;
  if (io.stdin !== process.stdin) return true;
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isFile();
  } catch {
    return false;
  }
}

/** Opens $VISUAL/$EDITOR on a private temp file seeded with `initial` (ending with a newline); returns what was saved, without it. */
export function editText(io: Io, initial = '', suffix = '.md'): string {
  const editor = io.env.VISUAL || io.env.EDITOR;
  if (!editor) fail(EXIT.usage, 'no text given and $EDITOR is not set: pass the text, or - to read stdin');
  const dir = mkdtempSync(join(tmpdir(), 'deskline-'));
  const file = join(dir, `text${suffix}`);
  try {
    writeFileSync(file, editorFileText(initial), { mode: 0o600 });
    const result = spawnSync(`${editor} "${file}"`, { stdio: 'inherit', shell: true, env: io.env as NodeJS.ProcessEnv });
    if (result.status !== 0) fail(EXIT.usage, `editor '${editor}' exited with ${result.status ?? result.signal}: nothing saved`);
    return editedText(decodeUtf8(readFileSync(file), 'the edited text'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text argument, `-` (stdin), piped stdin, or the editor when on a terminal. */
export async function textFrom(io: Io, arg: string | undefined, what: string): Promise<string> {
  if (arg === '-') return readAll(io.stdin);
  if (arg !== undefined) return arg;
  if (stdinIsPiped(io)) return readAll(io.stdin);
  if (io.stdout.isTTY) return editText(io);
  return fail(EXIT.usage, `no ${what} given: pass it as an argument, or - to read stdin`);
}
