/**
 * The better-sqlite3 connection as kysely's dialect sees it, with every statement's failure turned
 * into the one line a user should read: a damaged file is marked corrupt (writes refused from then
 * on, src/db/corrupt.ts), and a write to a desk opened read-only names why it is read-only.
 * Statements are kept by their text (the last 200 used): kysely prepares every query it runs, and
 * preparing costs more than running a picker's index seeks. A kept statement still running (an
 * unfinished iterate) is not reused: that query gets a statement of its own.
 */
import type Database from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { EXIT, fail } from '../errors.js';
import { corruptMessage, markCorrupt } from './corrupt.js';
import { isCorruptionError } from './sqlite.js';

export interface GuardContext {
  path: string;
  /** Why this connection is read-only (null when it may write). */
  readOnlyBecause: string | null;
}

const KEPT_STATEMENTS = 200;

export function guardedDatabase(sqlite: Database.Database, context: GuardContext): SqliteDatabase {
  const kept = new Map<string, Database.Statement>();
  const prepared = (text: string): Database.Statement => {
    const found = kept.get(text);
    if (found && !found.busy) {
      kept.delete(text); // to the end: the most recently used
      kept.set(text, found);
      return found;
    }
    const statement = sqlite.prepare(text);
    if (!found) kept.set(text, statement);
    if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value!);
    return statement;
  };
  const guard = <T>(run: () => T): T => {
    try {
      return run();
    } catch (error) {
      return translate(error, context);
    }
  };
  return {
    close: () => sqlite.close(),
    prepare(text: string): SqliteStatement {
      const statement = guard(() => prepared(text));
      return {
        reader: statement.reader,
        all: (parameters) => guard(() => statement.all(parameters)),
        run: (parameters) => guard(() => statement.run(parameters)),
        iterate: (parameters) => guardedIterator(statement.iterate(parameters), guard),
      };
    },
  };
}

function guardedIterator(inner: IterableIterator<unknown>, guard: <T>(run: () => T) => T): IterableIterator<unknown> {
  const outer: IterableIterator<unknown> = {
    next: () => guard(() => inner.next()),
    return: (value?: unknown) => inner.return?.(value) ?? { done: true, value },
    [Symbol.iterator]: () => outer,
  };
  return outer;
}

/** Throws what `error` means for the user. */
export function translate(error: unknown, context: GuardContext): never {
  const code = (error as { code?: unknown })?.code;
  const message = String((error as Error)?.message ?? error).split('\n')[0]!;
  if (isCorruptionError(error) && context.path !== ':memory:') {
    markCorrupt(context.path, message);
    fail(EXIT.database, corruptMessage(context.path, message));
  }
  // SQLite's limit on a LIKE pattern (50,000 bytes): only search text typed by a user gets there.
  if (message === 'LIKE or GLOB pattern too complex') fail(EXIT.invalid, 'search text too long: at most 50,000 bytes');
  if (context.readOnlyBecause && typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
    fail(EXIT.database, `cannot write: ${context.readOnlyBecause}`);
  }
  throw error;
}
