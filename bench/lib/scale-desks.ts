/**
 * Seeded demo desks for `npm run bench -- --scale …`, cached in the temp folder by size and schema
 * version (deskline-bench-scale/<size>-schema<N>/desk.db), so a rerun does not seed 1M tickets
 * again. A desk counts only once its seed finished (a `seeded` file beside it); a seed that was cut
 * short is started over. Seeding shows the CLI's own progress on the terminal.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LATEST_VERSION } from '../../src/db/migrations/index.js';
import { benchDesk, deskline, type BenchEnv } from './env.js';

export const SIZES = [
  { label: '10k', tickets: 10_000 },
  { label: '100k', tickets: 100_000 },
  { label: '1m', tickets: 1_000_000 },
] as const;
export type SizeLabel = (typeof SIZES)[number]['label'];

export interface ScaleDesk {
  label: SizeLabel;
  tickets: number;
  file: string;
  env: BenchEnv;
}

export const CACHE = join(tmpdir(), 'deskline-bench-scale');

/** The sizes up to and including `scale` (10k, 100k or 1m). */
export function sizesUpTo(scale: string): (typeof SIZES)[number][] {
  const last = SIZES.findIndex((s) => s.label === scale.toLowerCase());
  if (last < 0) throw new Error(`--scale: '${scale}' is not one of ${SIZES.map((s) => s.label).join(', ')}`);
  return SIZES.slice(0, last + 1);
}

/** The cached desk of this size, seeded first when there is none. */
export function scaleDesk(size: (typeof SIZES)[number]): ScaleDesk {
  const dir = join(CACHE, `${size.label}-schema${LATEST_VERSION}`);
  const file = join(dir, 'desk.db');
  const home = benchDesk('deskline-bench-scale-home-');
  const env: BenchEnv = { ...home.env, DESKLINE_DB: file };
  if (!existsSync(join(dir, 'seeded'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    process.stderr.write(`bench: seeding ${size.label} tickets into ${file} (cached for later runs) …\n`);
    const started = performance.now();
    const [node, ...args] = deskline('demo', 'seed', '--tickets', String(size.tickets));
    const r = spawnSync(node, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`demo seed --tickets ${size.tickets} failed (exit ${r.status ?? r.signal})`);
    writeFileSync(join(dir, 'seeded'), `${Math.round(performance.now() - started)} ms\n`);
  }
  return { label: size.label, tickets: size.tickets, file, env };
}
