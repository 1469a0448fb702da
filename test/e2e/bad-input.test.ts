/**
 * Every case in fixtures/bad/cases.json through the real binary: the documented exit code, one
 * line on stderr naming the problem, no stack trace, and the database exactly as it was. A case on a
 * generated 50 MB file also runs under /usr/bin/time: its peak memory stays under 400 MB.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin, type CliResult } from '../helpers/cli.js';
import { snapshot } from '../helpers/db-snapshot.js';
import { mapLimit } from '../helpers/map-limit.js';
import { envIn } from '../helpers/temp.js';

interface BadCase {
  name: string;
  args: string[];
  code: number;
  message: string;
  setup?: 'newer-schema';
  dbUntouched?: string;
  /** A file made by the test, never committed (`{generated}` in args): a 50 MB line in an import format. */
  generate?: keyof typeof HUGE_LINE;
  /** Settings made with `config set` before the case runs. */
  config?: Record<string, string>;
}

/** What goes before and after 50 MB of `x` on one line. */
const HUGE_LINE = {
  'huge.jsonl': ['{"table":"tickets","row":{"title":"', '"}}\n'],
  'huge.csv': ['Subject,Email\n"', '",a@example.com\n'],
  'huge-zendesk.json': ['{"tickets":[{"id":1,"status":"open","subject":"', '"}]}\n'],
  'huge-zendesk.ndjson': ['{"id":1,"status":"open","subject":"small"}\n{"id":2,"status":"open","subject":"', '"}\n'],
  'huge-jira.json': ['{"issues":[{"key":"HELP-1","fields":{"summary":"', '"}}]}\n'],
  'huge-jira.csv': ['Issue key,Summary,Created\nHELP-1,"', '",21/Mar/23 10:15 AM\n'],
} as const;

const MAX_RSS_KB = 400 * 1024;

async function generated(dir: string, name: keyof typeof HUGE_LINE): Promise<string> {
  const path = join(dir, name);
  const out = createWriteStream(path);
  out.write(HUGE_LINE[name][0]);
  const chunk = 'x'.repeat(1024 * 1024);
  for (let i = 0; i < 50; i++) if (!out.write(chunk)) await once(out, 'drain');
  out.end(HUGE_LINE[name][1]);
  await once(out, 'finish');
  return path;
}

const FIXTURES = fileURLToPath(new URL('../../fixtures/bad', import.meta.url));
const CASES = JSON.parse(readFileSync(`${FIXTURES}/cases.json`, 'utf8')) as BadCase[];
const expand = (s: string) => s.replaceAll('{fixtures}', FIXTURES);

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** What one case gave: the run, and the desk (and the file it must not touch) before and after it. */
interface Outcome {
  r: CliResult;
  /** Peak memory of the run in KB (generated cases only). */
  rss: number;
  before: string;
  after: string;
  untouched: [string, string] | null;
}

/**
 * One desk made by the binary (`ticket create`), copied for every case with SQLite's backup, so each
 * case starts from the same desk in its own HOME without a process of its own to make it. The cases are
 * independent processes: they run 3 at a time in beforeAll, and each test checks its own case.
 */
const outcomes = new Map<string, Outcome>();
let root = '';

async function runCase(c: BadCase, template: string): Promise<Outcome> {
  const env = envIn(mkdtempSync(join(root, 'case-')));
  writeFileSync(env.DESKLINE_DB!, '', { mode: 0o600 });
  const source = new Database(template, { readonly: true });
  await source.backup(env.DESKLINE_DB!).finally(() => source.close());
  if (c.setup === 'newer-schema') {
    const db = new Database(env.DESKLINE_DB!);
    db.pragma('user_version = 999');
    db.close();
  }
  const before = snapshot(env.DESKLINE_DB!);
  const untouched = c.dbUntouched ? sha(expand(c.dbUntouched)) : null;
  for (const [key, value] of Object.entries(c.config ?? {})) expect((await runBin(['config', 'set', key, value], { env })).code).toBe(0);
  const made = c.generate ? await generated(env.HOME!, c.generate) : '';
  const rssFile = join(env.HOME!, 'rss');
  const r = await runBin(
    c.args.map((a) => expand(a).replaceAll('{generated}', made)),
    { env, ...(c.generate ? { wrap: ['/usr/bin/time', '-o', rssFile, '-f', '%M'] } : {}) },
  );
  if (made) rmSync(made);
  const rss = c.generate ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : 0;
  return { r, rss, before, after: snapshot(env.DESKLINE_DB!), untouched: untouched ? [untouched, sha(expand(c.dbUntouched!))] : null };
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'deskline-bad-input-'));
  const env = envIn(mkdtempSync(join(root, 'template-')));
  const seeded = await runBin(['ticket', 'create', '-t', 'Existing ticket', '-r', 'ana@example.com'], { env });
  expect(seeded.code).toBe(0);
  const results = await mapLimit(CASES, 3, (c) => runCase(c, env.DESKLINE_DB!));
  CASES.forEach((c, i) => outcomes.set(c.name, results[i]!));
}, 600_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('bad input through the real binary', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const { r, rss, before, after, untouched } = outcomes.get(name)!;
    if (c.generate) expect(rss).toBeLessThan(MAX_RSS_KB);
    expect(r.code).toBe(c.code);
    expect(r.stderr).toContain(c.message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(after).toBe(before);
    if (untouched) expect(untouched[1]).toBe(untouched[0]);
  });
});
