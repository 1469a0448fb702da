import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareGroups } from '../../src/domain/report-group.js';
import { AGE_BUCKETS, Samples, ageBucket, compliance, toHours } from '../../src/domain/report-stats.js';

const H = 3_600_000;
const D = 24 * H;

const samples = (values: number[]) => {
  const s = new Samples();
  for (const v of values) s.push(v);
  return s;
};

describe('Samples.percentile', () => {
  it('interpolates between closest ranks', () => {
    expect(samples([]).percentile(50)).toBeNull();
    expect(samples([7]).percentile(90)).toBe(7);
    expect(samples([4, 1, 3, 2]).percentile(50)).toBe(2.5);
    expect(samples([0, 0, 1.5, 2, 5]).percentile(90)).toBeCloseTo(3.8);
    expect(samples([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]).percentile(90)).toBeCloseTo(9.1);
    expect(samples([3, 1, 2]).percentile(0)).toBe(1);
    expect(samples([3, 1, 2]).percentile(100)).toBe(3);
  });

  it('grows past its first buffer and keeps every value', () => {
    const s = samples(Array.from({ length: 1000 }, (_, i) => 999 - i));
    expect(s.size).toBe(1000);
    expect(s.percentile(50)).toBe(499.5);
    s.push(-1);
    expect(s.percentile(0)).toBe(-1);
  });

  it('lies within the values and rises with p (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 * D }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        (values, p, q) => {
          const s = samples(values);
          const [lo, hi] = [Math.min(...values), Math.max(...values)];
          const a = s.percentile(Math.min(p, q))!;
          const b = s.percentile(Math.max(p, q))!;
          expect(a).toBeGreaterThanOrEqual(lo);
          expect(b).toBeLessThanOrEqual(hi);
          expect(a).toBeLessThanOrEqual(b);
          // The median leaves at most half the values strictly on each side.
          const m = s.percentile(50)!;
          expect(values.filter((v) => v < m).length).toBeLessThanOrEqual(values.length / 2);
          expect(values.filter((v) => v > m).length).toBeLessThanOrEqual(values.length / 2);
        },
      ),
    );
  });
});

describe('compliance and buckets', () => {
  it('is met / decided with one decimal, null when nothing was decided', () => {
    expect(compliance(0, 0)).toBeNull();
    expect(compliance(2, 1)).toBe(66.7);
    expect(compliance(1, 2)).toBe(33.3);
    expect(compliance(5, 0)).toBe(100);
  });

  it('puts ages in buckets with inclusive lower bounds', () => {
    const at = (ms: number) => AGE_BUCKETS[ageBucket(ms)]!.label;
    expect([0, D - 1, D, 3 * D - 1, 3 * D, 7 * D, 28 * D - 1, 28 * D, 400 * D].map(at)).toEqual([
      '<1d',
      '<1d',
      '1–3d',
      '1–3d',
      '3–7d',
      '1–4w',
      '1–4w',
      '>4w',
      '>4w',
    ]);
  });

  it('shows hours with two decimals', () => {
    expect(toHours(null)).toBeNull();
    expect(toHours(1.5 * H)).toBe(1.5);
    expect(toHours(H / 3)).toBe(0.33);
  });

  it('orders priority and tier groups naturally, unassigned last', () => {
    const sortLabels = (by: Parameters<typeof compareGroups>[0], groups: Array<{ key: string | number | null; label: string }>) =>
      [...groups].sort(compareGroups(by)).map((g) => g.label);
    expect(
      sortLabels(
        'priority',
        ['low', 'urgent', 'normal', 'high'].map((l) => ({ key: l, label: l })),
      ),
    ).toEqual(['urgent', 'high', 'normal', 'low']);
    expect(
      sortLabels('assignee', [
        { key: null, label: 'unassigned' },
        { key: 2, label: 'Zed' },
        { key: 1, label: 'Ana' },
      ]),
    ).toEqual(['Ana', 'Zed', 'unassigned']);
  });
});
