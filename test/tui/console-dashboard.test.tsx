/**
 * The dashboard (`D`) over a real desk: its figures come from the report queries run in a worker
 * thread (the .ts source through tsx here; the bundle's .mjs in the e2e test), with a spinner first.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { workerSource } from '../../src/tui/hooks/use-dashboard.js';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { createTicket } from '../../src/store/tickets.js';
import { addTickets, consoleElement, ME, secondConnection } from './seed.js';

const lineCount = (frame: string) => frame.split('\n').length;

describe('console: dashboard', () => {
  it('D opens the dashboard: a spinner, then backlog by category and priority, 30 days of volume, SLA and technicians; refreshes on a change by another process; Esc returns', async () => {
    const desk = await tempDb();
    await addTickets(desk, [
      { title: 'VPN drops', priority: 'urgent', category: 'network', assignee: 'me' },
      { title: 'Laptop dead', priority: 'high', category: 'hardware', assignee: 'me' },
      { title: 'New starter account', priority: 'normal', category: 'account' },
      { title: 'Printer toner', priority: 'low', category: 'hardware', assignee: 'olga@example.com' },
      { title: 'Fixed already', priority: 'normal', category: 'software', status: 'resolved', resolution: 'Patched', assignee: 'me' },
    ]);
    const tui = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
    await tui.waitForFrame((f) => f.includes('VPN drops'));
    tui.type('D');
    await tui.waitForFrame((f) => /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Loading the dashboard/.test(f));
    const frame = await tui.waitForFrame((f) => f.includes('Backlog by category'), 15_000);
    expect(frame).not.toContain('VPN drops');
    expect(frame).toMatch(/Dashboard · 4 open/);
    expect(frame).toMatch(/hardware +█+ +2/);
    expect(frame).toMatch(/network +█+ +1/);
    expect(frame).toMatch(/‼ urgent +█+ +1/);
    expect(frame).toMatch(/↓ low +█+ +1/);
    expect(frame).toMatch(/first response +— +—/);
    expect(frame).toMatch(/Tess Tester +█+ +2 +1✓/);
    expect(frame).toMatch(/Olga Other +█+ +1 +0✓/);
    expect(frame).toMatch(/created +[ ▁-█]*█ +5\n/);
    expect(frame).toMatch(/resolved +[ ▁-█]*[▁-█] +1\n/);
    expect(frame).toContain('Esc back');
    expect(lineCount(frame)).toBeLessThanOrEqual(23);

    // Another process adds a ticket: the open dashboard asks its worker again.
    const other = await secondConnection(desk);
    try {
      await createTicket(
        other.db,
        validateTicketInput({ title: 'Phones down', priority: 'urgent', category: 'network' }),
        await ensureTechnician(other.db, ME),
      );
    } finally {
      await other.close();
    }
    await tui.waitForFrame((f) => /Dashboard · 5 open/.test(f) && /network +█+ +2/.test(f));

    tui.type(KEYS.escape);
    await tui.waitForFrame((f) => f.includes('VPN drops') && !f.includes('Backlog by category'));
  });

  it('fits 80×24 and uses the room of 160×48 on a seeded desk', async () => {
    const desk = await tempDb();
    await seedDemo(desk, { tickets: 800, me: ME });
    const small = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
    await small.waitForFrame((f) => f.includes(' HD-'));
    small.type('D');
    const f80 = await small.waitForFrame((f) => f.includes('Created vs resolved'), 15_000);
    expect(lineCount(f80)).toBeLessThanOrEqual(23);
    expect(f80.split('\n').every((l) => l.length <= 80)).toBe(true);
    expect(f80).toMatch(/… \d+ more/);
    small.unmount();

    const big = renderTui(await consoleElement(desk), { columns: 160, rows: 48 });
    await big.waitForFrame((f) => f.includes(' HD-'));
    big.type('D');
    const f160 = await big.waitForFrame((f) => f.includes('Created vs resolved'), 15_000);
    expect(lineCount(f160)).toBeLessThanOrEqual(47);
    expect(f160).toContain('Matteo Ricci');
    expect(f160).not.toMatch(/… \d+ more/);
  });

  it('starts the worker from the bundle next to the chunk, or from the sources through tsx', () => {
    expect(workerSource('file:///opt/deskline/dist/chunk-ABC.mjs')).toEqual({
      script: new URL('file:///opt/deskline/dist/dashboard-worker.mjs'),
      eval: false,
    });
    expect(workerSource('file:///opt/deskline/dist/console.cjs')).toEqual({
      script: new URL('file:///opt/deskline/dist/dashboard-worker.mjs'),
      eval: false,
    });
    const dev = workerSource('file:///w/src/tui/hooks/use-dashboard.ts', () => 'file:///w/node_modules/tsx/api.mjs');
    expect(dev.eval).toBe(true);
    expect(dev.script).toContain('import("file:///w/node_modules/tsx/api.mjs")');
    expect(dev.script).toContain('import("file:///w/src/tui/dashboard-worker.ts")');
  });
});
