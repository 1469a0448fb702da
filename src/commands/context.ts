/** What every command gets: the streams it writes through, settings, identity and the lazily opened desk. */
import type { Command } from 'commander';
import { EXIT, type ExitCode } from '../errors.js';
import { resolveDbPath } from '../paths.js';
import { currentIdentity, readSettings, type Identity, type Settings } from '../settings.js';
import type { Desk } from '../store/desk.js';
import type { Io } from '../streams.js';
import { csvCell } from '../domain/csv-cell.js';
import { safeJson } from '../domain/safe-json.js';
import { forTerminal } from './terminal-text.js';

export interface Ctx {
  io: Io;
  /** Writes one line (or several) to stdout, sanitised (terminal-text.ts): the only way human output leaves. */
  out(text: string): void;
  /** Writes a notice to stderr (never data), sanitised likewise. */
  note(text: string): void;
  /** Writes a versioned JSON document: `{"schema": 1, …}`, controls and format characters escaped. */
  json(value: Record<string, unknown>): void;
  /** Writes rows as CSV (a header row first), each cell neutralised (domain/csv-cell.ts); sanitised as well on a terminal. */
  csv(rows: readonly (readonly unknown[])[]): Promise<void>;
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
    out: (text) => void io.stdout.write(withNewline(forTerminal(text))),
    note: (text) => void io.stderr.write(withNewline(forTerminal(text))),
    json: (value) => void io.stdout.write(`${safeJson({ schema: JSON_SCHEMA_VERSION, ...value }, 2)}\n`),
    csv: async (rows) => {
      const { stringify } = await import('csv-stringify/sync');
      const text = stringify(rows.map((r) => r.map(csvCell)));
      io.stdout.write(io.stdout.isTTY ? forTerminal(text) : text);
    },
    color: Boolean(io.stdout.isTTY) && !('NO_COLOR' in io.env) && io.env.TERM !== 'dumb',
    settings: () => (settings ??= readSettings(io.env)),
    me: () => currentIdentity(ctx.settings(), io.env),
    dbPath: () => resolveDbPath(program.opts<{ db?: string }>().db, io.env),
    desk: () =>
      (opened ??= Promise.all([import('../store/desk.js'), import('../domain/chat/rules.js')]).then(([{ openDesk }, { chatRules }]) =>
        openDesk(ctx.dbPath(), { chat: chatRules(ctx.settings(), ctx.me().email) }),
      )),
    exitCode: EXIT.ok,
    close: async () => {
      if (opened) await (await opened.catch(() => null))?.close();
    },
  };
  return ctx;
}

const withNewline = (text: string) => (text.endsWith('\n') ? text : `${text}\n`);
