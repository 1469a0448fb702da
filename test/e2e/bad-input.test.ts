/**
 * Every case in fixtures/bad/cases.json through the real binary: the documented exit code, one
 * line on stderr naming the problem, no stack trace, and the database exactly as it was. A case on a
 * generated 50 MB file also runs under /usr/bin/time: its peak memory stays under 400 MB.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { snapshot } from '../helpers/db-snapshot.js';
import { tempDir, tempEnv } from '../helpers/temp.js';

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

async function generated(name: keyof typeof HUGE_LINE): Promise<string> {
  const path = join(tempDir(), name);
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

describe('bad input through the real binary', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (_name, c) => {
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

      for (const [key, value] of Object.entries(c.config ?? {}))
        expect((await runBin(['config', 'set', key, value], { env })).code).toBe(0);
      const made = c.generate ? await generated(c.generate) : '';
      const rssFile = join(tempDir(), 'rss');
      const r = await runBin(
        c.args.map((a) => expand(a).replaceAll('{generated}', made)),
        { env, ...(c.generate ? { wrap: ['/usr/bin/time', '-o', rssFile, '-f', '%M'] } : {}) },
      );
      if (c.generate) expect(Number(readFileSync(rssFile, 'utf8').trim().split('\n').at(-1))).toBeLessThan(MAX_RSS_KB);

      expect(r.code).toBe(c.code);
      expect(r.stderr).toContain(c.message);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(snapshot(env.DESKLINE_DB!)).toBe(before);
      if (untouched) expect(sha(expand(c.dbUntouched!))).toBe(untouched);
    },
    60_000,
  );
});
