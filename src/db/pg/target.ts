/**
 * A PostgreSQL desk's address: the `postgres://` URL as given (it may carry a password), the name
 * shown to people (no password, ever), and a scrubber that takes the password out of any text.
 */
export interface PgTarget {
  /** The URL as given: pass it to pg only, never print it. */
  readonly url: string;
  /** `postgres://user@host:port/db`, query options kept except a password: safe to print. */
  readonly display: string;
  readonly user: string;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  /** The password the URL holds (in its user part or as `?password=`), or null. */
  readonly password: string | null;
  /** The text with the password (and the URL holding it) replaced. */
  scrub(text: string): string;
}

export function parsePgTarget(url: string, env: Record<string, string | undefined> = {}): PgTarget {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    throw new PgTargetError(`not a PostgreSQL URL: ${shape(url)} (expected postgres://user@host:port/database)`);
  }
  const password = decode(parsed.password) || parsed.searchParams.get('password') || null;
  const user = decode(parsed.username) || env.PGUSER || env.USER || 'postgres';
  const host = decode(parsed.hostname).replace(/^\[(.+)\]$/, '$1') || 'localhost';
  const port = Number(parsed.port || 5432);
  const database = decode(parsed.pathname.replace(/^\//, '')) || user;
  const shown = new URL(parsed.toString());
  shown.password = '';
  shown.searchParams.delete('password');
  const display = shown.toString();
  const urls = password ? [url.trim(), parsed.toString()] : [];
  const secrets = password ? [password, encodeURIComponent(password), parsed.password].filter((s) => s.length > 0) : [];
  const scrub = (text: string) =>
    secrets.reduce(
      (t, s) => t.split(s).join('***'),
      urls.reduce((t, u) => t.split(u).join(display), text),
    );
  return { url: url.trim(), display, user, host, port, database, password, scrub };
}

/** A URL that cannot be read; its message names its shape without the text that may hold a password. */
export class PgTargetError extends Error {}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** What a URL looked like, with whatever sits between `:` and `@` hidden. */
const shape = (url: string) => url.trim().replace(/\/\/([^:/@]*):[^@]*@/, '//$1:***@');
