/**
 * The built console in tmux at 80×24 and 160×48: open, move, filter, switch views, quit; a ticket
 * another process creates appears without a keypress; escape sequences in a title never reach the
 * terminal. `npm test` builds dist/ first.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempDir, tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

async function create(env: Record<string, string>, ...args: string[]) {
  const r = await runBin(['ticket', 'create', ...args], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}

async function open(env: Record<string, string>, cols: number, rows: number) {
  const s = await tmuxSession({ cols, rows, env, command: [process.execPath, BIN] });
  sessions.push(s);
  return s;
}

const selected = (screen: string) => screen.split('\n').find((l) => l.startsWith('▸')) ?? '';
/** The frame never uses the last row (Ink clears the screen when a frame is as tall as the terminal). */
const lastRowBlank = (screen: string, rows: number) => (screen.split('\n')[rows - 1] ?? '').trim() === '';

describe('console in tmux (built binary)', () => {
  for (const [cols, rows] of [
    [80, 24],
    [160, 48],
  ] as const) {
    it(`${cols}×${rows}: opens, moves, filters, switches views and quits restoring the terminal`, async () => {
      const env = tempEnv();
      await create(
        env,
        '--title',
        'VPN drops every hour',
        '-p',
        'urgent',
        '--assignee',
        'me',
        '--tag',
        'vpn',
        '--description',
        'Since Monday.',
      );
      await create(env, '--title', 'Printer jams', '-p', 'low', '--assignee', 'me');
      await create(env, '--title', 'Nobody owns me', '-p', 'high');
      const s = await open(env, cols, rows);
      // Rows come with the first frame; tab counts follow it, off the start-up path.
      let screen = await s.waitFor(
        (x) => selected(x).includes('VPN drops every hour') && x.includes('Since Monday.') && /1 My (queue|que…) 2/.test(x),
        10_000,
      );
      // Five tabs: full names at 160 columns; at 80 names shortened evenly beside the technician (the
      // database gives way first).
      expect(screen.split('\n')[0]).toMatch(
        cols > 100
          ? /1 My queue 2 +2 Unassigned 1 +3 Breaching soon 1 +4 All open 3 +5 Resolved 0 .*desk\.db · tester/
          : /1 My que… 2 +2 Unassi… 1 +3 Breach… 1 +4 All op… 3 +5 Resolv… 0 +tester *$/,
      );
      expect(lastRowBlank(screen, rows)).toBe(true);
      expect(await s.paneFormat('#{alternate_on}')).toBe('1');

      await s.sendKeys('j');
      screen = await s.waitFor((x) => selected(x).includes('Printer jams') && x.includes('Detail · HD-2'));
      await s.sendKeys('4');
      screen = await s.waitFor((x) => x.includes('Nobody owns me') && selected(x).includes('VPN drops'));
      await s.sendKeys('/');
      await s.type('prio:high');
      screen = await s.waitFor((x) => selected(x).includes('Nobody owns me') && !x.includes('Printer jams'));
      await s.sendKeys('Enter');
      await s.waitFor('j/k move');
      await s.sendKeys('Escape');
      screen = await s.waitFor((x) => x.includes('Printer jams') && !x.includes(' / prio:high'));
      await s.sendKeys('2');
      screen = await s.waitFor((x) => selected(x).includes('Nobody owns me') && !x.includes('Printer jams'));
      await s.sendKeys('Enter');
      await s.waitFor('Esc back');
      await s.sendKeys('Escape', '1'); // one write: reads as Alt-1, which means Esc then 1
      screen = await s.waitFor((x) => selected(x).includes('VPN drops'));
      expect(lastRowBlank(screen, rows)).toBe(true);

      const raw = join(tempDir(), 'raw.out');
      await s.pipePane(raw);
      await s.sendKeys('q');
      expect(await s.exited()).toBe('0');
      expect(await s.paneFormat('#{alternate_on}')).toBe('0');
      // Back on the main screen with the cursor shown (a dead pane no longer reports its cursor flag).
      const bytes = readFileSync(raw, 'latin1');
      const tail = bytes.slice(bytes.lastIndexOf('\x1b[?1049l'));
      expect(tail).toMatch(/^\x1b\[\?1049l(\x1b\[\?25h)+$/);
    });
  }

  it('shows a ticket created by another process within a second, without a keypress, keeping the selection', async () => {
    const env = tempEnv();
    await create(env, '--title', 'First normal', '--assignee', 'me');
    await create(env, '--title', 'Second normal', '--assignee', 'me');
    const s = await open(env, 80, 24);
    await s.waitFor('Second normal', 10_000);
    await s.sendKeys('j');
    await s.waitFor((x) => selected(x).includes('Second normal'));
    await create(env, '--title', 'Brand new outage', '-p', 'urgent', '--assignee', 'me');
    const started = Date.now();
    const screen = await s.waitFor((x) => x.includes('Brand new outage'), 3000);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(selected(screen)).toContain('Second normal');
  });

  it('never lets a title with escape sequences reach the raw terminal output', async () => {
    const env = tempEnv({ TERM: 'xterm-256color' });
    delete (env as Record<string, string | undefined>).NO_COLOR;
    await create(env, '--title', 'Harmless first');
    const s = await open(env, 100, 30);
    await s.sendKeys('2');
    await s.waitFor((x) => selected(x).includes('Harmless first'), 10_000);
    const raw = join(tempDir(), 'raw.out');
    await s.pipePane(raw);
    await create(
      env,
      '--title',
      '\x1b]0;pwned\x07\x1b[2J evil \u202eesrever',
      '--description',
      'body \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \x9b2J end',
    );
    await s.waitFor((x) => x.includes(' evil esrever'), 3000);
    await s.sendKeys('j');
    await s.waitFor((x) => selected(x).includes('evil esrever') && x.includes('body link  end'));
    await s.sendKeys('q');
    await s.exited();
    const bytes = readFileSync(raw, 'latin1');
    expect(bytes.length).toBeGreaterThan(100);
    expect(bytes).toContain('evil');
    expect(bytes).not.toContain('pwned');
    expect(bytes).not.toContain('\x1b]');
    expect(bytes).not.toContain('\x1b[2J');
    expect(Buffer.from(bytes, 'latin1').toString('utf8')).not.toMatch(/[\u202a-\u202e\u2066-\u2069\x9b]/);
  });

  it('draws and answers keys in a shell that exports CI=true (Ink alone would draw nothing until exit)', async () => {
    const env = { ...tempEnv(), CI: 'true', CONTINUOUS_INTEGRATION: '1' };
    await create(env, '--title', 'Seen under CI', '--assignee', 'me');
    await create(env, '--title', 'Second under CI', '--assignee', 'me');
    const s = await open(env, 80, 24);
    await s.waitFor((x) => selected(x).includes('Seen under CI'), 10_000);
    await s.sendKeys('j');
    await s.waitFor((x) => selected(x).includes('Second under CI'));
    await s.sendKeys('q');
    expect(await s.exited()).toBe('0');
  });

  it('leaves V8 code cache behind (private), and the next start runs from it without rewriting it', async () => {
    const env = tempEnv();
    await create(env, '--title', 'Cached start', '--assignee', 'me');
    const folder = join(env.HOME!, '.cache', 'deskline', 'code');
    const startAndQuit = async () => {
      const s = await open(env, 80, 24);
      await s.waitFor((x) => selected(x).includes('Cached start'), 10_000);
      await s.sendKeys('q');
      expect(await s.exited()).toBe('0');
    };
    await startAndQuit();
    const [file, ...others] = readdirSync(folder);
    expect(others).toEqual([]);
    expect(file).toMatch(/^console\.cjs-[0-9a-f]{16}-v\d+\.\d+\.\d+-\w+\.v8$/);
    const first = statSync(join(folder, file!));
    expect(first.mode & 0o777).toBe(0o600);
    expect(first.size).toBeGreaterThan(100_000);
    await startAndQuit();
    expect(readdirSync(folder)).toEqual([file]);
    expect(statSync(join(folder, file!)).mtimeMs).toBe(first.mtimeMs);
  });
});
