/**
 * The outbox in the console: the status bar counts what waits and what failed, and with delivery
 * configured a worker thread sends in the background while keys keep working, even when the server
 * never answers.
 */
import { describe, expect, it } from 'vitest';
import type { SmtpConfig } from '../../src/io/mail-settings.js';
import { addInteraction } from '../../src/store/interactions.js';
import { renderTui } from '../helpers/render-tui.js';
import { startSmtp } from '../helpers/smtp.js';
import { tempDb, type Desk } from '../helpers/temp.js';
import { addTickets, consoleElement, me } from './seed.js';

async function deskWithReplies(n: number): Promise<Desk> {
  const desk = await tempDb();
  await addTickets(desk, [
    { title: 'Printer offline', assignee: 'me', requester: 'Ana Silva <ana@example.com>' },
    { title: 'VPN drops', assignee: 'me' },
  ]);
  const actor = await me(desk);
  for (let i = 1; i <= n; i++) await addInteraction(desk.db, 1, { kind: 'reply', body: `Reply ${i}` }, actor);
  return desk;
}

const smtpAt = (port: number, timeoutMs = 20_000): SmtpConfig => ({
  host: '127.0.0.1',
  port,
  security: 'none',
  user: null,
  from: 'help@example.com',
  timeoutMs,
  passwordFile: null,
  caFile: null,
});

const statusBar = (frame: string) => frame.split('\n').filter(Boolean).at(-1) ?? '';

describe('console: outbox', () => {
  it('counts waiting and failed mail in the status bar, and says when nothing can deliver it', async () => {
    const desk = await deskWithReplies(2);
    desk.sqlite.prepare(`UPDATE outbox SET status = 'failed', last_error = 'no such user' WHERE id = 2`).run();
    const tui = renderTui(await consoleElement(desk), { columns: 120, rows: 24 });
    const frame = await tui.waitForFrame((f) => statusBar(f).includes('outbox'));
    expect(statusBar(frame)).toContain('outbox 1 waiting (no delivery) · 1 failed');
  });

  it('sends in the background when delivery is configured; the count goes once the server has the mail', async () => {
    const smtp = await startSmtp();
    const desk = await deskWithReplies(3);
    const tui = renderTui(await consoleElement(desk, { mail: smtpAt(smtp.port) }), { columns: 120, rows: 24 });
    await smtp.arrived(3);
    await tui.waitForFrame((f) => f.includes('Printer offline') && !statusBar(f).includes('outbox'));
    expect(smtp.received.map((r) => r.mail.text?.split('\n')[0])).toEqual(['Reply 1', 'Reply 2', 'Reply 3']);
    expect(desk.sqlite.prepare(`SELECT count(*) AS n FROM outbox WHERE status = 'sent'`).get()).toEqual({ n: 3 });
  });

  it('keeps answering keys while the server never answers', async () => {
    const smtp = await startSmtp('hang');
    const desk = await deskWithReplies(1);
    const tui = renderTui(await consoleElement(desk, { mail: smtpAt(smtp.port) }), { columns: 120, rows: 24 });
    await tui.waitForFrame((f) => statusBar(f).includes('outbox 1 waiting'));
    // The worker has claimed the message and waits on the server.
    await expect.poll(() => desk.sqlite.prepare('SELECT status FROM outbox').get(), { timeout: 15_000 }).toEqual({ status: 'sending' });
    const selected = (f: string) => f.split('\n').find((l) => l.startsWith('▸')) ?? '';
    const first = selected(tui.lastFrame()).includes('VPN drops') ? 'VPN drops' : 'Printer offline';
    const second = first === 'VPN drops' ? 'Printer offline' : 'VPN drops';
    tui.type('j');
    await tui.waitForFrame((f) => selected(f).includes(second));
    tui.type('k');
    await tui.waitForFrame((f) => selected(f).includes(first));
    expect(smtp.received).toHaveLength(0);
  });
});
