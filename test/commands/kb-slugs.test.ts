/** KB slugs and imports as a newcomer meets them (issue 13 #9): titles name articles, long slugs end on a word, READMEs stay out. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/domain/kb-text.js';
import { runCli } from '../helpers/cli.js';
import { dbRows, tempDeskEnv } from '../helpers/temp.js';

const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
};

describe('KB slugs', () => {
  it('kb add -t names the slug after the title, not the file; without -t the file name stays', async () => {
    const env = await tempDeskEnv();
    const file = join(env.HOME!, 'tbl.md');
    write(file, '| port | use |\n|---|---|\n| 443 | https |\n');
    const titled = await runCli(['kb', 'add', '-t', 'Firewall ports', file], { env });
    expect(titled).toMatchObject({ code: 0, stderr: '', stdout: 'created KB-1  firewall-ports  Firewall ports\n' });
    expect((await runCli(['kb', 'add', '-t', 'Ports again', '--slug', 'ports-2', file], { env })).stdout).toContain('ports-2');
    expect((await runCli(['kb', 'add', '-t', '🔥🔥', file], { env })).stdout).toContain('KB-3  tbl  ');
    write(join(env.HOME!, 'printer-setup.md'), '# Set up a printer\n');
    expect((await runCli(['kb', 'add', join(env.HOME!, 'printer-setup.md')], { env })).stdout).toContain('printer-setup');
  });

  it('cuts a long slug at a word boundary, within 60 characters', () => {
    const slug = slugify('How to configure the corporate VPN client on a brand new Windows laptop for remote work');
    expect(slug).toBe('how-to-configure-the-corporate-vpn-client-on-a-brand-new');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slugify('x'.repeat(70))).toBe('x'.repeat(60));
    expect(slugify('abc-'.repeat(15))).toBe('abc-'.repeat(15).slice(0, 59));
  });

  it("kb import skips a folder's README.md, says so, and cuts long file names on a word", async () => {
    const env = await tempDeskEnv();
    const dir = join(env.HOME!, 'wiki');
    write(join(dir, 'README.md'), '# About this wiki\n');
    write(join(dir, 'network', 'readme.md'), '# Network pages\n');
    write(join(dir, 'network', 'vpn.md'), '# VPN\nConnect first.\n');
    write(join(dir, 'network', 'how-to-configure-the-corporate-vpn-client-on-a-new-windows-laptop.md'), '# Long\nBody\n');
    const r = await runCli(['kb', 'import', dir], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      "skipped README.md: a folder's README, not an article\nskipped network/readme.md: a folder's README, not an article\n",
    );
    expect(await dbRows(env, 'SELECT slug FROM kb_articles ORDER BY slug')).toEqual([
      { slug: 'how-to-configure-the-corporate-vpn-client-on-a-new-windows' },
      { slug: 'vpn' },
    ]);
    const only = join(env.HOME!, 'only-readme');
    write(join(only, 'README.md'), '# Hi\n');
    const none = await runCli(['kb', 'import', only], { env });
    expect(none).toMatchObject({ code: 4, stderr: `deskline: no Markdown (.md) files in ${only} besides README.md\n` });
  });
});
