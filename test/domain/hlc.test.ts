import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareHlc, decodeHlc, encodeHlc, receiveHlc, tickHlc, ZERO_HLC, type Hlc } from '../../src/domain/hlc.js';

const device = fc.stringMatching(/^[0-9a-f]{4}$/);
const hlc = fc.record({ wall: fc.integer({ min: 0, max: 2 ** 45 }), count: fc.integer({ min: 0, max: 36 ** 4 - 1 }), device });
const now = fc.integer({ min: 0, max: 2 ** 45 });
const sign = (n: number) => Math.sign(n);

describe('hybrid logical clock', () => {
  it('encodes to text that reads back and sorts as the clock compares', () => {
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        expect(decodeHlc(encodeHlc(a))).toEqual(a);
        const text = encodeHlc(a) < encodeHlc(b) ? -1 : encodeHlc(a) > encodeHlc(b) ? 1 : 0;
        expect(text).toBe(sign(compareHlc(a, b)));
      }),
    );
  });

  it('a local event is later than the last one and never behind the physical clock', () => {
    fc.assert(
      fc.property(hlc, now, device, (last, at, d) => {
        const next = tickHlc(last, at, d);
        expect(compareHlc(next, last)).toBeGreaterThan(0);
        expect(next.wall).toBeGreaterThanOrEqual(at);
      }),
    );
  });

  it('after receiving, the clock is later than both the remote stamp and its own last one', () => {
    fc.assert(
      fc.property(hlc, hlc, now, device, (last, remote, at, d) => {
        const next = receiveHlc(last, remote, at, d);
        expect(compareHlc(next, last)).toBeGreaterThan(0);
        expect(compareHlc(next, remote)).toBeGreaterThan(0);
        expect(next.wall).toBeGreaterThanOrEqual(at);
      }),
    );
  });

  it('stamps a run of events strictly in order, however the physical clock jumps', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(now, hlc), { maxLength: 50 }), (events) => {
        let clock: Hlc = ZERO_HLC;
        for (const e of events) {
          const next = typeof e === 'number' ? tickHlc(clock, e, 'aaaa') : receiveHlc(clock, e, 0, 'aaaa');
          expect(encodeHlc(next) > encodeHlc(clock)).toBe(true);
          clock = next;
        }
      }),
    );
  });

  it('refuses text that is not a stamp', () => {
    for (const bad of ['', 'x', '000000001.0000', '00000000A.0000.ab', '000000001.0000.a b']) expect(decodeHlc(bad)).toBeNull();
  });
});
