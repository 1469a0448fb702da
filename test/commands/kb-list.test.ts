/** `kb list` (issue 13 #17): a table of id, slug, title, tags and updated, newest change first; --json, --limit; sanitised. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempDeskEnv } from '../helpers/temp.js';

async function deskWithArticles(): Promise<Record<string, string>> {
  const env = await tempDeskEnv();
  const add = async (...args: string[]) => expect((await runCli(['kb', 'add', ...args], { env })).code).toBe(0);
  await add('-t', 'Connect to the VPN', '-c', 'network', '--tag', 'vpn,remote', '-b', 'Start the client.');
  await add('-t', 'Reset a password', '-c', 'account', '-b', 'Use the portal.', '--status', 'draft');
  await add('-t', 'Evil \u001b[31mred\u001b[0m \u0007title', '-c', 'network', '--tag', 'x', '-b', 'Body.');
  return env;
}

describe('kb list', () => {
  it('shows every article as a table, the latest change first, with control characters made visible', async () => {
    const env = await deskWithArticles();
    const r = await runCli(['kb', 'list'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('3 article(s)\n');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ID\s+SLUG\s+TITLE\s+TAGS\s+UPDATED$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['KB-3', 'evil-31mred-0m-title'],
      ['KB-2', 'reset-a-password'],
      ['KB-1', 'connect-to-the-vpn'],
    ]);
    expect(lines[2]).toContain('Reset a password (draft)');
    expect(lines[3]).toMatch(/Connect to the VPN\s+vpn, remote\s+\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('--limit says what it left out; --json, -c and --status filter', async () => {
    const env = await deskWithArticles();
    const limited = await runCli(['kb', 'list', '-n', '2'], { env });
    expect(limited.stderr).toBe('showing 2 of 3 (use --limit)\n');
    expect(limited.stdout.trimEnd().split('\n')).toHaveLength(3);
    const json = JSON.parse((await runCli(['kb', 'list', '-c', 'Network', '--json'], { env })).stdout);
    expect(json).toMatchObject({ schema: 1, total: 2, count: 2 });
    expect(json.articles[1]).toMatchObject({
      id: 1,
      slug: 'connect-to-the-vpn',
      title: 'Connect to the VPN',
      tags: ['vpn', 'remote'],
      status: 'published',
    });
    expect(json.articles[1].updated_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const drafts = JSON.parse((await runCli(['kb', 'list', '--status', 'draft', '--json'], { env })).stdout);
    expect(drafts.articles.map((a: { slug: string }) => a.slug)).toEqual(['reset-a-password']);
    expect(await runCli(['kb', 'list', '-n', '0'], { env })).toMatchObject({
      code: 4,
      stderr: "deskline: --limit: '0' must be a whole number from 1 to 100000\n",
    });
  });
});
