/**
 * The scripted CLI on a realistic desk, as processes (what a mail hook or monitoring pays):
 * - `ticket list 'status:open prio:high' --limit 50` on 100k vs the same query bare (≤ 1.3×), and 100k vs 1k (≤ 1.2×);
 * - `demo seed --tickets 100000` vs bare prepared statements writing the same rows per ticket in one transaction: time ratio ≤ 2
 *   (i.e. at least 0.5× its speed).
 * The start-up of `ticket create` and the other commands, against a bare insert script: startup.ts.
 * --quick uses 20k tickets instead of 100k and fewer samples.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { benchDesk, deskline, type BenchDesk } from '../lib/env.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { timeInterleaved, timeOnce, type Command } from '../lib/timer.js';

const raw = (name: string) => fileURLToPath(new URL(`../raw/${name}`, import.meta.url));

function seeded(tickets: number): BenchDesk {
  const desk = benchDesk();
  const r = spawnSync(process.execPath, deskline('demo', 'seed', '--tickets', String(tickets)).slice(1), { env: desk.env });
  if (r.status !== 0) throw new Error(`demo seed failed: ${r.stderr}`);
  return desk;
}

const ticketsCli: Scenario = {
  name: 'tickets-cli',
  async run({ quick }) {
    const big = quick ? 20_000 : 100_000;
    const samples = quick ? 8 : 25;
    const large = seeded(big);
    const small = seeded(1_000);
    try {
      const listArgs = ['ticket', 'list', 'status:open prio:high', '--limit', '50'];
      const listBig: Command = { label: `ticket list (${big / 1000}k)`, argv: deskline(...listArgs), env: large.env };
      const listSmall: Command = { label: 'ticket list (1k)', argv: deskline(...listArgs), env: small.env };
      const rawList: Command = {
        label: 'raw list script',
        argv: [process.execPath, raw('list-tickets.cjs'), large.env.DESKLINE_DB],
        env: large.env,
      };
      const t = timeInterleaved([listBig, listSmall, rawList], { samples, warmup: 3 });
      const s = (c: Command) => ({ label: c.label, samples: t.get(c.label)! });
      const out: Measurement[] = [
        {
          label: `${listBig.label} vs raw`,
          unit: 'ms',
          samples: s(listBig).samples,
          baseline: s(rawList),
          target: { op: '<=', value: 1.3 },
        },
        {
          label: `${listBig.label} vs 1k`,
          unit: 'ms',
          samples: s(listBig).samples,
          baseline: s(listSmall),
          target: { op: '<=', value: 1.2 },
        },
      ];
      out.push(seedMeasurement(big, quick ? 1 : 3));
      return out;
    } finally {
      large.dispose();
      small.dispose();
    }
  },
};

/** Seeding into fresh desks, interleaved with the bare loop into fresh migrated desks. */
function seedMeasurement(tickets: number, rounds: number): Measurement {
  const ours: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const a = benchDesk();
    const b = benchDesk();
    try {
      ours.push(timeOnce({ label: 'demo seed', argv: deskline('demo', 'seed', '--tickets', String(tickets)), env: a.env }));
      timeOnce({ label: 'migrate', argv: deskline('db', 'check'), env: b.env });
      bare.push(
        timeOnce({
          label: 'raw seed loop',
          argv: [process.execPath, raw('seed-loop.cjs'), join(b.dir, 'desk.db'), String(tickets)],
          env: b.env,
        }),
      );
    } finally {
      a.dispose();
      b.dispose();
    }
  }
  return {
    label: `demo seed --tickets ${tickets} (time vs raw loop; ≤2 = ≥0.5× speed)`,
    unit: 'ms',
    samples: ours,
    baseline: { label: 'raw prepared insert loop', samples: bare },
    target: { op: '<=', value: 2 },
  };
}

export default ticketsCli;
