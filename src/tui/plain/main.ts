/**
 * Plain mode (`deskline --plain`, TERM=dumb, or `plain: true` in the settings): the desk line by
 * line for screen readers and braille displays. No full-screen drawing, no boxes, no colour: it
 * reads a command a line (node:readline, never ink or react) and says what changed in sentences,
 * through the same store functions as the console. Input may be a terminal or a pipe.
 */
import { createInterface } from 'node:readline';
import { basename } from 'node:path';
import { sanitizeLine } from '../../domain/sanitize.js';
import { describeError, EXIT, type ExitCode } from '../../errors.js';
import { resolveDbPath } from '../../paths.js';
import { currentIdentity, readSettings } from '../../settings.js';
import { openDesk, type Desk } from '../../store/desk.js';
import { chatRulesOf } from '../session/maintenance.js';
import { slaSettings } from '../../store/sla-alerts.js';
import { ensureTechnician } from '../../store/technicians.js';
import type { Io } from '../../streams.js';
import { applyRemaps, DEFAULT_KEYMAP, viewBindings } from '../keys/keymap.js';
import { allViews } from '../state/views.js';
import { findCommand, QUIT, runLine } from './commands.js';
import { count } from './sentences.js';
import { reload, type PlainSession } from './session.js';

export interface PlainOptions {
  db?: string;
}

async function session(io: Io, desk: Desk, ask: PlainSession['ask']): Promise<PlainSession> {
  const settings = readSettings(io.env);
  const me = await ensureTechnician(desk.db, currentIdentity(settings, io.env));
  const views = allViews(settings.views);
  return {
    desk,
    me,
    views,
    keymap: applyRemaps([...viewBindings(views), ...DEFAULT_KEYMAP], settings.keymap),
    sla: await slaSettings(desk.db),
    view: views[0]!,
    filter: '',
    sort: 0,
    rows: [],
    index: -1,
    hasAfter: false,
    total: 0,
    current: null,
    marks: [],
    kbResults: [],
    // Every line goes through the sanitiser: no escape sequence reaches a braille display.
    say: (line) => io.stdout.write(`${sanitizeLine(line)}\n`),
    ask,
    now: () => Date.now(),
  };
}

export async function startPlain(io: Io, options: PlainOptions = {}): Promise<ExitCode> {
  const stdin = io.stdin as NodeJS.ReadableStream & { isTTY?: boolean };
  // terminal: false — the terminal's own line editing, and readline writes no cursor movements.
  const rl = createInterface({ input: stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const prompt = (text: string) => {
    if (stdin.isTTY) io.stdout.write(text);
  };
  const ask = async (question: string) => {
    prompt(question);
    const next = await lines.next();
    return next.done ? null : (next.value as string);
  };
  let desk: Desk | undefined;
  try {
    desk = await openDesk(resolveDbPath(options.db, io.env), { chat: chatRulesOf(io.env) });
    const s = await session(io, desk, ask);
    await reload(s);
    s.say(`Deskline plain mode, desk ${sanitizeLine(basename(desk.path))}, signed in as ${sanitizeLine(s.me.name)}.`);
    s.say(`${s.view.name}: ${count(s.total)}. Say next to hear the first, help for the commands, quit to leave.`);
    for (;;) {
      const line = await ask('> ');
      if (line === null || findCommand(line.trim().split(/\s+/)[0] ?? '') === QUIT) break;
      await runLine(s, line);
    }
    s.say('Goodbye.');
    return EXIT.ok;
  } catch (error) {
    const { exitCode, message } = describeError(error);
    io.stderr.write(`deskline: ${sanitizeLine(message)}\n`);
    return exitCode;
  } finally {
    rl.close();
    await desk?.close();
  }
}
