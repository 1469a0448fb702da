/**
 * Commands on the selected (or marked) tickets from the queue and detail panes, pure: each opens a
 * dialog or queues an intent. Commands inside a dialog go to dialog-commands.ts.
 */
import { VERIFY_METHOD_HELP, VERIFY_METHODS } from '../../../domain/identity.js';
import { PRIORITIES, STATUSES, TIERS, type Status } from '../../../domain/ticket.js';
import type { TicketListRow } from '../../../store/ticket-list.js';
import type { ActCommand } from '../../keys/actions.js';
import { newForm } from '../form.js';
import { notice, said, step } from '../step.js';
import type { Step } from '../types.js';
import { dialogCommand } from './dialog-commands.js';
import { compose, confirmOrRun, picker } from './dialogs.js';
import { relationCommand } from './relation-commands.js';
import { openChecklist, openMacroPicker } from './request-dialogs.js';
import { allowedStatuses, enqueue, setOverlay, targetOf } from './targets.js';
import { changesOf } from '../triage.js';
import { openConflicts } from './sync-conflicts.js';
import type { ActCtx, ActState, PickOption } from './types.js';

const STATUS_KEYS: Record<Status, string> = { new: 'n', open: 'o', pending: 'p', on_hold: 'h', resolved: 'r', closed: 'c' };

function technicianOptions(act: ActState): PickOption[] {
  const people = [...act.technicians].sort((a, b) => Number(b.me) - Number(a.me));
  const options = people.map((t, i) => ({
    value: t.me ? 'me' : t.email,
    label: t.me ? `${t.name} (you)` : t.name,
    ...(i < 9 ? { key: String(i + 1) } : {}),
  }));
  return [...options, { value: 'none', label: 'nobody (unassign)', key: '0' }];
}

function onTicket(act: ActState, c: ActCommand, row: TicketListRow | undefined): Step<ActState> {
  const bulkTarget = targetOf(act, row, true);
  const one = targetOf(act, row, false);
  if (!bulkTarget || !one) return said(act, 'no ticket selected');
  const open = (o: Parameters<typeof setOverlay>[1]) => step(setOverlay(act, o));
  switch (c) {
    case 'assignMe':
      return step(
        confirmOrRun(act, bulkTarget, 'Assign to you?', {
          kind: 'update',
          target: bulkTarget,
          changes: { assignee: 'me' },
          action: 'assign',
          verb: 'assigned to you',
        }),
      );
    case 'assignTo':
      return open(picker(bulkTarget, 'assign', `Assign ${bulkTarget.label} to…`, technicianOptions(act)));
    case 'priority': {
      const options = PRIORITIES.map((p) => ({ value: p, label: p, key: p[0]! }));
      return open(picker(bulkTarget, 'priority', `Priority of ${bulkTarget.label}`, options, bulkTarget.bulk ? undefined : row?.priority));
    }
    case 'status': {
      const allowed = allowedStatuses(bulkTarget);
      if (allowed.length === 0) return said(act, `${bulkTarget.label}: no status change allowed from ${bulkTarget.statuses.join(', ')}`);
      const options = STATUSES.filter((st) => allowed.includes(st)).map((st) => ({
        value: st,
        label: st.replace('_', ' '),
        key: STATUS_KEYS[st],
      }));
      return open(picker(bulkTarget, 'status', `Status of ${bulkTarget.label} (now ${bulkTarget.statuses.join(', ')})`, options));
    }
    case 'escalate': {
      const above = TIERS.filter((t) => TIERS.indexOf(t) > TIERS.indexOf(one.tier as (typeof TIERS)[number]));
      if (above.length === 0) return said(act, `${one.label} is already at ${one.tier}: no tier above`);
      const options = above.map((t) => ({ value: t, label: t, key: t.slice(1) }));
      return open(picker(one, 'tier', `Escalate ${one.label} (${one.tier}) to…`, options));
    }
    case 'reply':
    case 'note':
    case 'call':
      return open(compose(one, c));
    case 'resolve':
    case 'tags':
      return open(compose(bulkTarget, c));
    case 'reopen':
      if (one.statuses[0] !== 'resolved' && one.statuses[0] !== 'closed')
        return said(act, `${one.label} is ${one.statuses[0]}: nothing to reopen`);
      return step(enqueue(act, { kind: 'reopen', target: one }));
    case 'verifyIdentity': {
      const options = VERIFY_METHODS.map((m, i) => ({ value: m, label: `${m} — ${VERIFY_METHOD_HELP[m]}`, key: String(i + 1) }));
      return open(picker(one, 'verify', `How was the identity of ${one.label}'s requester verified?`, options));
    }
    case 'copyRef':
      return step(enqueue(act, { kind: 'copy', text: one.label }));
    case 'remote':
      return step(enqueue(act, { kind: 'remote', target: one }));
    case 'replyInEditor':
      return step(enqueue(setOverlay(act, compose(one, 'reply')), { kind: 'editor', text: '' }));
    default:
      return step(act);
  }
}

/** `x`: marks (recording the ticket's version) or unmarks the selected ticket, and moves on in the queue. */
function toggleMark(act: ActState, ctx: ActCtx): Step<ActState> {
  const row = ctx.row;
  if (!row) return said(act, 'no ticket selected');
  const marked = act.marks.some((m) => m.id === row.id);
  const marks = marked
    ? act.marks.filter((m) => m.id !== row.id)
    : [...act.marks, { id: row.id, ref: row.ref, status: row.status, version: row.version }];
  // The selection stays: `x j x` marks two neighbours, `x x` takes the mark back.
  return step({ ...act, marks });
}

/** `S`: the suggestions that differ from the ticket, applied in one update (audited as 'triage'). */
function acceptTriage(act: ActState, ctx: ActCtx): Step<ActState> {
  const one = targetOf(act, ctx.row, false);
  if (!one) return said(act, 'no ticket selected');
  if (ctx.triage.length === 0) return said(act, `${one.label}: no triage suggestion to accept`);
  const verb = `set from the suggestion: ${ctx.triage.map((s) => `${s.field} ${s.value}`).join(', ')}`;
  return step(enqueue(act, { kind: 'update', target: one, changes: changesOf(ctx.triage), action: 'triage', verb }));
}

export function actCommand(act: ActState, c: ActCommand, ctx: ActCtx): Step<ActState> {
  if (act.overlay) return dialogCommand(act, c, ctx);
  switch (c) {
    case 'help':
      return step(setOverlay(act, { kind: 'help', scroll: 0, target: null, ask: null }));
    case 'newTicket':
      return step(setOverlay(act, { kind: 'form', form: newForm(act.categories, act.templates), target: null, ask: null }));
    case 'mark':
      return toggleMark(act, ctx);
    case 'macro':
      return openMacroPicker(act, ctx);
    case 'checklist':
      return openChecklist(act, ctx);
    case 'clearMarks':
      return act.marks.length ? step({ ...act, marks: [] }, notice('marks cleared', false)) : step(act);
    case 'acceptTriage':
      return acceptTriage(act, ctx);
    case 'syncConflicts':
      return openConflicts(act);
    case 'mergeMarked':
    case 'parentOfMarked':
    case 'followup':
      return relationCommand(act, c, ctx.row);
    default:
      return onTicket(act, c, ctx.row);
  }
}
