/**
 * An isolated desk for process benchmarks: HOME, XDG folders and DESKLINE_DB inside a temp folder,
 * so a bench never reads or writes a real desk. Also how to invoke the built binary.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/deskline.js', import.meta.url));
export const DIST = fileURLToPath(new URL('../../dist/cli.mjs', import.meta.url));

/** The variables every bench desk sets, typed so that `{ ...desk.env, X: '1' }` keeps them. */
export interface BenchEnv extends NodeJS.ProcessEnv {
  PATH: string;
  HOME: string;
  XDG_DATA_HOME: string;
  XDG_CONFIG_HOME: string;
  XDG_STATE_HOME: string;
  XDG_CACHE_HOME: string;
  DESKLINE_DB: string;
}

export interface BenchDesk {
  dir: string;
  env: BenchEnv;
  /** Removes the folder. */
  dispose(): void;
}

export function benchDesk(prefix = 'deskline-bench-'): BenchDesk {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const env: BenchEnv = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    XDG_DATA_HOME: join(dir, 'data'),
    XDG_CONFIG_HOME: join(dir, 'config'),
    XDG_STATE_HOME: join(dir, 'state'),
    XDG_CACHE_HOME: join(dir, 'cache'),
    DESKLINE_DB: join(dir, 'desk.db'),
    USER: 'bench',
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
    TZ: 'UTC',
  };
  return { dir, env, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** argv for `node bin/deskline.js …`, as a user's shell would run it. */
export function deskline(...args: string[]): [string, ...string[]] {
  return [process.execPath, BIN, ...args];
}
