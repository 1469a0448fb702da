/**
 * Plain mode's commands on the selected ticket (or the marked ones): the console's intents, run
 * through the same runner as the console (hooks/intents.ts → store), said as one sentence each.
 */
import { PRIORITIES, TIERS, type Priority, type Tier } from '../../domain/ticket.js';
import { runIntent } from '../hooks/intents.js';
import { tagChanges } from '../state/act/dialog-commands.js';
import { allowedStatuses } from '../state/act/targets.js';
import type { Intent, Target } from '../state/act/types.js';
import { confirm, textOf, type PlainCommand } from './command.js';
import { refresh, type PlainSession } from './session.js';

export function single(s: PlainSession): Target | null {
  const row = s.current;
  if (!row) return null;
  return { ids: [row.id], label: row.ref, bulk: false, statuses: [row.status], tier: row.tier, title: row.title, version: row.version };
}

export function marked(s: PlainSession): Target | null {
  if (!s.marks.length) return single(s);
  const n = s.marks.length;
  return {
    ids: s.marks.map((m) => m.id),
    label: `${n} ticket${n === 1 ? '' : 's'}`,
    bulk: true,
    statuses: [...new Set(s.marks.map((m) => m.status))],
    versions: Object.fromEntries(s.marks.map((m) => [m.id, m.version])),
  };
}

/** Runs an intent and says what changed; marked tickets are asked about first and unmarked once written. */
export async function run(s: PlainSession, intent: Intent, question?: string): Promise<void> {
  const target = 'target' in intent ? intent.target : null;
  if (target?.bulk && !(await confirm(s, `${question ?? 'Change'} ${target.label}: ${s.marks.map((m) => m.ref).join(', ')}?`))) return;
  const outcome = await runIntent({ desk: s.desk, me: s.me, copy: () => undefined, edit: () => null }, intent);
  if (outcome.rows) refresh(s, outcome.rows);
  if (outcome.ok && target?.bulk) s.marks = [];
  s.say(`${outcome.message}.`);
}

/** A command that needs a ticket: says so when none is selected. */
function onTicket(bulk: boolean, fn: (s: PlainSession, t: Target, arg: string) => Promise<void>) {
  return async (s: PlainSession, arg: string) => {
    const t = bulk ? marked(s) : single(s);
    if (!t) return s.say('No ticket selected. Say next, or show and a ref such as show HD-7.');
    await fn(s, t, arg);
  };
}

const choice = <T extends string>(list: readonly T[], word: string): T | undefined =>
  list.find((x) => x.toLowerCase() === word.trim().toLowerCase().replace(' ', '_'));

