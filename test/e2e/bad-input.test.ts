/**
 * Every case in fixtures/bad/cases.json through the real binary: the documented exit code, one
 * line on stderr naming the problem, no stack trace, and the database exactly as it was.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { snapshot } from '../helpers/db-snapshot.js';
import { tempEnv } from '../helpers/temp.js';

interface BadCase {
  name: string;
  args: string[];
  code: number;
  message: string;
  setup?: 'newer-schema';
  dbUntouched?: string;
}

const FIXTURES = fileURLToPath(new URL('../../fixtures/bad', import.meta.url));
const CASES = JSON.parse(readFileSync(`${FIXTURES}/cases.json`, 'utf8')) as BadCase[];
const expand = (s: string) => s.replaceAll('{fixtures}', FIXTURES);

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('bad input through the real binary', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const env = tempEnv();
    const seeded = await runBin(['ticket', 'create', '-t', 'Existing ticket', '-r', 'ana@example.com'], { env });
    expect(seeded.code).toBe(0);
    if (c.setup === 'newer-schema') {
      const db = new Database(env.DESKLINE_DB!);
      db.pragma('user_version = 999');
      db.close();
    }
    const before = snapshot(env.DESKLINE_DB!);
    const untouched = c.dbUntouched ? sha(expand(c.dbUntouched)) : null;

    const r = await runBin(c.args.map(expand), { env });

    expect(r.code).toBe(c.code);
    expect(r.stderr).toContain(c.message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(env.DESKLINE_DB!)).toBe(before);
    if (untouched) expect(sha(expand(c.dbUntouched!))).toBe(untouched);
  });
});
