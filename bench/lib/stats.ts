/** Small statistics for benchmark samples, and the pass/fail rule of a Measurement. */
import type { Measurement } from './scenario.js';

function sorted(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new Error('no samples');
  return [...samples].sort((a, b) => a - b);
}

export function median(samples: readonly number[]): number {
  const s = sorted(samples);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Nearest-rank percentile (p in 0..100): the smallest sample with at least p% of samples at or below it. */
export function percentile(samples: readonly number[], p: number): number {
  const s = sorted(samples);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export const p95 = (samples: readonly number[]) => percentile(samples, 95);

/** Summary of one Measurement: the figures a table row and results.json show. */
export interface Row {
  scenario: string;
  label: string;
  unit: Measurement['unit'];
  n: number;
  median: number;
  p95: number;
  baseline: { label: string; n: number; median: number; p95: number };
  ratio: number;
  target: Measurement['target'];
  pass: boolean;
  extra?: Measurement['extra'];
}

export function summarise(scenario: string, m: Measurement): Row {
  const base = median(m.baseline.samples);
  const ratio = median(m.samples) / base;
  return {
    scenario,
    label: m.label,
    unit: m.unit,
    n: m.samples.length,
    median: median(m.samples),
    p95: p95(m.samples),
    baseline: { label: m.baseline.label, n: m.baseline.samples.length, median: base, p95: p95(m.baseline.samples) },
    ratio,
    target: m.target,
    pass: m.target.op === '<=' ? ratio <= m.target.value : ratio >= m.target.value,
    ...(m.extra ? { extra: m.extra } : {}),
  };
}
