/**
 * The change feed under concurrent writers (issue 18): 4 processes update tickets while this one
 * follows `changedSince` with a small page; whatever the interleaving, no change is missed (every
 * committed version is reached) and none repeats (no ticket comes back at a version already seen).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { SYSTEM_ACTOR } from '../../src/store/executor.js';
import { changedSince } from '../../src/store/ticket-feed.js';
import { createTickets } from '../../src/store/tickets.js';
import { bundleWorker } from '../helpers/bundle-worker.js';
import { tempDir, testDesk } from '../helpers/temp.js';

const WRITER_SOURCE = fileURLToPath(new URL('../helpers/feed-writer.ts', import.meta.url));
let WRITER = '';
beforeAll(async () => {
  WRITER = await bundleWorker({ file: WRITER_SOURCE }); // started 12 times: bundled, not through tsx
});
const TICKETS = 6;

function write(db: string, writer: number, ids: number[], onCommit: () => void): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, db, String(writer), ids.join(',')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += c;
      onCommit();
    });
    child.stderr.on('data', (c) => (err += c));
    child.on('close', (code) => (code === 0 ? resolve(out.trim().split('\n')) : reject(new Error(`writer ${writer}: ${err}`))));
  });
}

describe('ticket list --changed-since', () => {
  it('never misses or repeats a change under 4 concurrent writer processes', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.integer({ min: 1, max: TICKETS }), { minLength: 1, maxLength: 8 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        async (plans, pageSize) => {
          const path = join(tempDir(), 'desk.db');
          const desk = await testDesk(path);
          const inputs = Array.from({ length: TICKETS }, (_, i) => validateTicketInput({ title: `Feed ${i + 1}` }));
          await createTickets(desk.db, inputs, SYSTEM_ACTOR);
          const seen = new Map<number, number>(); // ticket → the last version the feed gave
          const repeats: string[] = [];
          let cursor = 0;
          const poll = async () => {
            for (let more = true; more;) {
              const page = await changedSince(desk.db, cursor, pageSize);
              for (const t of page.tickets) {
                if ((seen.get(t.id) ?? 0) >= t.version) repeats.push(`${t.ref} v${t.version}`);
                seen.set(t.id, t.version);
              }
              expect(page.cursor).toBeGreaterThanOrEqual(cursor);
              cursor = page.cursor;
              more = page.more;
            }
          };
          // The reader polls whenever a writer reports a commit, while the others go on writing.
          let polling = Promise.resolve();
          const onCommit = () => void (polling = polling.then(poll));
          const lines = await Promise.all(plans.map((ids, w) => write(path, w + 1, ids, onCommit)));
          await polling;
          const acknowledged = lines.flat().map((line) => line.split(' ').map(Number) as [number, number]);
          await poll();
          expect(repeats).toEqual([]);
          for (const [id, version] of acknowledged) expect(seen.get(id) ?? 0).toBeGreaterThanOrEqual(version);
          const final = desk.sqlite.prepare('SELECT id, version FROM tickets').all() as { id: number; version: number }[];
          for (const { id, version } of final) expect(seen.get(id)).toBe(version);
          await desk.close();
        },
      ),
      { numRuns: 3 },
    );
  });
});
