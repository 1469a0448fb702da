/**
 * The new-ticket form's write: a plain ticket, or a service request from its template (checklist
 * included, through the same store call as `ticket create --template`), then the ticked assets linked.
 */
import { templateBySlug } from '../../io/template-files.js';
import { linkAsset } from '../../store/asset-links.js';
import type { Desk } from '../../store/desk.js';
import type { Actor } from '../../store/executor.js';
import { createRequest } from '../../store/requests.js';
import { findTicket, type TicketView } from '../../store/ticket-view.js';
import { createTicket } from '../../store/tickets.js';
import type { Intent } from '../state/act/types.js';

export async function createFromForm(
  desk: Desk,
  intent: Extract<Intent, { kind: 'create' }>,
  me: Actor,
): Promise<{ ticket: TicketView; message: string }> {
  const { db } = desk;
  const { request, assets = [] } = intent;
  const template = request ? await templateBySlug(db, request.slug) : null;
  const created = template
    ? await createRequest(db, template, request!.fields, intent.input, me)
    : await createTicket(db, intent.input, me);
  for (const tag of assets) await linkAsset(db, created.ticket.id, tag, me);
  const ticket = (assets.length ? await findTicket(db, created.ticket.id) : null) ?? created.ticket;
  const extra = [template ? `checklist: ${template.items.length} items` : '', assets.length ? `${assets.join(', ')} linked` : ''];
  const said = extra.filter(Boolean).join('; ');
  return { ticket, message: `${ticket.ref} created${said ? ` (${said})` : ''}` };
}
