/**
 * Moving a desk between dialects by file: export jsonl from an SQLite desk → import into an empty
 * PostgreSQL desk → export jsonl again gives the same rows, table by table and field by field, ids
 * included (an empty desk keeps the file's ids); only the header's time, the import's own audit event and
 * tickets' change_seq (each desk's own counter of changes) differ. The PostgreSQL desk then finds the same tickets and articles (its search data was filled
 * by the import), takes new tickets after the imported ids, and a second import creates nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { pgDeskEnv } from '../helpers/desk-env.js';
import { tempDir, tempEnv } from '../helpers/temp.js';

type Line = { table?: string; row?: Record<string, unknown> };

/** The file's rows by table (header left out, the import's own audit event left out). */
function rowsOf(path: string): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const text of readFileSync(path, 'utf8').trimEnd().split('\n')) {
    const line = JSON.parse(text) as Line;
    if (!line.table || (line.table === 'audit_events' && line.row!.action === 'import')) continue;
    // change_seq is the desk's own order of changes (a counter its triggers keep), not data.
    const { change_seq: _seq, ...row } = line.row!;
    (out[line.table] ??= []).push(row);
  }
  return out;
}

describe('export jsonl (SQLite) → import jsonl (PostgreSQL) → export jsonl', () => {
  it('gives the same rows, ids included, and a desk that searches the same', async () => {
    const run = async (env: Record<string, string>, args: string[]) => {
      const r = await runCli(args, { env });
      expect(r.stderr).not.toContain('deskline:');
      expect(r.code).toBe(0);
      return r;
    };
    const from = tempEnv();
    await run(from, ['demo', 'seed', '--tickets', '120']);
    await run(from, ['ticket', 'comment', 'HD-5', 'A note after the seed', '--note', '-m', '5']);
    await run(from, ['kb', 'link', 'HD-5', 'KB-2']);
    await run(from, ['sla', 'holiday', 'add', '2026-12-25', 'Christmas']);
    const dir = tempDir();
    const first = join(dir, 'sqlite.jsonl');
    await run(from, ['export', 'jsonl', '--out', first]);

    const to = await pgDeskEnv();
    const imported = await run(to, ['import', 'jsonl', first]);
    expect(imported.stdout).toMatch(/^imported: [\d,]+ created, \d+ updated, 0 skipped/);
    const second = join(dir, 'pg.jsonl');
    await run(to, ['export', 'jsonl', '--out', second]);

    const a = rowsOf(first);
    const b = rowsOf(second);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const t of Object.keys(a)) expect({ table: t, rows: b[t] }).toEqual({ table: t, rows: a[t] });
    expect(a.tickets).toHaveLength(120);
    expect(a.ticket_kb_links!.length).toBeGreaterThan(0);
    let found = 0;

    // Search data filled for the imported rows: the same tickets and articles found.
    for (const args of [
      ['ticket', 'list', 'printer', '-n', '500', '--json'],
      ['kb', 'search', 'vpn', '-n', '100', '--json'],
    ]) {
      const refs = (out: string) => {
        const json = JSON.parse(out) as { tickets?: { id: number }[]; results?: { id: number }[] };
        return (json.tickets ?? json.results ?? []).map((x) => x.id).sort((x, y) => x - y);
      };
      const expected = refs((await run(from, args)).stdout);
      expect(refs((await run(to, args)).stdout)).toEqual(expected);
      found += expected.length;
    }
    expect(found).toBeGreaterThan(1);
    // The identities were moved past the imported ids.
    expect((await run(to, ['ticket', 'create', '-t', 'After the move'])).stdout).toContain('HD-121');

    const again = await run(to, ['import', 'jsonl', first]);
    expect(again.stdout).toMatch(/^imported: nothing new/);
  }, 120_000);
});
