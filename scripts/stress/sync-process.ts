/** The sync fault stress's processes (./sync-faults.ts): `deskline sync` run with a fault armed, and a seeded random source. */
import { spawn } from 'node:child_process';

/** A seeded generator (mulberry32): the same rounds each run. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Run {
  code: number | null;
  stderr: string;
  ms: number;
}

export function sync(
  bin: string,
  env: NodeJS.ProcessEnv,
  fault?: (exited: () => boolean, kill: () => void) => Promise<void>,
  args: string[] = [],
): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'sync', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  let exited = false;
  child.stderr.on('data', (c) => (stderr += c));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code) => {
      exited = true;
      resolve({ code, stderr, ms: performance.now() - started });
    }),
  );
  if (fault)
    void fault(
      () => exited,
      () => child.kill('SIGKILL'),
    );
  return done;
}
