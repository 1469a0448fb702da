/**
 * The welcome screen (a desk without tickets): `d` asks before loading demo data and says how many
 * tickets and into which file; a desk holding KB articles says so and keeps them; `K` and `n` work
 * there; `K dns` typed in one read opens the KB search with "dns" in its box and never seeds.
 */
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/domain/query.js';
import { createArticle, getArticle } from '../../src/store/kb.js';
import { countTickets } from '../../src/store/ticket-list.js';
import { demoLoader } from '../../src/tui/session/demo.js';
import type { Desk } from '../../src/store/desk.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { consoleElement, me, ME } from './seed.js';

const tickets = (desk: Desk) => countTickets(desk.db, parseQuery(''), { meId: null, now: Date.now() });

async function ourArticle(desk: Desk) {
  return createArticle(
    desk.db,
    {
      slug: 'password-reset',
      title: 'Our own password reset',
      body: 'Call the service desk on 4321.',
      category: 'account',
      tags: [],
      audience: 'internal',
      status: 'published',
    },
    await me(desk),
  );
}

describe('console: the welcome screen asks before it seeds', () => {
  it('d asks "Load 2,000 demo tickets into desk.db? y/n"; n leaves the desk empty', async () => {
    const desk = await tempDb();
    const tui = renderTui(await consoleElement(desk, { demo: demoLoader(ME) }), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('has no tickets yet') && f.includes('d load demo data (2,000 demo tickets'));
    expect(tui.lastFrame()).not.toContain('a few hundred');
    tui.type('d');
    let frame = await tui.waitForFrame((f) => f.includes('Load 2,000 demo tickets into desk.db? y/n'));
    expect(frame).toMatch(/y yes +n no/);
    tui.type('n');
    frame = await tui.waitForFrame((f) => !f.includes('y/n') && f.includes('no demo data loaded'));
    expect(frame).toContain('has no tickets yet');
    expect(await tickets(desk)).toBe(0);
  });

  it('a desk holding KB articles says so, still asks, and y keeps the articles as they were', async () => {
    const desk = await tempDb();
    const before = await ourArticle(desk);
    const tui = renderTui(await consoleElement(desk, { demo: demoLoader(ME, 120) }), { columns: 100, rows: 24 });
    await tui.waitForFrame((f) => f.includes('desk.db has no tickets yet; it holds 1 KB article.'));
    tui.type('d');
    await tui.waitForFrame(
      (f) => f.includes('desk.db is not empty: its KB article stays as it is.') && f.includes('Load 120 demo tickets into desk.db? y/n'),
    );
    expect(await tickets(desk)).toBe(0);
    tui.type('y');
    await tui.waitForFrame((f) => /1 My qu\S* [1-9]/.test(f) && !f.includes('has no tickets yet'), 15_000);
    expect(await tickets(desk)).toBe(120);
    const after = await getArticle(desk.db, 'password-reset');
    expect(after.body).toBe(before.body);
    expect(after.version).toBe(before.version);
  });

  it('K dns typed in one read opens the KB search with "dns" in the box, and seeds nothing', async () => {
    const desk = await tempDb();
    await ourArticle(desk);
    const tui = renderTui(await consoleElement(desk, { demo: demoLoader(ME) }), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('K search the knowledge base (1 article)'));
    tui.type('K dns');
    const frame = await tui.waitForFrame((f) => f.includes('KB search › dns'));
    expect(frame).not.toContain('Load 2,000');
    tui.type(KEYS.ctrlU, 'password');
    await tui.waitForFrame((f) => /KB-\d+ +Our own password reset/.test(f));
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('has no tickets yet') && !f.includes('KB search'));
    // Back from the KB, the welcome screen still knows what the desk holds (no blank first frame).
    tui.type('d');
    const asked = await tui.waitForFrame((f) => f.includes('y/n'));
    expect(asked).toContain('desk.db is not empty: its KB article stays as it is.');
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('no demo data loaded'));
    expect(await tickets(desk)).toBe(0);
  });

  it('n opens the new-ticket form from the welcome screen; saving it leaves the welcome screen', async () => {
    const desk = await tempDb();
    const tui = renderTui(await consoleElement(desk, { demo: demoLoader(ME) }), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('n create the first ticket'));
    tui.type('n');
    await tui.waitForFrame((f) => f.includes('New ticket'));
    tui.type('Printer on fire');
    await tui.waitForFrame((f) => f.includes('Printer on fire'));
    tui.type('\x13');
    await tui.waitForFrame((f) => !f.includes('has no tickets yet') && /2 Unass… 1/.test(f));
    expect(await tickets(desk)).toBe(1);
  });
});
