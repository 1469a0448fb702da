/**
 * export jsonl → import jsonl into an empty desk gives the same desk: every table compared row by row and
 * field by field (ids included), the audit chain's hashes too, and attachments byte for byte.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDir, tempEnv } from '../helpers/temp.js';

/**
 * Every real table of a desk, rows sorted; not the search indexes' storage (it depends on how they were
 * built) nor the change counter; the import's own audit event left out.
 */
function tables(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const names = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE 'sqlite_%' AND name NOT GLOB '*_fts_*' AND name <> 'change_counter' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      names.map((t) => [
        t,
        (
          db.prepare(`SELECT * FROM "${t}" ${t === 'audit_events' ? "WHERE action <> 'import'" : ''}`).all() as Array<
            Record<string, unknown>
          >
        )
          // change_seq is the desk's own order of changes (a counter its triggers keep), not data.
          .map(({ change_seq: _seq, ...r }) => JSON.stringify(r))
          .sort(),
      ]),
    );
  } finally {
    db.close();
  }
}

describe('export jsonl → import jsonl', () => {
  it('is lossless into an empty desk', async () => {
    const from = tempEnv();
    const run = async (env: Record<string, string>, args: string[]) => {
      const r = await runCli(args, { env });
      expect(r.stderr).not.toContain('deskline:');
      expect(r.code).toBe(0);
      return r;
    };
    await run(from, ['demo', 'seed', '--tickets', '120']);
    const dir = tempDir();
    const files = [randomBytes(50_000), Buffer.from('plain text\n'), randomBytes(10)];
    files.forEach((b, i) => writeFileSync(join(dir, `file-${i}.bin`), b));
    await run(from, ['ticket', 'attach', 'HD-3', join(dir, 'file-0.bin'), join(dir, 'file-1.bin')]);
    await run(from, ['ticket', 'attach', 'HD-77', join(dir, 'file-2.bin'), join(dir, 'file-0.bin')]);
    await run(from, ['ticket', 'comment', 'HD-5', 'A note after the seed', '--note', '-m', '5']);
    await run(from, ['kb', 'link', 'HD-5', 'KB-2']);
    await run(from, ['sla', 'holiday', 'add', '2026-12-25', 'Christmas']);

    const out = join(dir, 'desk.jsonl');
    await run(from, ['export', 'jsonl', '--out', out]);
    expect(statSync(out).mode & 0o777).toBe(0o600);

    const to = tempEnv();
    const imported = await run(to, ['import', 'jsonl', out]);
    expect(imported.stdout).toMatch(/^imported: [\d,]+ created/);

    const a = tables(from.DESKLINE_DB!);
    const b = tables(to.DESKLINE_DB!);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const t of Object.keys(a)) expect({ table: t, rows: b[t] }).toEqual({ table: t, rows: a[t] });
    expect(a.attachments).toHaveLength(4);
    expect(a.ticket_kb_links!.length).toBeGreaterThan(0);

    for (const [ref, n, bytes] of [
      ['HD-3', 1, files[0]],
      ['HD-3', 2, files[1]],
      ['HD-77', 1, files[2]],
      ['HD-77', 2, files[0]],
    ] as const) {
      const saveTo = join(tempDir(), 'saved');
      await run(to, ['ticket', 'attachment', 'save', ref, String(n), saveTo]);
      expect(readFileSync(saveTo).equals(bytes!)).toBe(true);
    }

    // The search indexes, rebuilt rather than copied, find the same tickets and articles.
    for (const args of [
      ['ticket', 'list', 'printer', '-n', '500', '--json'],
      ['kb', 'search', 'vpn', '--json'],
    ]) {
      expect((await run(to, args)).stdout).toBe((await run(from, args)).stdout);
    }

    // And again: nothing new.
    const again = await run(to, ['import', 'jsonl', out]);
    expect(again.stdout).toMatch(/^imported: nothing new/);
  }, 60_000);
});
