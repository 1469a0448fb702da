/**
 * The demo desk, generated: same {tickets, seed, now} → the same people and tickets, byte for
 * byte. Tickets come from a generator, oldest first, so 100,000 of them never sit in memory at once.
 */
import { demoPeople, type DemoPeople, type DemoPerson } from './people.js';
import { DAY, MINUTE, WorkClock, mulberry32 } from './random.js';
import { TEMPLATES } from './templates.js';
import { ticket, type DemoTicket, type Run } from './ticket.js';
import { TIERS, type Priority } from '../domain/ticket.js';

export type { DemoPerson, DemoTechnician, DemoRequester } from './people.js';
export type { DemoInteraction } from './timeline.js';
export type { DemoTicket } from './ticket.js';
export { Filler } from './filler.js';

export interface DemoOptions {
  tickets: number;
  seed?: number;
  now: number;
  /** The user at the keyboard: added as a technician and given ~10% of the open tickets. */
  me?: DemoPerson | null;
  /** Office hours are 08:00–18:00 at this offset from UTC (default 0). */
  utcOffsetMinutes?: number;
}

export interface DemoData extends DemoPeople {
  /** Every tag the tickets can carry. */
  tagNames: string[];
  /** The tickets, oldest first; each call starts the same sequence again. */
  tickets(): Generator<DemoTicket>;
}

export const DEFAULT_SEED = 1;
/** Tickets spread over two years, denser towards now (the desk grew ~3× over the period). */
export const DEMO_SPAN = 730 * DAY;
const GROWTH = 1.1;
/** The newest tickets, oldest first: new and unassigned, so the Unassigned view has urgent work to triage. */
const TRIAGE: readonly Priority[] = ['high', 'urgent', 'high'];
export function demoData(options: DemoOptions): DemoData {
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const people = demoPeople(mulberry32(seed), options.tickets, options.now, options.me);
  const tagNames = [...new Set([...TEMPLATES.flatMap((t) => t.tags), 'vip'])].sort();
  return { ...people, tagNames, tickets: () => generate(options, seed, people) };
}

function* generate(options: DemoOptions, seed: number, people: DemoPeople): Generator<DemoTicket> {
  const { now, tickets: count } = options;
  const clock = new WorkClock((options.utcOffsetMinutes ?? 0) * MINUTE);
  const workNow = clock.toWork(now);
  const workStart = clock.toWork(now - DEMO_SPAN);
  const pools = TIERS.map((tier) => people.technicians.flatMap((t, i) => (t.tier === tier && i !== people.me ? [i] : [])));
  const run: Run = {
    rng: mulberry32((seed ^ 0x9e3779b9) >>> 0),
    clock,
    people,
    names: people.technicians.map((t) => t.name),
    pools,
    workNow,
    now,
    openAssigned: 0,
  };
  const expG = Math.expm1(GROWTH);
  for (let i = 0; i < count; i++) {
    // Inverse CDF of an exponential density over the span: monotone in i, so ids follow time.
    const q = (i + run.rng()) / count;
    yield ticket(run, workStart + (Math.log1p(q * expG) / GROWTH) * (workNow - workStart), TRIAGE[i - (count - TRIAGE.length)]);
  }
}
