import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import nodeModule from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';

/** Every file below `folder`, with its mode. */
function filesUnder(folder: string): { path: string; mode: number }[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, mode: statSync(path).mode & 0o777 }));
}

// CI runs this file on Node 20 (no module.enableCompileCache) and on Node 24 (which has it).
const nodeHasIt = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe(`the compile cache on Node ${process.version}`, () => {
  it(nodeHasIt ? 'is written to a private folder in the cache dir' : 'is left alone: the command runs as before', async () => {
    const env = tempEnv();
    env.XDG_CACHE_HOME = join(env.HOME!, 'cache');
    const folder = join(env.XDG_CACHE_HOME, 'deskline', 'compile');
    // Under a umask that would let anyone read what is created.
    const run = spawnSync('sh', ['-c', 'umask 000; exec "$0" "$@"', process.execPath, BIN, '--version'], { env, encoding: 'utf8' });
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    if (!nodeHasIt) {
      expect(existsSync(folder)).toBe(false);
      return;
    }
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    expect(statSync(join(env.XDG_CACHE_HOME, 'deskline')).mode & 0o777).toBe(0o700);
    const files = filesUnder(folder);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => f.mode !== 0o600)).toEqual([]);
  });

  it('DESKLINE_CODE_CACHE=0 writes no cache', async () => {
    const env = tempEnv({ DESKLINE_CODE_CACHE: '0' });
    env.XDG_CACHE_HOME = join(env.HOME!, 'cache');
    const run = await runBin(['--version'], { env });
    expect(run.code).toBe(0);
    expect(existsSync(join(env.XDG_CACHE_HOME, 'deskline'))).toBe(false);
  });

  it('a cache folder that cannot be made costs nothing but the cache', async () => {
    const env = tempEnv();
    env.XDG_CACHE_HOME = join(env.HOME!, 'cache');
    writeFileSync(env.XDG_CACHE_HOME, 'a file where the folder should be');
    const run = await runBin(['--version'], { env });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(statSync(env.XDG_CACHE_HOME).isFile()).toBe(true);
  });
});
