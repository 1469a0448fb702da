/** The new-ticket form as a service request: a template's fields (required ones, real dates), the requester's assets to link, the checklist. */
import { describe, expect, it } from 'vitest';
import { addAsset } from '../../src/store/assets.js';
import { checklistOf } from '../../src/store/checklists.js';
import { getTicket } from '../../src/store/ticket-view.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement, me } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';
const CTRL_S = '\x13';

async function open() {
  const d = await tempDb();
  await addTickets(d, [{ title: 'VPN drops every hour', requester: 'Ana Silva <ana@example.com>' }]);
  const actor = await me(d);
  await addAsset(d.db, { tag: 'LT-0042', type: 'laptop', model: 'Latitude 5440', owner: 'ana@example.com' }, actor);
  await addAsset(d.db, { tag: 'PH-0007', type: 'phone', model: 'iPhone 14', owner: 'ana@example.com' }, actor);
  await addAsset(d.db, { tag: 'LT-0099', type: 'laptop', model: 'Elsewhere' }, actor);
  const tui = renderTui(await consoleElement(d), { columns: 100, rows: 30 });
  await tui.waitForFrame((f) => f.includes('No tickets match this view.'));
  tui.type('2');
  await tui.waitForFrame((f) => selectedLine(f).includes('VPN drops'));
  return { d, tui };
}

describe('console: the new-ticket form with a template and assets', () => {
  it("offers the requester's assets, asks the template's fields with the CLI's checks, and creates the request with its checklist", async () => {
    const { d, tui } = await open();
    tui.type('n', KEYS.tab, 'ana@example.com');
    await tui.waitForFrame((f) => f.includes('[ ] LT-0042 laptop Latitude 5440') && f.includes('[ ] PH-0007 phone iPhone 14'));
    tui.type(KEYS.tab, ' ');
    await tui.waitForFrame((f) => f.includes('▸ Assets') && f.includes('[x] LT-0042'));
    tui.type(KEYS.tab, 'n');
    let f = await tui.waitForFrame((x) => x.includes('‹ new-hire ›') && x.includes('Full name*'));
    expect(f).toContain('Start date*');
    expect(f).toContain("Manager's email");
    expect(f).not.toContain('LT-0099');
    // Required fields are enforced: nothing typed yet.
    tui.type(CTRL_S);
    f = await tui.waitForFrame((x) => /▸ Full name\*.*✗ is required \(Full name\)/.test(x));
    tui.type('Lea Park', KEYS.tab, '2027-02-30', CTRL_S);
    f = await tui.waitForFrame((x) => /▸ Start date\*.*✗ is not a calendar date \('2027-02-30'\)/.test(x));
    tui.type(KEYS.backspace, KEYS.backspace, '01', KEYS.tab, KEYS.tab, 'not-an-email', CTRL_S);
    await tui.waitForFrame((x) => /▸ Manager's email.*✗ must be an email address/.test(x));
    tui.type(KEYS.ctrlU, 'kim@example.com', CTRL_S);
    await tui.waitForFrame(
      (x) =>
        x.includes('HD-2 created (checklist: 6 items; LT-0042 linked)') && selectedLine(x).includes('New hire: Lea Park starts 2027-02-01'),
    );

    const t = await getTicket(d.db, 2);
    expect([t.title, t.category, t.requester?.email, t.tags]).toEqual([
      'New hire: Lea Park starts 2027-02-01',
      'account',
      'ana@example.com',
      ['new-hire'],
    ]);
    expect(t.description).toBe("Full name: Lea Park\nStart date: 2027-02-01\nManager's email: kim@example.com");
    expect((await checklistOf(d.db, 2)).map((i) => i.text)[0]).toBe('Create the account');
    expect(d.sqlite.prepare('SELECT a.tag FROM ticket_assets ta JOIN assets a ON a.id = ta.asset_id WHERE ticket_id = 2').all()).toEqual([
      { tag: 'LT-0042' },
    ]);
    expect(
      JSON.parse((d.sqlite.prepare('SELECT fields FROM ticket_requests WHERE ticket_id = 2').get() as { fields: string }).fields),
    ).toEqual({
      name: 'Lea Park',
      start: '2027-02-01',
      manager: 'kim@example.com',
    });
  });

  it('a template chosen and then dropped is a plain ticket again (its fields gone); Esc asks first once a template was chosen', async () => {
    const { d, tui } = await open();
    tui.type('n', 'Dock broken', KEYS.tab, KEYS.tab, KEYS.right);
    await tui.waitForFrame((f) => f.includes('‹ leaver ›') && f.includes('Last working day*'));
    tui.type(KEYS.left);
    await tui.waitForFrame((f) => f.includes('none (a plain ticket)') && !f.includes('Last working day'));
    tui.type(CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-2 created') && !f.includes('checklist'));
    expect((await getTicket(d.db, 2)).title).toBe('Dock broken');
    expect(await checklistOf(d.db, 2)).toEqual([]);
    // Only a template chosen, nothing typed: Esc still asks.
    tui.type('n', KEYS.tab, KEYS.tab, KEYS.right);
    await tui.waitForFrame((f) => f.includes('‹ leaver ›'));
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('Discard what you typed?'));
  });
});
