/** The detail pane's content as styled lines for a width, pure: the pane shows a scrolled slice. */
import { DUE_LOOK, type DueBadge } from '../../domain/sla-badge.js';
import { sanitizeLine, sanitizeText } from '../../domain/sanitize.js';
import type { InteractionRow } from '../../store/interactions.js';
import type { TicketListRow } from '../../store/ticket-list.js';
import type { TicketView } from '../../store/ticket-view.js';
import { age, ago, priorityLook, stamp, statusLook } from './format.js';
import { wrap } from './text.js';

export interface Line {
  text: string;
  bold?: boolean;
  dim?: boolean;
  color?: string;
}

const KIND_LABEL: Record<string, string> = {
  reply: 'reply',
  note: 'internal note',
  call: 'phone call',
  chat: 'chat',
  email_in: 'email in',
  email_out: 'email out',
  remote: 'remote session',
  system: 'event',
};

function field(label: string, value: string, width: number): Line[] {
  return wrap(`${label.padEnd(10)} ${value}`, width).map((text, i) => ({ text: i === 0 ? text : `           ${text.trimStart()}` }));
}

/** A section heading; kept short (a full-width rule of box-drawing characters is slow for Ink to measure). */
function rule(label: string, width: number): Line {
  return { text: `── ${label} ──`.slice(0, Math.max(0, width)), dim: true };
}

/** The lines for a ticket; with only its queue row (details still loading) the summary shows at once. */
export function detailLines(
  row: TicketListRow,
  view: TicketView | null,
  events: readonly InteractionRow[] | null,
  width: number,
  now: number,
  extra: readonly Line[] = [],
  badge: DueBadge | null = null,
  head: readonly Line[] = [],
): Line[] {
  const p = priorityLook(row.priority);
  const s = statusLook(row.status);
  const out: Line[] = wrap(`${row.ref}  ${sanitizeLine(row.title)}`, width).map((text) => ({ text, bold: true }));
  out.push({
    text: `${p.glyph} ${row.priority}   ${s.glyph} ${s.short}   tier ${row.tier}   ${sanitizeLine(row.category)} · ${sanitizeLine(row.channel)}`,
    color: p.color,
  });
  if (!view) return [...out, { text: 'Loading…', dim: true }];
  const r = view.requester;
  const contact = r
    ? [r.name, r.email, r.phone, r.department]
        .filter(Boolean)
        .map((x) => sanitizeLine(x))
        .join(' · ')
    : '—';
  out.push(...field('Requester', contact, width));
  const assignee = view.assignee ? sanitizeLine(view.assignee.name) : '— unassigned';
  const tags = view.tags.length ? view.tags.map((t) => sanitizeLine(t)).join(', ') : '—';
  out.push(...field('Assignee', `${assignee}   Tags: ${tags}`, width));
  // The SLA state as a sign and a word (✓ ok, ! risk, ✗ late): it reads without colour and aloud.
  const look = badge ? DUE_LOOK[badge.state] : null;
  const sign = look ? `${look.glyph} ${look.word}, ` : '';
  const due =
    view.next_due_at === null
      ? ''
      : view.next_due_at < now
        ? `   Due: ${sign}${age(now - view.next_due_at)} over`
        : `   Due: ${sign}in ${age(view.next_due_at - now)}`;
  out.push(
    ...field(
      'Created',
      `${stamp(view.created_at)} (${ago(now - view.created_at)})   Updated: ${ago(now - view.updated_at)}${due}`,
      width,
    ).map((l) => ({ ...l, color: view.next_due_at !== null && view.next_due_at < now ? 'red' : undefined })),
  );
  if (view.resolution) out.push(...field('Resolution', sanitizeLine(view.resolution), width));
  if (typeof view.followup_at === 'number') {
    const when = view.followup_at < now ? `${age(now - view.followup_at)} ago` : `in ${age(view.followup_at - now)}`;
    out.push(...field('Follow-up', `${stamp(view.followup_at)} (${when})`, width));
  }
  // Sections that belong above the description (the related tickets, a focusable list).
  out.push(...head);
  out.push(rule('Description', width));
  const description = sanitizeText(view.description).trim();
  out.push(...(description ? wrap(description, width).map((text) => ({ text })) : [{ text: '(no description)', dim: true }]));
  // Sections other features add (suggested KB articles) go between the description and the timeline.
  out.push(...extra);
  const list = events ?? [];
  const minutes = list.reduce((n, e) => n + e.minutes, 0);
  out.push(rule(`Timeline (${list.length}${minutes ? `, ${minutes} min` : ''})`, width));
  if (events === null) out.push({ text: 'Loading…', dim: true });
  else if (list.length === 0) out.push({ text: '(nothing yet)', dim: true });
  // Numbered as `ticket attachment save` numbers them; one that came with an entry is listed under it.
  const files = (view.attachments ?? []).map((f, i) => ({
    ...f,
    n: i + 1,
    text: `${i + 1}. ${sanitizeLine(f.name)}  ${fileSize(f.size)}`,
  }));
  const shownAt = new Set(list.map((e) => e.id));
  for (const e of list) {
    const spent = e.minutes ? ` · ${e.minutes} min` : '';
    out.push({
      text: `${stamp(e.created_at)}  ${KIND_LABEL[e.kind] ?? sanitizeLine(e.kind)} · ${sanitizeLine(e.author_name)}${spent}`,
      bold: e.kind !== 'system',
      dim: e.kind === 'system',
      color: e.kind === 'note' ? 'yellow' : undefined,
    });
    const body = sanitizeText(e.body).trim();
    if (body) out.push(...wrap(body, Math.max(4, width - 2)).map((text) => ({ text: `  ${text}` })));
    for (const f of files) if (f.interactionId === e.id) out.push({ text: `  attached ${f.text}`.slice(0, width), color: 'cyan' });
  }
  const ticketLevel = files.filter((f) => f.interactionId == null || !shownAt.has(f.interactionId));
  if (files.length) out.push(rule(`Attachments (${files.length})`, width));
  if (files.length > ticketLevel.length)
    out.push({ text: `${files.length - ticketLevel.length} with their timeline entry above`, dim: true });
  for (const f of ticketLevel) out.push({ text: f.text });
  return out;
}

const fileSize = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
