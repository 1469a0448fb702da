/** The console's macro picker (`m`) and a request's checklist (`c`, Space), typed as a person would. */
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { checklistOf } from '../../src/store/checklists.js';
import { timeline } from '../../src/store/interactions.js';
import { getTemplate } from '../../src/store/request-templates.js';
import { createRequest } from '../../src/store/requests.js';
import { getTicket } from '../../src/store/ticket-view.js';
import { ensureStarterTemplates } from '../../src/io/template-files.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement, me } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';
const CTRL_S = '\x13';

async function open(d: Awaited<ReturnType<typeof tempDb>>, first: string) {
  const tui = renderTui(await consoleElement(d), { columns: 100, rows: 30 });
  await tui.waitForFrame((f) => f.includes('No tickets match this view.'));
  tui.type('2');
  await tui.waitForFrame((f) => selectedLine(f).includes(first));
  return tui;
}

describe('console: macros', () => {
  it('m finds a macro by a fuzzy word, previews the reply for this ticket, and ⏎ applies it', async () => {
    const d = await tempDb();
    await addTickets(d, [{ title: 'VPN drops every hour', requester: 'Ana Silva <ana@example.com>' }]);
    const tui = await open(d, 'VPN drops');
    tui.type(KEYS.enter);
    await tui.waitForFrame((f) => f.includes('Esc back') && f.includes('ana@example.com'));
    tui.type('m');
    await tui.waitForFrame((f) => f.includes('Macro for HD-1'));
    tui.type('detials');
    const frame = await tui.waitForFrame((f) => f.includes('▸ ask-for-details') && f.includes('Hi Ana,'));
    expect(frame).toContain('status → pending');
    expect(frame).toContain('Tess Tester');
    tui.type(KEYS.enter);
    await tui.waitForFrame((f) => f.includes('HD-1 ask-for-details applied: reply sent'));
    expect((await getTicket(d.db, 1)).status).toBe('pending');
    const replies = (await timeline(d.db, 1)).filter((e) => e.kind === 'reply');
    expect(replies.map((r) => r.body.split('\n')[0])).toEqual(['Hi Ana,']);
  });

  it('on marked tickets it asks first; a missing placeholder is named and nothing is written', async () => {
    const d = await tempDb();
    await addTickets(d, [{ title: 'Mail down for Ana', requester: 'Ana Silva <ana@example.com>' }, { title: 'Alert from monitoring' }]);
    const tui = await open(d, 'Mail down');
    tui.type('x', 'j', 'x');
    await tui.waitForFrame((f) => f.includes('*2 marked'));
    tui.type('m', 'outage');
    await tui.waitForFrame((f) => f.includes('▸ known-outage') && f.includes('{{requester.first_name}}'));
    tui.type(KEYS.enter);
    await tui.waitForFrame((f) => f.includes('Apply known-outage? (2 tickets)'));
    tui.type('y');
    await tui.waitForFrame((f) => f.includes('{{requester.first_name}}: has no value on HD-2'));
    expect((await timeline(d.db, 1)).length + (await timeline(d.db, 2)).length).toBe(0);
    expect((await getTicket(d.db, 1)).status).toBe('new');
  });
});

describe('console: a request checklist', () => {
  it('c opens the checklist, Space ticks items (the detail pane follows), and R resolves once the required ones are done', async () => {
    const d = await tempDb();
    await ensureStarterTemplates(d.db);
    const input = validateTicketInput({ title: 'Printer on floor 4', category: 'printer' });
    await createRequest(d.db, await getTemplate(d.db, 'printer-setup'), { printer: 'HP M404', location: 'Floor 4' }, input, await me(d));
    await addTickets(d, []);
    const tui = await open(d, 'Printer on floor 4');
    await tui.waitForFrame((f) => f.includes('Checklist 0/5'));
    tui.type('R', 'All set', CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-1 cannot be resolved: required items open: 1 '));
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('Discard what you typed?'));
    tui.type('y');
    await tui.waitForFrame((f) => !f.includes('Resolve HD-1'));
    tui.type('c');
    await tui.waitForFrame((f) => f.includes('Checklist HD-1 0/5 · Space ticks'));
    for (let i = 1; i <= 4; i++) {
      tui.type(' ');
      await tui.waitForFrame((f) => f.includes(`HD-1 item ${i} done (${i}/5)`) && f.includes(`[x] ${i}.`));
      tui.type('j');
    }
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('Checklist 4/5') && !f.includes('Space ticks ·'));
    tui.type('R', 'All set', CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-1 resolved'));
    expect((await checklistOf(d.db, 1)).map((i) => i.doneAt !== null)).toEqual([true, true, true, true, false]);
    expect((await getTicket(d.db, 1)).status).toBe('resolved');
  });
});
