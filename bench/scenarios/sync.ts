/**
 * Sync (issue 22), in this process against the machine's PostgreSQL (DESKLINE_BENCH_PG, default
 * postgres://postgres@127.0.0.1:5432/postgres), each against raw `pg` in the same run:
 * - sync-push: a replica's 10,000 operations (2,000 with --quick; tickets made offline) pushed to the
 *   server vs raw multi-row INSERTs of the same ticket rows. Rows/s; target ≥ 0.3×.
 * - sync-pull: a second replica pulling those operations vs a raw SELECT of the same log rows. Target ≥ 0.3×.
 * - the same for 10,000 mixed operations (a tenth new tickets, notes, priority changes): the per-op paths.
 * Each also against its floor (bench/lib/sync-raw.ts): the same rows written raw into the real tables,
 * their triggers on, on the server for push and in a desk file for pull; push also against a copy of
 * the server's tickets table with its indexes and no triggers (what the table alone costs).
 * - with --scale 100k (or 1m): `sync init` of the scale desk on the server, time and peak memory
 *   (bench/lib/sync-init.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { openDesk, type Desk } from '../../src/store/desk.js';
import { initReplica } from '../../src/store/sync/init.js';
import { pull, push } from '../../src/store/sync/replica.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { createTickets } from '../../src/store/tickets.js';
import type { Actor, Executor } from '../../src/store/executor.js';
import { addInteraction } from '../../src/store/interactions.js';
import { updateTicket } from '../../src/store/ticket-changes.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { syncInitFigures } from '../lib/sync-init.js';
import { rawSyncFigures } from '../lib/sync-raw.js';

const ADMIN = process.env.DESKLINE_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ME = { name: 'Bench Tech', email: 'bench@example.com', tier: 'L1' };
const urlOf = (name: string) => Object.assign(new URL(ADMIN), { pathname: `/${name}` }).toString();

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  await c.query(sql).finally(() => c.end());
}

async function replica(dir: string, name: string, server: Desk, url: string): Promise<Desk> {
  const fresh = await openDesk(join(dir, name));
  await initReplica(fresh.db, server.db, url);
  await fresh.close();
  return openDesk(join(dir, name));
}

/** A technician's day offline, `ops` operations: a tenth new tickets, then notes on them, then priority changes. */
async function mixedWork(db: Executor, me: Actor, ops: number): Promise<void> {
  const made = await createTickets(
    db,
    Array.from({ length: ops / 10 }, (_, i) => validateTicketInput({ title: `mixed ${i}` })),
    me,
  );
  const ids = made.map((m) => m.ticket.id);
  for (let i = 0; i < (ops * 7) / 10; i++) await addInteraction(db, ids[i % ids.length]!, { kind: 'note', body: `checked cable ${i}` }, me);
  for (let i = 0; i < (ops * 2) / 10; i++)
    await updateTicket(db, ids[i % ids.length]!, { priority: Math.floor(i / ids.length) % 2 ? 'low' : 'high' }, me);
}

