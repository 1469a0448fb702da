/**
 * Start-up of the scripted CLI, as processes, interleaved, each with the bench desk's clean
 * environment (no NODE_EXTRA_CA_CERTS: Node 20 reads that bundle at every start):
 * - `--version` and `db path` (no database opened) vs `node -e 0`: ≤ 1.5×;
 * - `ticket create`, `ticket list`, `ticket show` and `kb search` on a 10k-ticket demo desk (2k with
 *   --quick) vs bench/raw/insert-ticket.cjs, bare better-sqlite3 opening the same file and inserting
 *   one ticket: ≤ 1.6×.
 * `npm run bench -- --node PATH startup` runs it on another Node.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { benchDesk, deskline } from '../lib/env.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { timeInterleaved, type Command } from '../lib/timer.js';

const RAW_INSERT = fileURLToPath(new URL('../raw/insert-ticket.cjs', import.meta.url));

const startup: Scenario = {
  name: 'startup',
  async run({ quick }) {
    const desk = benchDesk();
    try {
      const tickets = quick ? 2_000 : 10_000;
      const seed = spawnSync(process.execPath, deskline('demo', 'seed', '--tickets', String(tickets)).slice(1), { env: desk.env });
      if (seed.status !== 0) throw new Error(`demo seed failed: ${seed.stderr}`);
      const env = desk.env;
      const node: Command = { label: 'node -e 0', argv: [process.execPath, '-e', '0'], env };
      const raw: Command = {
        label: 'raw open + insert',
        argv: [process.execPath, RAW_INSERT, env.DESKLINE_DB, 'Bench: printer jams'],
        env,
      };
      const bare: Command[] = [
        { label: 'deskline --version', argv: deskline('--version'), env },
        { label: 'deskline db path', argv: deskline('db', 'path'), env },
      ];
      const database: Command[] = [
        { label: 'ticket create', argv: deskline('ticket', 'create', '-t', 'Bench: printer jams', '-q'), env },
        { label: 'ticket list', argv: deskline('ticket', 'list', 'status:open prio:high', '--limit', '50'), env },
        { label: 'ticket show', argv: deskline('ticket', 'show', 'HD-1'), env },
        { label: 'kb search', argv: deskline('kb', 'search', 'printer'), env },
      ];
      const samples = timeInterleaved([node, raw, ...bare, ...database], { samples: quick ? 10 : 30, warmup: quick ? 2 : 5 });
      const against = (c: Command, base: Command, value: number): Measurement => ({
        label: `${c.label}${database.includes(c) ? ` (${tickets / 1000}k)` : ''}`,
        unit: 'ms',
        samples: samples.get(c.label)!,
        baseline: { label: base.label, samples: samples.get(base.label)! },
        target: { op: '<=', value },
      });
      return [...bare.map((c) => against(c, node, 1.5)), ...database.map((c) => against(c, raw, 1.6))];
    } finally {
      desk.dispose();
    }
  },
};

export default startup;
