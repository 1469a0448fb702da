/**
 * `npm run bench -- --scale 100k sync`: the first sync of a laptop (`deskline sync init URL`, the
 * built binary in a process of its own) from the PostgreSQL scale desk of that size
 * (./scale-pg-desk.ts: demo tickets, people, tags; no timelines), vs bench/raw/pg-copy-rows.cjs
 * copying the same tables with raw pg + better-sqlite3 into an empty desk file. Time (ms, target
 * ≤ 2×) and peak resident memory (MB, from the process's maxRSS; target ≤ 1.5×: init reads pages of
 * 2,000 rows, so its memory must stay as flat as the raw cursor's whatever the desk's size).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDesk } from '../../src/store/desk.js';
import { benchDesk, BIN } from './env.js';
import type { Measurement } from './scenario.js';
import { scaleDesk, sizesUpTo } from './scale-desks.js';
import { scalePgDesk } from './scale-pg-desk.js';

const RAW = fileURLToPath(new URL('../raw/', import.meta.url));

function run(args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${args.slice(0, 4).join(' ')} failed (exit ${r.status ?? r.signal}): ${r.stderr.trim()}`);
  return performance.now() - started;
}

export async function syncInitFigures(scale: string): Promise<Measurement[]> {
  const size = sizesUpTo(scale).at(-1)!;
  const lite = scaleDesk(size);
  const url = await scalePgDesk(size.label, lite.file, lite.env, (s) => process.stderr.write(`bench: ${s}\n`));
  const ours = benchDesk('deskline-bench-sync-init-');
  const raw = benchDesk('deskline-bench-sync-raw-');
  try {
    const env = { ...ours.env, DESKLINE_USER: 'Bench', DESKLINE_EMAIL: 'bench@example.com' };
    const rss = join(ours.dir, 'rss');
    const ms = run([join(RAW, 'peak-rss.mjs'), rss, BIN, 'sync', 'init', url], env);
    const oursMb = Number(readFileSync(rss, 'utf8'));
    await (await openDesk(raw.env.DESKLINE_DB)).close(); // an empty desk of the current schema
    const out = join(raw.dir, 'out.json');
    run([join(RAW, 'pg-copy-rows.cjs'), out, url, raw.env.DESKLINE_DB], raw.env);
    const base = JSON.parse(readFileSync(out, 'utf8')) as { ms: number; rows: number; rssMb: number };
    const extra = { tickets: size.tickets, rows: base.rows };
    return [
      {
        label: `sync init of a ${size.label}-ticket server desk (ms)`,
        unit: 'ms',
        samples: [ms],
        baseline: { label: 'raw pg cursor + better-sqlite3 prepared INSERTs of the same tables', samples: [base.ms] },
        target: { op: '<=', value: 2 },
        extra,
      },
      {
        label: `sync init of a ${size.label}-ticket server desk: peak RSS (MB)`,
        unit: 'MB',
        samples: [oursMb],
        baseline: { label: 'the raw copy’s peak RSS', samples: [base.rssMb] },
        target: { op: '<=', value: 1.5 },
        extra,
      },
    ];
  } finally {
    ours.dispose();
    raw.dispose();
  }
}
