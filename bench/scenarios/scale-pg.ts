/**
 * `npm run bench -- --scale 1m scale-pg`: a desk of that size on PostgreSQL (bench/lib/scale-pg-desk.ts,
 * the same demo rows as the SQLite scale desk) against the same queries through raw `pg`, in one run.
 * In process, interleaved, for each of the console's first page (My queue, preloadRows), `ticket list
 * 'status:open prio:high'` (planText, listTickets and countTickets, as the command runs them), `kb
 * search` and `report backlog`: the store call on PostgreSQL vs its statements replayed on a bare
 * pg.Client (bench/lib/pg-capture.ts), target ≤ 1.3×; the same store call on the SQLite desk of that
 * size is reported beside it (timed apart: ours and raw alternate which goes first, SQLite after them).
 * Then the three commands as whole processes, PostgreSQL vs SQLite.
 */
import pg from 'pg';
import { parseQuery } from '../../src/domain/query.js';
import { openDesk, type Desk } from '../../src/store/desk.js';
import { searchKb } from '../../src/store/kb-search.js';
import { backlogReport } from '../../src/store/reports-backlog.js';
import { countTickets, listTickets, planText } from '../../src/store/ticket-list.js';
import { preloadRows } from '../../src/tui/hooks/preload.js';
import { allViews } from '../../src/tui/state/views.js';
import { deskline } from '../lib/env.js';
import { captureStatements, replay } from '../lib/pg-capture.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { scaleDesk, sizesUpTo } from '../lib/scale-desks.js';
import { scalePgDesk } from '../lib/scale-pg-desk.js';
import { median, p95 } from '../lib/stats.js';
import { timeInterleaved } from '../lib/timer.js';

const TARGET = { op: '<=', value: 1.3 } as const;
/** The technician whose queue the console opens on (the demo's first). */
const ME = 1;
const KB_QUERY = 'printer jam';

const CALLS: Record<string, (desk: Desk) => Promise<unknown>> = {
  'console first page (My queue, 80×24)': (d) => preloadRows(d.db, allViews({})[0]!, ME, 17),
  "ticket list 'status:open prio:high' --limit 50": async (d) => {
    const query = parseQuery('status:open prio:high');
    const ctx = { meId: ME, now: Date.now() };
    await planText(d.db, query);
    return Promise.all([listTickets(d.db, { query, ctx, limit: 50 }), countTickets(d.db, query, ctx)]);
  },
  [`kb search '${KB_QUERY}'`]: (d) => searchKb(d.db, KB_QUERY, { limit: 10 }),
  'report backlog': (d) => backlogReport(d.db, { by: null, since: null, until: Date.now(), now: Date.now() }),
};

const COMMANDS: Array<{ label: string; args: string[] }> = [
  { label: "ticket list 'status:open prio:high' --limit 50", args: ['ticket', 'list', 'status:open', 'prio:high', '--limit', '50'] },
  { label: `kb search '${KB_QUERY}'`, args: ['kb', 'search', KB_QUERY] },
  { label: 'report backlog', args: ['report', 'backlog'] },
];

const time = async (fn: () => Promise<unknown>) => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};
const figures = (s: number[]) => ({ p50: +median(s).toFixed(2), p95: +p95(s).toFixed(2) });

const scalePg: Scenario = {
  name: 'scale-pg',
  async run({ quick, scale: wanted }) {
    if (!wanted) return [];
    const size = sizesUpTo(wanted).at(-1)!;
    const lite = scaleDesk(size);
    const url = await scalePgDesk(size.label, lite.file, lite.env, (s) => process.stderr.write(`bench: ${s}\n`));
    const out: Measurement[] = [];
    const [server, file] = [await openDesk(url), await openDesk(lite.file)];
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    try {
      for (const [label, call] of Object.entries(CALLS)) {
        await call(server);
        const statements = await captureStatements(() => call(server));
        await Promise.all([replay(raw, statements), call(file)]);
        const samples = { ours: [] as number[], raw: [] as number[], sqlite: [] as number[] };
        const rounds = quick ? 6 : 22;
        // Ours and raw alternate which goes first, and SQLite runs apart: each round used to run ours
        // right after the SQLite call, whose synchronous burst (1 s for My queue at 1M before its legs)
        // slowed whatever came next in this process, and that was always ours.
        const ours = async () => samples.ours.push(await time(() => call(server)));
        const bare = async () => samples.raw.push(await time(() => replay(raw, statements)));
        for (let round = 0; round < rounds; round++) for (const run of round % 2 ? [bare, ours] : [ours, bare]) await run();
        for (let round = 0; round < rounds; round++) samples.sqlite.push(await time(() => call(file)));
        const f = { pg: figures(samples.ours), raw: figures(samples.raw), sqlite: figures(samples.sqlite) };
        out.push({
          label: `${label} (${size.label}, PostgreSQL, in process) vs raw pg`,
          unit: 'ms',
          samples: samples.ours,
          baseline: { label: `the same ${statements.length} statements on a bare pg.Client`, samples: samples.raw },
          target: TARGET,
          extra: {
            statements: statements.length,
            pg_p50: f.pg.p50,
            pg_p95: f.pg.p95,
            raw_p50: f.raw.p50,
            raw_p95: f.raw.p95,
            sqlite_p50: f.sqlite.p50,
            sqlite_p95: f.sqlite.p95,
          },
        });
      }
    } finally {
      await raw.end();
      await Promise.all([server.close(), file.close()]);
    }
    for (const c of COMMANDS) {
      const onPg = { label: `${c.label} (PostgreSQL)`, argv: deskline(...c.args), env: { ...lite.env, DESKLINE_DB: url } };
      const onLite = { label: `${c.label} (SQLite)`, argv: deskline(...c.args), env: lite.env };
      const t = timeInterleaved([onPg, onLite], { samples: quick ? 3 : 7, warmup: 1 });
      out.push({
        label: `process: ${c.label} (${size.label}), PostgreSQL vs SQLite`,
        unit: 'ms',
        samples: t.get(onPg.label)!,
        baseline: { label: onLite.label, samples: t.get(onLite.label)! },
        target: TARGET,
      });
    }
    return out;
  },
};

export default scalePg;
