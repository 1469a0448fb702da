/**
 * An article with every Markdown construct (fixtures/markdown/every-construct.md: a table, lists
 * that start at 4 and at 3, nested lists, a quote, code, a rule) read in the built console in tmux
 * at 80×24: the preview and the reader show the table's cells in whole box lines and the lists'
 * own numbers, never an error (the console bundle once showed only `yK is not a function`).
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, runBin } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';
import { tmuxSession, type TmuxSession } from '../helpers/tmux.js';

const PAGE = fileURLToPath(new URL('../../fixtures/markdown/every-construct.md', import.meta.url));
const sessions: TmuxSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.kill();
});

const lines = (screen: string) => screen.split('\n');
/** The reader's title bar (under the header). */
const titleBar = (screen: string) => lines(screen)[1] ?? '';
/** The reader's place in the article, from its title bar: ` 1-19/42 `. */
function place(screen: string): { to: number; total: number } | null {
  const m = /(\d+)-(\d+)\/(\d+) *$/.exec(titleBar(screen));
  return m ? { to: Number(m[2]), total: Number(m[3]) } : null;
}

describe('console KB reader in tmux (built binary): every Markdown construct', () => {
  it('80×24: the preview and the reader show the table and the lists, not an error', async () => {
    const env = tempEnv();
    expect((await runBin(['demo', 'seed', '--tickets', '50'], { env })).code).toBe(0);
    const added = await runBin(['kb', 'add', PAGE, '--json'], { env });
    expect(added.code).toBe(0);
    const id = (JSON.parse(added.stdout) as { article: { id: number } }).article.id;

    const s = await tmuxSession({ cols: 80, rows: 24, env, command: [process.execPath, BIN] });
    sessions.push(s);
    await s.waitFor(/▸\S* HD-\d+/, 10_000);
    await s.sendKeys('K');
    await s.waitFor('KB search ›');
    await s.type('every markdown construct');
    const preview = await s.waitFor((x) => x.includes(`Preview · KB-${id}`) && x.includes('A paragraph with bold'), 10_000);
    expect(preview).not.toMatch(/is not a function|Error/);

    await s.sendKeys('Enter');
    let screen = await s.waitFor((x) => titleBar(x).includes(`KB-${id} · Every Markdown construct`) && place(x) !== null);
    const seen = [screen];
    for (let at = place(screen)!; at.to < at.total; at = place(screen)!) {
      const { to } = at;
      await s.sendKeys('PageDown');
      screen = await s.waitFor((x) => (place(x)?.to ?? 0) > to);
      seen.push(screen);
    }
    const text = seen.join('\n');
    expect(text).not.toMatch(/is not a function|Error/);
    for (const l of seen.flatMap(lines)) expect([...l].length).toBeLessThanOrEqual(80);
    // The table: whole box lines, its cells in their columns.
    expect(text).toMatch(/┌─+┬─+┬─+┬─+┐/);
    expect(text).toMatch(/│ Port │ Protocol │ Service │ Used for +│/);
    expect(text).toMatch(/│ 443 {2}│ +TCP +│ +HTTPS │ Sign-in, the self-service portal.* │/);
    expect(text).toMatch(/│ 1194 │ +UDP +│ OpenVPN │ Legacy VPN profile for contractors +│/);
    expect(text).toMatch(/└─+┴─+┴─+┴─+┘/);
    // The lists keep their numbers; nested lists their own markers.
    for (const item of ['4. Fourth: continue', '5. Fifth step', '6. Sixth step', '3. Third item', '4. Fourth item'])
      expect(text).toContain(item);
    expect(text).toContain('◦ nested bullet one');
    expect(text).toContain('• Bullet b');
    expect(text).toContain('1. nested ordered one');
    expect(text).toContain('│ A block quote: never ask the user');
    expect(text).toContain('ipconfig /flushdns');
    expect(text).toContain('The end of the article.');
    await s.sendKeys('Escape');
    await s.waitFor('KB search › every markdown construct');
    await s.sendKeys('Escape');
    await s.waitFor((x) => !x.includes('KB search'));
    await s.sendKeys('q');
    await s.exited();
  });
});
