/** Plain mode's commands that move and read: the list, views, the filter, the ticket, marks. */
import { parseRef } from '../../domain/ticket.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { timeline } from '../../store/interactions.js';
import { explainTicket } from '../../store/sla.js';
import { findTicket } from '../../store/ticket-view.js';
import { cursorOf } from '../hooks/queue-fetch.js';
import { SORTS } from '../state/views.js';
import type { PlainCommand } from './command.js';
import { count, rowSentence, ticketLines } from './sentences.js';
import { PAGE, reload, select, sortLabel, step, type PlainSession } from './session.js';

/** `Unassigned, filter vpn: 3 tickets.` and up to a page of them. */
async function listOut(s: PlainSession): Promise<void> {
  await reload(s);
  const filter = s.filter ? `, filter ${sanitizeLine(s.filter)}` : '';
  const sort = s.sort ? `, sorted by ${sortLabel(s)}` : '';
  s.say(`${s.view.name}${filter}${sort}: ${count(s.total)}.`);
  s.rows.forEach((r, i) => s.say(`${i + 1}. ${rowSentence(r, s.sla, s.now())}`));
  if (s.total > PAGE) s.say(`Showing the first ${PAGE}; next goes on past them.`);
  else if (s.total) s.say('Say next to go through them, or show and a ref.');
}

async function move(s: PlainSession, by: 1 | -1): Promise<void> {
  const row = await step(s, by);
  if (!row) return s.say(by === 1 ? `No more tickets in ${s.view.name}.` : 'This is the first ticket.');
  s.say(`${s.index + 1} of ${count(s.total)}. ${rowSentence(row, s.sla, s.now())}`);
}

async function show(s: PlainSession, arg: string): Promise<void> {
  const ref = arg.trim();
  let id = s.current?.id;
  if (ref) {
    const parsed = parseRef(ref);
    if (parsed === null) return s.say(`${sanitizeLine(ref)} is not a ticket ref; refs look like HD-7.`);
    id = parsed;
  } else if (id === undefined) {
    const row = await step(s, 1);
    if (!row) return s.say('No ticket to show. Say list, or show and a ref such as show HD-7.');
    id = row.id;
  }
  const ticket = await findTicket(s.desk.db, id!);
  if (!ticket) return s.say(`There is no ticket ${sanitizeLine(ref)}.`);
  select(s, cursorOf(ticket));
  for (const line of ticketLines(ticket, await timeline(s.desk.db, ticket.id), s.sla, s.now())) s.say(line);
}

export const QUEUE_COMMANDS: readonly PlainCommand[] = [
  { words: ['next', 'n'], action: 'down', usage: 'next', help: 'the next ticket in the list', run: (s) => move(s, 1) },
  { words: ['previous', 'prev', 'p'], action: 'up', usage: 'prev', help: 'the previous ticket', run: (s) => move(s, -1) },
  { words: ['list', 'ls'], action: null, usage: 'list', help: 'read the view from the top', run: listOut },
  {
    words: ['show', 'read'],
    action: 'focusDetail',
    usage: 'show [HD-7]',
    help: 'read the whole ticket (the selected one, or a ref)',
    run: show,
  },
  {
    words: ['view'],
    action: 'view',
    usage: 'view NUMBER',
    help: 'switch views',
    run: async (s, arg) => {
      const word = arg.trim().toLowerCase();
      const view = s.views.find((v) => v.key === word || v.name.toLowerCase() === word);
      if (!view) return s.say(`Views: ${s.views.map((v) => `${v.key} ${v.name}`).join(', ')}. Say view and a number.`);
      s.view = view;
      await listOut(s);
    },
  },
  {
    words: ['filter', 'f'],
    action: 'openFilter',
    usage: 'filter QUERY',
    help: 'filter the view with the query language (filter alone clears it)',
    run: async (s, arg) => {
      s.filter = arg.trim();
      await listOut(s);
    },
  },
  {
    words: ['sort'],
    action: 'cycleSort',
    usage: 'sort',
    help: `cycle sort orders: ${SORTS.map((x) => x.label).join(', ')}`,
    run: async (s) => {
      s.sort = (s.sort + 1) % SORTS.length;
      await listOut(s);
    },
  },
  {
    words: ['why'],
    action: null,
    usage: 'why',
    help: 'why the ticket is where it is: priority and each SLA clock',
    run: async (s) => {
      if (!s.current) return s.say('No ticket selected.');
      const why = await explainTicket(s.desk.db, s.current.id, s.now());
      s.say(`${s.current.ref}:`);
      for (const line of why.lines) s.say(sanitizeLine(line));
    },
  },
  {
    words: ['mark', 'x'],
    action: 'mark',
    usage: 'mark',
    help: 'mark or unmark the ticket; take, assign, priority, status, tags and resolve then act on every marked ticket',
    run: async (s) => {
      const row = s.current;
      if (!row) return s.say('No ticket selected.');
      const was = s.marks.some((m) => m.id === row.id);
      s.marks = was
        ? s.marks.filter((m) => m.id !== row.id)
        : [...s.marks, { id: row.id, ref: row.ref, status: row.status, version: row.version }];
      s.say(`${row.ref} ${was ? 'unmarked' : 'marked'}; ${count(s.marks.length)} marked.`);
    },
  },
  {
    words: ['clear'],
    action: 'clearMarks',
    usage: 'clear',
    help: 'clear the marks',
    run: async (s) => {
      s.marks = [];
      s.say('Marks cleared.');
    },
  },
];
