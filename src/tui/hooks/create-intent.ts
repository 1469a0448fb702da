/**
 * The console's new ticket (the form's `create` intent): a plain ticket, or a service request with
 * its template's checklist, and the requester's assets it ticked, through the CLI's store functions.
 */
import { templateBySlug } from '../../io/template-files.js';
import { linkAsset } from '../../store/asset-links.js';
import type { Desk } from '../../store/desk.js';
import type { Actor } from '../../store/executor.js';
import { createRequest } from '../../store/requests.js';
import { createTicket } from '../../store/tickets.js';
import { findTicket } from '../../store/ticket-view.js';
import type { Intent, Outcome } from '../state/act/types.js';
import { cursorOf } from './queue-fetch.js';

export async function writeCreate(desk: Desk, me: Actor, intent: Extract<Intent, { kind: 'create' }>): Promise<Outcome> {
  const { db } = desk;

  const { request, assets = [] } = intent;
  const template = request ? await templateBySlug(db, request.slug) : null;
  const created = template
    ? await createRequest(db, template, request!.fields, intent.input, me)
    : await createTicket(db, intent.input, me);
  const id = created.ticket.id;
  for (const tag of assets) await linkAsset(db, id, tag, me);
  const fresh = assets.length ? await findTicket(db, id) : created.ticket;
  const extra = [template ? `checklist: ${template.items.length} items` : '', assets.length ? `${assets.join(', ')} linked` : '']
    .filter(Boolean)
    .join('; ');
  return {
    ok: true,
    message: `${created.ticket.ref} created${extra ? ` (${extra})` : ''}`,
    createdId: id,
    versions: [{ id, version: (fresh ?? created.ticket).version }],
    rows: [cursorOf(fresh ?? created.ticket)],
  };
}
