/**
 * The tour from the built binary in tmux (issue 24): every shipped lesson completed with the keys it
 * asks for, each step shown before its keys and moved on by what they did; Esc leaves and the next
 * `deskline tour` takes up the same step; the technician's own desk is never created or opened, and
 * the sandbox desk is gone afterwards.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { builtinLessons } from '../../src/io/tour-files.js';
import { BIN, runBin } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

type Key = string | { text: string } | { waitFor: RegExp };

/** The keys each step asks for, in the words of its `say` (the test checks the text is shown first). */
const KEYS: Record<string, Key[][]> = {
  'move-and-read': [['j'], ['Enter'], ['Escape']],
  filter: [['4'], ['/', { text: 'prio:high' }, 'Enter'], ['/', 'Escape']],
  take: [['2'], ['a']],
  'reply-and-note': [
    ['r', { text: 'Signed you out everywhere; please sign in again.' }, 'C-s'],
    ['i', { text: 'Cached token in the Windows vault.' }, 'C-s'],
  ],
  'priority-and-escalation': [
    ['p', 'u'],
    ['e', '3', { text: 'Needs an admin on the tenant.' }, 'C-s'],
  ],
  'sla-signs': [['3'], ['Enter'], ['Escape']],
  kb: [['K'], [{ text: 'vpn' }, { waitFor: /KB search › vpn +\d+ results/ }, 'Tab', 'L'], ['Escape']],
  'marks-and-bulk': [
    ['4', 'x', 'j', 'x'],
    ['p', 'l', 'y'],
  ],
  dashboard: [['D'], ['Escape']],
};

const oneLine = (screen: string) => screen.replace(/\s+/g, ' ');

async function press(s: TmuxSession, keys: Key[]): Promise<void> {
  for (const k of keys) {
    if (typeof k === 'string') await s.sendKeys(k);
    else if ('text' in k) await s.type(k.text);
    // The answer itself, not the status bar's 'Tab results' hint, which shows before it.
    else await s.waitFor((x) => k.waitFor.test(x));
  }
}

function sandboxes(): string[] {
  return readdirSync(tmpdir()).filter((f) => f.startsWith('deskline-tour-'));
}

describe('deskline tour (built binary, tmux)', () => {
  it('Esc leaves and the tour takes up the same step; then every lesson completes with the keys it asks for', async () => {
    const env = tempEnv();
    const before = new Set(sandboxes());
    const lessons = builtinLessons();
    expect(lessons.map((l) => l.id)).toEqual(Object.keys(KEYS));

    const first = await tmuxSession({ cols: 100, rows: 30, env, command: [process.execPath, BIN, 'tour'] });
    sessions.push(first);
    await first.waitFor(`Tour 1/${lessons.length} · Move and read · step 1 of 3`, 20_000);
    await first.sendKeys('j');
    await first.waitFor('step 2 of 3');
    await first.sendKeys('Escape');
    expect(await first.exited()).toBe('0');
    expect(JSON.parse(readFileSync(join(env.XDG_CONFIG_HOME!, 'deskline', 'tour-state.json'), 'utf8'))).toEqual({
      lesson: 'move-and-read',
      step: 1,
      finished: false,
    });

    const s = await tmuxSession({ cols: 100, rows: 30, env, command: [process.execPath, BIN, 'tour'] });
    sessions.push(s);
    await s.waitFor('Move and read · step 2 of 3', 20_000);
    let steps = 0;
    for (const [n, lesson] of lessons.entries()) {
      for (const [i, step] of lesson.steps.entries()) {
        if (n === 0 && i === 0) continue; // done before leaving
        await s.waitFor((x) => x.includes(`Tour ${n + 1}/${lessons.length}`) && oneLine(x).includes(step.say.slice(0, 60)), 10_000);
        await press(s, KEYS[lesson.id]![i]!);
        steps++;
      }
    }
    await s.waitFor(`Tour complete: ${lessons.length} of ${lessons.length} lessons`, 10_000);
    await s.sendKeys('q');
    expect(await s.exited()).toBe('0');
    expect(steps).toBe(lessons.reduce((n, l) => n + l.steps.length, 0) - 1);
    expect(JSON.parse(readFileSync(join(env.XDG_CONFIG_HOME!, 'deskline', 'tour-state.json'), 'utf8')).finished).toBe(true);
    expect(existsSync(env.DESKLINE_DB!)).toBe(false);
    expect(sandboxes().filter((f) => !before.has(f))).toEqual([]);
  }, 180_000);

  it('? then t in the console opens the tour on a sandbox; Esc comes back to the desk as it was', async () => {
    const env = tempEnv();
    expect((await runBin(['ticket', 'create', '-t', 'Real ticket on the real desk', '-a', 'me', '-q'], { env })).code).toBe(0);
    const s = await tmuxSession({ cols: 100, rows: 30, env, command: [process.execPath, BIN] });
    sessions.push(s);
    await s.waitFor('Real ticket on the real desk', 10_000);
    await s.sendKeys('?');
    await s.waitFor((x) => x.split('\n').some((l) => /\bt tour\b/.test(l)));
    await s.sendKeys('t');
    // The sandbox, not the real desk: its 300 demo tickets, not the one real ticket (the header may leave
    // the file name out when the view counts fill its width).
    await s.waitFor((x) => x.includes('Tour 1/9 · Move and read') && !x.includes('Real ticket on the real desk'), 20_000);
    await s.sendKeys('j');
    await s.waitFor('step 2 of 3');
    await s.sendKeys('Escape');
    await s.waitFor((x) => x.includes('Real ticket on the real desk') && x.includes('desk.db') && !x.includes('Tour 1/9'), 10_000);
    await s.sendKeys('q');
    expect(await s.exited()).toBe('0');
    const list = JSON.parse((await runBin(['ticket', 'list', '--json'], { env })).stdout) as { total: number };
    expect(list.total).toBe(1);
  }, 120_000);
});
