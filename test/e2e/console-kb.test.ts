/**
 * The KB screen in the built console, in tmux at 80×24 and 160×48, over a demo desk (demo seed loads
 * the starter KB): `K`, a search with a typo, results with [matched] words (NO_COLOR), the preview,
 * Enter reads the article full screen, j scrolls, Esc Esc returns to the ticket that was selected.
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
const fits = (screen: string, cols: number, rows: number) =>
  (lines(screen)[rows - 1] ?? '').trim() === '' && lines(screen).every((l) => [...l].length <= cols);

describe('console KB screen in tmux (built binary)', () => {
  for (const [cols, rows] of [
    [80, 24],
    [160, 48],
  ] as const) {
    it(`${cols}×${rows}: K searches as you type, Enter reads, Esc Esc returns to the same ticket`, async () => {
      const env = tempEnv();
      const seed = await runBin(['demo', 'seed', '--tickets', '200'], { env });
      expect(seed.code).toBe(0);
      const s = await tmuxSession({ cols, rows, env, command: [process.execPath, BIN] });
      sessions.push(s);
      const first = selected(await s.waitFor((x) => selected(x).includes('HD-'), 10_000));
      await s.sendKeys('j');
      const before = selected(await s.waitFor((x) => selected(x).includes('HD-') && selected(x) !== first));
      const ref = /HD-\d+/.exec(before)![0];
      await s.waitFor(`Detail · ${ref}`);

      await s.sendKeys('K');
      await s.waitFor('KB search ›');
      await s.type('pritner jam');
      let screen = await s.waitFor(
        (x) => /▸ KB-\d+ +Clear a paper jam/.test(x) && x.includes('searched: printer jam') && x.includes('Preview · KB-'),
        10_000,
      );
      expect(screen).toMatch(/\[jams?\]/);
      expect(fits(screen, cols, rows)).toBe(true);
      if (cols >= 100) expect(lines(screen).some((l) => /KB-\d+ +Clear a paper jam.* │ /.test(l))).toBe(true);
      const id = /▸ KB-(\d+) +Clear a paper jam/.exec(screen)![1];

      await s.sendKeys('Enter');
      screen = await s.waitFor((x) => lines(x)[1]?.includes(`KB-${id} · Clear a paper jam`) === true && x.includes("Don't pull hard"));
      expect(screen).not.toContain('KB search ›');
      expect(fits(screen, cols, rows)).toBe(true);
      if (rows < 30) {
        await s.sendKeys('j');
        await s.waitFor((x) => / 2-\d+\/\d+/.test(lines(x)[1] ?? ''));
      }
      await s.sendKeys('Escape');
      await s.waitFor((x) => x.includes('KB search › pritner jam'));
      await s.sendKeys('Escape');
      screen = await s.waitFor((x) => x.includes(`Detail · ${ref}`) && !x.includes('KB search'));
      expect(selected(screen)).toBe(before);
      await s.sendKeys('q');
      await s.exited();
    });
  }
});
