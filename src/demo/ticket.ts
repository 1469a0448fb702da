/**
 * One generated ticket: a template drawn and filled in, a status that fits its age, a timeline, and
 * due times computed by the SLA clock from the status history it went through.
 */
import type { BulkTicket } from '../store/bulk.js';
import { DEFAULT_CALENDAR } from '../domain/sla/calendar.js';
import { computeDue, type StatusChange } from '../domain/sla/clocks.js';
import { DEFAULT_POLICY } from '../domain/sla/policy.js';
import { PRIORITY_RANK, TIERS, type Channel, type Priority, type Status, type Tier } from '../domain/ticket.js';
import { Filler } from './filler.js';
import { pickDepartment, type DemoPeople } from './people.js';
import { DAY, HOUR, MINUTE, WORK_DAY, type WorkClock, pick, weighted, type Rng } from './random.js';
import { OLD, pickChannel, pickPriority, RECENT, YOUNG } from './mix.js';
import { TEMPLATES, type TicketTemplate } from './templates.js';
import { timeline, type DemoInteraction } from './timeline.js';

/** A generated ticket: a row for the store's bulk writer, in the vocabulary's own types. */
export interface DemoTicket extends BulkTicket {
  status: Status;
  priority: Priority;
  channel: Channel;
  tier: Tier;
  version: 1;
  interactions: DemoInteraction[];
}

export interface Run {
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
/**
 * `triage`: this ticket waits for someone to take it (new, unassigned, this priority), so the newest
 * tickets always give the README's triage from the Unassigned view something urgent to start on.
 * It is set after the random draws, so every other ticket stays as it was.
 */
export function ticket(run: Run, workCreated: number, triage?: Priority): DemoTicket {
  const { rng, clock, people, workNow, now } = run;
  const poolOf = (tier: Tier) => run.pools[TIERS.indexOf(tier)]!;
  const tpl = pickTemplate(rng);
  const drawn = rng() < 0.35 ? tpl.priority : pickPriority(rng);
  const priority = triage ?? drawn;
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
  if (workNow - workCreated < 10 * MINUTE || triage) status = 'new';

  const meRoll = rng();
  let assignee: number | null = pick(rng, poolOf(tier));
  if (status === 'new') assignee = rng() < 0.9 ? null : assignee;
  else if (people.me !== null && (open ? run.openAssigned++ % ME_EVERY === 0 : meRoll < 0.03)) assignee = people.me;
  if (triage) assignee = null;

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
