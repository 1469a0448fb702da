/**
 * Figures for reports: percentiles over a growing sample (8 bytes a value, no row objects kept),
 * compliance percentages and the backlog's age buckets, all as data. Pure.
 */
import { DAY } from './sla/zone.js';

/** A growable list of numbers in one Float64Array: memory stays at 8 bytes per value. */
export class Samples {
  private buf = new Float64Array(64);
  private n = 0;
  private sorted = true;

  get size(): number {
    return this.n;
  }

  push(value: number): void {
    if (this.n === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    if (this.n > 0 && value < this.buf[this.n - 1]!) this.sorted = false;
    this.buf[this.n++] = value;
  }

  /** The p-th percentile (0–100), linearly interpolated between closest ranks (R-7, as numpy and Excel's PERCENTILE.INC); null when empty. */
  percentile(p: number): number | null {
    if (this.n === 0) return null;
    if (!this.sorted) {
      this.buf.subarray(0, this.n).sort();
      this.sorted = true;
    }
    const rank = (Math.min(100, Math.max(0, p)) / 100) * (this.n - 1);
    const lo = Math.floor(rank);
    const hi = Math.min(lo + 1, this.n - 1);
    return this.buf[lo]! + (this.buf[hi]! - this.buf[lo]!) * (rank - lo);
  }
}

/** met / (met + breached) as a percentage with one decimal; null when nothing was decided. */
export function compliance(met: number, breached: number): number | null {
  const total = met + breached;
  return total === 0 ? null : Math.round((met / total) * 1000) / 10;
}

export interface AgeBucket {
  key: string;
  label: string;
  /** Upper bound of the age, exclusive, in ms. */
  below: number;
}

/** Backlog ages: <1d, 1–3d, 3–7d, 1–4w, >4w (lower bound inclusive). */
export const AGE_BUCKETS: readonly AgeBucket[] = [
  { key: 'age_lt_1d', label: '<1d', below: DAY },
  { key: 'age_1_3d', label: '1–3d', below: 3 * DAY },
  { key: 'age_3_7d', label: '3–7d', below: 7 * DAY },
  { key: 'age_1_4w', label: '1–4w', below: 28 * DAY },
  { key: 'age_gt_4w', label: '>4w', below: Infinity },
];

/** Index into AGE_BUCKETS for an age in ms. */
export function ageBucket(ageMs: number): number {
  return AGE_BUCKETS.findIndex((b) => ageMs < b.below);
}

/** Milliseconds as hours with two decimals (for JSON and CSV). */
export function toHours(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms / 36_000) / 100;
}
