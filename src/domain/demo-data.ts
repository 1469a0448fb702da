/* eslint-disable max-lines -- #12: over 200 lines, to be split by the restructure */
/**
 * The demo desk, generated: same {tickets, seed, now} → the same people and tickets, byte for
 * byte. Tickets come from a generator, oldest first, so 100,000 of them never sit in memory at once.
 */
import { Filler } from './demo-filler.js';
import { demoPeople, pickDepartment, type DemoPeople, type DemoPerson } from './demo-people.js';
import { DAY, HOUR, MINUTE, WORK_DAY, WorkClock, mulberry32, pick, weighted, type Rng } from './demo-random.js';
import { TEMPLATES, type TicketTemplate } from './demo-templates.js';
import { timeline, type DemoInteraction } from './demo-timeline.js';
import { DEFAULT_CALENDAR } from './sla/calendar.js';
import { computeDue, type StatusChange } from './sla/clocks.js';
import { DEFAULT_POLICY } from './sla/policy.js';
import { PRIORITY_RANK, TIERS, type Channel, type Priority, type Status, type Tier } from './ticket.js';

export type { DemoPerson, DemoTechnician, DemoRequester } from './demo-people.js';
export type { DemoInteraction } from './demo-timeline.js';
export { Filler } from './demo-filler.js';

export interface DemoOptions {
  tickets: number;
  seed?: number;
  now: number;
  /** The user at the keyboard: added as a technician and given ~10% of the open tickets. */
  me?: DemoPerson | null;
  /** Office hours are 08:00–18:00 at this offset from UTC (default 0). */
  utcOffsetMinutes?: number;
}

export interface DemoTicket {
  title: string;
  description: string;
  status: Status;
  priority: Priority;
  priority_rank: number;
  category: string;
  channel: Channel;
  /** Index into `requesters` (null for monitoring alerts). */
  requester: number | null;
  /** Index into `technicians`. */
  assignee: number | null;
  tier: Tier;
  created_at: number;
  updated_at: number;
  first_response_at: number | null;
  resolved_at: number | null;
  closed_at: number | null;
  first_response_due_at: number | null;
  resolution_due_at: number | null;
  next_due_at: number | null;
  resolution: string | null;
  version: 1;
  tags: readonly string[];
  interactions: DemoInteraction[];
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
/** Chance a ticket is still open: OPEN_FRESH when new, decaying with its age in working days. */
const OPEN_FRESH = 0.95;
const OPEN_DECAY_DAYS = 75;
/** Resolved tickets close automatically after five days. */
const AUTO_CLOSE = 5 * DAY;
const FIRST_RESPONSE_MET = 0.9;
const RESOLUTION_MET = 0.85;
/** The user gets one in this many assigned open tickets (~10% of the open queue). */
const ME_EVERY = 9;

const pickTemplate = weighted(TEMPLATES.map((t) => [t, t.weight] as const));
const pickPriority = weighted<Priority>([
  ['urgent', 5],
  ['high', 20],
  ['normal', 55],
  ['low', 20],
]);
const pickChannel = weighted<Channel>([
  ['email', 35],
  ['phone', 22],
  ['web', 20],
  ['chat', 12],
  ['walk_in', 9],
  ['cli', 2],
]);
const YOUNG = weighted<Status>([
  ['new', 45],
  ['open', 40],
  ['pending', 10],
  ['on_hold', 5],
]);
const RECENT = weighted<Status>([
  ['new', 12],
  ['open', 45],
  ['pending', 28],
  ['on_hold', 15],
]);
const OLD = weighted<Status>([
  ['new', 2],
  ['open', 30],
  ['pending', 23],
  ['on_hold', 45],
]);

export function demoData(options: DemoOptions): DemoData {
  const seed = (options.seed ?? DEFAULT_SEED) >>> 0;
  const people = demoPeople(mulberry32(seed), options.tickets, options.now, options.me);
  const tagNames = [...new Set([...TEMPLATES.flatMap((t) => t.tags), 'vip'])].sort();
  return { ...people, tagNames, tickets: () => generate(options, seed, people) };
}

interface Run {
  rng: Rng;
  clock: WorkClock;
  people: DemoPeople;
  names: string[];
  /** Technician indexes per tier (without the user, who gets a share of their own). */
  pools: number[][];
  workNow: number;
  now: number;
  /** Open, assigned tickets so far: every ME_EVERY-th goes to the user, so "My queue" is never empty. */
  openAssigned: number;
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
    yield ticket(run, workStart + (Math.log1p(q * expG) / GROWTH) * (workNow - workStart));
  }
}

