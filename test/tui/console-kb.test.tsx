import { describe, expect, it } from 'vitest';
import type { Desk } from '../../src/store/desk.js';
import { timeline } from '../../src/store/interactions.js';
import { findArticle } from '../../src/store/kb.js';
import { loadStarterKb } from '../../src/io/kb-import.js';
import { linkedArticles } from '../../src/store/kb-links.js';
import { getTicket } from '../../src/store/ticket-view.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';
const lineCount = (frame: string) => frame.split('\n').length;
const CTRL_K = '\x0b';
const CTRL_S = '\x13';

async function desk(): Promise<Desk> {
  const d = await tempDb();
  await loadStarterKb(d.db);
  await addTickets(d, [
    { title: 'VPN drops every hour', assignee: 'me', description: 'Since Monday.' },
    { title: 'Printer jams on 4th floor', assignee: 'me', description: 'Tray 2 jams on every job.' },
    { title: 'Mouse broken', assignee: 'me' },
  ]);
  return d;
}

async function printerJamId(d: Desk): Promise<number> {
  return (await findArticle(d.db, 'printer-jams'))!.id;
}

describe('console: the knowledge base', () => {
  it('K searches as you type (typos too), Enter reads full screen, Esc Esc comes back to the same ticket', async () => {
    const d = await desk();
    const kb = await printerJamId(d);
    const tui = renderTui(await consoleElement(d), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('Mouse broken'));
    tui.type('j');
    await tui.waitForFrame((f) => selectedLine(f).includes('Printer jams on 4th floor'));
    tui.type('K');
    await tui.waitForFrame((f) => f.includes('KB search ›'));
    tui.type('pritner jam');
    let frame = await tui.waitForFrame((f) => f.includes(`KB-${kb}  Clear a paper jam`) && f.includes('searched: printer jam'));
    // Matched words shown in brackets without colour; the selected result first; frame within rows − 1.
    expect(selectedLine(frame)).toContain(`KB-${kb}  Clear a paper jam`);
    expect(frame).toMatch(/\[jams?\]/);
    expect(lineCount(frame)).toBeLessThanOrEqual(23);
    // The stacked preview renders the article below the results.
    frame = await tui.waitForFrame((f) => f.includes(`Preview · KB-${kb}`) && f.includes("Don't pull hard"));

    tui.type(KEYS.enter);
    frame = await tui.waitForFrame((f) => f.split('\n')[1]?.includes(`KB-${kb} · Clear a paper jam`) === true && /\d+-\d+\/\d+/.test(f));
    expect(frame).not.toContain('KB search ›');
    tui.type('G');
    frame = await tui.waitForFrame((f) => /(\d+)-(\d+)\/\2 *$/m.test(f.split('\n')[1] ?? ''));
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('KB search › pritner jam'));
    tui.type(KEYS.escape);
    frame = await tui.waitForFrame((f) => f.includes('Mouse broken') && !f.includes('KB search'));
    expect(selectedLine(frame)).toContain('Printer jams on 4th floor');
  });

  it('never draws more than rows − 1 lines or wider than the terminal; a short terminal drops the preview', async () => {
    const d = await desk();
    for (const [columns, rows] of [
      [60, 12],
      [80, 24],
      [100, 20],
      [160, 48],
    ] as const) {
      const tui = renderTui(await consoleElement(d), { columns, rows });
      await tui.waitForFrame((f) => f.includes('Mouse broken'));
      tui.type('K', 'printer');
      let frame = await tui.waitForFrame((f) => /\d+ results/.test(f) && (rows < 16 || f.includes('Preview · KB-')));
      const check = (f: string) => {
        expect(lineCount(f), `${columns}×${rows}`).toBeLessThanOrEqual(rows - 1);
        expect(Math.max(...f.split('\n').map((l) => [...l].length)), `${columns}×${rows}`).toBeLessThanOrEqual(columns);
      };
      check(frame);
      if (rows < 16) expect(frame).not.toContain('Preview');
      tui.type(KEYS.enter);
      frame = await tui.waitForFrame((f) => !f.includes('KB search ›') && !f.includes('Loading…') && /KB-\d+ · /.test(f));
      check(frame);
      tui.unmount();
    }
  });

  it('Tab gives the results the keys: j/k move, / goes back to typing', async () => {
    const d = await desk();
    const tui = renderTui(await consoleElement(d), { columns: 130, rows: 30 });
    await tui.waitForFrame((f) => f.includes('Mouse broken'));
    tui.type('K', 'printer');
    let frame = await tui.waitForFrame((f) => /[2-9] results/.test(f) && f.includes('Preview · KB-'));
    // Wide: results and the preview side by side.
    const first = selectedLine(frame);
    expect(frame.split('\n').some((l) => l.includes(' │ ') && l.includes('KB-'))).toBe(true);
    tui.type(KEYS.tab, 'j');
    frame = await tui.waitForFrame((f) => selectedLine(f) !== first && selectedLine(f).includes('KB-'));
    tui.type('k');
    await tui.waitForFrame((f) => selectedLine(f) === first);
    tui.type('/', 's');
    await tui.waitForFrame((f) => f.includes('KB search › printers'));
  });

  it('shows suggested articles on the ticket; L links one (picker), marked linked and stored', async () => {
    const d = await desk();
    const kb = await printerJamId(d);
    const tui = renderTui(await consoleElement(d), { columns: 100, rows: 40 });
    await tui.waitForFrame((f) => f.includes('Mouse broken'));
    tui.type('j');
    let frame = await tui.waitForFrame((f) => f.includes('Suggested articles (L links)') && f.includes(`KB-${kb}  Clear a paper jam`));
    const suggested = frame.split('\n').filter((l) => /^[·✓] KB-\d+ /.test(l.trim()));
    expect(suggested.length).toBeGreaterThanOrEqual(1);
    expect(suggested.length).toBeLessThanOrEqual(5);
    tui.type('L');
    if (suggested.length > 1) {
      frame = await tui.waitForFrame((f) => f.includes('Link a KB article to HD-2'));
      const option = frame.split('\n').find((l) => l.includes(`KB-${kb}  Clear a paper jam`))!;
      tui.type(/ (\d) {2}KB-/.exec(option)![1]!);
    }
    frame = await tui.waitForFrame((f) => f.includes(`KB-${kb} linked to HD-2`) && f.includes(`✓ KB-${kb}  Clear a paper jam  (linked)`));
    expect((await linkedArticles(d.db, 2)).map((a) => a.id)).toEqual([kb]);
  });

  it('Ctrl+K in a reply inserts the top suggestion at the cursor', async () => {
    const d = await desk();
    const kb = await printerJamId(d);
    const tui = renderTui(await consoleElement(d), { columns: 100, rows: 30 });
    await tui.waitForFrame((f) => f.includes('Mouse broken'));
    tui.type('j');
    await tui.waitForFrame((f) => f.includes(`KB-${kb}  Clear a paper jam`));
    tui.type('r');
    await tui.waitForFrame((f) => f.includes('Public reply to HD-2'));
    tui.type('Hi! ');
    await tui.waitForFrame((f) => f.includes('Hi!'));
    tui.type(CTRL_K);
    await tui.waitForFrame((f) => f.includes(`Hi! See KB-${kb}: Clear a paper jam`));
    tui.type(CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-2 reply sent'));
    expect((await timeline(d.db, 2)).map((e) => e.body)).toEqual([`Hi! See KB-${kb}: Clear a paper jam`]);
  });

  it('after a resolve, offers a draft article: y drafts it and opens it full screen', async () => {
    const d = await desk();
    const tui = renderTui(await consoleElement(d), { columns: 100, rows: 30 });
    await tui.waitForFrame((f) => f.includes('Mouse broken'));
    tui.type('j');
    await tui.waitForFrame((f) => f.includes('Detail · HD-2'));
    tui.type('R', 'Replaced the pickup roller in tray 2.', CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-2 resolved · draft a KB article from it? y (any other key goes on)'));
    tui.type('y');
    const frame = await tui.waitForFrame(
      (f) => /KB-\d+ drafted from HD-2/.test(f) && f.includes('Printer jams on 4th floor') && f.includes('Replaced the pickup roller'),
    );
    const id = Number(/KB-(\d+) drafted from HD-2/.exec(frame)![1]);
    const draft = await findArticle(d.db, id);
    expect([draft?.status, draft?.audience, draft?.title]).toEqual(['draft', 'internal', 'Printer jams on 4th floor']);
    expect((await getTicket(d.db, 2)).status).toBe('resolved');
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('Mouse broken') && !f.includes('drafted from HD-2 ·'));
  });

  it('any other key declines the draft offer and does what it does', async () => {
    const d = await desk();
    const tui = renderTui(await consoleElement(d), { columns: 100, rows: 30 });
    await tui.waitForFrame((f) => f.includes('Mouse broken'));
    tui.type('R', 'Fixed.', CTRL_S);
    await tui.waitForFrame((f) => f.includes('draft a KB article from it? y (any other key goes on)'));
    tui.type('j');
    await tui.waitForFrame((f) => !f.includes('(y/n)') && f.includes('Detail · HD-2'));
  });
});
