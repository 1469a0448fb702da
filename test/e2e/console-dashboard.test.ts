/**
 * The dashboard and the timer in the built console, in tmux at 80×24 and 160×48: `D` starts the
 * bundled worker (dist/dashboard-worker.mjs) and draws the charts within rows − 1; Esc returns;
 * `T` shows `⏱ HD-n mm:ss` in the status bar and stopping logs the minutes as a note.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

const lines = (screen: string) => screen.split('\n');
const selected = (screen: string) => lines(screen).find((l) => l.startsWith('▸')) ?? '';

describe('console dashboard and timer in tmux (built binary)', () => {
  for (const [cols, rows] of [
    [80, 24],
    [160, 48],
  ] as const) {
    it(`${cols}×${rows}: D shows the dashboard from the worker, Esc returns; T times a ticket and logs it`, async () => {
      const env = tempEnv();
      const seed = await runBin(['demo', 'seed', '--tickets', '600'], { env });
      expect(seed.code).toBe(0);
      const s = await tmuxSession({ cols, rows, env, command: [process.execPath, BIN] });
      sessions.push(s);
      await s.waitFor((x) => selected(x).includes('HD-'), 10_000);

      await s.sendKeys('D');
      let screen = await s.waitFor((x) => x.includes('Created vs resolved per day') && x.includes('Backlog by priority'), 15_000);
      expect(screen).toMatch(/Dashboard · [\d,]+ open · as of \d\d:\d\d UTC/);
      expect(screen).toMatch(/‼ urgent +[█▉▊▋▌▍▎▏]+ +\d+/);
      expect(screen).toMatch(/created +[ ▁-█]+ +[\d,]+\n/);
      expect(screen).toContain('SLA compliance');
      expect(lines(screen)[rows - 1]!.trim()).toBe('');
      expect(lines(screen).every((l) => [...l].length <= cols)).toBe(true);
      if (cols > 100) expect(screen).toContain('Technicians: open');

      await s.sendKeys('Escape');
      screen = await s.waitFor((x) => selected(x).includes('HD-') && !x.includes('Backlog by category'));
      const ref = /HD-\d+/.exec(selected(screen))![0];
      await s.sendKeys('T');
      screen = await s.waitFor((x) => x.includes(`⏱ ${ref} 00:0`));
      // The stopwatch takes one cell: the status bar still ends at the last column.
      const status = lines(screen)[rows - 2]!;
      expect([...status.trimEnd()].length).toBeLessThanOrEqual(cols);
      expect(status).toMatch(new RegExp(`⏱ ${ref} 00:0\\d`));
      await s.sendKeys('T');
      await s.waitFor(`Time logged: 1 min on ${ref}`);
      await s.sendKeys('q');
      await s.exited();
      const shown = await runBin(['ticket', 'show', ref, '--json'], { env });
      expect(shown.stdout).toContain('Time logged: 1 min');
    });
  }
});
