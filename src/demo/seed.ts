/**
 * `demo seed` and the console's welcome screen: a deterministic demo desk (same seed and `now` → the same
 * data) generated here and written by the store's bulk writer in chunks. Refuses, with nothing written,
 * when the desk already has tickets unless `append` is set. A seed that was killed is resumed with
 * `resume` (the same tickets are generated again from what the run recorded, and the written ones skipped).
 */
import type { ArticleInput } from '../domain/kb-article.js';
import { EXIT, fail } from '../errors.js';
import { analyze, interruptedBulkWrite, stoppedMessage, writeBulk, type BulkSummary } from '../store/bulk.js';
import type { Desk } from '../store/desk.js';
import { SYSTEM_ACTOR } from '../store/executor.js';
import { seedDemoExtras } from '../store/demo-extras.js';
import { upsertArticles } from '../store/kb-upsert.js';
import { DEFAULT_SEED, demoData, type DemoPerson } from './data.js';
import { MAX_DEMO_TICKETS } from './size.js';

export { DEFAULT_DEMO_TICKETS, MAX_DEMO_TICKETS } from './size.js';

/** The actor named in the demo tickets' audit trail. */
export const DEMO_ACTOR = 'demo';

export interface SeedOptions {
  tickets: number;
  seed?: number;
  /** The moment the demo desk is seen from (default: now). */
  now?: number;
  /** Add to a desk that already has tickets. */
  append?: boolean;
  /** Finish the seed that was interrupted on this desk instead (its own options apply). */
  resume?: boolean;
  /** The technician at the keyboard: included, and given ~10% of the open tickets ("My queue"). */
  me?: DemoPerson | null;
  /** Knowledge-base articles to add or refresh too (the starter articles, read by io/). */
  articles?: readonly ArticleInput[];
  /** Called with 0 first, as chunks progress, and with `total` last. */
  onProgress?: (done: number, total: number) => void;
}

/** Rows written per table (people that already existed are not counted), ids and time taken. */
export interface SeedSummary extends BulkSummary {
  /** Knowledge-base articles added or updated. */
  articles: number;
  seed: number;
  ms: number;
}

/** What a run records to be generated again. */
interface DemoParams {
  tickets: number;
  seed: number;
  now: number;
  me: DemoPerson | null;
  utcOffsetMinutes: number;
}

export async function seedDemo(desk: Desk, options: SeedOptions): Promise<SeedSummary> {
  const started = performance.now();
  const asked = options.resume ? null : paramsOf(options);
  const interrupted = await interruptedBulkWrite(desk);
  if (interrupted?.running) fail(EXIT.conflict, `a demo seed is running in process ${interrupted.pid}: wait for it to finish`);
  if (interrupted && !options.resume) fail(EXIT.conflict, stoppedMessage(interrupted));
  if (!interrupted && options.resume) fail(EXIT.notFound, 'no interrupted demo seed on this desk: nothing to resume');
  const params = asked ?? (interrupted!.params as unknown as DemoParams);
  const data = demoData(params);
  const summary = await writeBulk(desk, {
    ...data,
    tickets: data.tickets(),
    total: params.tickets,
    actor: DEMO_ACTOR,
    now: params.now,
    params: params as unknown as Record<string, unknown>,
    label: 'demo seed',
    resumeWith: 'deskline demo seed --resume',
    emptyOnly: options.append !== true,
    resume: interrupted ?? undefined,
    onProgress: options.onProgress,
  });
  // Groups and assets (idempotent), the knowledge base (idempotent), then fresh planner statistics.
  await seedDemoExtras(desk.db, params.now);
  const kb = options.articles?.length ? await upsertArticles(desk.db, options.articles, SYSTEM_ACTOR) : null;
  await analyze(desk);
  options.onProgress?.(params.tickets, params.tickets);
  const articles = kb ? kb.created + kb.updated : 0;
  return { ...summary, articles, seed: params.seed, ms: Math.round(performance.now() - started) };
}

function paramsOf(options: SeedOptions): DemoParams {
  const tickets = options.tickets;
  if (!Number.isInteger(tickets) || tickets < 1 || tickets > MAX_DEMO_TICKETS) {
    fail(EXIT.invalid, `tickets: must be a whole number from 1 to ${MAX_DEMO_TICKETS.toLocaleString('en-US')} (got ${tickets})`);
  }
  const now = options.now ?? Date.now();
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  return { tickets, seed, now, me: options.me ?? null, utcOffsetMinutes: -new Date(now).getTimezoneOffset() };
}
