/**
 * A console that is killed (SIGTERM) or whose terminal closes (SIGHUP) while the timer runs still
 * logs the time as a note, as `q` does, and exits cleanly. The built binary in tmux.
 */

import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

describe('console ended by a signal (built binary)', () => {
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} with the timer running logs the minutes on the ticket before leaving`, async () => {
      const env = tempEnv();
      const created = await runBin(['ticket', 'create', '--title', 'Timed by a signal', '--assignee', 'me', '-q'], { env });
      expect(created.code).toBe(0);
      const s = await tmuxSession({ cols: 80, rows: 24, env, command: [process.execPath, BIN] });
      sessions.push(s);
      await s.waitFor((x) => x.includes('▸') && x.includes('Timed by a signal'), 10_000);
      await s.sendKeys('T');
      await s.waitFor('⏱ HD-1 00:0');
      process.kill(Number(await s.paneFormat('#{pane_pid}')), signal);
      expect(await s.exited()).toBe('0');

      const shown = await runBin(['ticket', 'show', 'HD-1', '--json'], { env });
      const notes = (JSON.parse(shown.stdout) as { timeline: Array<{ kind: string; body: string; minutes: number }> }).timeline.filter(
        (i) => i.kind === 'note',
      );
      expect(notes).toEqual([expect.objectContaining({ body: 'Time logged: 1 min', minutes: 1 })]);
    });
  }
});
