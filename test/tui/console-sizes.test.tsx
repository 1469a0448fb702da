/**
 * Issue 13 item 12 in the real component tree: a demo desk at sizes from 30×8 to 250×60. Every line
 * fits the terminal, the frame keeps rows − 1 lines, queue rows never wrap onto a second line, the
 * due time keeps its unit, and at 80 columns the header keeps the view names; where only numbers fit
 * (60×12), `?` lists which number is which view.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { width } from '../../src/tui/text/text.js';
import type { Desk } from '../helpers/temp.js';
import { renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { consoleElement, ME } from './seed.js';

async function demoDesk(): Promise<Desk> {
  const desk = await tempDb();
  await seedDemo(desk, { tickets: 400, me: ME });
  return desk;
}

/** A row with its due time, unit included, after the ref (and the status word when it shows). */
const DUE = /^.{3}[ *]HD-\d+ .*[✓!✗] +-?\d+[mhdwy] /;

/** The queue's row lines: from below its column header to the detail pane's title (or the status bar). */
function queueLines(frame: string): string[] {
  const lines = frame.split('\n');
  const start = lines.findIndex((l) => /^ {4}REF /.test(l));
  const end = lines.findIndex((l, i) => i > start && /^ Detail/.test(l));
  // Side by side (wide), the queue runs down to the status bar.
  return lines.slice(start + 1, end < 0 ? -1 : end).filter((l) => !/^[\s│]*$/.test(l));
}

describe('console at every size', () => {
  for (const [columns, rows] of [
    [30, 8],
    [50, 16],
    [60, 12],
    [80, 24],
    [100, 30],
    [250, 60],
  ] as const) {
    it(`${columns}×${rows}: lines fit, rows never wrap, the due time keeps its unit`, async () => {
      const tui = renderTui(await consoleElement(await demoDesk(), { dbName: 'helpdesk-production.db' }), { columns, rows });
      await tui.waitForFrame((f) => f.includes('▸'));
      // View 3 (Breaching soon): running clocks, so every row has a due time.
      tui.type('3');
      const frame = await tui.waitForFrame((f) => /\d/.test(f.split('\n')[0]!) && queueLines(f).some((l) => DUE.test(l)));
      const lines = frame.split('\n');
      expect(lines.length).toBeLessThanOrEqual(rows - 1);
      for (const l of lines) expect(width(l)).toBeLessThanOrEqual(columns);
      const queue = queueLines(frame);
      expect(queue.length).toBeGreaterThan(0);
      for (const l of queue) expect(l).toMatch(/^[▸ ]\S\S[ *]HD-\d+ /);
      // The time left keeps its unit (`✗  -1y`, never `✗  -1`).
      for (const l of queue) expect(l).toMatch(DUE);
    });
  }

  it('80×24: the header keeps the view names next to demo counts, and the technician is whole or absent', async () => {
    const tui = renderTui(await consoleElement(await demoDesk(), { dbName: 'helpdesk-production.db' }), { columns: 80, rows: 24 });
    const frame = await tui.waitForFrame((f) => /5 \S+ \d/.test(f.split('\n')[0]!));
    const header = frame.split('\n')[0]!;
    expect(header).toMatch(/^ 1 My q\S* \d+ +2 Unas\S* \d+ +3 Brea\S* \d+ +4 All \S* \d+ +5 Reso\S* \d+/);
    expect(header).not.toMatch(/T…|Tess T…|helpdesk-production\.db · /);
  });

  it('60×12: the views by number, and ? says which number is which view', async () => {
    const tui = renderTui(await consoleElement(await demoDesk()), { columns: 60, rows: 12 });
    await tui.waitForFrame((f) => /5 \S+/.test(f.split('\n')[0]!) && f.includes('▸'));
    tui.type('?');
    const help = await tui.waitForFrame((f) => f.includes('view: My queue'));
    expect(help).toMatch(/1 +view: My queue/);
    expect(help).toMatch(/2 +view: Unassigned/);
  });
});
