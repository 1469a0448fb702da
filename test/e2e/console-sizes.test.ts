/**
 * The built console on a demo desk in tmux at 80×24, 50×16 and 30×8 (issue 13 item 12): at 80
 * columns the header keeps the view names beside their counts; queue rows never wrap onto a second
 * line; the due time keeps its unit; the frame leaves the last row blank.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

const DUE = /^.{3}[ *]HD-\d+ .*[✓!✗] +-?\d+[mhdwy] /;

/** Queue rows: below the column header, down to the detail pane's title. */
function queueLines(screen: string): string[] {
  const lines = screen.split('\n');
  const start = lines.findIndex((l) => /^ {4}REF /.test(l));
  const end = lines.findIndex((l, i) => i > start && /^ Detail/.test(l));
  return start < 0 || end < 0 ? [] : lines.slice(start + 1, end).filter((l) => l.trim() !== '');
}

describe('console sizes in tmux (built binary)', () => {
  it('80×24, 50×16, 30×8: names in the header at 80, rows on one line each, due times with their unit', async () => {
    const env = tempEnv();
    expect((await runBin(['demo', 'seed', '--tickets', '300'], { env })).code).toBe(0);
    const s = await tmuxSession({ cols: 80, rows: 24, env, command: [process.execPath, BIN] });
    sessions.push(s);
    await s.waitFor((x) => x.includes('▸'), 10_000);
    await s.sendKeys('3');
    for (const [cols, rows] of [
      [80, 24],
      [50, 16],
      [30, 8],
    ] as const) {
      await s.resize(cols, rows);
      const screen = await s.waitFor((x) => {
        const q = queueLines(x);
        return /^ 1 [^\n]*?\d+ +2 /.test(x) && q.length > 0 && q.every((l) => DUE.test(l));
      });
      const lines = screen.split('\n');
      expect((lines[rows - 1] ?? '').trim()).toBe('');
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(cols);
      if (cols === 80) expect(lines[0]).toMatch(/^ 1 My q\S* \d+ +2 Unas\S* \d+ +3 Brea\S* \d+ +4 All \S* \d+ +5 Reso\S* \d+/);
    }
    await s.sendKeys('q');
    expect(await s.exited()).toBe('0');
  });
});
