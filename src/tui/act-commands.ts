/**
 * Commands on the selected (or marked) tickets from the queue and detail panes, pure: each opens a
 * dialog or queues an intent. Commands inside a dialog go to overlay-commands.ts.
 */
import { PRIORITIES, STATUSES, TIERS, type Status } from '../domain/ticket.js';
import type { TicketListRow } from '../store/ticket-list.js';
import type { ActCommand } from './act-keymap.js';
import { allowedStatuses, enqueue, notice, selectedTicket, setOverlay, targetOf, withAct } from './act-helpers.js';
import type { PickOption } from './act-types.js';
import { newForm } from './form-state.js';
import { overlayCommand } from './overlay-commands.js';
import { compose, confirmOrRun, picker } from './overlays.js';
import { move } from './queue-window.js';
import type { State } from './state.js';

const STATUS_KEYS: Record<Status, string> = { new: 'n', open: 'o', pending: 'p', on_hold: 'h', resolved: 'r', closed: 'c' };

function technicianOptions(s: State): PickOption[] {
  const people = [...s.act.technicians].sort((a, b) => Number(b.me) - Number(a.me));
  const options = people.map((t, i) => ({
    value: t.me ? 'me' : t.email,
    label: t.me ? `${t.name} (you)` : t.name,
    ...(i < 9 ? { key: String(i + 1) } : {}),
  }));
  return [...options, { value: 'none', label: 'nobody (unassign)', key: '0' }];
}

function onTicket(s: State, c: ActCommand, row: TicketListRow | undefined): State {
  const bulkTarget = targetOf(s, row, true);
  const one = targetOf(s, row, false);
  if (!bulkTarget || !one) return notice(s, 'no ticket selected');
  switch (c) {
    case 'assignMe':
      return confirmOrRun(s, bulkTarget, 'Assign to you?', {
        kind: 'update',
        target: bulkTarget,
        changes: { assignee: 'me' },
        action: 'assign',
        verb: 'assigned to you',
      });
    case 'assignTo':
      return setOverlay(s, picker(bulkTarget, 'assign', `Assign ${bulkTarget.label} to…`, technicianOptions(s)));
    case 'priority': {
      const options = PRIORITIES.map((p) => ({ value: p, label: p, key: p[0]! }));
      return setOverlay(
        s,
        picker(bulkTarget, 'priority', `Priority of ${bulkTarget.label}`, options, bulkTarget.bulk ? undefined : row?.priority),
      );
    }
    case 'status': {
      const allowed = allowedStatuses(bulkTarget);
      if (allowed.length === 0) return notice(s, `${bulkTarget.label}: no status change allowed from ${bulkTarget.statuses.join(', ')}`);
      const options = STATUSES.filter((st) => allowed.includes(st)).map((st) => ({
        value: st,
        label: st.replace('_', ' '),
        key: STATUS_KEYS[st],
      }));
      return setOverlay(s, picker(bulkTarget, 'status', `Status of ${bulkTarget.label} (now ${bulkTarget.statuses.join(', ')})`, options));
    }
    case 'escalate': {
      const above = TIERS.filter((t) => TIERS.indexOf(t) > TIERS.indexOf(one.tier as (typeof TIERS)[number]));
      if (above.length === 0) return notice(s, `${one.label} is already at ${one.tier}: no tier above`);
      return setOverlay(
        s,
        picker(
          one,
          'tier',
          `Escalate ${one.label} (${one.tier}) to…`,
          above.map((t) => ({ value: t, label: t, key: t.slice(1) })),
        ),
      );
    }
    case 'reply':
    case 'note':
    case 'call':
      return setOverlay(s, compose(one, c));
    case 'resolve':
      return setOverlay(s, compose(bulkTarget, 'resolve'));
    case 'tags':
      return setOverlay(s, compose(bulkTarget, 'tags'));
    case 'reopen':
      if (one.statuses[0] !== 'resolved' && one.statuses[0] !== 'closed')
        return notice(s, `${one.label} is ${one.statuses[0]}: nothing to reopen`);
      return enqueue(s, { kind: 'reopen', target: one });
    case 'copyRef':
      return enqueue(s, { kind: 'copy', text: one.label });
    case 'replyInEditor':
      return enqueue(setOverlay(s, compose(one, 'reply')), { kind: 'editor', text: '' });
    default:
      return s;
  }
}

function toggleMark(s: State, row: TicketListRow | undefined): State {
  if (!row) return notice(s, 'no ticket selected');
  const marked = s.act.marks.some((m) => m.id === row.id);
  const marks = marked ? s.act.marks.filter((m) => m.id !== row.id) : [...s.act.marks, { id: row.id, ref: row.ref, status: row.status }];
  const next = withAct(s, { marks });
  return s.focus === 'queue' ? { ...next, queue: move(next.queue, 1, next.pageSize) } : next;
}

export function actCommand(s: State, c: ActCommand, arg?: string): State {
  if (s.act.overlay) return overlayCommand(s, c, arg);
  switch (c) {
    case 'help':
      return setOverlay(s, { kind: 'help', scroll: 0, target: null, ask: null });
    case 'newTicket':
      return setOverlay(s, { kind: 'form', form: newForm(s.act.categories), target: null, ask: null });
    case 'mark':
      return toggleMark(s, selectedTicket(s));
    case 'clearMarks':
      return s.act.marks.length ? notice(withAct(s, { marks: [] }), 'marks cleared', false) : s;
    default:
      return onTicket(s, c, selectedTicket(s));
  }
}
