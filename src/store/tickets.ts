/**
 * Creating tickets: validated input in, stored tickets with due times and audit events out. The work is
 * done once per batch, not per ticket: the SLA settings are loaded once, each requester and assignee
 * resolved once, due times computed before the insert (the SLA clock is pure), the rows inserted in one
 * statement, tags linked in two, the audit events appended in two; what was written is returned, not read back.
 */
import type { Insertable } from 'kysely';
import type { TicketRow, TicketsTable } from '../db/schema.js';
import { withImmediate } from '../db/immediate.js';
import { computeDue } from '../domain/sla/clocks.js';
import type { TicketInput } from '../domain/ticket-input.js';
import { initialState } from '../domain/ticket-rules.js';
import { PRIORITY_RANK } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { insertAuditEvents } from './audit.js';
import type { Actor, Executor } from './executor.js';
import { resolveRequesters } from './requesters.js';
import { loadSlaConfig, type SlaConfig } from './sla-config.js';
import { resolveAssignees } from './technicians.js';
import { linkNewTags } from './tags.js';
import { notifyCreated } from './chat-notify.js';
import { ticketViews, viewOf, type TicketView } from './ticket-view.js';
import { provisionalIds, recordOps } from './sync/record.js';
import { createOp } from './sync/write-ops.js';

export interface Created {
  ticket: TicketView;
  /** True when `externalId` matched a ticket created before: nothing was written. */
  existing: boolean;
}

/** Rows per INSERT statement (21 parameters each, well under SQLite's limit). */
const ROWS_PER_INSERT = 400;

/** Creates tickets in one IMMEDIATE transaction: all or nothing. */
export async function createTickets(db: Executor, inputs: readonly TicketInput[], actor: Actor, now = Date.now()): Promise<Created[]> {
  return withImmediate(db, (trx) => insertTickets(trx, inputs, actor, now));
}

export async function createTicket(db: Executor, input: TicketInput, actor: Actor, now = Date.now()): Promise<Created> {
  return (await createTickets(db, [input], actor, now))[0]!;
}

/** Inserts tickets inside the caller's transaction; an `externalId` seen before gives that ticket back instead. */
export async function insertTickets(
  trx: Executor,
  inputs: readonly TicketInput[],
  actor: Actor,
  now: number,
  config?: SlaConfig,
): Promise<Created[]> {
  const earlier = await ticketsByExternalId(trx, inputs);
  const fresh: TicketInput[] = [];
  const firstOf = new Map<string, number>();
  const plan = inputs.map((input) => {
    const key = input.externalId;
    if (key !== null && earlier.has(key)) return { ticket: earlier.get(key)!, index: -1 };
    if (key !== null && firstOf.has(key)) return { ticket: null, index: firstOf.get(key)!, again: true };
    if (key !== null) firstOf.set(key, fresh.length);
    fresh.push(input);
    return { ticket: null, index: fresh.length - 1, again: false };
  });
  const made = fresh.length ? await insertFresh(trx, fresh, actor, now, config ?? (await loadSlaConfig(trx))) : [];
  if (made.length) await notifyCreated(trx, made, actor, now);
  return plan.map((p) => (p.ticket ? { ticket: p.ticket, existing: true } : { ticket: made[p.index]!, existing: p.again === true }));
}

async function ticketsByExternalId(trx: Executor, inputs: readonly TicketInput[]): Promise<Map<string, TicketView>> {
  const keys = [...new Set(inputs.flatMap((i) => (i.externalId === null ? [] : [i.externalId])))];
  if (keys.length === 0) return new Map();
  const found = await trx.selectFrom('tickets').select(['id', 'external_id']).where('external_id', 'in', keys).execute();
  const views = await ticketViews(
    trx,
    found.map((f) => f.id),
  );
  return new Map(views.map((v) => [v.external_id!, v]));
}

