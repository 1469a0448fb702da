/**
 * An error nobody expected ends the console without losing work: the running timer is logged as `T`
 * would, text typed but not sent is saved to a private draft file and opens again in its box at the
 * next start, the terminal is given back, one line says what happened, and the exit code is not 0.
 * Driven through main.ts's runConsole with test streams; the error is a clock that starts throwing.
 */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { timeline } from '../../src/store/interactions.js';
import { runConsole } from '../../src/tui/main.js';
import { draftFile, takeDrafts } from '../../src/tui/session/drafts.js';
import { PASTE_OFF, PASTE_ON, LEAVE_ALT } from '../../src/tui/session/terminal.js';
import { renderTui, TestStdin, TestStdout } from '../helpers/render-tui.js';
import { tempDb, tempEnv } from '../helpers/temp.js';
import { addTickets, consoleElement, consoleProps } from './seed.js';

const CTRL_S = '\x13';
const waitFor = (out: TestStdout, test: (all: string) => boolean) =>
  new Promise<void>((resolve) => {
    const check = () => test(out.frames.join('')) && (out.off('frame', check), resolve());
    out.on('frame', check);
    check();
  });

describe('console: an unexpected error', () => {
  it('logs the running timer, saves the half-typed reply (0600), restores the terminal, says so in one line, exits 5', async () => {
    const desk = await tempDb();
    await addTickets(desk, [{ title: 'VPN drops every hour', assignee: 'me' }]);
    const env = tempEnv();
    const started = Date.now();
    let broken = false;
    const clock = () => {
      if (broken) throw new Error('the clock broke');
      return started;
    };
    const stdout = new TestStdout(80, 24);
    const stderr = new TestStdout(80, 24);
    const stdin = new TestStdin();
    const io = { stdout, stderr, stdin, env } as never;
    const ran = runConsole(io, await consoleProps(desk, { clock, env }));
    await waitFor(stdout, (all) => all.includes('VPN drops every hour') && all.includes('Timeline ('));
    stdin.write('T');
    await waitFor(stdout, (all) => all.includes('⏱ HD-1'));
    stdin.write('r');
    stdin.write('Restart the VPN client, then');
    await waitFor(stdout, (all) => all.includes('Restart the VPN client, then'));
    broken = true;
    stdin.write(' sign');
    const code = await ran;

    expect(code).toBe(5);
    const lines = stderr.frames.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    const file = draftFile(env, desk.path);
    expect(lines[0]).toBe(
      `deskline: the console stopped: internal error: the clock broke; 1 min logged on HD-1; unsent text saved in ${file}; it opens again at the next start`,
    );
    const out = stdout.frames.join('');
    expect(out.startsWith(`\x1b[?1049h\x1b[H${PASTE_ON}`)).toBe(true);
    expect(out.endsWith(`${PASTE_OFF}${LEAVE_ALT}\x1b[?25h`)).toBe(true);
    expect((await timeline(desk.db, 1)).map((e) => [e.kind, e.body, e.minutes])).toEqual([['note', 'Time logged: 1 min', 1]]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dirname(file)).mode & 0o777).toBe(0o700);

    // The next start on the same desk opens the reply again, text and all (the last key too); the file is gone once read.
    const reopened = takeDrafts(env, desk.path);
    expect(() => statSync(file)).toThrow();
    const tui = renderTui(await consoleElement(desk, { reopened }), { columns: 80, rows: 24 });
    await tui.waitForFrame(
      (f) => f.includes('Public reply to HD-1') && f.includes('Restart the VPN client, then sign') && f.includes('is back'),
    );
    tui.type(' in again.', CTRL_S);
    await tui.waitForFrame((f) => f.includes('HD-1 reply sent'));
    expect((await timeline(desk.db, 1)).map((e) => e.body)).toContain('Restart the VPN client, then sign in again.');
  });
});
