/**
 * Mail intake in the console: with IMAP settings, a worker fetches from a real Dovecot in the
 * background; the new ticket appears in the queue and the status bar says what came, while keys keep
 * working. A refused login is one line in the status bar, and the console goes on.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveDovecot, imapConfigFor, rawMail, startDovecot, type Dovecot } from '../helpers/imap.js';
import { renderTui } from '../helpers/render-tui.js';
import { tempDb, tempDir } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

function intakeOf(d: Dovecot, password: string) {
  const passwordFile = join(tempDir(), 'imap-password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  const config = imapConfigFor(d, { passwordFile });
  return { config, acknowledge: null };
}

const statusBar = (frame: string) => frame.split('\n').filter(Boolean).at(-1) ?? '';
const selected = (f: string) => f.split('\n').find((l) => l.startsWith('▸')) ?? '';

describe.runIf(haveDovecot)('console: mail fetch', () => {
  it('fetches in the background: the new ticket shows and the status bar counts it; keys keep working', async () => {
    const dovecot = await startDovecot();
    await dovecot.append('INBOX', rawMail({ from: 'Ana Silva <ana@example.com>', subject: 'Scanner jams', id: '<s1@mail.example.com>' }));
    const desk = await tempDb();
    await addTickets(desk, [{ title: 'VPN drops', assignee: 'me' }]);
    const tui = renderTui(await consoleElement(desk, { intake: intakeOf(dovecot, dovecot.password) }), { columns: 120, rows: 24 });
    // The worker loads imapflow and mailparser first: slow on a busy machine.
    await tui.waitForFrame((f) => statusBar(f).includes('mail 1 new') && f.includes('All open 2'), 30_000);
    expect(desk.sqlite.prepare('SELECT title, channel FROM tickets WHERE id = 2').get()).toEqual({
      title: 'Scanner jams',
      channel: 'email',
    });
    tui.type('4');
    const frame = await tui.waitForFrame((f) => f.includes('Scanner jams') && f.includes('VPN drops'));
    const first = selected(frame).includes('VPN drops') ? 'VPN drops' : 'Scanner jams';
    tui.type('j');
    await tui.waitForFrame((f) => selected(f).includes(first === 'VPN drops' ? 'Scanner jams' : 'VPN drops'));
    expect((await dovecot.list('INBOX')).map((m) => m.seen)).toEqual([true]);
  }, 60_000);

  it('shows a refused login in one line of the status bar, without the password', async () => {
    const dovecot = await startDovecot();
    const desk = await tempDb();
    await addTickets(desk, [{ title: 'VPN drops', assignee: 'me' }]);
    const tui = renderTui(await consoleElement(desk, { intake: intakeOf(dovecot, 'wrong-pass-77') }), { columns: 160, rows: 24 });
    const frame = await tui.waitForFrame((f) => statusBar(f).includes('mail: imap'), 30_000);
    expect(statusBar(frame)).toContain(`mail: imap 127.0.0.1:${dovecot.port}: login refused for ${dovecot.user}`);
    expect(frame).not.toContain('wrong-pass-77');
    expect(selected(frame)).toContain('VPN drops');
  }, 60_000);
});
