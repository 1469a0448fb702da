/**
 * `npm run bench -- --scale 1m`: how the free-text query and the reports grow with the desk. At
 * 10k, 100k and 1M tickets (cached desks, bench/lib/scale-desks.ts) it times, interleaved across
 * sizes, the processes `ticket list printer --limit 50` and each `report` over its default period,
 * and in process the store call behind the console's `/printer` (listTickets, first page of 100).
 * Each bigger size is reported against 10k; target ≤ 1.5×. Without --scale it measures nothing.
 */
import { openDatabase, type Desk } from '../../src/db/database.js';
import { parseQuery } from '../../src/domain/query.js';
import { listTickets } from '../../src/store/ticket-list.js';
import { deskline } from '../lib/env.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { scaleDesk, sizesUpTo, type ScaleDesk } from '../lib/scale-desks.js';
import { timeInterleaved, type Command } from '../lib/timer.js';

const TARGET = { op: '<=', value: 1.5 } as const;

const COMMANDS: Array<{ label: string; args: string[] }> = [
  { label: 'ticket list printer --limit 50', args: ['ticket', 'list', 'printer', '--limit', '50'] },
  { label: 'report backlog', args: ['report', 'backlog'] },
  { label: 'report sla', args: ['report', 'sla'] },
  { label: 'report times', args: ['report', 'times'] },
  { label: 'report volume', args: ['report', 'volume'] },
  { label: 'report workload', args: ['report', 'workload'] },
];

/** The console's `/printer`: the query it runs for the first screen (two pages of 50). */
async function consoleFilter(desk: Desk): Promise<number> {
  const started = performance.now();
  await listTickets(desk.db, { query: parseQuery('printer'), ctx: { meId: null, now: Date.now() }, limit: 100 });
  return performance.now() - started;
}

async function consoleSamples(desks: ScaleDesk[], rounds: number): Promise<Map<string, number[]>> {
  const open = await Promise.all(desks.map((d) => openDatabase(d.file)));
  const out = new Map(desks.map((d) => [d.label as string, [] as number[]]));
  try {
    for (const desk of open) await consoleFilter(desk); // warm-up
    for (let round = 0; round < rounds; round++) {
      for (let k = 0; k < open.length; k++) {
        const i = (round + k) % open.length;
        out.get(desks[i]!.label)!.push(await consoleFilter(open[i]!));
      }
    }
  } finally {
    for (const desk of open) await desk.close();
  }
  return out;
}

const scale: Scenario = {
  name: 'scale',
  async run({ quick, scale: wanted }) {
    if (!wanted) return [];
    const desks = sizesUpTo(wanted).map(scaleDesk);
    const [small, ...bigger] = desks;
    if (!small || bigger.length === 0) throw new Error('--scale needs at least 100k to compare with 10k');
    const samples = quick ? 3 : 7;
    const out: Measurement[] = [];
    for (const c of COMMANDS) {
      const commands: Command[] = desks.map((d) => ({ label: `${c.label} (${d.label})`, argv: deskline(...c.args), env: d.env }));
      const t = timeInterleaved(commands, { samples, warmup: 1 });
      const base = { label: commands[0]!.label, samples: t.get(commands[0]!.label)! };
      bigger.forEach((d, i) => {
        const label = commands[i + 1]!.label;
        out.push({ label: `${label} vs 10k`, unit: 'ms', samples: t.get(label)!, baseline: base, target: TARGET });
      });
    }
    const inProcess = await consoleSamples(desks, quick ? 5 : 15);
    for (const d of bigger) {
      out.push({
        label: `console /printer, store call (${d.label}) vs 10k`,
        unit: 'ms',
        samples: inProcess.get(d.label)!,
        baseline: { label: 'console /printer, store call (10k)', samples: inProcess.get('10k')! },
        target: TARGET,
      });
    }
    return out;
  },
};

export default scale;
