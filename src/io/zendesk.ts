/**
 * Zendesk Support API v2 JSON as imported tickets. Takes any mix of files: a ticket list (`{ tickets }`,
 * `{ ticket }`, search `{ results }`) with side-loaded `users` and `comments`, separate users and
 * comments files (`{ users }`, `{ comments }` — a comments file without `ticket_id`s names its ticket
 * in its file name, as `GET /api/v2/tickets/{id}/comments` saved to `35436.json` does), or JSON Lines
 * from a bulk export (tickets with their `comments` inside). Pure: documents in, records out.
 */
import { isObject, jsonDocuments } from './json-documents.js';
import { zendeskTicket, type ZendeskContext } from './zendesk-ticket.js';
import type { ImportedTicket, VendorFile } from './vendor-record.js';
import { EXIT, fail } from '../errors.js';

type Obj = Record<string, unknown>;

export function parseZendesk(files: readonly VendorFile[]): ImportedTicket[] {
  const tickets: { ticket: Obj; where: string }[] = [];
  const context: ZendeskContext = { users: new Map(), comments: new Map() };
  for (const file of files) {
    for (const doc of jsonDocuments(file.name, file.text)) {
      if (!isObject(doc.value)) fail(EXIT.invalid, `${doc.where}: is not a Zendesk object (a JSON object expected)`);
      collect(doc.value, doc.where, file.name, tickets, context);
    }
  }
  if (tickets.length === 0)
    fail(EXIT.invalid, `${files.map((f) => f.name).join(', ')}: no Zendesk tickets found (a 'tickets' list or ticket objects)`);
  return tickets.map(({ ticket, where }) => zendeskTicket(ticket, where, context));
}

function collect(doc: Obj, where: string, fileName: string, tickets: { ticket: Obj; where: string }[], context: ZendeskContext): void {
  const listed = (key: string): Obj[] | null => {
    const value = doc[key];
    if (value === undefined) return null;
    if (!Array.isArray(value)) fail(EXIT.invalid, `${where}: ${key}: must be a list`);
    value.forEach((item, i) => isObject(item) || fail(EXIT.invalid, `${where}: ${key}[${i}]: must be an object`));
    return value as Obj[];
  };
  const known = ['tickets', 'ticket', 'users', 'comments', 'results'].some((k) => k in doc);
  // A JSON Lines record on its own: a ticket (with its comments inside), a user or a comment.
  if (!['tickets', 'ticket', 'users', 'results'].some((k) => k in doc) && ('subject' in doc || 'status' in doc)) {
    tickets.push({ ticket: doc, where });
    return;
  }
  listed('tickets')?.forEach((t, i) => tickets.push({ ticket: t, where: `${where} record ${i + 1}` }));
  if (isObject(doc.ticket)) tickets.push({ ticket: doc.ticket, where });
  for (const user of listed('users') ?? []) addUser(user, context);
  for (const result of listed('results') ?? []) {
    if (result.result_type === 'ticket') tickets.push({ ticket: result, where: `${where} result ${tickets.length + 1}` });
    if (result.result_type === 'user') addUser(result, context);
  }
  const comments = listed('comments');
  if (comments) addComments(comments, where, fileName, context);
  if (known) return;
  if ('role' in doc || 'email' in doc) addUser(doc, context);
  else if ('author_id' in doc && 'ticket_id' in doc) addComments([doc], where, fileName, context);
  else fail(EXIT.invalid, `${where}: is not a Zendesk ticket, user or comment (no subject, status, role or author_id)`);
}

function addUser(user: Obj, context: ZendeskContext): void {
  if (user.id !== undefined && user.id !== null) context.users.set(String(user.id), user);
}

function addComments(comments: readonly Obj[], where: string, fileName: string, context: ZendeskContext): void {
  const named = /(\d+)(?!.*\d)/.exec(fileName.replace(/^.*[\\/]/, ''))?.[1];
  for (const comment of comments) {
    const ticketId = comment.ticket_id ?? named;
    if (ticketId === undefined || ticketId === null)
      fail(EXIT.invalid, `${where}: comments have no ticket_id and the file name names no ticket (save them as <ticket id>.json)`);
    const list = context.comments.get(String(ticketId)) ?? [];
    list.push(comment);
    context.comments.set(String(ticketId), list);
  }
}
