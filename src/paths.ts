/** Where Deskline keeps things: env-paths without the `-nodejs` suffix. */
import envPaths from 'env-paths';
import { join } from 'node:path';

type Env = Record<string, string | undefined>;

/** On Linux the XDG folders of the given env win (tests pass their own); elsewhere env-paths decides. */
function paths(env: Env): { data: string; config: string; cache: string } {
  const base = envPaths('deskline', { suffix: '' });
  const linux = process.platform === 'linux';
  return {
    data: linux && env.XDG_DATA_HOME ? join(env.XDG_DATA_HOME, 'deskline') : base.data,
    config: linux && env.XDG_CONFIG_HOME ? join(env.XDG_CONFIG_HOME, 'deskline') : base.config,
    cache: linux && env.XDG_CACHE_HOME ? join(env.XDG_CACHE_HOME, 'deskline') : base.cache,
  };
}

/**
 * `--db PATH|URL` beats `DESKLINE_DB`, which beats the `db.url` setting (a team's PostgreSQL server),
 * which beats the default `<data>/desk.db`.
 */
export function resolveDbPath(flag: string | undefined, env: Env, settings: Record<string, unknown> = {}): string {
  const fromSettings = typeof settings['db.url'] === 'string' ? settings['db.url'] : '';
  return flag || env.DESKLINE_DB || fromSettings || join(paths(env).data, 'desk.db');
}

export function configFolder(env: Env): string {
  return paths(env).config;
}

export function settingsFile(env: Env): string {
  return join(configFolder(env), 'config.json');
}

/** Where the console keeps V8's compiled code (src/boot/code-cache.ts): safe to delete at any time. */
export function cacheFolder(env: Env): string {
  return join(paths(env).cache, 'code');
}

/** Where Node ≥ 22 keeps the compiled CLI (src/boot/compile-cache.ts): safe to delete at any time. */
export function compileCacheFolder(env: Env): string {
  return join(paths(env).cache, 'compile');
}

/** Where the console keeps text typed but not sent when it had to stop (src/tui/session/drafts.ts). */
export function draftsFolder(env: Env): string {
  return join(paths(env).data, 'drafts');
}

/** Tour lessons a desk added (`deskline tour add FILE`), beside the settings. */
export function tourFolder(env: Env): string {
  return join(configFolder(env), 'tour');
}

/** Where the tour stopped (lesson and step), beside the settings. */
export function tourStateFile(env: Env): string {
  return join(configFolder(env), 'tour-state.json');
}

/**
 * Where a desk on a PostgreSQL server keeps its attachment files on this machine (the server holds
 * their rows and hashes, not their bytes): one folder per server desk under the data folder.
 */
export function serverAttachmentsFolder(env: Env, host: string, port: number, database: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');
  return join(paths(env).data, 'server-attachments', `${safe(host)}-${port}-${safe(database)}`);
}
