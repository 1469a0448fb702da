/**
 * `deskline triage train`: the model rebuilt from every resolved and closed ticket. The tickets are
 * read and counted in memory first (src/domain/triage/memory-model.ts), outside any write lock;
 * then one IMMEDIATE transaction replaces the tables with multi-row inserts (batches of ~500 values)
 * and re-queues only the tickets resolved while the counting ran. The same transaction takes the
 * similar tickets' word counts again (src/store/ticket-word-docs.ts).
 */
import { sql } from 'kysely';
import { withImmediate } from '../db/immediate.js';
import { featuresOf } from '../domain/triage/features.js';
import { TRIAGE_FIELDS } from '../domain/triage/fields.js';
import { MemoryModel } from '../domain/triage/memory-model.js';
import type { Executor } from './executor.js';
import { refreshWordDocs } from './ticket-word-docs.js';
import { labelsOf, type TicketToLearn } from './triage-learn.js';

const PAGE = 5_000;
const BATCH = 500;

export interface TrainResult {
  learned: number;
  vocabulary: number;
  /** Stored (feature, field, label) counts. */
  counts: number;
  /** Words in the similar-tickets snapshot (019's ticket_word_docs), taken again here. */
  words: number;
  ms: number;
}

/** The resolved and closed tickets, oldest first, a page at a time (keyset on id). */
export async function* resolvedTickets(db: Executor): AsyncGenerator<TicketToLearn & { created_at: number }> {
  for (let after = 0; ;) {
    const page = await db
      .selectFrom('tickets')
      .select(['id', 'title', 'description', 'category', 'priority', 'tier', 'created_at'])
      .where('status', 'in', ['resolved', 'closed'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

export async function trainModel(db: Executor, now = Date.now()): Promise<TrainResult> {
  const started = performance.now();
  const model = new MemoryModel();
  const ids: number[] = [];
  for await (const t of resolvedTickets(db)) {
    model.learn({ features: featuresOf(t.title, t.description), labels: labelsOf(t) });
    ids.push(t.id);
  }
  let counts = 0;
  let words = 0;
  await withImmediate(db, async (trx) => {
    for (const table of ['triage_labels', 'triage_counts', 'triage_vocabulary', 'triage_learned', 'triage_pending'] as const)
      await trx.deleteFrom(table).execute();
    await insertAll(
      trx,
      'triage_learned',
      ids.map((ticket_id) => ({ ticket_id })),
    );
    await insertAll(
      trx,
      'triage_vocabulary',
      [...model.vocabulary].map((feature) => ({ feature })),
    );
    for (const field of TRIAGE_FIELDS) {
      await insertAll(
        trx,
        'triage_labels',
        [...model.labels.get(field)!.values()].map((l) => ({ field, ...l })),
      );
      const rows = [...model.counts.get(field)!].flatMap(([label, byFeature]) =>
        [...byFeature].map(([feature, n]) => ({ feature, field, label, n })),
      );
      counts += rows.length;
      await insertAll(trx, 'triage_counts', rows);
    }
    await trx
      .updateTable('triage_state')
      .set({ vocabulary: model.vocabulary.size, learned: ids.length, trained_at: now })
      .where('id', '=', 1)
      .execute();
    await sql`INSERT INTO triage_pending (ticket_id) SELECT id FROM tickets
      WHERE status IN ('resolved', 'closed') AND id NOT IN (SELECT ticket_id FROM triage_learned)`.execute(trx);
    words = await refreshWordDocs(trx);
  });
  return { learned: ids.length, vocabulary: model.vocabulary.size, counts, words, ms: Math.round(performance.now() - started) };
}

type Table = 'triage_learned' | 'triage_vocabulary' | 'triage_labels' | 'triage_counts';

async function insertAll<T extends Table>(trx: Executor, table: T, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const per = Math.max(1, Math.floor(BATCH / Object.keys(rows[0]!).length));
  for (let i = 0; i < rows.length; i += per)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + per) as never)
      .execute();
}
