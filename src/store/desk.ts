/**
 * The one handle the faces get on a desk: kysely for the store functions, where the file is, and
 * close. The raw SQLite connection is not on it: the few store modules that need better-sqlite3
 * itself (bulk writes, backup, checks) get it with `rawSqlite(desk)` from ./sqlite-raw.ts.
 */
import { openDatabase } from '../db/database.js';
import type { Executor } from './executor.js';
import { registerRaw } from './sqlite-raw.js';
import type { ChatRules } from '../domain/chat/rules.js';
import { withChatRules } from './chat-rules-carrier.js';

export interface Desk {
  readonly db: Executor;
  /** The database file (or `:memory:`). */
  readonly path: string;
  /** The backup taken before a schema upgrade on this open, if one was. */
  readonly backup: string | null;
  close(): Promise<void>;
}

export interface OpenDeskOptions {
  /** Read without creating or migrating (the dashboard's worker thread). */
  readonly?: boolean;
  /** The chat notification rules of the face's settings (./chat-rules-carrier.ts). */
  chat?: ChatRules | null;
}

export async function openDesk(path: string, options: OpenDeskOptions = {}): Promise<Desk> {
  const opened = await openDatabase(path, { readonly: options.readonly });
  const desk: Desk = {
    db: withChatRules(opened.db, options.chat ?? null),
    path: opened.path,
    backup: opened.backup,
    close: () => opened.close(),
  };
  registerRaw(desk, opened.sqlite);
  return desk;
}
