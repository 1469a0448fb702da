/**
 * One stress process (bundled by ./bundle.ts so it starts fast). Through the store, as the faces write:
 * - `mixed <desk> <worker> <ops> <dir>`: creates, comments, compare-and-set updates of four hot
 *   tickets, imports of ten, and first opens of new desk files other workers open at the same moment
 *   (on a `postgres://` desk: new connections to the same desk); prints what was acknowledged as one JSON line.
 * - `writer <desk>`: creates tickets one by one and prints each external id once committed, until killed.
 */
import { join } from 'node:path';
import { validateTicketInput, type TicketInput } from '../../src/domain/ticket-input.js';
import { isPostgresUrl } from '../../src/db/dialect.js';
import { describeError, EXIT, isDesklineError } from '../../src/errors.js';
import { openDesk, type Desk } from '../../src/store/desk.js';
import type { Actor, Executor } from '../../src/store/executor.js';
import { addInteraction } from '../../src/store/interactions.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { updateTicket } from '../../src/store/ticket-changes.js';
import { createTickets } from '../../src/store/tickets.js';
import { getTicket } from '../../src/store/ticket-view.js';

export const HOT = 4;
const WORKER = (n: number) => ({ name: `Worker ${n}`, email: `w${n}@example.com`, tier: 'L1' });
const input = (title: string, externalId: string): TicketInput => validateTicketInput({ title, externalId });

export interface MixedResult {
  worker: number;
  created: string[];
  comments: number[];
  hot: number[];
  fresh: { file: string; externalId: string }[];
  /** SQLITE_BUSY (a file) or a serialisation failure or deadlock (a server) that reached the caller. */
  busy: number;
  /** What each surfaced BUSY interrupted: the operation and the database's code. */
  busyWhere: string[];
  errors: string[];
}

/** A small seeded generator, so a run can be repeated. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

async function hotIds(db: Executor, actor: Actor): Promise<number[]> {
  const made = await createTickets(
    db,
    Array.from({ length: HOT }, (_, k) => input(`hot ${k} 0`, `hot-${k}`)),
    actor,
  );
  return made.map((m) => m.ticket.id);
}

/** One compare-and-set increment of a hot ticket's counter (its title), retried on a version conflict. */
async function bump(db: Executor, id: number, actor: Actor): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const t = await getTicket(db, id);
    const [, k, n] = t.title.split(' ');
    try {
      await updateTicket(db, id, { title: `hot ${k} ${Number(n) + 1}` }, actor, { ifVersion: t.version });
      return;
    } catch (error) {
      if (!(isDesklineError(error) && error.exitCode === EXIT.conflict) || attempt > 200) throw error;
    }
  }
}

async function mixed(path: string, worker: number, ops: number, dir: string): Promise<MixedResult> {
  const result: MixedResult = { worker, created: [], comments: [], hot: Array(HOT).fill(0), fresh: [], busy: 0, busyWhere: [], errors: [] };
  const random = rng(worker * 7919 + 17);
  const desk = await openDesk(path);
  const { db } = desk;
  const actor = await ensureTechnician(db, WORKER(worker));
  const hot = await hotIds(db, actor);
  for (let i = 0; i < ops; i++) {
    const roll = random();
    const kind = roll < 0.3 ? 'create' : roll < 0.5 ? 'comment' : roll < 0.8 ? 'update' : roll < 0.9 ? 'import' : 'first open';
    try {
      if (roll < 0.3) {
        const id = `w${worker}-c${i}`;
        await createTickets(db, [input(`created ${i} by ${worker}`, id)], actor);
        result.created.push(id);
      } else if (roll < 0.5) {
        const row = await addInteraction(db, hot[Math.floor(random() * HOT)]!, { kind: 'note', body: `note ${i} by ${worker}` }, actor);
        result.comments.push(row.id);
      } else if (roll < 0.8) {
        const k = Math.floor(random() * HOT);
        await bump(db, hot[k]!, actor);
        result.hot[k]!++;
      } else if (roll < 0.9) {
        const ids = Array.from({ length: 10 }, (_, j) => `w${worker}-i${i}-${j}`);
        await createTickets(
          db,
          ids.map((id) => input(`imported ${id}`, id)),
          actor,
        );
        result.created.push(...ids);
      } else if (isPostgresUrl(path)) {
        // On a server: another technician's first command, a pool of its own and the schema check under the lock.
        const other = await openDesk(path);
        try {
          const id = `w${worker}-f${i}`;
          await createTickets(other.db, [input(`fresh ${i}`, id)], await ensureTechnician(other.db, WORKER(worker)));
          result.created.push(id);
        } finally {
          await other.close();
        }
      } else {
        // A new desk file that the other workers open in the same stretch of their runs: first-open migrations at once.
        const file = join(dir, `fresh-${Math.floor((i / ops) * 10)}.db`);
        let other: Desk | undefined;
        try {
          other = await openDesk(file);
          const id = `w${worker}-f${i}`;
          const who = await ensureTechnician(other.db, WORKER(worker));
          await createTickets(other.db, [input(`fresh ${i}`, id)], who);
          result.fresh.push({ file, externalId: id });
        } finally {
          await other?.close();
        }
      }
    } catch (error) {
      const { message } = describeError(error);
      const code = (error as { code?: string }).code ?? '';
      if (/busy|locked|serializ|deadlock/i.test(message) || code === '40001' || code === '40P01') {
        result.busy++;
        result.busyWhere.push(`${kind}: ${(error as { code?: string }).code ?? message}`);
      } else result.errors.push(message);
    }
  }
  await desk.close();
  return result;
}

async function writer(path: string): Promise<never> {
  const desk = await openDesk(path);
  const actor = await ensureTechnician(desk.db, { name: 'Writer', email: 'writer@example.com', tier: 'L1' });
  for (let n = 0; ; n++) {
    const id = `k-${process.pid}-${n}`;
    await createTickets(desk.db, [input(`written ${n}`, id)], actor);
    process.stdout.write(`${id}\n`);
  }
}

const [mode, path, ...rest] = process.argv.slice(2);
if (mode === 'mixed') {
  const result = await mixed(path!, Number(rest[0]), Number(rest[1]), rest[2]!);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else if (mode === 'writer') {
  await writer(path!);
}
