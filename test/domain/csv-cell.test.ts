import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/domain/csv-cell.js';

describe('csvCell', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ['Printer = broken', 'Printer = broken'],
    ['', ''],
  ])('%j → %j', (input, output) => expect(csvCell(input)).toBe(output));

  it('keeps numbers as numbers and writes null as empty', () => {
    expect(csvCell(-3)).toBe(-3);
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('no text cell starts a formula, and dropping the added quote gives the text back (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = String(csvCell(s));
        return !/^[=+\-@\t\r]/.test(out) && (out === s || out === `'${s}`);
      }),
      { numRuns: 500 },
    );
  });
});