async function insertFresh(trx: Executor, inputs: readonly TicketInput[], actor: Actor, now: number, config: SlaConfig) {
  const requesters = await resolveRequesters(
    trx,
    inputs.flatMap((i) => (i.requester === null ? [] : [i.requester])),
    now,
  );
  const assignees = await resolveAssignees(
    trx,
    inputs.map((i) => i.assignee),
    actor,
  );
  const values = inputs.map((input) => {
    const requester = input.requester === null ? null : requesters.get(input.requester)!;
    const assignee = assignees.get(input.assignee) ?? null;
    return rowOf(input, requester?.id ?? null, assignee?.id ?? null, now, config);
  });
  // On an offline replica a new ticket has a provisional id until sync gives it the server's (sync/record.ts).
  const provisional = await provisionalIds(trx, values.length);
  if (provisional) values.forEach((v, i) => (v.id = provisional[i]));
  const rows: TicketRow[] = [];
  for (let i = 0; i < values.length; i += ROWS_PER_INSERT) {
    rows.push(
      ...(await trx
        .insertInto('tickets')
        .values(values.slice(i, i + ROWS_PER_INSERT))
        .returningAll()
        .execute()),
    );
  }
  // Row ids follow the order of the VALUES list (provisional ones count down); RETURNING's own order is not promised.
  rows.sort((a, b) => Math.abs(a.id) - Math.abs(b.id));
  await linkNewTags(
    trx,
    rows.map((row, i) => ({ ticketId: row.id, tags: inputs[i]!.tags })),
  );
  // One 'create' event per ticket, appended to the audit chain in one statement (after one read of its head).
  await insertAuditEvents(
    trx,
    rows.map((row) => ({ ticket_id: row.id, actor: actor.name, at: now, action: 'create', field: null, old_value: null, new_value: null })),
  );
  const people = inputs.map((input) => ({
    requester: input.requester === null ? null : requesters.get(input.requester)!,
    assignee: assignees.get(input.assignee) ?? null,
  }));
  const ops = rows.map((row, i) => createOp(row, people[i]!.requester, people[i]!.assignee?.email ?? null, inputs[i]!.tags));
  await recordOps(
    trx,
    ops.map((op, i) => ({ ticketId: rows[i]!.id, op })),
    now,
  );
  return rows.map((row, i) => {
    const input = inputs[i]!;
    const requester = people[i]!.requester;
    return viewOf(row, requester, assignees.get(input.assignee) ?? null, input.tags);
  });
}

/**
 * One new ticket's row: its status by the rules of domain/ticket-rules.ts, its due times by the SLA clock.
 * An imported ticket keeps its times: created then, its status entered when it was last updated.
 */
function rowOf(input: TicketInput, requesterId: number | null, assigneeId: number | null, now: number, config: SlaConfig) {
  const createdAt = input.createdAt ?? now;
  const updatedAt = input.updatedAt ?? createdAt;
  const start = initialState(input.status, updatedAt, input.resolution, assigneeId === null ? [] : ['assigned']);
  if (!start.ok) return fail(EXIT.invalid, `${start.field}: ${start.error}`);
  const status = start.set.status!;
  const firstResponseAt = input.firstResponseAt ?? null;
  const due = computeDue(
    { createdAt, statuses: [{ at: createdAt, status }], firstResponseAt },
    config.policy[input.priority],
    config.calendars[input.priority],
  );
  // A stamp the input gives is kept when the status has one at all (an open ticket is not resolved).
  const stamp = (given: number | null | undefined, set: number | null | undefined) => (set == null ? null : (given ?? set));
  const row: Insertable<TicketsTable> = {
    title: input.title,
    description: input.description,
    status,
    priority: input.priority,
    priority_rank: PRIORITY_RANK[input.priority],
    category: input.category,
    channel: input.channel,
    requester_id: requesterId,
    assignee_id: assigneeId,
    tier: input.tier,
    external_id: input.externalId,
    created_at: createdAt,
    updated_at: updatedAt,
    first_response_at: firstResponseAt,
    resolved_at: stamp(input.resolvedAt, start.set.resolved_at),
    closed_at: stamp(input.closedAt, start.set.closed_at),
    resolution: start.set.resolution ?? null,
    ...due,
  };
  return row;
}
