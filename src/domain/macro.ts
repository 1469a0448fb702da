/**
 * Macros, pure: a reply with placeholders plus field changes. Rendering a macro for a ticket either
 * gives the reply text or names the placeholder with no value; nothing is written in between.
 */
import { InputError } from './text-rules.js';
import { renderPlaceholders, unknownPlaceholder } from './placeholders.js';
import { PRIORITIES, STATUSES, type Priority, type Status } from './ticket.js';

export interface MacroChanges {
  status?: Status;
  priority?: Priority;
  addTags?: string[];
  removeTags?: string[];
  /** 'me', 'none', a technician's name or email. */
  assignee?: string;
  group?: string;
}

export interface Macro {
  name: string;
  title: string;
  body: string;
  changes: MacroChanges;
}

/** The placeholders a macro may use. */
export const MACRO_PLACEHOLDERS = [
  'requester.first_name',
  'requester.name',
  'requester.email',
  'ticket.ref',
  'ticket.title',
  'ticket.status',
  'ticket.priority',
  'me.name',
  'me.first_name',
  'me.email',
] as const;

export interface MacroSubject {
  ref: string;
  title: string;
  status: string;
  priority: string;
  requester: { name: string; email: string | null } | null;
}

export interface Me {
  name: string;
  email: string | null;
}

const firstName = (name: string | undefined) => name?.trim().split(/\s+/)[0];

/** What each placeholder stands for on this ticket, for this technician (missing ones undefined). */
export function placeholderValues(ticket: MacroSubject, me: Me): Record<string, string | undefined> {
  return {
    'requester.first_name': firstName(ticket.requester?.name),
    'requester.name': ticket.requester?.name,
    'requester.email': ticket.requester?.email ?? undefined,
    'ticket.ref': ticket.ref,
    'ticket.title': ticket.title,
    'ticket.status': ticket.status,
    'ticket.priority': ticket.priority,
    'me.name': me.name,
    'me.first_name': firstName(me.name),
    'me.email': me.email ?? undefined,
  };
}

/** The reply for one ticket; a placeholder with no value is an error naming it (and the ticket). */
export function renderMacro(macro: Macro, ticket: MacroSubject, me: Me): string {
  const r = renderPlaceholders(macro.body, placeholderValues(ticket, me));
  if (!r.ok) throw new InputError(`{{${r.missing}}}`, `has no value on ${ticket.ref}: macro '${macro.name}' changed nothing`);
  return r.text;
}

const NAME = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** A macro's parts checked: name shape, known placeholders, changes from the fixed lists. */
export function checkMacro(macro: Macro): Macro {
  if (!NAME.test(macro.name)) throw new InputError('name', 'lower-case letters, digits and dashes, up to 40');
  const unknown = unknownPlaceholder(macro.body, MACRO_PLACEHOLDERS);
  if (unknown) throw new InputError('body', `{{${unknown}}} is not a placeholder (${MACRO_PLACEHOLDERS.join(', ')})`);
  const c = macro.changes;
  if (c.status !== undefined && !STATUSES.includes(c.status)) throw new InputError('status', `must be one of ${STATUSES.join(', ')}`);
  if (c.priority !== undefined && !PRIORITIES.includes(c.priority))
    throw new InputError('priority', `must be one of ${PRIORITIES.join(', ')}`);
  if (!macro.body.trim() && Object.keys(c).length === 0) throw new InputError('macro', 'needs a reply text or a field change');
  return macro;
}

/** The field changes in words, for `macro show` and the console's preview. */
export function describeMacroChanges(c: MacroChanges): string[] {
  return [
    c.status && `status → ${c.status}`,
    c.priority && `priority → ${c.priority}`,
    c.assignee && `assignee → ${c.assignee}`,
    c.group && `group → ${c.group}`,
    c.addTags?.length && `tags + ${c.addTags.join(', ')}`,
    c.removeTags?.length && `tags − ${c.removeTags.join(', ')}`,
  ].filter((s): s is string => typeof s === 'string');
}