function ticket(run: Run, workCreated: number): DemoTicket {
  const { rng, clock, people, workNow, now } = run;
  const poolOf = (tier: Tier) => run.pools[TIERS.indexOf(tier)]!;
  const tpl = pickTemplate(rng);
  const priority = rng() < 0.35 ? tpl.priority : pickPriority(rng);
  const channel: Channel = tpl.monitored && rng() < 0.5 ? 'monitoring' : pickChannel(rng);
  const requester = channel === 'monitoring' ? null : pickRequester(rng, people, tpl);
  const who = requester === null ? null : people.requesters[requester]!;
  const text = new Filler(
    rng,
    who ? who.name.slice(0, who.name.indexOf(' ')) : 'team',
    who && !tpl.from ? who.department : pickDepartment(rng),
  );
  const [titlePattern, descriptionPattern] = pick(rng, tpl.cases);
  const title = text.fill(titlePattern);
  const description = text.fill(descriptionPattern);

  const baseTier = tpl.tier ?? 'L1';
  const escalated = baseTier !== 'L3' && rng() < 0.12;
  const tier = escalated ? TIERS[TIERS.indexOf(baseTier) + 1]! : baseTier;
  const ageDays = (workNow - workCreated) / WORK_DAY;
  const open = rng() < OPEN_FRESH * Math.exp(-ageDays / OPEN_DECAY_DAYS);
  let status: Status = open ? (ageDays < 0.5 ? YOUNG : ageDays < 5 ? RECENT : OLD)(rng) : 'resolved';
  if (workNow - workCreated < 10 * MINUTE) status = 'new';

  const meRoll = rng();
  let assignee: number | null = pick(rng, poolOf(tier));
  if (status === 'new') assignee = rng() < 0.9 ? null : assignee;
  else if (people.me !== null && (open ? run.openAssigned++ % ME_EVERY === 0 : meRoll < 0.03)) assignee = people.me;

  const created_at = clock.fromWork(workCreated);
  const target = DEFAULT_POLICY[priority];
  const resolution = text.fill(pick(rng, tpl.fixes));
  text.set('fix', resolution);
  const events = timeline(rng, text, {
    status,
    channel,
    tier,
    escalated,
    requesterName: who?.name ?? null,
    assignee,
    names: run.names,
    triage: pick(rng, poolOf('L1')),
    available: workNow - workCreated,
    respond: slaDelay(run, created_at, workCreated, target.firstResponseMinutes / 60, FIRST_RESPONSE_MET),
    resolve: slaDelay(run, created_at, workCreated, target.resolutionMinutes / 60, RESOLUTION_MET),
  });

  let updated_at = created_at;
  const interactions = events.items;
  for (const e of interactions) {
    // The timeline holds working-time offsets: turn them into wall-clock times in place.
    e.created_at = Math.min(now, Math.max(created_at, clock.fromWork(workCreated + e.created_at)));
    updated_at = Math.max(updated_at, e.created_at);
  }
  const first_response_at = events.firstResponse === null ? null : interactions[events.firstResponse]!.created_at;
  const resolved_at = status === 'resolved' ? interactions[interactions.length - 1]!.created_at : null;
  const closed_at = resolved_at !== null && resolved_at + AUTO_CLOSE <= now ? resolved_at + AUTO_CLOSE : null;
  if (closed_at !== null) status = 'closed';
  const tags = who?.department === 'Executive' && !tpl.tags.includes('vip') ? [...tpl.tags, 'vip'] : tpl.tags;
  return {
    title,
    description,
    status,
    priority,
    priority_rank: PRIORITY_RANK[priority],
    category: tpl.category,
    channel,
    requester,
    assignee,
    tier,
    created_at,
    updated_at: Math.max(updated_at, closed_at ?? 0),
    first_response_at,
    resolved_at,
    closed_at,
    ...computeDue(
      {
        createdAt: created_at,
        statuses: statusHistory(status, created_at, updated_at, first_response_at, resolved_at, closed_at),
        firstResponseAt: first_response_at,
      },
      target,
      DEFAULT_CALENDAR,
    ),
    resolution: resolved_at === null ? null : resolution,
    version: 1,
    tags,
    interactions,
  };
}

/** The status changes a generated ticket went through, so its SLA clocks pause and stop as the store's would. */
function statusHistory(
  status: Status,
  created: number,
  updated: number,
  firstResponse: number | null,
  resolved: number | null,
  closed: number | null,
): StatusChange[] {
  const changes: StatusChange[] = [{ at: created, status: 'new' }];
  if (status !== 'new') changes.push({ at: firstResponse ?? created, status: 'open' });
  if (status === 'pending' || status === 'on_hold') changes.push({ at: Math.max(updated, firstResponse ?? created), status });
  if (resolved !== null) changes.push({ at: resolved, status: 'resolved' });
  if (closed !== null) changes.push({ at: closed, status: 'closed' });
  return changes;
}

/**
 * Working ms until an event: inside the (24×7) target with probability `met`, spread over the
 * office hours before the due time; otherwise some time after it.
 */
function slaDelay(run: Run, created: number, workCreated: number, hours: number, met: number): number {
  const before = Math.max(0, run.clock.toWork(created + hours * HOUR) - workCreated);
  return run.rng() < met ? Math.max(MINUTE, before * (0.05 + 0.9 * run.rng())) : before + 5 * MINUTE + hours * HOUR * run.rng();
}

/** A few people file most tickets; onboarding and leavers come from HR. */
function pickRequester(rng: Rng, people: DemoPeople, tpl: TicketTemplate): number {
  const dept = tpl.from ? people.byDepartment.get(tpl.from) : undefined;
  if (dept?.length) return pick(rng, dept);
  return Math.floor(people.requesters.length * rng() ** 1.5);
}