export const ACT_COMMANDS: readonly PlainCommand[] = [
  {
    words: ['take'],
    action: 'assignMe',
    usage: 'take',
    help: 'assign the ticket (or the marked ones) to you',
    run: onTicket(true, (s, t) =>
      run(s, { kind: 'update', target: t, changes: { assignee: 'me' }, action: 'assign', verb: 'assigned to you' }, 'Assign to you'),
    ),
  },
  {
    words: ['assign'],
    action: 'assignTo',
    usage: 'assign NAME',
    help: 'assign to a technician by name or email; assign none unassigns',
    run: onTicket(true, async (s, t, arg) => {
      const who = arg.trim();
      if (!who) return s.say('Say who: assign followed by a name or an email, or assign none.');
      const verb = who === 'none' ? 'unassigned' : `assigned to ${who}`;
      await run(s, { kind: 'update', target: t, changes: { assignee: who }, action: 'assign', verb }, 'Assign');
    }),
  },
  {
    words: ['priority', 'prio'],
    action: 'priority',
    usage: 'priority LEVEL',
    help: `set the priority: ${PRIORITIES.join(', ')}`,
    run: onTicket(true, async (s, t, arg) => {
      const p = choice<Priority>(PRIORITIES, arg);
      if (!p) return s.say(`Say the priority: one of ${PRIORITIES.join(', ')}.`);
      await run(s, { kind: 'update', target: t, changes: { priority: p }, action: 'priority', verb: `priority ${p}` }, `Priority ${p} for`);
    }),
  },
  {
    words: ['status'],
    action: 'status',
    usage: 'status STATUS',
    help: 'change the status (the moves its status allows; resolve has its own command)',
    run: onTicket(true, async (s, t, arg) => {
      const allowed = allowedStatuses(t).filter((x) => x !== 'resolved');
      const to = choice(allowed, arg);
      if (!to)
        return s.say(
          `${t.label} is ${t.statuses.join(', ').replace('_', ' ')}: it can move to ${allowed.join(', ').replace('_', ' ') || 'nothing'}.`,
        );
      await run(
        s,
        { kind: 'update', target: t, changes: { status: to }, action: 'status', verb: `status ${to.replace('_', ' ')}` },
        `Status ${to} for`,
      );
    }),
  },
  ...(['reply', 'note'] as const).map((kind): PlainCommand => ({
    words: [kind],
    action: kind,
    usage: `${kind} [TEXT]`,
    help: kind === 'reply' ? 'send a public reply to the requester' : 'add an internal note',
    run: onTicket(false, async (s, t, arg) => {
      const body = await textOf(s, arg, kind === 'reply' ? 'reply' : 'note');
      if (body) await run(s, { kind: 'interaction', target: t, input: { kind, body } });
    }),
  })),
  {
    words: ['call'],
    action: 'call',
    usage: 'call MINUTES [TEXT]',
    help: 'log a phone call with its minutes',
    run: onTicket(false, async (s, t, arg) => {
      const [first = '', ...rest] = arg.trim().split(/\s+/);
      const minutes = Number(first);
      if (!Number.isInteger(minutes) || minutes < 0) return s.say('Say the minutes first: call 15 and what was said.');
      const body = await textOf(s, rest.join(' '), 'call notes');
      if (body) await run(s, { kind: 'interaction', target: t, input: { kind: 'call', body, minutes } });
    }),
  },
  {
    words: ['escalate'],
    action: 'escalate',
    usage: 'escalate TIER [REASON]',
    help: 'move the ticket up a tier, with a reason',
    run: onTicket(false, async (s, t, arg) => {
      const [first = '', ...rest] = arg.trim().split(/\s+/);
      const above = TIERS.filter((x) => TIERS.indexOf(x) > TIERS.indexOf(t.tier as Tier));
      const tier = choice<Tier>(above, first);
      if (!tier)
        return s.say(above.length ? `Say the tier: ${above.join(' or ')}, then the reason.` : `${t.label} is already at ${t.tier}.`);
      const reason = await textOf(s, rest.join(' '), 'reason');
      if (reason) await run(s, { kind: 'escalate', target: t, tier, reason });
    }),
  },
  {
    words: ['resolve'],
    action: 'resolve',
    usage: 'resolve [RESOLUTION]',
    help: 'resolve with a resolution (the marked tickets too)',
    run: onTicket(true, async (s, t, arg) => {
      const resolution = await textOf(s, arg, 'resolution');
      if (resolution) await run(s, { kind: 'resolve', target: t, resolution }, 'Resolve');
    }),
  },
  {
    words: ['reopen'],
    action: 'reopen',
    usage: 'reopen',
    help: 'reopen a resolved or closed ticket',
    run: onTicket(false, async (s, t) => {
      const status = t.statuses[0];
      if (status !== 'resolved' && status !== 'closed') return s.say(`${t.label} is ${status}: nothing to reopen.`);
      await run(s, { kind: 'reopen', target: t });
    }),
  },
  {
    words: ['tags', 'tag'],
    action: 'tags',
    usage: 'tags WORDS',
    help: 'add tags, or remove them with a leading minus: tags vpn -old',
    run: onTicket(true, async (s, t, arg) => {
      let changes;
      try {
        changes = tagChanges(arg);
      } catch (error) {
        return s.say(`${(error as Error).message}.`);
      }
      if (!changes.addTags.length && !changes.removeTags.length) return s.say('Say the tags: tags vpn -old adds vpn and removes old.');
      const verb = `tags ${[...changes.addTags.map((x) => `+${x}`), ...changes.removeTags.map((x) => `-${x}`)].join(' ')}`;
      await run(s, { kind: 'update', target: t, changes, action: 'tags', verb }, `Change ${verb} on`);
    }),
  },
];
