/**
 * N processes × M mixed operations on one new desk file (so they also race its first open), then a
 * count of what was acknowledged and is not there: lost updates of the hot tickets, lost creates,
 * comments and first-open writes; and how many BUSY errors reached a caller.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { MixedResult } from './worker.js';

export interface ConcurrencyFigures {
  processes: number;
  operations: number;
  lostUpdates: number;
  lostWrites: number;
  busy: number;
  busyWhere: string[];
  otherErrors: string[];
}

export function runWorker(worker: string, args: string[]): Promise<MixedResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as MixedResult) : reject(new Error(`worker exited ${code}: ${err.split('\n')[0]}`)),
    );
  });
}

export async function concurrency(worker: string, processes: number, ops: number): Promise<ConcurrencyFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'deskline-stress-'));
  try {
    const desk = join(dir, 'desk.db');
    const results = await Promise.all(
      Array.from({ length: processes }, (_, w) => runWorker(worker, ['mixed', desk, String(w + 1), String(ops), dir])),
    );
    const db = new Database(desk, { readonly: true });
    const ext = new Set(
      (db.prepare('SELECT external_id AS e FROM tickets WHERE external_id IS NOT NULL').all() as { e: string }[]).map((r) => r.e),
    );
    const notes = new Set((db.prepare("SELECT id FROM interactions WHERE kind = 'note'").all() as { id: number }[]).map((r) => r.id));
    const hot = db.prepare("SELECT title FROM tickets WHERE external_id LIKE 'hot-%' ORDER BY external_id").all() as { title: string }[];
    db.close();
    const acked = results.reduce(
      (sum, r) => sum.map((n, k) => n + r.hot[k]!),
      hot.map(() => 0),
    );
    const lostUpdates = hot.reduce((sum, t, k) => sum + Math.abs(acked[k]! - Number(t.title.split(' ')[2])), 0);
    let lostWrites = 0;
    for (const r of results) {
      lostWrites += r.created.filter((e) => !ext.has(e)).length + r.comments.filter((id) => !notes.has(id)).length;
    }
    const fresh = new Map<string, Set<string>>();
    for (const f of results.flatMap((r) => r.fresh)) {
      if (!fresh.has(f.file)) {
        const other = new Database(f.file, { readonly: true });
        fresh.set(f.file, new Set((other.prepare('SELECT external_id AS e FROM tickets').all() as { e: string }[]).map((r) => r.e)));
        other.close();
      }
      if (!fresh.get(f.file)!.has(f.externalId)) lostWrites++;
    }
    return {
      processes,
      operations: processes * ops,
      lostUpdates,
      lostWrites,
      busy: results.reduce((n, r) => n + r.busy, 0),
      busyWhere: results.flatMap((r) => r.busyWhere),
      otherErrors: results.flatMap((r) => r.errors),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
