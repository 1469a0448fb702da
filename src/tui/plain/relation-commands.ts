/**
 * Plain mode's merge, parent and follow-up: the console's `M`, `P` and `F` as sentences, through the
 * same intents (hooks/relation-intents.ts) and the same question before a change to marked tickets.
 */
import type { PlainCommand } from './command.js';
import { marked, run, single } from './act-commands.js';
import type { PlainSession } from './session.js';

/** The selected ticket and the marked ones other than it, or a sentence saying what is missing. */
function sides(s: PlainSession, verb: string) {
  const one = single(s);
  if (!one) return { error: 'No ticket selected. Say next, or show and a ref such as show HD-7.' };
  const others = { ...s, marks: s.marks.filter((m) => m.id !== one.ids[0]) } as PlainSession;
  const many = others.marks.length ? marked(others) : null;
  if (!many) return { error: `Mark tickets first (mark), then ${verb} on ${one.label}.` };
  return { one, many };
}

export const RELATION_COMMANDS: readonly PlainCommand[] = [
  {
    words: ['merge'],
    action: 'mergeMarked',
    usage: 'merge',
    help: 'merge the marked tickets into the selected one (they close as its duplicates)',
    run: async (s) => {
      const x = sides(s, 'merge');
      if ('error' in x) return s.say(x.error!);
      await run(s, { kind: 'merge', target: x.many!, into: x.one! }, `Merge into ${x.one!.label}`);
    },
  },
  {
    words: ['parent'],
    action: 'parentOfMarked',
    usage: 'parent',
    help: 'make the selected ticket the parent of the marked ones (a major incident)',
    run: async (s) => {
      const x = sides(s, 'parent');
      if ('error' in x) return s.say(x.error!);
      await run(s, { kind: 'parent', target: x.many!, parent: x.one! }, `Make ${x.one!.label} the parent of`);
    },
  },
  {
    words: ['followup', 'follow-up'],
    action: 'followup',
    usage: 'followup WHEN',
    help: 'a follow-up time: thu 10:00, tomorrow, 2026-12-03 14:30, 2h, or none',
    run: async (s, arg) => {
      const one = single(s);
      if (!one) return s.say('No ticket selected. Say next, or show and a ref such as show HD-7.');
      if (!arg.trim()) return s.say('Say when: followup thu 10:00, followup 2h, or followup none.');
      await run(s, { kind: 'followup', target: one, when: arg });
    },
  },
];
