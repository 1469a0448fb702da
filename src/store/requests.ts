/**
 * Service requests: a ticket made from a template, with its field values and its checklist, in one
 * transaction (all or nothing). The title comes from the template's title and the fields.
 */
import { withImmediate } from '../db/immediate.js';
import { renderPlaceholders } from '../domain/placeholders.js';
import type { RequestTemplate } from '../domain/request-template.js';
import type { TicketInput } from '../domain/ticket-input.js';
import { EXIT, fail } from '../errors.js';
import type { Actor, Executor } from './executor.js';
import { recordOps } from './sync/record.js';
import { insertTickets, type Created } from './tickets.js';

/** The title a template gives for these (already checked) field values. */
export function requestTitle(template: RequestTemplate, fields: Readonly<Record<string, string>>): string {
  const r = renderPlaceholders(template.title, fields);
  return r.ok ? r.text : fail(EXIT.invalid, `field ${r.missing}: is needed for the title ('${template.title}')`);
}

/** Creates the ticket, its request record and its checklist. `input` carries the rest (requester, assignee, description…). */
export async function createRequest(
  db: Executor,
  template: RequestTemplate,
  fields: Readonly<Record<string, string>>,
  input: TicketInput,
  actor: Actor,
  now = Date.now(),
): Promise<Created> {
  return withImmediate(db, async (trx) => {
    const [created] = await insertTickets(trx, [input], actor, now);
    if (created!.existing) return created!;
    const id = created!.ticket.id;
    const request = { template: template.slug, fields: JSON.stringify(fields), verify_identity: template.verifyIdentity ? 1 : 0 };
    const items = template.items.map((item) => ({ text: item.text, required: item.required ? 1 : 0, action: item.action }));
    await trx
      .insertInto('ticket_requests')
      .values({ ticket_id: id, ...request })
      .execute();
    await trx
      .insertInto('ticket_checklist_items')
      .values(items.map((item, i) => ({ ticket_id: id, position: i + 1, ...item, done_at: null, done_by: null })))
      .execute();
    await recordOps(trx, [{ ticketId: id, op: { kind: 'checklist', body: { ...request, items } } }], now);
    return created!;
  });
}
