/**
 * Startup: `deskline --version` and `deskline db path` (the CLI's hot path: commander, settings,
 * path resolution; no database opened) against `node -e 0` in the same interleaved run.
 * Target: at most 1.5× a bare node start.
 */
import { benchDesk, deskline } from '../lib/env.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { timeInterleaved, type Command } from '../lib/timer.js';

const TARGET = { op: '<=', value: 1.5 } as const;

const startup: Scenario = {
  name: 'startup',
  async run({ quick }) {
    const desk = benchDesk();
    try {
      const baseline: Command = { label: 'node -e 0', argv: [process.execPath, '-e', '0'], env: desk.env };
      const commands: Command[] = [
        { label: 'deskline --version', argv: deskline('--version'), env: desk.env },
        { label: 'deskline db path', argv: deskline('db', 'path'), env: desk.env },
      ];
      const samples = timeInterleaved([baseline, ...commands], { samples: quick ? 10 : 30, warmup: quick ? 2 : 5 });
      const base = { label: baseline.label, samples: samples.get(baseline.label)! };
      return commands.map((c): Measurement => ({
        label: c.label,
        unit: 'ms',
        samples: samples.get(c.label)!,
        baseline: base,
        target: TARGET,
      }));
    } finally {
      desk.dispose();
    }
  },
};

export default startup;
