/** `deskline ticket show HD-7` and `ticket history HD-7`: fields, timeline, audit trail. */
import { Command } from 'commander';
import { listAttachments } from '../store/attachments.js';
import { ticketHistory } from '../store/audit.js';
import { timeline } from '../store/interactions.js';
import { explainTicket } from '../store/sla.js';
import { relationsOf } from '../store/ticket-relations.js';
import { getTicket } from '../store/ticket-view.js';
import type { Ctx } from './context.js';
import { clean, cleanLine, formatTime, paint, shortDuration } from './format.js';
import { refArg } from './resolve-ref.js';
import { attachmentJson, attachmentLine } from './ticket-attach.js';
import { requestPart } from './request-text.js';
import { interactionJson, ticketJson } from './ticket-json.js';
import { printTriage } from './ticket-show-triage.js';

export function ticketShowCommand(ctx: Ctx): Command {
  return new Command('show')
    .description('show a ticket: fields and timeline')
    .argument('<ref>', 'ticket ref, e.g. HD-7')
    .option('--why', "explain the ticket's place in the queue: priority, time left on each SLA clock, pauses")
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  deskline ticket show HD-7\n  deskline ticket show HD-7 --why\n  deskline ticket show HD-7 --json | jq .ticket.status',
    )
    .action(async (ref: string, flags: { json?: boolean; why?: boolean }) => {
      const { db } = await ctx.desk();
      const id = refArg(ref);
      const ticket = await getTicket(db, id);
      if (flags.why) {
        const why = await explainTicket(db, id, Date.now());
        if (flags.json) return ctx.json({ ref: ticket.ref, why: why.clocks, lines: why.lines });
        ctx.out(`${ticket.ref}  ${cleanLine(ticket.title)}`);
        return why.lines.forEach((line) => ctx.out(`  ${line}`));
      }
      const [entries, files, { related, followers }] = await Promise.all([timeline(db, id), listAttachments(db, id), relationsOf(db, id)]);
      const request = await requestPart(db, id);
      // An attachment that came with an email (or a note) is shown under that entry; numbers stay the ticket's.
      const entryOf = new Map(entries.map((e, i) => [e.id, i + 1]));
      const numbered = files.map((f, i) => ({ f, n: i + 1, entry: (f.interaction_id !== null && entryOf.get(f.interaction_id)) || null }));
      const ticketLevel = numbered.filter((a) => a.entry === null);
      if (flags.json)
        return ctx.json({
          ticket: { ...ticketJson(ticket), followup: ticket.followup_at === null ? null : new Date(ticket.followup_at).toISOString() },
          ...(request.json ? { request: request.json } : {}),
          related: related.map((r) => ({ ref: r.ref, label: r.label, title: r.title, status: r.status })),
          followers,
          timeline: entries.map(interactionJson),
          attachments: numbered.map(({ f, n, entry }) => ({ ...attachmentJson(f, n), entry })),
        });
      const now = Date.now();
      const c = ctx.color;
      const fields: [string, string][] = [
        ['status', ticket.status],
        ['priority', ticket.priority],
        ['category', ticket.category],
        ['channel', ticket.channel],
        ['tier', ticket.tier],
        ['assignee', ticket.assignee?.name ?? '—'],
        ['group', ticket.group?.name ?? '—'],
        [
          'requester',
          ticket.requester
            ? `${ticket.requester.name}${ticket.requester.email ? ` <${ticket.requester.email}>` : ''}${ticket.requester.phone ? `  ${ticket.requester.phone}` : ''}${ticket.requester.department ? `  (${ticket.requester.department})` : ''}`
            : '—',
        ],
        ['tags', ticket.tags.join(', ') || '—'],
        ['created', `${formatTime(ticket.created_at)} (${shortDuration(now - ticket.created_at)} ago)`],
        ['updated', formatTime(ticket.updated_at)],
        [
          'next due',
          ticket.next_due_at === null
            ? '—'
            : `${formatTime(ticket.next_due_at)} (${ticket.next_due_at < now ? `overdue ${shortDuration(now - ticket.next_due_at)}` : `in ${shortDuration(ticket.next_due_at - now)}`})`,
        ],
        ['version', String(ticket.version)],
      ];
      if (ticket.external_id) fields.push(['external id', ticket.external_id]);
      if (ticket.resolution) fields.push(['resolution', ticket.resolution]);
      if (ticket.followup_at !== null) fields.push(['follow-up', formatTime(ticket.followup_at)]);
      if (followers.length) fields.push(['followers', followers.map((f) => f.name).join(', ')]);
      ctx.out(paint(c, 'bold', `${ticket.ref}  ${cleanLine(ticket.title)}`));
      for (const [k, v] of fields)
        ctx.out(`  ${k.padEnd(11)} ${k === 'resolution' ? clean(v).replace(/\n/g, '\n              ') : cleanLine(v)}`);
      if (ticket.description) ctx.out(`\n${clean(ticket.description).replace(/^/gm, '  ')}`);
      for (const line of request.lines) ctx.out(cleanLine(line));
      if (related.length) ctx.out(`\nRelated (${related.length})`);
      for (const r of related) ctx.out(cleanLine(`  ${r.label.padEnd(13)} ${r.ref}  ${r.status.padEnd(8)} ${r.title}`));
      await printTriage(ctx, db, ticket);
      ctx.out(`\nTimeline (${entries.length})`);
      for (const [i, e] of entries.entries()) {
        const minutes = e.minutes ? ` · ${e.minutes} min` : '';
        ctx.out(paint(c, 'gray', `  #${i + 1} ${formatTime(e.created_at)}  ${e.kind.padEnd(9)} ${cleanLine(e.author_name)}${minutes}`));
        if (e.body) ctx.out(clean(e.body).replace(/^/gm, '    '));
        for (const a of numbered) if (a.entry === i + 1) ctx.out(`  ${attachmentLine(a.f, a.n)}`);
      }
      if (files.length) ctx.out(`\nAttachments (${files.length})  save one: deskline ticket attachment save ${ticket.ref} N`);
      if (files.length > ticketLevel.length) ctx.out(`  ${files.length - ticketLevel.length} shown with their timeline entry above`);
      for (const a of ticketLevel) ctx.out(attachmentLine(a.f, a.n));
    });
}

export function ticketHistoryCommand(ctx: Ctx): Command {
  return new Command('history')
    .description('the audit trail of a ticket: who changed what, when')
    .argument('<ref>', 'ticket ref, e.g. HD-7')
    .option('--json', 'print JSON')
    .action(async (ref: string, flags: { json?: boolean }) => {
      const { db } = await ctx.desk();
      const id = refArg(ref);
      await getTicket(db, id);
      const events = await ticketHistory(db, id);
      if (flags.json) {
        return ctx.json({
          ref: `HD-${id}`,
          events: events.map((e) => ({
            at: new Date(e.at).toISOString(),
            actor: e.actor,
            action: e.action,
            field: e.field,
            old: e.old_value,
            new: e.new_value,
          })),
        });
      }
      for (const e of events) {
        // No time logged is no change: a system note's "minutes: — → 0" row says nothing (--json keeps it).
        const noMinutes = e.field === 'minutes' && Number(e.new_value ?? 0) === 0;
        if (noMinutes && e.action === 'system') continue;
        const change = e.field && !noMinutes ? `  ${e.field}: ${e.old_value ?? '—'} → ${e.new_value ?? '—'}` : '';
        ctx.out(cleanLine(`${formatTime(e.at)}  ${e.actor}  ${e.action}${change}`));
      }
    });
}
