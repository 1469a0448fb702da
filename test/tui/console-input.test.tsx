/**
 * What a terminal sends that is not a key: colour codes in a paste, status replies (`ESC[0n`), OSC
 * replies, bracketed pastes. In every mode the console stays up; a paste lands in a text box whole
 * (never as key commands) and is ignored, with a word in the status bar, anywhere else.
 */
import { describe, expect, it } from 'vitest';
import { timeline } from '../../src/store/interactions.js';
import { getTicket } from '../../src/store/ticket-view.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';
const CTRL_S = '\x13';
const paste = (text: string) => `\x1b[200~${text}\x1b[201~`;
/** Reads a terminal may send unasked, or a paste from a terminal without bracketed paste. */
const NOISE = ['\x1b[32m', '\x1b[0m', '\x1b[0n', '\x1b[5n', '\x1b]11;rgb:0000/0000/0000\x07', '\x1b[?1;2c', '\x1b[12;40R', '\x1bOP'];

async function open() {
  const d = await tempDb();
  await addTickets(d, [
    { title: 'VPN drops every hour', assignee: 'me' },
    { title: 'Printer jams', assignee: 'me' },
  ]);
  const tui = renderTui(await consoleElement(d), { columns: 80, rows: 24 });
  await tui.waitForFrame((f) => selectedLine(f).includes('VPN drops') && f.includes('Timeline ('));
  return { d, tui };
}

describe('console: escape sequences and pastes', () => {
  it('survives colour codes, status and OSC replies in the queue, the filter, the KB, a reply and the form', async () => {
    const { tui } = await open();
    const modes: [string, string, (f: string) => boolean][] = [
      ['queue', '', (f) => f.includes('j/k move')],
      ['/', '/', (f) => f.includes('⏎ keep')],
      ['K', 'K', (f) => f.includes('KB search')],
      ['r', 'r', (f) => f.includes('Public reply to')],
      ['n', 'n', (f) => f.includes('New ticket')],
    ];
    for (const [name, open, shown] of modes) {
      if (open) tui.type(open);
      await tui.waitForFrame(shown);
      tui.type(...NOISE);
      // The console still answers: j moves in the queue, text goes into a box.
      tui.type(name === 'queue' ? 'j' : 'ok');
      const frame = await tui.waitForFrame((f) => shown(f) && (name === 'queue' ? selectedLine(f).includes('Printer') : f.includes('ok')));
      expect(frame, name).not.toMatch(/\[32m|\[0n|rgb:|TypeError/);
      if (name === 'queue') tui.type('k');
      tui.type(KEYS.escape);
      if (name === 'r' || name === 'n') tui.type('y');
      if (name === 'K') tui.type(KEYS.escape);
      await tui.waitForFrame((f) => f.includes('j/k move') && !f.includes('Discard'));
    }
    tui.type('j');
    await tui.waitForFrame((f) => selectedLine(f).includes('Printer jams'));
  });

  it('a bracketed paste goes into a reply whole, newlines kept and colours dropped; its keys are not keys', async () => {
    const { d, tui } = await open();
    tui.type('r');
    await tui.waitForFrame((f) => f.includes('Public reply to HD-1'));
    // A paste over several reads, with what would be Ctrl+S and Esc inside it.
    tui.type('\x1b[200~Restart the \x1b[1mVPN\x1b[0m client.\r\n', 'Then sign in\x13 again.\x1b', '[201~');
    await tui.waitForFrame((f) => f.includes('Then sign in again.') && f.includes('Public reply to HD-1'));
    tui.type(CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-1 reply sent'));
    expect((await timeline(d.db, 1)).map((e) => e.body)).toEqual(['Restart the VPN client.\nThen sign in again.']);
  });

  it('a paste in the queue is ignored, with a word in the status bar: its letters are not commands', async () => {
    const { d, tui } = await open();
    const before = await getTicket(d.db, 1);
    tui.type(paste('jaRq'));
    await tui.waitForFrame((f) => f.includes('paste ignored'));
    tui.type('j');
    const frame = await tui.waitForFrame((f) => selectedLine(f).includes('Printer jams'));
    expect(frame).not.toContain('Resolve');
    const t = await getTicket(d.db, 1);
    expect([t.version, t.assignee?.name, t.status]).toEqual([before.version, before.assignee?.name, before.status]);
  });

  it('a paste fills the filter box and the KB search box on one line', async () => {
    const { tui } = await open();
    tui.type('/', paste('printer\r\njams'));
    await tui.waitForFrame((f) => f.includes(' / printer jams') && selectedLine(f).includes('Printer jams'));
    tui.type(KEYS.escape, 'K', paste('vpn\tprofile'));
    await tui.waitForFrame((f) => f.includes('KB search › vpn    profile') || f.includes('KB search › vpn profile'));
  });

  it('Esc then a key typed fast is two keys where Alt+key means nothing', async () => {
    const { tui } = await open();
    tui.type('r', 'half');
    await tui.waitForFrame((f) => f.includes('half'));
    tui.type('\x1by');
    await tui.waitForFrame((f) => f.includes('j/k move') && !f.includes('half'));
  });
});
