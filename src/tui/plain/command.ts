/** The shape of a plain-mode command: its words, the console keymap action it mirrors, and what it does. */
import type { Action } from '../keys/actions.js';
import type { PlainSession } from './session.js';

export interface PlainCommand {
  /** The command's word first, then short forms. */
  words: readonly string[];
  /** The console action it does (its key comes from the keymap, remaps included); null when the console has none. */
  action: Action | null;
  /** `priority LEVEL`: how to type it. */
  usage: string;
  help: string;
  run(s: PlainSession, arg: string): Promise<void>;
}

/** Text given after the word, or asked for on lines of their own ending with a line holding only `.`. */
export async function textOf(s: PlainSession, arg: string, what: string): Promise<string | null> {
  if (arg.trim()) return arg.trim();
  s.say(`Type the ${what}. End with a line holding only a full stop; an empty first line cancels.`);
  const lines: string[] = [];
  for (;;) {
    const line = await s.ask(`${what}> `);
    if (line === null || line.trim() === '.') break;
    if (!lines.length && !line.trim()) break;
    lines.push(line);
  }
  const text = lines.join('\n').trim();
  if (!text) s.say(`No ${what}: nothing was written.`);
  return text || null;
}

/** Asks a yes/no question; true on `y` or `yes`. */
export async function confirm(s: PlainSession, question: string): Promise<boolean> {
  s.say(`${question} Type yes or no.`);
  const answer = ((await s.ask('yes or no> ')) ?? '').trim().toLowerCase();
  const yes = answer === 'y' || answer === 'yes';
  if (!yes) s.say('Nothing was changed.');
  return yes;
}
