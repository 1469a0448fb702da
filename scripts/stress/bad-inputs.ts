/**
 * The bad-input corpus (fixtures/bad/corpus.ts) through the built binary against one desk: each case
 * must exit with its code, print one line on stderr (no stack trace), and leave the desk unchanged.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS, FIXTURES, type BadCase } from '../../fixtures/bad/corpus.js';
import { snapshotHash } from '../../test/helpers/db-snapshot.js';

export interface BadInputFigures {
  cases: number;
  commands: number;
  wrongCode: string[];
  notOneLine: string[];
  changedDesk: string[];
}

export function deskEnv(dir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: dir,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_STATE_HOME: join(dir, 'state'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    DESKLINE_DB: join(dir, 'desk.db'),
    USER: 'tester',
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
    TZ: 'UTC',
  };
}

export function runCase(bin: string, env: NodeJS.ProcessEnv, c: BadCase) {
  const args = c.args.map((a) => a.replaceAll('{fixtures}', FIXTURES));
  return spawnSync(process.execPath, [bin, ...args], { env, input: c.stdin ?? '', encoding: 'utf8', maxBuffer: 1 << 26 });
}

/** A desk holding HD-1 (requester ana@example.com) and KB-1 `vpn-guide`. */
export function seedDesk(bin: string, env: NodeJS.ProcessEnv): void {
  for (const args of [
    ['ticket', 'create', '-t', 'Existing ticket', '-r', 'ana@example.com'],
    ['kb', 'add', '--title', 'VPN guide', '--body', 'Reset the VPN client', '--status', 'published'],
  ]) {
    const r = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8', input: '' });
    if (r.status !== 0) throw new Error(`seeding the desk failed: ${r.stderr}`);
  }
}

export function badInputs(bin: string, cases: readonly BadCase[] = CORPUS): BadInputFigures {
  const dir = mkdtempSync(join(tmpdir(), 'deskline-bad-'));
  try {
    const env = deskEnv(dir);
    seedDesk(bin, env);
    const figures: BadInputFigures = { cases: cases.length, commands: 0, wrongCode: [], notOneLine: [], changedDesk: [] };
    figures.commands = new Set(
      cases.map((c) =>
        c.args
          .filter((a) => !a.startsWith('-'))
          .slice(0, 2)
          .join(' '),
      ),
    ).size;
    let before = snapshotHash(env.DESKLINE_DB!);
    for (const c of cases) {
      const r = runCase(bin, env, c);
      const lines = r.stderr.trimEnd().split('\n');
      if (r.status !== c.code) figures.wrongCode.push(`${c.name}: exit ${r.status} (want ${c.code}): ${lines[0]}`);
      if (lines.length !== 1 || !lines[0]!.startsWith('deskline: ') || /\n\s+at /.test(r.stderr))
        figures.notOneLine.push(`${c.name}: ${JSON.stringify(r.stderr.slice(0, 200))}`);
      const after = snapshotHash(env.DESKLINE_DB!);
      if (after !== before) figures.changedDesk.push(c.name);
      before = after;
    }
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
