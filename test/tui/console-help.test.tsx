import { describe, expect, it } from 'vitest';
import { getTicket } from '../../src/store/ticket-view.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';
const lines = (frame: string) => frame.split('\n');
const DIALOG =
  /Priority of HD|Assign HD-1 to|Status of HD|Escalate HD|Public reply to|Phone call on|Resolve HD|Tags for|New ticket|Keys \(as configured|Assign to you\? \(2 tickets\)/;

async function open(columns: number, rows: number, remaps?: Record<string, string>) {
  const d = await tempDb();
  await addTickets(d, [
    { title: 'VPN drops every hour', assignee: 'me', description: 'Since Monday.' },
    { title: 'Printer jams', assignee: 'me' },
  ]);
  const tui = renderTui(await consoleElement(d, { remaps }), { columns, rows });
  await tui.waitForFrame((f) => selectedLine(f).includes('VPN drops'));
  return { d, tui };
}

describe('console: help and fit', () => {
  it('? shows every binding grouped by pane, scrolls with j at 80×24 and closes with Esc', async () => {
    const { tui } = await open(80, 24);
    tui.type('?');
    let frame = await tui.waitForFrame((f) => f.includes('Keys (as configured)'));
    expect(lines(frame).length).toBeLessThanOrEqual(23);
    expect(frame).toContain('Queue and detail');
    expect(frame).toMatch(/ {2}a +assign to me \(take it\)/);
    const where = /1-(\d+)\/(\d+)/.exec(frame)!;
    expect(Number(where[2])).toBeGreaterThan(Number(where[1]));
    tui.type('j', 'j');
    frame = await tui.waitForFrame((f) => / 3-\d+\/\d+/.test(f));
    for (let i = 0; i < 200; i++) tui.type('j');
    frame = await tui.waitForFrame((f) => / \d+-(\d+)\/\1$/m.test(f));
    expect(frame).toContain('Welcome screen');
    expect(lines(frame).length).toBeLessThanOrEqual(23);
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('Detail · HD-1'));
  });

  it('fits the whole help in columns on 160×48', async () => {
    const { tui } = await open(160, 48);
    tui.type('?');
    const frame = await tui.waitForFrame((f) => f.includes('Keys (as configured) — Esc closes'));
    expect(lines(frame).length).toBeLessThanOrEqual(47);
    for (const group of [
      'Queue and detail',
      'Filter box (/)',
      'Pickers',
      'Text boxes and the new-ticket form',
      'Questions',
      'Welcome screen',
      'Article reader (⏎ on a KB result)',
      'Draft-an-article question (after R)',
    ])
      expect(frame).toContain(group);
    // Descriptions wrap under themselves instead of being cut (issue 13: cut while 10 rows stayed empty).
    expect(frame).toMatch(/ {2}T +start \/ stop a timer/);
    expect(frame).toMatch(/ {13}\(logs the minutes\)/);
    expect(frame).not.toMatch(/\(logs…|comp…|typ…/);
  });

  it('keys sent together scroll the help: jjjjj in one read moves five lines', async () => {
    const { tui } = await open(80, 24);
    tui.type('?');
    await tui.waitForFrame((f) => / 1-20\/\d+/.test(f));
    tui.type('jjjjj');
    await tui.waitForFrame((f) => / 6-25\/\d+/.test(f));
    tui.type('kk');
    await tui.waitForFrame((f) => / 4-23\/\d+/.test(f));
  });

  it('remapped keys work, show in the help and in the status bar; the old key no longer acts', async () => {
    const { d, tui } = await open(160, 48, { assignMe: 'm', help: 'h' });
    let frame = await tui.waitForFrame((f) => f.includes('m take') && f.includes('h help'));
    expect(frame).not.toContain(' a take');
    tui.type('j', 'a');
    await tui.waitForFrame((f) => selectedLine(f).includes('Printer jams'));
    tui.type('h');
    frame = await tui.waitForFrame((f) => f.includes('Keys (as configured)'));
    expect(frame).toMatch(/ {2}m +assign to me/);
    expect(frame).not.toMatch(/ {2}a +assign to me/);
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => !f.includes('Keys (as configured)'));
    expect((await getTicket(d.db, 2)).version).toBe(1);
  });

  it('no dialog ever draws more than rows − 1 lines or wider than the terminal', async () => {
    for (const [columns, rows] of [
      [80, 24],
      [60, 12],
      [160, 48],
    ] as const) {
      const { tui } = await open(columns, rows);
      for (const keys of [['p'], ['A'], ['t'], ['e'], ['r'], ['l'], ['R'], ['#'], ['n'], ['?'], ['x', 'j', 'x', 'a']]) {
        tui.type(...keys);
        const frame = await tui.waitForFrame((f) => DIALOG.test(f));
        expect(lines(frame).length, `${keys.join('')} at ${columns}×${rows}`).toBeLessThanOrEqual(rows - 1);
        expect(Math.max(...lines(frame).map((l) => [...l].length)), `${keys.join('')} at ${columns}×${rows}`).toBeLessThanOrEqual(columns);
        tui.type(KEYS.escape);
        if (keys.length > 1) tui.type('X');
        await tui.waitForFrame((f) => !DIALOG.test(f) && f.includes('Detail · ') && !f.includes('marked'));
      }
      tui.unmount();
    }
  });
});
