/**
 * PostgreSQL's failures a user can meet before or while a command runs, as one line each (exit 5):
 * the server unreachable, a login refused, the database missing, the connection lost. One table,
 * keyed by the server's SQLSTATE or Node's socket error code; the password never appears.
 */
import { DesklineError, EXIT } from '../../errors.js';
import type { PgTarget } from './target.js';

type Describe = (where: PgTarget, detail: string) => string;

const at = (t: PgTarget) => `${t.host}:${t.port}`;
const lost: Describe = (t) => `lost the connection to ${at(t)} (the server closed it): the command did not finish; try again`;
/** The first table every command reads: denied there, the login has no grant on the desk at all. */
const noAccess: Describe = (t, d) =>
  /deskline_schema/.test(d)
    ? `login role ${t.user} has no access to this desk: the desk's owner runs 'deskline technician role WHO ${t.user}' (or 'deskline technician add NAME -e EMAIL --role ${t.user}' for someone new), which grants it the technician role`
    : `permission denied: ${d} (ask the desk's administrator for the technician role)`;
const unreachable =
  (why: string): Describe =>
  (t) =>
    `cannot connect to PostgreSQL at ${at(t)}: ${why}`;

/** SQLSTATE (pg's `code` on a server error) or a Node error code → the line a user reads. */
export const PG_ERRORS: Readonly<Record<string, Describe>> = {
  ECONNREFUSED: unreachable('connection refused (is the server running, and on that port?)'),
  ENOTFOUND: unreachable('no such host'),
  EAI_AGAIN: unreachable('the host name cannot be looked up now'),
  ETIMEDOUT: unreachable('timed out'),
  EHOSTUNREACH: unreachable('host unreachable'),
  ENETUNREACH: unreachable('network unreachable'),
  ECONNRESET: lost,
  EPIPE: lost,
  ENOENT: (_t, d) => `cannot read a file the database URL names: ${d}`,
  '28P01': (t) => `PostgreSQL at ${at(t)} refused user ${t.user}: password authentication failed`,
  '28000': (t, d) => `PostgreSQL at ${at(t)} refused user ${t.user}: ${d}`,
  '3D000': (t) => `database ${t.database} does not exist on ${at(t)} (create it, then run 'deskline db init')`,
  '57P01': lost,
  '57P02': lost,
  '57P03': (t) => `PostgreSQL at ${at(t)} is starting up or shutting down: try again shortly`,
  '53300': (t) => `PostgreSQL at ${at(t)} has too many connections: try again shortly`,
  '08000': lost,
  '08003': lost,
  '08006': lost,
  '08001': unreachable('the server refused the connection'),
  '08004': (t, d) => `PostgreSQL at ${at(t)} rejected the connection: ${d}`,
  '42501': noAccess,
  // A login role that maps to no technician writing (018's triggers say which command maps it).
  '42DL1': (_t, d) => d,
  '25006': (_t, d) => `cannot write: ${d}`,
};

/** pg's own messages for failures that carry no code. */
const BY_MESSAGE: readonly [RegExp, Describe][] = [
  [/Connection terminated|connection (was )?(closed|ended)|Client has encountered a connection error/i, lost],
  [
    /client password must be a string|password authentication/i,
    (t) => `PostgreSQL at ${at(t)} wants a password for ${t.user}: none in the URL, $PGPASSWORD, db.passwordFile or ~/.pgpass`,
  ],
  [/self[- ]signed certificate|unable to verify|certificate|SSL|TLS/i, (t, d) => `TLS to ${at(t)} failed: ${d}`],
];

/**
 * The one-line error for `error`, or null when it is not a connection-level failure (a constraint
 * violation, say, which the store handles). `scrub` takes any password out of the detail.
 */
export function connectionError(error: unknown, target: PgTarget, scrub: (text: string) => string): DesklineError | null {
  const code = (error as { code?: unknown })?.code;
  const detail = scrub(String((error as Error)?.message ?? error).split('\n')[0]!);
  const describe = (typeof code === 'string' ? PG_ERRORS[code] : undefined) ?? BY_MESSAGE.find(([pattern]) => pattern.test(detail))?.[1];
  return describe ? new DesklineError(EXIT.database, describe(target, detail)) : null;
}

/** Any error from pg with its message scrubbed (the stack dropped: it may quote a query's text). */
export function scrubbed(error: unknown, scrub: (text: string) => string): unknown {
  if (!(error instanceof Error)) return error;
  error.message = scrub(error.message);
  error.stack = `${error.name}: ${error.message}`;
  return error;
}
