/** Dates as spreadsheets write them: ISO, DD-MM-YYYY HH:MM, MM/DD/YYYY, or a layout given by name. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_LAYOUTS, parseLooseDate } from '../../src/domain/loose-date.js';

const ms = (iso: string) => Date.parse(iso);

describe('parseLooseDate', () => {
  it.each([
    ['2026-03-02', undefined, ms('2026-03-02T00:00:00Z')],
    ['2026-03-02T09:15:00Z', undefined, ms('2026-03-02T09:15:00Z')],
    ['2026-03-02T09:15:00+01:00', undefined, ms('2026-03-02T08:15:00Z')],
    ['2026-03-02 11:20', undefined, ms('2026-03-02T11:20:00Z')],
    ['02-03-2026 09:30', undefined, ms('2026-03-02T09:30:00Z')],
    ['03/04/2026 14:30', undefined, ms('2026-03-04T14:30:00Z')],
    ['03/04/2026', 'DD/MM/YYYY', ms('2026-04-03T00:00:00Z')],
    ['12/31/2025', undefined, ms('2025-12-31T00:00:00Z')],
    ['31.12.2025 23:59:59', undefined, ms('2025-12-31T23:59:59Z')],
  ] as const)('%s (%s)', (text, layout, expected) => {
    expect(parseLooseDate(text, layout)).toEqual({ ok: true, ms: expected });
  });

  it.each([
    ['13/31/2025', undefined, "'13/31/2025' is not a date read as month first (use --date-format DD/MM/YYYY if it is)"],
    ['31-02-2026', undefined, "'31-02-2026' is not a date read as day first (use --date-format MM-DD-YYYY if it is)"],
    ['yesterday', undefined, "'yesterday' is not a date (ISO 8601, DD-MM-YYYY HH:MM or MM/DD/YYYY)"],
    ['03/04/2026', 'DD-MM-YYYY', "'03/04/2026' does not match --date-format DD-MM-YYYY"],
    ['02-03-2026 25:00', undefined, "'02-03-2026 25:00' is not a date read as day first (use --date-format MM-DD-YYYY if it is)"],
  ] as const)('refuses %s', (text, layout, problem) => {
    expect(parseLooseDate(text, layout)).toEqual({ ok: false, problem });
  });

  it('reads back every day it writes, in every layout', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.constantFrom(...DATE_LAYOUTS),
        (d, layout) => {
          const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
          const [y, m, dd] = [
            String(day.getUTCFullYear()),
            String(day.getUTCMonth() + 1).padStart(2, '0'),
            String(day.getUTCDate()).padStart(2, '0'),
          ];
          const sep = layout.includes('/') ? '/' : layout.includes('.') ? '.' : '-';
          const text = layout === 'YYYY-MM-DD' ? `${y}-${m}-${dd}` : layout.startsWith('DD') ? [dd, m, y].join(sep) : [m, dd, y].join(sep);
          expect(parseLooseDate(text, layout)).toEqual({ ok: true, ms: day.getTime() });
        },
      ),
    );
  });
});
