/** The timeline: replies, notes, calls, chats, emails and system events, with minutes spent. */
import { checkText } from '../domain/text-rules.js';
import type { InteractionRow } from '../db/schema.js';
import { withImmediate } from '../db/immediate.js';
import { autoMove, onInteraction, type TicketState } from '../domain/ticket-rules.js';
import type { InteractionKind, Status } from '../domain/ticket.js';
import { EXIT, fail } from '../errors.js';
import { recordEvent } from './audit.js';
import { SYSTEM_ACTOR, type Actor, type Executor } from './executor.js';
import { refreshDue } from './sla.js';
import { loadSlaConfig, type SlaConfig } from './sla-config.js';
import { queueReplyMail } from './reply-mail.js';
import { getTicket, type TicketView } from './ticket-view.js';
import { recordOps } from './sync/record.js';
import { interactionOps } from './sync/write-ops.js';

export type { InteractionRow };

export interface InteractionInput {
  kind: InteractionKind;
  body: string;
  minutes?: number;
}

export async function addInteraction(
  db: Executor,
  ticketId: number,
  input: InteractionInput,
  actor: Actor,
  now = Date.now(),
): Promise<InteractionRow> {
  return withImmediate(db, (trx) => insertInteraction(trx, ticketId, input, actor, now));
}

export async function insertInteraction(
  trx: Executor,
  ticketId: number,
  input: InteractionInput,
  actor: Actor,
  now: number,
): Promise<InteractionRow> {
  checkInteraction(input);
  return (await appendInteraction(trx, await getTicket(trx, ticketId), input, actor, now, await loadSlaConfig(trx))).row;
}

function checkInteraction(input: InteractionInput): void {
  const minutes = input.minutes ?? 0;
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 24 * 60)
    fail(EXIT.invalid, `minutes: must be a whole number from 0 to 1440 (got ${minutes})`);
  checkText('text', input.body, 'text');
  if (input.kind !== 'system' && input.body.trim() === '' && minutes === 0) fail(EXIT.invalid, 'text: is empty');
}

/**
 * Adds an entry to a ticket as read in this transaction (`before`) and applies what
 * domain/ticket-rules.ts says the entry does (first response, a requester's reply reopening it).
 * Returns the entry and the ticket as written.
 */
export async function appendInteraction(
  trx: Executor,
  before: TicketView,
  input: InteractionInput,
  actor: Actor,
  now: number,
  config: SlaConfig,
): Promise<{ row: InteractionRow; ticket: TicketView }> {
  checkInteraction(input);
  const minutes = input.minutes ?? 0;
  const row = await trx
    .insertInto('interactions')
    .values({
      ticket_id: before.id,
      kind: input.kind,
      author_id: actor.id,
      author_name: actor.name,
      body: input.body,
      minutes,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const mail = await queueReplyMail(trx, before, row, actor, now);
  if (mail) row.message_id = mail.message_id;

  const set = onInteraction(before as TicketState, input.kind, actor.id !== null, now);
  const written = { ...before, ...set, updated_at: now, version: before.version + 1 };
  await trx
    .updateTable('tickets')
    .set({ ...set, updated_at: now, version: written.version })
    .where('id', '=', before.id)
    .execute();
  // An automatic move is its own event, naming its rule (domain/ticket-rules.ts AUTO_MOVES), before the entry's own.
  const move = set.status ? autoMove(before.status as Status, `interaction:${input.kind}`) : undefined;
  if (move)
    await recordEvent(trx, before.id, SYSTEM_ACTOR, `rule:${move.rule}`, [{ field: 'status', old: before.status, new: move.to }], now);
  await recordEvent(trx, before.id, actor, input.kind, [{ field: 'minutes', old: null, new: String(minutes) }], now);
  const ops = interactionOps(row, actor.email ?? null, set);
  await recordOps(
    trx,
    ops.map((op) => ({ ticketId: before.id, op })),
    now,
  );
  const due = await refreshDue(trx, written, now, config);
  return { row, ticket: { ...written, ...due } };
}

export async function timeline(db: Executor, ticketId: number): Promise<InteractionRow[]> {
  return db.selectFrom('interactions').selectAll().where('ticket_id', '=', ticketId).orderBy('created_at').orderBy('id').execute();
}
