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

/**
 * The pool as kysely sees it, each client's failures translated; a client whose connection broke is
 * discarded. Each pooled client keeps one wrapper: kysely keys its connection object by the client it
 * is handed, so a new wrapper per checkout meant a new connection object (and garbage) per query.
 */
function guardedPool(pool: pg.Pool, translate: (error: unknown) => never): PostgresPool {
  const wrappers = new WeakMap<pg.PoolClient, GuardedClient>();
  return {
    connect: async () => {
      const client = await pool.connect().catch(translate);
      let wrapper = wrappers.get(client);
      if (!wrapper) wrappers.set(client, (wrapper = new GuardedClient(client, translate)));
      wrapper.broken = undefined;
      return wrapper;
    },
    end: () => pool.end(),
  };
}

class GuardedClient implements PostgresPoolClient {
  /** Set by a failure that is not the statement's own (the connection may be gone): release discards the client. */
  broken: unknown = undefined;
  constructor(
    private readonly client: pg.PoolClient,
    private readonly translate: (error: unknown) => never,
  ) {
    // pg-pool drops its own listener while a client is checked out: a server that ends the connection
    // between two queries (a restart, pg_terminate_backend) would be an uncaught 'error'. Mark it broken
    // instead; the next query on it fails with the database exit code and the pool discards it on release.
    client.on('error', (error) => (this.broken = this.lost = error));
  }
  /** The connection ended while this client was checked out: its next query fails at once, saying so. */
  private lost: Error | undefined = undefined;
  private readonly fail = (error: unknown): never => {
    const code = (error as { code?: string }).code ?? '';
    if (!/^(2[2-3]|4[02]|40)/.test(code)) this.broken = error; // not a data or syntax error
    return this.translate(error);
  };
  query = ((...args: unknown[]) => {
    if (this.lost !== undefined) return Promise.reject(this.lost).catch(this.fail);
    const result = (this.client.query as (...a: unknown[]) => unknown)(...args);
    return result instanceof Promise ? result.catch(this.fail) : result;
  }) as PostgresPoolClient['query'];
  release(): void {
    this.client.release(this.broken as Error | undefined);
  }
}
