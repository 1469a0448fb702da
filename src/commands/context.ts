/** What every command gets: the streams it writes through, settings, identity and the lazily opened desk. */
import type { Command } from 'commander';
import { EXIT, type ExitCode } from '../errors.js';
import { resolveDbPath } from '../paths.js';
import { currentIdentity, readSettings, type Identity, type Settings } from '../settings.js';
import type { Desk } from '../store/desk.js';
import type { Io } from '../streams.js';

export interface Ctx {
  io: Io;
  /** Writes one line (or several) to stdout. */
  out(text: string): void;
  /** Writes a notice to stderr (never data). */
  note(text: string): void;
  /** Writes a versioned JSON document: `{"schema": 1, …}`. */
  json(value: Record<string, unknown>): void;
  /** True when stdout is a terminal and NO_COLOR is unset. */
  color: boolean;
  settings(): Settings;
  me(): Identity;
  dbPath(): string;
  /** Opens (and migrates) the database once, on first use. */
  desk(): Promise<Desk>;
  close(): Promise<void>;
  /** The code the run ends with when no error was thrown (a command may set a non-zero one). */
  exitCode: ExitCode;
}

export const JSON_SCHEMA_VERSION = 1;

export function createContext(io: Io, program: Command): Ctx {
  let settings: Settings | undefined;
  let opened: Promise<Desk> | undefined;
  const ctx: Ctx = {
    io,
    out: (text) => void io.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    note: (text) => void io.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    json: (value) => void io.stdout.write(`${JSON.stringify({ schema: JSON_SCHEMA_VERSION, ...value }, null, 2)}\n`),
    color: Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb',
    settings: () => (settings ??= readSettings(io.env)),
    me: () => currentIdentity(ctx.settings(), io.env),
    dbPath: () => resolveDbPath(program.opts<{ db?: string }>().db, io.env),
    desk: () => (opened ??= import('../store/desk.js').then(({ openDesk }) => openDesk(ctx.dbPath()))),
    exitCode: EXIT.ok,
    close: async () => {
      if (opened) await (await opened.catch(() => null))?.close();
    },
  };
  return ctx;
}