export const syncBench: Scenario = {
  name: 'sync',
  async run({ quick, scale }) {
    const ops = quick ? 2_000 : 10_000;
    const name = `deskline_bench_sync_${randomBytes(4).toString('hex')}`;
    await admin(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    const dir = mkdtempSync(join(tmpdir(), 'deskline-bench-sync-'));
    const url = urlOf(name);
    const server = await openDesk(url);
    try {
      const a = await replica(dir, 'a.db', server, url);
      const b = await replica(dir, 'b.db', server, url);
      const me = await ensureTechnician(a.db, ME);
      // 2,000 a call: createTickets appends a call's audit events in one statement (SQLite's variable limit).
      for (let i = 0; i < ops; i += 2_000) {
        const titles = Array.from({ length: Math.min(2_000, ops - i) }, (_, k) => `offline ${i + k}`);
        await createTickets(
          a.db,
          titles.map((title) => validateTicketInput({ title })),
          me,
        );
      }
      const t0 = performance.now();
      const pushed = await push(a.db, server.db);
      const pushMs = performance.now() - t0;
      const t1 = performance.now();
      const pulled = await pull(b.db, server.db);
      const pullMs = performance.now() - t1;
      if (pushed.pushed !== ops || pulled.pulled !== ops)
        throw new Error(`sync bench: pushed ${pushed.pushed}, pulled ${pulled.pulled} of ${ops}`);
      const empty = await openDesk(join(dir, 'raw.db'));
      await empty.close();
      const raw = await rawSyncFigures(url, ops, join(dir, 'raw.db'));
      await mixedWork(a.db, me, ops);
      const t2 = performance.now();
      const mixedPushed = await push(a.db, server.db);
      const mixedPushMs = performance.now() - t2;
      const t3 = performance.now();
      const mixedPulled = await pull(b.db, server.db);
      const mixedPullMs = performance.now() - t3;
      if (mixedPushed.pushed < ops || mixedPulled.pulled < mixedPushed.pushed)
        throw new Error(`sync bench: pushed ${mixedPushed.pushed}, pulled ${mixedPulled.pulled} of ${ops} mixed`);
      await Promise.all([a.close(), b.close()]);
      const rate = (n: number, ms: number) => n / (ms / 1000);
      const out: Measurement[] = [
        {
          label: `sync push of ${ops} operations (rows/s)`,
          unit: 'rows/s',
          samples: [rate(ops, pushMs)],
          baseline: { label: 'raw pg INSERT of the same rows, 500 per statement', samples: [rate(ops, raw.insertMs)] },
          target: { op: '>=', value: 0.3 },
          extra: {
            push_ms: Math.round(pushMs),
            raw_ms: Math.round(raw.insertMs),
            floor_ms: Math.round(raw.floorMs),
            bare_ms: Math.round(raw.bareMs),
          },
        },
        {
          label: `sync push of ${ops} operations vs the server's trigger floor (rows/s)`,
          unit: 'rows/s',
          samples: [rate(ops, pushMs)],
          baseline: { label: 'raw pg INSERT of the same rows into the server’s tickets, triggers on', samples: [rate(ops, raw.floorMs)] },
          target: { op: '>=', value: 0.3 },
        },
        {
          label: `sync push of ${ops} operations vs the server's tickets table alone (rows/s)`,
          unit: 'rows/s',
          samples: [rate(ops, pushMs)],
          baseline: {
            label: 'raw pg INSERT of the same rows into a copy of tickets: its indexes, no triggers',
            samples: [rate(ops, raw.bareMs)],
          },
          target: { op: '>=', value: 0.3 },
        },
        {
          label: `sync pull of ${ops} operations (rows/s)`,
          unit: 'rows/s',
          samples: [rate(ops, pullMs)],
          baseline: { label: 'raw pg SELECT of the same log rows, 1000 a page', samples: [rate(raw.read, raw.selectMs)] },
          target: { op: '>=', value: 0.3 },
          extra: { pull_ms: Math.round(pullMs), raw_ms: Math.round(raw.selectMs), floor_ms: Math.round(raw.pullFloorMs) },
        },
        {
          label: `sync pull of ${ops} operations vs the replica's trigger floor (rows/s)`,
          unit: 'rows/s',
          samples: [rate(ops, pullMs)],
          baseline: {
            label: 'raw pg SELECT + better-sqlite3 INSERT of the same rows into a desk, triggers on',
            samples: [rate(ops, raw.pullFloorMs)],
          },
          target: { op: '>=', value: 0.3 },
        },
        {
          label: `sync push of ${ops} mixed operations: 1/10 tickets, 7/10 notes, 2/10 priority changes (ops/s)`,
          unit: 'rows/s',
          samples: [rate(mixedPushed.pushed, mixedPushMs)],
          baseline: { label: 'raw pg INSERT of ticket rows, 500 per statement (as above)', samples: [rate(ops, raw.insertMs)] },
          target: { op: '>=', value: 0.3 },
        },
        {
          label: `sync pull of ${ops} mixed operations (ops/s)`,
          unit: 'rows/s',
          samples: [rate(mixedPulled.pulled, mixedPullMs)],
          baseline: { label: 'raw pg SELECT of log rows, 1000 a page (as above)', samples: [rate(raw.read, raw.selectMs)] },
          target: { op: '>=', value: 0.3 },
        },
      ];
      if (scale) out.push(...(await syncInitFigures(scale)));
      return out;
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  },
};

export default syncBench;
