/**
 * The built console's welcome screen in tmux (issue 13): on a desk holding only imported KB articles,
 * `K dns` opens the KB search (it once seeded the demo into the real KB), `d` asks with the real
 * count and the file's name, and `n` answers no: the desk still has no tickets and its one article.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempDir, tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

describe('console welcome screen in tmux (built binary)', () => {
  it('K dns searches the KB, d asks "Load 2,000 demo tickets into desk.db? y/n", n keeps the desk as it was', async () => {
    const env = tempEnv();
    const wiki = tempDir();
    writeFileSync(join(wiki, 'dns-flush.md'), '# Flush the DNS cache\n\nRun `ipconfig /flushdns` when names do not resolve.\n');
    expect((await runBin(['kb', 'import', wiki], { env })).code).toBe(0);
    const s = await tmuxSession({ cols: 80, rows: 24, env, command: [process.execPath, BIN] });
    sessions.push(s);
    await s.waitFor((x) => x.includes('desk.db has no tickets yet; it holds 1 KB article.'), 10_000);

    await s.type('K dns');
    await s.waitFor((x) => x.includes('KB search › dns') && /KB-\d+ +Flush the DNS cache/.test(x));
    await s.sendKeys('Escape');
    await s.waitFor((x) => x.includes('has no tickets yet') && !x.includes('KB search'));

    await s.sendKeys('d');
    const screen = await s.waitFor('Load 2,000 demo tickets into desk.db? y/n');
    expect(screen).toContain('desk.db is not empty: its KB article stays as it is.');
    await s.sendKeys('n');
    await s.waitFor('no demo data loaded');
    await s.sendKeys('q');
    expect(await s.exited()).toBe('0');

    const list = await runBin(['ticket', 'list', '--json'], { env });
    expect(JSON.parse(list.stdout).total).toBe(0);
    const kb = await runBin(['kb', 'search', 'dns', '--json'], { env });
    expect(kb.stdout).toContain('Flush the DNS cache');
  });
});
