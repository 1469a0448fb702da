/**
 * Runs the CLI two ways: in-process through createProgram (fast, for breadth) and as the built
 * binary in a child process (for end-to-end). stdin is always given explicitly: CI has none.
 */
import { spawn } from 'node:child_process';
import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createProgram } from '../../src/program.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env: Record<string, string>;
  /** Text or raw bytes (bytes may be invalid UTF-8). */
  stdin?: string | Buffer;
  stdinIsTTY?: boolean;
  /** In-process only: stdout claims to be a terminal of this many columns. */
  stdoutColumns?: number;
  /** Binary only: a program that runs it, with its arguments (`/usr/bin/time -o rss -f %M`). */
  wrap?: string[];
}

function sink(): PassThrough & { text(): string } {
  const chunks: Buffer[] = [];
  const stream = new PassThrough() as PassThrough & { text(): string };
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.text = () => Buffer.concat(chunks).toString('utf8');
  return stream;
}

/** In-process run with a fresh program and captured streams. */
export async function runCli(args: string[], options: RunOptions): Promise<CliResult> {
  const stdout = Object.assign(sink(), options.stdoutColumns ? { isTTY: true, columns: options.stdoutColumns } : {});
  const stderr = sink();
  const stdin = Object.assign(Readable.from(options.stdin === undefined ? [] : [options.stdin]), {
    isTTY: options.stdinIsTTY ?? options.stdin === undefined,
  });
  const { run } = createProgram({ stdout, stderr, stdin, env: options.env });
  const code = await run(args);
  await new Promise((r) => setImmediate(r));
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

export const BIN = fileURLToPath(new URL('../../bin/deskline.js', import.meta.url));

/** Spawns the built binary (`npm test` builds it first). */
export function runBin(args: string[], options: RunOptions): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const [command, ...before] = [...(options.wrap ?? []), process.execPath];
    const child = spawn(command!, [...before, BIN, ...args], { env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
