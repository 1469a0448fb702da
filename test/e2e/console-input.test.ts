/**
 * The built console in tmux against what terminals send besides keys: colour codes and status
 * replies (`ESC[0n`) typed or pasted in every mode no longer end it (issue 13: a TypeError in Ink's
 * own key handler), and a paste is bracketed (the console turns mode 2004 on): text in a text box,
 * ignored in the queue. Quitting turns bracketed paste off again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempDir, tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

const selected = (screen: string) => screen.split('\n').find((l) => l.startsWith('▸')) ?? '';
const NOISE = ['\x1b[32m', '\x1b[0m', '\x1b[0n', '\x1b[5n', '\x1b]11;rgb:0000/0000/0000\x07', '\x1b[?1;2c'];

async function open() {
  const env = tempEnv();
  for (const title of ['VPN drops every hour', 'Printer jams']) {
    expect((await runBin(['ticket', 'create', '-t', title, '--assignee', 'me', '-q'], { env })).code).toBe(0);
  }
  const s = await tmuxSession({ cols: 80, rows: 24, env, command: [process.execPath, BIN] });
  sessions.push(s);
  await s.waitFor((x) => selected(x).includes('VPN drops') && x.includes('Timeline ('), 10_000);
  return { env, s };
}

describe('console input in tmux (built binary)', () => {
  it('colour codes and status replies in the queue, /, K, r and n leave the console up and answering', async () => {
    const { s } = await open();
    const modes: [string, string][] = [
      ['', 'j/k move'],
      ['/', '⏎ keep'],
      ['K', 'KB search'],
      ['r', 'Public reply to HD-1'],
      ['n', 'New ticket'],
    ];
    for (const [key, shown] of modes) {
      if (key) await s.sendKeys(key);
      await s.waitFor(shown);
      for (const bytes of NOISE) await s.sendBytes(bytes);
      await s.sendBytes(`\x1b[200~\x1b[31mpasted\x1b[0m\x1b[201~`);
      if (key) {
        await s.waitFor((x) => x.includes(shown) && x.includes('pasted'));
        await s.sendKeys('Escape');
        if (key === 'r' || key === 'n') await s.sendKeys('y');
        if (key === 'K') await s.sendKeys('Escape');
      } else {
        await s.waitFor('paste ignored');
      }
      await s.waitFor((x) => x.includes('j/k move') && !x.includes('Discard'));
      expect(await s.paneFormat('#{pane_dead}')).toBe('0');
    }
    await s.sendKeys('j');
    await s.waitFor((x) => selected(x).includes('Printer jams'));
  });

  it("the terminal's own paste is bracketed: a reply gets it whole, the queue ignores it, quitting turns the mode off", async () => {
    const { env, s } = await open();
    const raw = join(tempDir(), 'raw.out');
    await s.pipePane(raw);
    await s.paste('jjjR');
    await s.waitFor('paste ignored');
    expect(selected(await s.capture())).toContain('VPN drops');
    await s.sendKeys('r');
    await s.waitFor('Public reply to HD-1');
    await s.paste('Restart the client.\nThen sign in again.');
    await s.waitFor((x) => x.includes('Then sign in again.'));
    await s.sendKeys('C-s');
    await s.waitFor('HD-1 reply sent');
    await s.sendKeys('q');
    expect(await s.exited()).toBe('0');
    expect(readFileSync(raw, 'utf8')).toContain('\x1b[?2004l');
    const shown = JSON.parse((await runBin(['ticket', 'show', 'HD-1', '--json'], { env })).stdout) as { timeline: { body: string }[] };
    expect(shown.timeline.map((e) => e.body)).toEqual(['Restart the client.\nThen sign in again.']);
  });
});
