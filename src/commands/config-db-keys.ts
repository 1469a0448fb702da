/** The team-mode settings `config set` knows: the server's URL (never with a password) and a password file. */
import { resolve } from 'node:path';
import { EXIT, fail } from '../errors.js';

type KeySpec = { help: string; parse(v: string): unknown };

function serverUrl(v: string): string {
  const text = v.trim();
  if (!/^postgres(ql)?:\/\//i.test(text)) fail(EXIT.invalid, 'db.url: must start with postgres:// or postgresql://');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(EXIT.invalid, 'db.url: not a URL (expected postgres://user@host:port/database)');
  }
  if (url.password || url.searchParams.has('password')) {
    fail(EXIT.invalid, 'db.url: no password in settings: use PGPASSWORD, ~/.pgpass or db.passwordFile');
  }
  return text;
}

export const DB_KEYS: Record<string, KeySpec> = {
  'db.url': { help: "a team's PostgreSQL server, postgres://user@host/desk (--db and DESKLINE_DB win)", parse: serverUrl },
  'db.passwordFile': {
    help: 'a file holding the PostgreSQL password (0600), if not in PGPASSWORD or ~/.pgpass',
    parse: (v) => resolve(v.trim()),
  },
};
