/**
 * The one handle the faces get on a desk: kysely for the store functions, where the desk is, and
 * close. A desk is an SQLite file, or a PostgreSQL server when given a `postgres://` URL (team mode:
 * pg is loaded only then). The raw SQLite connection is not on it: the few store modules that need
 * better-sqlite3 itself (bulk writes, backup, checks) get it with `rawSqlite(desk)` from ./sqlite-raw.ts.
 */
import type pg from 'pg';
import { openDatabase } from '../db/database.js';
import { isPostgresUrl } from '../db/dialect.js';
import { readSettings } from '../settings.js';
import type { Executor } from './executor.js';
import { registerRaw } from './sqlite-raw.js';
import type { ChatRules } from '../domain/chat/rules.js';
import { withChatRules } from './chat-rules-carrier.js';
import { attachmentsFolder } from './attachment-files.js';
import { serverDevice, withSyncRole } from './sync/role.js';
import { replicaOnOpen } from './sync/status.js';

export interface Desk {
  readonly db: Executor;
  /** The database file (or `:memory:`), or the server's URL without its password: what people see. */
  readonly path: string;
  /**
   * What openDesk was given, to open the same desk again (a worker thread): may hold a password, never
   * show it. Absent on a handle made without openDesk (then `path` opens it).
   */
  readonly target?: string;
  /** A server desk: this machine's folder for its attachment files (a file's sits beside it). */
  readonly attachments?: string;
  /** The backup taken before a schema upgrade on this open, if one was. */
  readonly backup: string | null;
  /** On a server: how a dedicated connection (the change feed's LISTEN) connects as the pool does. */
  readonly server?: pg.ClientConfig;
  close(): Promise<void>;
}

export interface OpenDeskOptions {
  /** Read without creating or migrating (the dashboard's worker thread). */
  readonly?: boolean;
  /** The chat notification rules of the face's settings (./chat-rules-carrier.ts). */
  chat?: ChatRules | null;
  /** SQLite: called with every statement the connection runs (tests that count a write's statements). */
  trace?: (sql: string) => void;
  /** On PostgreSQL: where PGPASSWORD, ~/.pgpass and the settings are read (the process's by default). */
  env?: Record<string, string | undefined>;
}

export async function openDesk(target: string, options: OpenDeskOptions = {}): Promise<Desk> {
  if (isPostgresUrl(target)) return openServerDesk(target, options);
  const opened = await openDatabase(target, { readonly: options.readonly, trace: options.trace });
  // A replica (sync init) records its writes for the server: read once here, carried on the handle (sync/role.ts).
  const replica = await replicaOnOpen(opened.db).catch(() => null);
  const role = replica && ({ kind: 'replica', device: replica.device } as const);
  const desk: Desk = {
    db: withSyncRole(withChatRules(opened.db, options.chat ?? null), role, replica?.clock),
    path: opened.path,
    target,
    backup: opened.backup,
    close: () => opened.close(),
  };
  registerRaw(desk, opened.sqlite);
  return desk;
}

async function openServerDesk(url: string, options: OpenDeskOptions): Promise<Desk> {
  const { openPgDatabase } = await import('../db/pg/open.js');
  const env = options.env ?? process.env;
  const passwordFile = readSettings(env)['db.passwordFile'];
  const opened = await openPgDatabase(url, {
    readonly: options.readonly,
    env,
    passwordFile: typeof passwordFile === 'string' ? passwordFile : undefined,
  });
  return {
    db: withSyncRole(withChatRules(opened.db, options.chat ?? null), { kind: 'server', device: serverDevice() }),
    path: opened.display,
    target: url,
    attachments: attachmentsFolder(opened.display, env),
    backup: null,
    server: opened.client,
    close: () => opened.close(),
  };
}
