/**
 * Every plain-mode command, as data, and the one dispatcher: a line's first word picks the command,
 * the rest is its argument. `help` lists them with the console key of the same action (from the
 * keymap, remaps included), so what is learnt in one face works in the other.
 */
import { DUE_LOOK } from '../../domain/sla-badge.js';
import { describeError } from '../../errors.js';
import { sanitizeLine } from '../../domain/sanitize.js';
import { keyLabel } from '../keys/keymap.js';
import { ACT_COMMANDS } from './act-commands.js';
import type { PlainCommand } from './command.js';
import { KB_COMMANDS } from './kb-commands.js';
import { QUEUE_COMMANDS } from './queue-commands.js';
import { RELATION_COMMANDS } from './relation-commands.js';
import type { PlainSession } from './session.js';

/** Keys as words a screen reader says (the console shows ⏎, ↑ …). */
const SPOKEN: Record<string, string> = { enter: 'Enter', ' ': 'Space', up: 'Up', down: 'Down', escape: 'Escape', tab: 'Tab' };
const spokenKey = (key: string) => SPOKEN[key] ?? keyLabel(key);

const HELP: PlainCommand = {
  words: ['help', 'h', '?'],
  action: 'help',
  usage: 'help',
  help: 'this list',
  run: async (s) => {
    s.say('Commands, one a line; the console key for the same action follows in brackets.');
    for (const c of ALL) {
      const key = c.action && s.keymap.find((b) => b.action === c.action)?.key;
      s.say(`${c.usage}: ${c.help}${key ? ` (console key ${spokenKey(key)})` : ''}.`);
    }
    const words = Object.values(DUE_LOOK).map((l) => l.word);
    s.say(`Due times end in a word: ${words[0]} (on time), ${words[1]} (under a quarter of the target left) or ${words[2]} (breached).`);
  },
};

/** `quit` is answered by the session loop (main.ts); listed here for help. */
export const QUIT: PlainCommand = {
  words: ['quit', 'q', 'exit'],
  action: 'quit',
  usage: 'quit',
  help: 'leave plain mode',
  run: async () => undefined,
};

const ALL: readonly PlainCommand[] = [...QUEUE_COMMANDS, ...ACT_COMMANDS, ...RELATION_COMMANDS, ...KB_COMMANDS, HELP, QUIT];

export function findCommand(word: string): PlainCommand | undefined {
  const w = word.toLowerCase();
  return ALL.find((c) => c.words.includes(w));
}

/** Runs one line; a store error is said as a sentence (the session goes on). */
export async function runLine(s: PlainSession, line: string): Promise<void> {
  const trimmed = line.trim();
  if (!trimmed) return;
  const [word = '', ...rest] = trimmed.split(/\s+/);
  const command = findCommand(word);
  if (!command) return s.say(`Unknown command ${sanitizeLine(word)}. Say help for the list.`);
  try {
    await command.run(s, trimmed.slice(word.length).trim() === '' ? '' : trimmed.slice(trimmed.indexOf(rest[0]!)));
  } catch (error) {
    s.say(`${sanitizeLine(describeError(error).message)}.`);
  }
}
