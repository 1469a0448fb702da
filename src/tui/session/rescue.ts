/**
 * When something the console did not expect is thrown (a render, an effect, a callback, a promise):
 * save what can be saved, give the terminal back, say so in one line and end with a non-zero code.
 * A running timer is logged as `T` would log it; text typed but not written goes to a private draft
 * file that the next start opens again (session/drafts.ts).
 */
import { sanitizeLine } from '../../domain/sanitize.js';
import { describeError, EXIT, type ExitCode } from '../../errors.js';
import type { Desk } from '../../store/desk.js';
import type { Actor } from '../../store/executor.js';
import { logTimer } from '../hooks/timer-note.js';
import { unsent } from '../state/act/saved.js';
import type { State } from '../state/types.js';
import { saveDrafts } from './drafts.js';

export interface RescueContext {
  desk: Desk;
  me: Actor;
  env: Record<string, string | undefined>;
  /** The state as last rendered (null before the first frame). */
  state: State | null;
  now?: () => number;
}

export interface Rescued {
  /** The one line to print. */
  line: string;
  exitCode: ExitCode;
}

/** Saves what can be saved; returns the one line to print and the exit code. Never throws. */
export async function rescue(error: unknown, ctx: RescueContext): Promise<Rescued> {
  const { exitCode, message } = describeError(error);
  const said = [`the console stopped: ${message}`];
  const s = ctx.state;
  const timer = s?.timer.running;
  if (timer?.startedAt != null) {
    try {
      const minutes = await logTimer(ctx.desk.db, ctx.me, { id: timer.id, startedAt: timer.startedAt }, (ctx.now ?? Date.now)());
      said.push(`${minutes} min logged on ${timer.ref}`);
    } catch (e) {
      said.push(`the timer on ${timer.ref} was not logged (${describeError(e).message})`);
    }
  }
  const dialogs = s ? unsent(s.act) : [];
  if (dialogs.length) {
    try {
      const file = saveDrafts(ctx.env, ctx.desk.path, dialogs);
      said.push(`unsent text saved in ${file}; it opens again at the next start`);
    } catch (e) {
      said.push(`unsent text could not be saved (${describeError(e).message})`);
    }
  }
  return { line: `deskline: ${sanitizeLine(said.join('; '))}`, exitCode: exitCode === EXIT.ok ? EXIT.database : exitCode };
}
