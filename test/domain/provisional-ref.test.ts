import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRef, parseRef, PROVISIONAL_SPAN } from '../../src/domain/ticket.js';

describe('provisional refs (tickets made on an offline replica)', () => {
  it('shows a provisional id as HD-~<device>-<n> and reads it back', () => {
    expect(formatRef(-(0xa3f0 * PROVISIONAL_SPAN + 1))).toBe('HD-~a3f0-1');
    expect(parseRef('HD-~a3f0-1')).toBe(-(0xa3f0 * PROVISIONAL_SPAN + 1));
    expect(parseRef('~0001-12')).toBe(-(1 * PROVISIONAL_SPAN + 12));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 1, max: PROVISIONAL_SPAN - 1 }), (device, n) => {
        const id = -(device * PROVISIONAL_SPAN + n);
        expect(parseRef(formatRef(id))).toBe(id);
      }),
    );
  });

  it('refuses provisional refs that are not well formed, and keeps server refs as they were', () => {
    for (const bad of ['HD-~a3f-1', 'HD-~a3f0-0', 'HD-~a3f0-', 'HD-~g3f0-1', 'HD--1']) expect(parseRef(bad)).toBeNull();
    expect(formatRef(42)).toBe('HD-42');
    expect(parseRef('hd-42')).toBe(42);
  });
});
