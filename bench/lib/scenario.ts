/**
 * The shape of a benchmark scenario. `npm run bench` (bench/run.ts) loads every file in
 * bench/scenarios/, runs it, and prints one table row per Measurement:
 * scenario, median, p95, baseline median, ratio (median / baseline median), target, pass.
 */
export interface Measurement {
  /** Row name, e.g. "deskline --version". */
  label: string;
  /** What samples measure: 'ms' (lower is better), 'rows/s' or 'MB'. */
  unit: 'ms' | 'rows/s' | 'MB';
  samples: number[];
  /** Run in the same process or the same run, e.g. `node -e 0` or a raw better-sqlite3 script. */
  baseline: { label: string; samples: number[] };
  /** Pass when ratio (median / baseline median) satisfies `op value`, e.g. { op: '<=', value: 1.5 }. */
  target: { op: '<=' | '>='; value: number };
  /** Free-form extra figures to report (p50/p95 in ms, row counts …). */
  extra?: Record<string, number | string>;
}

export interface RunOptions {
  quick: boolean;
  /** `--scale 100k|1m`: the largest desk the scale scenario seeds (and caches); unset, it measures nothing. */
  scale?: string;
}

export interface Scenario {
  name: string;
  /** Runs the scenario; may take a `quick` flag for smaller sample counts. */
  run(options: RunOptions): Promise<Measurement[]>;
}
