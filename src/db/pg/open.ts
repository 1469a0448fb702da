/**
 * Opens a desk on a PostgreSQL server: kysely's PostgresDialect over a pg.Pool, every failure that
 * is the connection's (server down, login refused, database missing, connection lost) turned into
 * one line with exit 5 and the password scrubbed from it, then the schema brought up to date under
 * the advisory lock (./migrate.ts). Only loaded when a `postgres://` URL is given: SQLite desks never
 * load pg.
 */
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import { parse, toClientConfig } from 'pg-connection-string';
import { EXIT, fail } from '../../errors.js';
import type { Migration } from '../migrations/index.js';
import type { DB } from '../schema.js';
import { passwordFor } from './credentials.js';
import { PG_MIGRATIONS } from './migrations/index.js';
import { setPgNumberTypes } from './types.js';
import { connectionError, scrubbed } from './errors.js';
import { inspectPg, runPgMigrations } from './migrate.js';
import { parsePgTarget, PgTargetError, type PgTarget } from './target.js';

type Env = Record<string, string | undefined>;

export interface PgOpenOptions {
  /** Read without migrating; refuses a database that needs a migration. */
  readonly?: boolean;
  /** The migration list to apply (tests of the runner; the PostgreSQL list otherwise). */
  migrations?: readonly Migration[];
  /** Where PGPASSWORD, PGPASSFILE and HOME are read (the process's environment by default). */
  env?: Env;
  /** The `db.passwordFile` setting. */
  passwordFile?: string;
  /** Connections the pool may hold (default 4: one command, a few parallel queries). */
  maxConnections?: number;
}

export interface PgDatabase {
  db: Kysely<DB>;
  /** The URL without its password: what messages and `db path` show. */
  display: string;
  /** The schema version after opening. */
  version: number;
  /** How the pool connects (the password as a function when read from a file): for a dedicated client such as LISTEN's. */
  client: pg.ClientConfig;
  close(): Promise<void>;
}

export async function openPgDatabase(url: string, options: PgOpenOptions = {}): Promise<PgDatabase> {
  const env = options.env ?? process.env;
  const target = readTarget(url, env);
  setPgNumberTypes();
  const secrets = new Set<string>();
  const scrub = (text: string) => [...secrets].reduce((t, s) => t.split(s).join('***'), target.scrub(text));
  const translate = (error: unknown): never => {
    throw connectionError(error, target, scrub) ?? scrubbed(error, scrub);
  };
  let pool: pg.Pool;
  let client: pg.ClientConfig;
  try {
    // The URL read here, not by pg: given `connectionString`, pg lets the URL's empty password
    // replace the function below. sslmode, sslrootcert and the other options pass through, sslmode
    // meaning what it means to libpq (require: encrypted, unverified; verify-full: the CA and host checked).
    const libpq = !/[?&]uselibpqcompat=/i.test(target.url);
    const fromUrl = toClientConfig(parse(target.url, { useLibpqCompat: libpq }));
    client = {
      ...fromUrl,
      // pg takes a function's undefined as "no password" (trust, peer), though its type says string.
      password:
        target.password ??
        (passwordFor(target, { env, passwordFile: options.passwordFile }, (p) => secrets.add(p)) as () => Promise<string>),
      application_name: 'deskline',
      connectionTimeoutMillis: 15_000,
    } as pg.ClientConfig;
    pool = new pg.Pool({ ...client, max: options.maxConnections ?? 4 });
  } catch (error) {
    return translate(error);
  }
  // An idle connection the server drops is removed by the pool; the next query says so, not a crash.
  pool.on('error', () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: guardedPool(pool, translate) }) });
  try {
    const migrations = options.migrations ?? PG_MIGRATIONS;
    const latest = migrations.length ? migrations[migrations.length - 1]!.version : 0;
    let version: number;
    if (options.readonly) {
      version = (await inspectPg(db as Kysely<unknown>, target.display, latest)).version;
      if (version < latest) fail(EXIT.database, `${target.display} needs a schema upgrade: open it once without --readonly`);
    } else {
      version = (await runPgMigrations(db as Kysely<unknown>, migrations, target.display)).version;
    }
    return { db, display: target.display, version, client, close: () => db.destroy() };
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}

function readTarget(url: string, env: Env): PgTarget {
  try {
    return parsePgTarget(url, env);
  } catch (error) {
    if (error instanceof PgTargetError) fail(EXIT.database, error.message);
    throw error;
  }
}

/** The pool as kysely sees it, each client's failures translated; a client whose connection broke is discarded. */
function guardedPool(pool: pg.Pool, translate: (error: unknown) => never): PostgresPool {
  return {
    connect: async () => guardedClient(await pool.connect().catch(translate), translate),
    end: () => pool.end(),
  };
}

/**
 * A client handed out, its failures translated. A connection that breaks while the client is checked
 * out but between queries (the server ends it, the network drops) is reported by pg as an 'error'
 * event, which the pool listens for only on idle clients: unheard, it would crash the process with a
 * stack trace. It is heard here, and the next query fails with the one-line message instead.
 */
function guardedClient(client: pg.PoolClient, translate: (error: unknown) => never): PostgresPoolClient {
  let broken: unknown = undefined;
  const fail = (error: unknown): never => {
    const code = (error as { code?: string }).code ?? '';
    if (!/^(2[2-3]|4[02]|40)/.test(code)) broken = error; // not a data or syntax error: the connection may be gone
    return translate(error);
  };
  const heard = (error: Error) => void (broken = error);
  client.on('error', heard);
  return {
    query: ((...args: unknown[]) => {
      if (broken !== undefined) return Promise.reject(broken).catch(fail);
      const result = (client.query as (...a: unknown[]) => unknown)(...args);
      return result instanceof Promise ? result.catch(fail) : result;
    }) as PostgresPoolClient['query'],
    release: () => {
      client.off('error', heard);
      client.release(broken as Error | undefined);
    },
  };
}
