/** Seeded randomness and a working-hours clock for the demo generator. Pure and deterministic. */

export type Rng = () => number;

/** mulberry32: a tiny, fast 32-bit PRNG; the same seed always gives the same stream. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

/** A sampler over weighted choices (cumulative table built once). */
export function weighted<T>(entries: ReadonlyArray<readonly [T, number]>): (rng: Rng) => T {
  const values = entries.map(([v]) => v);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) cumulative.push((total += w));
  return (rng) => {
    const x = rng() * total;
    for (let i = 0; i < cumulative.length; i++) if (x < cumulative[i]!) return values[i]!;
    return values[values.length - 1]!;
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const OPENS = 8 * HOUR;
export const WORK_DAY = 10 * HOUR; // 08:00–18:00
const WORK_WEEK = 5 * WORK_DAY;
const MONDAY = 4 * DAY; // 1970-01-05 was a Monday

/**
 * Working time: milliseconds counted only Monday–Friday 08:00–18:00 (at a fixed UTC offset).
 * `toWork` maps wall time onto that axis (evenings and weekends collapse to a point), `fromWork`
 * maps back, so events spaced on the working axis land in office hours and keep their order.
 */
export class WorkClock {
  constructor(private readonly offsetMs = 0) {}

  toWork(wall: number): number {
    const x = wall + this.offsetMs - MONDAY;
    const weeks = Math.floor(x / WEEK);
    const within = x - weeks * WEEK;
    const day = Math.floor(within / DAY);
    const inWeek = day >= 5 ? WORK_WEEK : day * WORK_DAY + Math.min(Math.max(within - day * DAY - OPENS, 0), WORK_DAY);
    return weeks * WORK_WEEK + inWeek;
  }

  fromWork(work: number): number {
    const weeks = Math.floor(work / WORK_WEEK);
    const rest = work - weeks * WORK_WEEK;
    const day = Math.floor(rest / WORK_DAY);
    return Math.round(weeks * WEEK + day * DAY + OPENS + (rest - day * WORK_DAY) + MONDAY - this.offsetMs);
  }
}
