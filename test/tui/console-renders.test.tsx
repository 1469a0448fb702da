/**
 * One key in the queue costs at most two renders: the key itself (selection moved, detail asked
 * for), and the detail's answer (ticket, timeline and suggested articles together, measured in the
 * reducer). Counted as React commits of the whole console tree while moving with j.
 */
import { Profiler, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';
/** HD-n's detail with everything in: the ticket read and the suggestions looked up (the timeline may sit below the fold). */
const settled = (frame: string, n: number) =>
  selectedLine(frame).includes(`HD-${n} `) &&
  frame.includes(`Detail · HD-${n}`) &&
  frame.includes(`Tray ${n} again.`) &&
  frame.includes('Suggested articles') &&
  !frame.includes('Looking…') &&
  !frame.includes('Loading…');

describe('console: renders per key', () => {
  it('j in the queue renders at most twice: the key, then the detail answer', async () => {
    const desk = await tempDb();
    await addTickets(
      desk,
      Array.from({ length: 6 }, (_, i) => ({ title: `Printer ${i + 1} jams`, assignee: 'me', description: `Tray ${i + 1} again.` })),
    );
    let commits = 0;
    const element = createElement(Profiler, { id: 'console', onRender: () => void commits++ }, await consoleElement(desk));
    const tui = renderTui(element, { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => settled(f, 1));
    const keys = 4;
    commits = 0;
    for (let n = 2; n <= keys + 1; n++) {
      tui.type('j');
      await tui.waitForFrame((f) => settled(f, n));
    }
    expect(commits, `${commits} commits for ${keys} keys`).toBeLessThanOrEqual(2 * keys);
  });
});
