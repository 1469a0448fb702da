/**
 * Issue 13 item 12: the header and the queue's columns laid out for every width. The header keeps the
 * view names at 80 columns with real counts, never cuts the technician (the database gives way
 * first), and no width from 20 to 250 gives a line wider than the terminal; queue rows always fit
 * their pane, so they never wrap, and keep the due time's unit while they show it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueCell, rowLayout, type RowLayout } from '../../src/tui/text/format.js';
import { headerLayout, type HeaderInput } from '../../src/tui/text/header-layout.js';
import { width } from '../../src/tui/text/text.js';
import { BUILTIN_VIEWS } from '../../src/tui/state/views.js';

const DEMO_COUNTS = { '1': 43, '2': 17, '3': 122, '4': 1234, '5': 1612 };
const lineWidth = (l: ReturnType<typeof headerLayout>) =>
  l.tabs.reduce((n, t) => n + width(t) + 1, 0) + l.gap + width(l.mark) + width(l.alert) + width(l.right);

function input(columns: number, extra: Partial<HeaderInput> = {}): HeaderInput {
  return {
    // The quiet Follow-up tab shows only while it holds tickets (as the header filters it).
    views: BUILTIN_VIEWS.filter((v) => !v.quiet),
    counts: DEMO_COUNTS,
    dbName: 'helpdesk-production.db',
    technician: 'Rachel Adeyemi',
    columns,
    marked: 0,
    alert: null,
    ...extra,
  };
}

describe('header layout', () => {
  it('80 columns with demo counts and an SLA warning: view names stay, shortened evenly; the technician is whole or absent', () => {
    const l = headerLayout(input(80, { alert: { full: '✗ 10 breached', short: '✗10' } }));
    expect(l.tabs.join(' ')).toMatch(/^ 1 My qu… 43 +2 Unass… 17 +3 Breac… 122 +4 All o… 1\.2k +5 Resol… 1\.6k $/);
    expect(l.alert).toBe('✗10 ');
    expect(['', ' Rachel Adeyemi']).toContain(l.right);
    expect(lineWidth(l)).toBe(80);
  });

  it('drops the database before it cuts the technician, and keeps full names when they fit', () => {
    const few = { '1': 2, '2': 1, '3': 1, '4': 4, '5': 1 };
    expect(headerLayout(input(160, { counts: few })).right).toBe(' helpdesk-production.db · Rachel Adeyemi');
    const at100 = headerLayout(input(100, { counts: few }));
    expect(at100.tabs.join(' ')).toContain(' 3 Breaching soon 1 ');
    expect(at100.right).toBe(' Rachel Adeyemi');
    const at80 = headerLayout(input(80, { counts: few, technician: 'Tess Tester' }));
    expect(at80.tabs[0]).toBe(' 1 My qu… 2 ');
    expect(at80.right).toBe(' Tess Tester');
  });

  it('shows the views by number (with their counts) only when even 4-cell names do not fit', () => {
    const l = headerLayout(input(60));
    expect(l.tabs.join(' ')).toMatch(/^ 1 43 +2 17 +3 122 +4 1\.2k +5 1\.6k $/);
    expect(headerLayout(input(68)).tabs[1]).toMatch(/^ 2 Un\S*… 17 $/);
  });

  it('is never wider than the terminal, from 20 to 250 columns (property)', () => {
    const name = fc.string({ minLength: 1, maxLength: 24 }).map((s) => s.replace(/[\x00-\x1f\x7f-\x9f]/g, '') || 'x');
    const wide = fc.constantFrom('漢字の表示', 'Ünïcödé', 'Zoë 👩‍💻', 'plain');
    fc.assert(
      fc.property(
        fc.integer({ min: 20, max: 250 }),
        fc.array(fc.oneof(name, wide), { minLength: 1, maxLength: 9 }),
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 9, maxLength: 9 }),
        fc.oneof(name, wide),
        fc.oneof(name, wide),
        fc.nat({ max: 300 }),
        fc.boolean(),
        (columns, names, counts, dbName, technician, marked, alert) => {
          const views = names.map((n, i) => ({ key: String(i + 1), name: n }));
          const l = headerLayout({
            views,
            counts: Object.fromEntries(views.map((v, i) => [v.key, counts[i]!])),
            dbName,
            technician,
            columns,
            marked,
            alert: alert ? { full: '✗ 12 breached · ! 3 at risk', short: '✗12 !3' } : null,
          });
          expect(lineWidth(l)).toBeLessThanOrEqual(columns);
          // The technician is whole or absent.
          expect(l.right === '' || l.right.endsWith(` ${technician}`)).toBe(true);
          // Views are shown by name or number, never dropped while there is room for them all by number.
          if (views.reduce((n, v, i) => n + width(` ${v.key} ${counts[i]} `) + 1, 0) + 11 + width(`*${marked} marked `) <= columns)
            expect(l.tabs).toHaveLength(views.length);
        },
      ),
      { numRuns: 600 },
    );
  });
});

const cellsWidth = (l: RowLayout) =>
  4 + l.ref + (Object.entries(l) as [string, number][]).filter(([k, w]) => k !== 'ref' && w > 0).reduce((n, [, w]) => n + w + 1, 0);

describe('queue row layout', () => {
  it('fits every pane from 20 to 250 cells: a row never wraps (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 20, max: 250 }), (total) => {
        const l = rowLayout(total);
        expect(cellsWidth(l)).toBeLessThanOrEqual(total);
        expect(l.title).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('keeps the due time with its unit at 50 and 30 columns; gives up the requester, then the status word, then the age', () => {
    for (const total of [50, 30]) {
      const l = rowLayout(total);
      expect(l.due).toBe(6);
      expect(dueCell({ state: 'breached', text: '-1y' } as never, l.due)).toBe('✗  -1y');
    }
    expect(rowLayout(80)).toMatchObject({ requester: 12, status: 8, age: 4 });
    expect(rowLayout(50)).toMatchObject({ requester: 0, status: 8, age: 4 });
    expect(rowLayout(30)).toMatchObject({ requester: 0, status: 0, age: 0, title: 10 });
    expect(rowLayout(20)).toMatchObject({ due: 0, title: 7 });
  });
});
