/**
 * The built console's help in tmux (issue 13 item 13): at 160×48 side by side with nothing cut and
 * the article reader and the draft-an-article question under headings of their own; at 80×24 keys
 * typed together (`jjjjj` in one write) scroll it five lines.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

async function open(cols: number, rows: number) {
  const env = tempEnv();
  expect((await runBin(['ticket', 'create', '-t', 'VPN drops', '--assignee', 'me', '-q'], { env })).code).toBe(0);
  const s = await tmuxSession({ cols, rows, env, command: [process.execPath, BIN] });
  sessions.push(s);
  await s.waitFor('VPN drops', 10_000);
  await s.sendKeys('?');
  return s;
}

describe('console help in tmux (built binary)', () => {
  it('160×48: side by side, descriptions wrapped not cut, reader and draft question under their own headings', async () => {
    const s = await open(160, 48);
    const screen = await s.waitFor('Keys (as configured) — Esc closes');
    expect(screen).toContain('Article reader (⏎ on a KB result)');
    expect(screen).toContain('Draft-an-article question (after R)');
    expect(screen).toMatch(/ {13}\(logs the minutes\)/);
    expect(screen).not.toMatch(/the ticket \(…|comp…|typ…/);
    expect((screen.split('\n')[47] ?? '').trim()).toBe('');
  });

  it('80×24: jjjjj in one write scrolls five lines', async () => {
    const s = await open(80, 24);
    await s.waitFor(/ 1-20\/\d+/);
    await s.type('jjjjj');
    await s.waitFor(/ 6-25\/\d+/);
    await s.sendKeys('Escape');
    await s.waitFor((x) => !x.includes('Keys (as configured)'));
  });
});
