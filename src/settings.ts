/**
 * Settings on the hot path: the conf-managed JSON file read directly (conf pulls ajv/semver, ~50 ms).
 * Writing goes through conf in `config set` (src/commands/config.ts).
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { settingsFile } from './paths.js';

type Env = Record<string, string | undefined>;

export interface Settings {
  'user.name'?: string;
  'user.email'?: string;
  'user.tier'?: string;
  categories?: string[];
  keymap?: Record<string, string>;
  views?: Record<string, string>;
  /** A team's PostgreSQL server (`postgres://user@host/desk`, no password), used when no --db or DESKLINE_DB is given. */
  'db.url'?: string;
  /** A file holding the PostgreSQL password (0600), when the URL, PGPASSWORD and ~/.pgpass hold none. */
  'db.passwordFile'?: string;
  [key: string]: unknown;
}

export function readSettings(env: Env): Settings {
  try {
    const parsed = JSON.parse(readFileSync(settingsFile(env), 'utf8')) as unknown;
    return parsed && typeof parsed === 'object' ? flatten(parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Settings whose value is a map (name → value), kept whole rather than flattened. */
const MAP_KEYS = new Set(['keymap', 'views']);

/** conf stores `user.name` as {user: {name}}; we address settings by dotted keys. */
function flatten(obj: Record<string, unknown>, prefix = '', out: Settings = {}): Settings {
  for (const [key, value] of Object.entries(obj)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (!MAP_KEYS.has(dotted) && value && typeof value === 'object' && !Array.isArray(value)) {
      flatten(value as Record<string, unknown>, dotted, out);
    } else {
      out[dotted] = value;
    }
  }
  return out;
}

export interface Identity {
  name: string;
  email: string;
  tier: string;
}

/** The technician at the keyboard: from settings, else the OS user. */
export function currentIdentity(settings: Settings, env: Env): Identity {
  let login = env.USER || env.LOGNAME || '';
  if (!login) {
    try {
      login = userInfo().username;
    } catch {
      login = 'technician';
    }
  }
  return {
    name: settings['user.name'] || login,
    email: settings['user.email'] || `${login}@localhost`,
    tier: settings['user.tier'] || 'L1',
  };
}
