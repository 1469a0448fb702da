/**
 * readAhead (src/io/read-ahead.ts): items come out in order, in batches bounded by count and weight
 * (never more than a batch read and not yet handed on), and a source's failure comes after the
 * items it read before it.
 */
import { describe, expect, it } from 'vitest';
import { readAhead } from '../../src/io/read-ahead.js';

/** A source of `n` numbers that counts how many were pulled, failing at `failAt` if given. */
function counted(n: number, failAt?: number) {
  const state = { pulled: 0 };
  async function* items(): AsyncGenerator<number> {
    for (let i = 0; i < n; i++) {
      if (i === failAt) throw new Error(`bad record ${i}`);
      state.pulled++;
      yield i;
    }
  }
  return { state, items: items() };
}

describe('readAhead', () => {
  it('hands every item on in order, a batch read ahead of the consumer', async () => {
    const { state, items } = counted(10);
    const seen: { item: number; ahead: number }[] = [];
    for await (const item of readAhead(items, { items: 4, weight: Infinity }, () => 1)) {
      seen.push({ item, ahead: state.pulled - seen.length - 1 });
    }
    expect(seen.map((s) => s.item)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(seen.map((s) => s.ahead)).toEqual([3, 2, 1, 0, 3, 2, 1, 0, 1, 0]);
  });

  it('ends a batch when its weight reaches the limit', async () => {
    const { state, items } = counted(6);
    const ahead: number[] = [];
    let consumed = 0;
    for await (const _ of readAhead(items, { items: 100, weight: 10 }, (i) => (i === 2 ? 50 : 1))) {
      consumed++;
      ahead.push(state.pulled - consumed);
    }
    expect(ahead).toEqual([2, 1, 0, 2, 1, 0]);
  });

  it('hands on the items read before a failure, then fails', async () => {
    const { items } = counted(10, 6);
    const seen: number[] = [];
    const run = async () => {
      for await (const item of readAhead(items, { items: 4, weight: Infinity }, () => 1)) seen.push(item);
    };
    await expect(run()).rejects.toThrow('bad record 6');
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('stops reading when the consumer stops', async () => {
    const { state, items } = counted(100);
    for await (const item of readAhead(items, { items: 4, weight: Infinity }, () => 1)) if (item === 1) break;
    expect(state.pulled).toBe(4);
  });
});
