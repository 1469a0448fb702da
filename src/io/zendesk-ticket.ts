/** One Zendesk ticket object (with its users and comments found elsewhere in the files) as an imported ticket. */
import { titleFromDescription } from './ticket-records.js';
import {
  badRecord,
  capText,
  personText,
  tagsOf,
  timeField,
  type ImportedEntry,
  type ImportedPerson,
  type ImportedTicket,
} from './vendor-record.js';
import { customFieldValue, ZENDESK_AGENT_ROLES, ZENDESK_CHANNEL, ZENDESK_PRIORITY, ZENDESK_STATUS } from './zendesk-map.js';

type Obj = Record<string, unknown>;

export interface ZendeskContext {
  /** Users by id (side-loaded or from a users file). */
  users: Map<string, Obj>;
  /** Comments by ticket id (side-loaded or from comments files). */
  comments: Map<string, Obj[]>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

function person(id: unknown, context: ZendeskContext): { person: ImportedPerson; agent: boolean } | null {
  if (id === null || id === undefined) return null;
  const user = context.users.get(String(id));
  if (!user) return { person: { name: `Zendesk user ${str(id)}`, email: null }, agent: false };
  const email = str(user.email).trim().toLowerCase() || null;
  const name = squash(str(user.name)) || email || `Zendesk user ${str(id)}`;
  return { person: { name, email }, agent: ZENDESK_AGENT_ROLES.has(str(user.role)) };
}

export function zendeskTicket(ticket: Obj, at: string, context: ZendeskContext): ImportedTicket {
  const id = ticket.id;
  if (typeof id !== 'number' && (typeof id !== 'string' || id.trim() === '')) badRecord(at, 'id', 'is required (the Zendesk ticket id)');
  const where = `${at} (ticket ${str(id)})`;
  const status = ZENDESK_STATUS[str(ticket.status) || 'new'];
  if (!status) badRecord(where, 'status', `must be one of ${Object.keys(ZENDESK_STATUS).join(', ')} (got '${str(ticket.status)}')`);
  const priority = ticket.priority === null || ticket.priority === undefined ? 'normal' : ZENDESK_PRIORITY[str(ticket.priority)];
  if (!priority) badRecord(where, 'priority', `must be one of ${Object.keys(ZENDESK_PRIORITY).join(', ')} (got '${str(ticket.priority)}')`);
  if (ticket.tags !== undefined && !Array.isArray(ticket.tags)) badRecord(where, 'tags', 'must be a list');

  const requester = person(ticket.requester_id, context);
  const assignee = person(ticket.assignee_id, context);
  const description = str(ticket.description).trim();
  const created = timeField(where, 'created_at', ticket.created_at);
  const updated = timeField(where, 'updated_at', ticket.updated_at) ?? created;

  const fieldTags: string[] = [];
  const fieldLines: string[] = [];
  const custom = ticket.custom_fields ?? ticket.fields ?? [];
  if (!Array.isArray(custom)) badRecord(where, 'custom_fields', 'must be a list');
  for (const field of custom as Obj[]) {
    const value = customFieldValue(field?.id, field?.value);
    if (value && 'tag' in value) fieldTags.push(value.tag);
    if (value && 'line' in value) fieldLines.push(value.line);
  }

  const timeline = comments(ticket, where, description, context, created);
  if (fieldLines.length) {
    const body = `Zendesk custom fields:\n${fieldLines.join('\n')}`;
    timeline.unshift({ kind: 'note', author: { name: 'Zendesk import', email: null }, technician: false, body, createdAt: created });
  }
  const agentReplies = timeline.filter((e) => e.technician && e.kind === 'reply');
  const done = status === 'resolved' || status === 'closed';
  const lastReply = agentReplies.at(-1)?.body.trim();
  const fields: Record<string, unknown> = {
    externalId: `zendesk:${str(id)}`,
    title: squash(str(ticket.subject) || str(ticket.raw_subject)) || titleFromDescription(description) || `Zendesk ticket ${str(id)}`,
    description: capText(description),
    status,
    priority,
    channel: ZENDESK_CHANNEL[str((ticket.via as Obj | undefined)?.channel)] ?? 'web',
    tags: tagsOf([...((ticket.tags as unknown[]) ?? []).map(str), ...(ticket.type ? [str(ticket.type)] : []), ...fieldTags]),
    requester: personText(requester?.person ?? null),
    createdAt: created,
    updatedAt: updated,
    firstResponseAt: agentReplies[0]?.createdAt ?? null,
    resolvedAt: done ? updated : null,
    closedAt: status === 'closed' ? updated : null,
    resolution: done ? capText(lastReply ? lastReply : 'Solved in Zendesk', 10_000) : null,
  };
  return { where, fields, requester: requester?.person ?? null, assignee: assignee?.person ?? null, timeline };
}

/** The ticket's comments in time order, the first one left out when it is the description (Zendesk stores it twice). */
function comments(ticket: Obj, where: string, description: string, context: ZendeskContext, created: number | null): ImportedEntry[] {
  const inside = ticket.comments;
  if (inside !== undefined && !Array.isArray(inside)) badRecord(where, 'comments', 'must be a list');
  const all = [...((inside as Obj[] | undefined) ?? []), ...(context.comments.get(str(ticket.id)) ?? [])];
  const seen = new Set<string>();
  const entries: (ImportedEntry & { order: number })[] = [];
  all.forEach((comment, i) => {
    if (comment.id !== undefined && seen.has(str(comment.id))) return;
    if (comment.id !== undefined) seen.add(str(comment.id));
    const field = `comments[${i}]`;
    const body = str(comment.plain_body) || str(comment.body);
    if (typeof comment.body !== 'string' && typeof comment.plain_body !== 'string') badRecord(where, `${field}.body`, 'must be text');
    const author = person(comment.author_id, context) ?? { person: { name: 'Zendesk', email: null }, agent: false };
    const agent = author.agent || (comment.author_id != null && comment.author_id === ticket.assignee_id);
    const isPublic = comment.public !== false;
    entries.push({
      kind: !isPublic ? 'note' : agent ? 'reply' : 'email_in',
      author: author.person,
      technician: agent,
      body: capText(body.trim()),
      createdAt: timeField(where, `${field}.created_at`, comment.created_at) ?? created,
      order: i,
    });
  });
  entries.sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0) || a.order - b.order);
  if (entries[0] && squash(entries[0].body) === squash(description)) entries.shift();
  return entries.map(({ order: _order, ...entry }) => entry);
}
