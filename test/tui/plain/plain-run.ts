/** Runs plain mode in process on a pipe (no terminal), as a screen-reader user's session would run. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { startPlain } from '../../../src/tui/plain/main.js';
import { ME } from '../seed.js';

/** Writes the settings file a technician would have (`config set user.name …`), plus `extra`. */
export function settings(env: Record<string, string>, extra: Record<string, unknown> = {}): void {
  const folder = join(env.XDG_CONFIG_HOME!, 'deskline');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  writeFileSync(join(folder, 'config.json'), JSON.stringify({ user: { name: ME.name, email: ME.email }, ...extra }), { mode: 0o600 });
}

export async function runPlain(env: Record<string, string>, lines: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const collect = () => {
    const chunks: Buffer[] = [];
    const s = new PassThrough();
    s.on('data', (c: Buffer) => chunks.push(c));
    return { s, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const out = collect();
  const err = collect();
  const stdin = Object.assign(Readable.from([lines.map((l) => `${l}\n`).join('')]), { isTTY: false });
  const code = await startPlain({ stdout: out.s, stderr: err.s, stdin, env });
  return { code, out: out.text(), err: err.text() };
}
