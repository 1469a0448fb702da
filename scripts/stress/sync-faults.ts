/**
 * Sync under faults (issue 22), on the real server: a laptop replica (made by `deskline sync init`)
 * and the server both work between rounds; each round runs the real `deskline sync` and breaks it:
 * - even rounds: SIGKILL at a random moment (a random fraction of the last clean sync's duration, so
 *   anywhere from start-up through push and pull);
 * - odd rounds: the connection cut mid-push, every backend of the sync process ended
 *   (pg_terminate_backend) as a dropped network would end it: in rounds 1, 5, 9 … while the server
 *   holds a batch's transaction open (its write lock granted), in rounds 3, 7, … once a batch committed.
 * Then `deskline sync` runs again to the end, and the round checks: every operation the laptop made
 * is in the server's log once, no ticket or timeline entry is on the server twice or missing, the
 * outbox is empty and the replica equals the server (./sync-compare.ts). Seeded: figures repeat.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { openDesk } from '../../src/store/desk.js';
import { addInteraction } from '../../src/store/interactions.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { updateTicket } from '../../src/store/ticket-changes.js';
import { createTickets } from '../../src/store/tickets.js';
import { desksDiffer, serverDoubles } from './sync-compare.js';
import { random, sync } from './sync-process.js';
import { tempServer } from './pg-database.js';

const ME = { name: 'Stress Tech', email: 'stress@example.com', tier: 'L1' };
/** A round's offline work: 600+ operations, so a push takes two batches of 500 and a cut falls between. */
const WORK = { tickets: 450, notes: 120, priorities: 40, serverNotes: 20 };

/** A sync process's backend inside a push batch: it holds the desk's write lock (db/immediate.ts). */
const BATCH_OPEN = `SELECT 1 FROM pg_locks AS l JOIN pg_stat_activity AS a USING (pid)
  WHERE l.locktype = 'advisory' AND l.granted AND a.datname = current_database() AND a.application_name = 'deskline'`;

export interface SyncFaultFigures {
  rounds: number;
  kills: number;
  cuts: number;
  /** Faulted runs that finished anyway (the fault came after the sync was done). */
  finished: number;
  operations: number;
  lost: number;
  doubled: number;
  /** Rounds whose replica differed from the server after the clean sync. */
  unequal: number;
  errors: string[];
  seconds: number;
}

export async function syncFaults(
  bin: string,
  server: string,
  rounds: number,
  seed = 22,
  log = (_: string) => {},
): Promise<SyncFaultFigures> {
  const started = performance.now();
  const next = random(seed);
  const dir = mkdtempSync(join(tmpdir(), 'deskline-sync-faults-'));
  const db = await tempServer(server);
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_STATE_HOME: join(dir, 'state'),
    DESKLINE_DB: join(dir, 'laptop.db'),
    DESKLINE_USER: ME.name,
    DESKLINE_EMAIL: ME.email,
    NO_COLOR: '1',
  };
  const figures: SyncFaultFigures = {
    rounds,
    kills: 0,
    cuts: 0,
    finished: 0,
    operations: 0,
    lost: 0,
    doubled: 0,
    unequal: 0,
    errors: [],
    seconds: 0,
  };
  const watch = new pg.Client({ connectionString: db.url });
  try {
    const first = await openDesk(db.url);
    await createTickets(first.db, [validateTicketInput({ title: 'shared printer' })], await ensureTechnician(first.db, ME));
    await first.close();
    const made = await sync(bin, env, undefined, ['init', db.url]);
    if (made.code !== 0) throw new Error(`sync init failed: ${made.stderr.trim()}`);
    await watch.connect();
    const taken = async () => Number((await watch.query('SELECT count(*) AS n FROM sync_ops')).rows[0].n);
    const batchOpen = async () => (await watch.query(BATCH_OPEN)).rowCount! > 0;
    const ops: string[] = [];
    let cleanMs = 2000;
    for (let round = 0; round < rounds; round++) {
      ops.push(...(await offlineWork(env.DESKLINE_DB, db.url, round, next)));
      const before = await taken();
      const cut = round % 2 === 1;
      const run = await sync(bin, env, async (exited, kill) => {
        if (!cut) {
          await new Promise((r) => setTimeout(r, next() * cleanMs));
          return exited() ? undefined : kill();
        }
        const inBatch = round % 4 === 1;
        while (!exited() && (inBatch ? !(await batchOpen()) : (await taken()) === before));
        if (exited()) return;
        await watch.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'deskline'`,
        );
      });
      if (run.code === 0) figures.finished++;
      else if (cut) figures.cuts++;
      else figures.kills++;
      if (cut && run.code !== 0 && run.stderr.trim().split('\n').length !== 1)
        figures.errors.push(`round ${round}: cut gave ${run.stderr.trim()}`);
      const clean = await sync(bin, env);
      if (clean.code !== 0) figures.errors.push(`round ${round}: the sync after the fault exited ${clean.code}: ${clean.stderr.trim()}`);
      else cleanMs = clean.ms;
      const logged = Number((await watch.query('SELECT count(*) AS n FROM sync_ops WHERE op_id = ANY($1)', [ops])).rows[0].n);
      figures.lost += ops.length - logged;
      figures.doubled += await serverDoubles(watch);
      if (await desksDiffer(env.DESKLINE_DB, db.url)) figures.unequal++;
      log(`sync faults: round ${round + 1}/${rounds} (${cut ? 'cut' : 'kill'}, exit ${run.code}), ${ops.length} operations so far`);
    }
    figures.operations = ops.length;
    return figures;
  } finally {
    figures.seconds = (performance.now() - started) / 1000;
    await watch.end().catch(() => undefined);
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A round's work on the laptop (offline) and on the server; returns the laptop's new operation ids. */
async function offlineWork(file: string, url: string, round: number, next: () => number): Promise<string[]> {
  const laptop = await openDesk(file);
  try {
    const before = new Set((await laptop.db.selectFrom('sync_outbox').select('op_id').execute()).map((r) => r.op_id));
    const me = await ensureTechnician(laptop.db, ME);
    const titles = Array.from({ length: WORK.tickets }, (_, i) => `r${round} ticket ${i}`);
    await createTickets(
      laptop.db,
      titles.map((title) => validateTicketInput({ title })),
      me,
    );
    const ids = (await laptop.db.selectFrom('tickets').select('id').execute()).map((r) => r.id);
    const pick = () => ids[Math.floor(next() * ids.length)]!;
    for (let i = 0; i < WORK.notes; i++) await addInteraction(laptop.db, pick(), { kind: 'note', body: `r${round} laptop note ${i}` }, me);
    for (let i = 0; i < WORK.priorities; i++) await updateTicket(laptop.db, pick(), { priority: next() < 0.5 ? 'high' : 'low' }, me);
    const after = await laptop.db.selectFrom('sync_outbox').select('op_id').execute();
    return after.map((r) => r.op_id).filter((id) => !before.has(id));
  } finally {
    await laptop.close();
    const desk = await openDesk(url);
    const boss = await ensureTechnician(desk.db, ME);
    for (let i = 0; i < WORK.serverNotes; i++) await addInteraction(desk.db, 1, { kind: 'note', body: `r${round} server note ${i}` }, boss);
    await desk.close();
  }
}
