import { describe, expect, it } from 'vitest';
import type { Desk } from '../../src/store/desk.js';
import { timeline } from '../../src/store/interactions.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { updateTicket } from '../../src/store/ticket-changes.js';
import { getTicket } from '../../src/store/ticket-view.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement, OTHER, secondConnection } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';
const lineCount = (frame: string) => frame.split('\n').length;
const CTRL_S = '\x13';

async function desk(): Promise<Desk> {
  const d = await tempDb();
  await addTickets(d, [
    { title: 'VPN drops every hour', priority: 'normal', requester: 'Ana Silva <ana@example.com>', description: 'Since Monday.' },
    { title: 'Printer jams', priority: 'low' },
    { title: 'Mouse broken', priority: 'low' },
    { title: 'Mine already', assignee: 'me' },
  ]);
  return d;
}

describe('console: acting on a ticket', () => {
  it('takes, prioritises, notes, replies and resolves from the Unassigned view, keeping the ticket selected', async () => {
    const d = await desk();
    const tui = renderTui(await consoleElement(d), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('Mine already'));
    tui.type('2');
    await tui.waitForFrame((f) => selectedLine(f).includes('VPN drops every hour') && f.includes('Since Monday.'));
    tui.type('a');
    let frame = await tui.waitForFrame((f) => f.includes('HD-1 assigned to you'));
    frame = await tui.waitForFrame((f) => selectedLine(f).includes('VPN drops') && f.includes('Assignee   Tess Tester'));
    tui.type('p');
    frame = await tui.waitForFrame((f) => f.includes('Priority of HD-1'));
    expect(frame).toMatch(/▸ n {2}normal/);
    expect(lineCount(frame)).toBeLessThanOrEqual(23);
    tui.type('h');
    await tui.waitForFrame((f) => f.includes('HD-1 priority high') && selectedLine(f).includes('VPN drops'));
    tui.type('i');
    await tui.waitForFrame((f) => f.includes('Internal note on HD-1'));
    tui.type('Checked the logs:');
    tui.type(KEYS.enter);
    tui.type('tunnel resets at :00');
    frame = await tui.waitForFrame((f) => f.includes('tunnel resets at :00'));
    expect(frame).toContain('Checked the logs:');
    tui.type(CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-1 internal note added'));
    tui.type('r', 'Please update the VPN client to 5.2.', CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-1 reply sent'));
    tui.type('R', 'Client updated; no drops since.', CTRL_S);
    frame = await tui.waitForFrame((f) => f.includes('HD-1 resolved') && /HD-1 +resolved .*VPN drops/.test(selectedLine(f)));

    const t = await getTicket(d.db, 1);
    expect([t.assignee?.name, t.priority, t.status, t.resolution]).toEqual([
      'Tess Tester',
      'high',
      'resolved',
      'Client updated; no drops since.',
    ]);
    const kinds = (await timeline(d.db, 1)).map((e) => `${e.kind}:${e.body}`);
    expect(kinds).toEqual([
      'note:Checked the logs:\ntunnel resets at :00',
      'reply:Please update the VPN client to 5.2.',
      'system:Resolved: Client updated; no drops since.',
    ]);
  });

  it('a compare-and-set conflict reloads the ticket, says who changed what, and gives the typed text back', async () => {
    const d = await desk();
    const tui = renderTui(await consoleElement(d), { columns: 100, rows: 30 });
    await tui.waitForFrame((f) => f.includes('Mine already'));
    tui.type('4');
    await tui.waitForFrame((f) => selectedLine(f).includes('VPN drops') && f.includes('Since Monday.'));
    tui.type('R', 'Rebooted the concentrator');
    await tui.waitForFrame((f) => f.includes('Rebooted the concentrator'));
    const other = await secondConnection(d);
    try {
      await updateTicket(other.db, 1, { priority: 'urgent' }, await ensureTechnician(other.db, OTHER));
    } finally {
      await other.close();
    }
    tui.type(CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-1: Olga Other changed priority normal → urgent meanwhile — reloaded'));
    await tui.waitForFrame((f) => f.includes('Resolve HD-1') && f.includes('Rebooted the concentrator') && selectedLine(f).includes('‼'));
    expect((await getTicket(d.db, 1)).status).toBe('new');
    tui.type(CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-1 resolved'));
    const t = await getTicket(d.db, 1);
    expect([t.status, t.priority, t.resolution]).toEqual(['resolved', 'urgent', 'Rebooted the concentrator']);
  });

  it('logs a call with minutes, escalates with a reason, changes status among allowed moves only, tags and reopens', async () => {
    const d = await desk();
    const tui = renderTui(await consoleElement(d), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('Mine already'));
    tui.type('l', '15', KEYS.tab, 'Walked Ana through the profile', CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-4 call logged (15 min)'));
    tui.type('e');
    let frame = await tui.waitForFrame((f) => f.includes('Escalate HD-4 (L1) to…'));
    expect(frame).toMatch(/▸ 2 {2}L2/);
    tui.type('2');
    await tui.waitForFrame((f) => f.includes('Escalate HD-4 to L2 — why?'));
    tui.type(CTRL_S);
    await tui.waitForFrame((f) => f.includes('a reason is required'));
    tui.type('Needs firewall access', CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-4 escalated to L2'));
    tui.type('t');
    frame = await tui.waitForFrame((f) => f.includes('Status of HD-4 (now open)'));
    expect(frame).not.toMatch(/ {2}new$/m);
    expect(frame).toMatch(/p {2}pending/);
    tui.type('p');
    await tui.waitForFrame((f) => f.includes('HD-4 now pending'));
    tui.type('#', 'vpn firewall', CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-4 tags +vpn +firewall'));
    tui.type('o');
    await tui.waitForFrame((f) => f.includes('HD-4 is pending: nothing to reopen'));
    tui.type('R', 'Opened the port', CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-4 resolved'));
    tui.type('o');
    await tui.waitForFrame((f) => f.includes('HD-4 reopened'));
    const t = await getTicket(d.db, 4);
    expect([t.status, t.tier, t.tags.join(',')]).toEqual(['open', 'L2', 'firewall,vpn']);
    const events = await timeline(d.db, 4);
    expect(events.find((e) => e.kind === 'call')).toMatchObject({ minutes: 15, body: 'Walked Ana through the profile' });
    expect(events.map((e) => e.body)).toContain('Escalated L1 → L2: Needs firewall access');
  });

  it('Esc asks before throwing typed text away; an empty box closes at once', async () => {
    const d = await desk();
    const tui = renderTui(await consoleElement(d), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('Mine already'));
    tui.type('r');
    await tui.waitForFrame((f) => f.includes('Public reply to HD-4'));
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('Detail · HD-4'));
    tui.type('r', 'half a thought');
    await tui.waitForFrame((f) => f.includes('half a thought'));
    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('Discard what you typed?'));
    tui.type('n');
    await tui.waitForFrame((f) => !f.includes('Discard what you typed?') && f.includes('half a thought'));
    tui.type(' more');
    await tui.waitForFrame((f) => f.includes('half a thought more'));
    tui.type(KEYS.escape, 'y');
    await tui.waitForFrame((f) => f.includes('Detail · HD-4') && !f.includes('half a thought'));
    expect(await timeline(d.db, 4)).toEqual([]);
  });
});
