/**
 * Where a PostgreSQL password comes from, in order: the URL, $PGPASSWORD, the file named by the
 * `db.passwordFile` setting (0600, or refused), then ~/.pgpass (or $PGPASSFILE) as libpq reads it.
 * pg 8.23 still reads ~/.pgpass itself but with a deprecation warning on stderr (gone in pg 9), so
 * we read it here and hand pg a function. No password found: pg connects without one (trust, peer).
 */
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT, fail } from '../../errors.js';
import type { PgTarget } from './target.js';

type Env = Record<string, string | undefined>;

export interface PasswordSources {
  env: Env;
  /** The `db.passwordFile` setting, if set. */
  passwordFile?: string;
}

/**
 * What to give pg as `password`: undefined when the URL holds one (pg reads it there), else a
 * function pg calls at each connection. `found` is told every password handed out (to scrub it).
 */
export function passwordFor(
  target: PgTarget,
  sources: PasswordSources,
  found: (password: string) => void = () => undefined,
): (() => Promise<string | undefined>) | undefined {
  if (target.password !== null) return undefined;
  return async () => {
    const password = sources.env.PGPASSWORD || fromSettingsFile(sources.passwordFile) || fromPgpass(target, sources.env);
    if (password) found(password);
    return password || undefined;
  };
}

function fromSettingsFile(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const path = resolve(file);
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    return fail(EXIT.database, `db.passwordFile ${path} cannot be read: missing or not accessible`);
  }
  if ((mode & 0o077) !== 0) {
    fail(EXIT.database, `db.passwordFile ${path} is readable by others (mode ${(mode & 0o777).toString(8)}): chmod 600 it`);
  }
  return readFileSync(path, 'utf8').split(/\r?\n/)[0]!.trim() || undefined;
}

/** libpq's password file: `host:port:database:user:password` lines, `*` matching anything, `\` escaping. */
function fromPgpass(target: PgTarget, env: Env): string | undefined {
  const file = env.PGPASSFILE || join(env.HOME || homedir(), '.pgpass');
  let text: string;
  try {
    const stat = statSync(file);
    // libpq ignores a file others may read, and so do we.
    if (!stat.isFile() || (process.platform !== 'win32' && (stat.mode & 0o077) !== 0)) return undefined;
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const wanted = [target.host, String(target.port), target.database, target.user];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const fields = splitFields(line);
    if (fields.length < 5) continue;
    if (wanted.every((value, i) => fields[i] === '*' || fields[i] === value || (i === 0 && isLocal(fields[i]!, value)))) {
      return fields.slice(4).join(':');
    }
  }
  return undefined;
}

/** As in libpq, `localhost` also matches a Unix-socket connection (a host that is a folder). */
const isLocal = (field: string, host: string) => field === 'localhost' && host.startsWith('/');

function splitFields(line: string): string[] {
  const fields: string[] = [''];
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) fields[fields.length - 1] += line[++i]!;
    else if (c === ':' && fields.length < 5) fields.push('');
    else fields[fields.length - 1] += c;
  }
  return fields;
}
