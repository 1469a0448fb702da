/** `kb import --confluence`: a Confluence space HTML export into the KB, as a technician runs it. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/cli.js';
import { snapshot } from '../helpers/db-snapshot.js';
import { dbRows, tempEnv } from '../helpers/temp.js';

const SPACE = 'fixtures/import/confluence';
const BROKEN = 'fixtures/bad/confluence-broken';

async function articles(env: Record<string, string>) {
  return (await dbRows(env, 'SELECT id, slug, title, category, external_id FROM kb_articles ORDER BY external_id')) as Array<
    Record<string, unknown>
  >;
}

describe('kb import --confluence', () => {
  it('makes each page an article, its category the section of the page tree it sits in', async () => {
    const env = tempEnv();
    const run = await runCli(['kb', 'import', '--confluence', SPACE], { env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('imported 6 page(s): 6 created, 0 updated, 0 unchanged');
    expect((await articles(env)).map((a) => [a.external_id, a.slug, a.category])).toEqual([
      ['confluence:65537', 'it-service-desk-home', 'general'],
      ['confluence:65540', 'network', 'network'],
      ['confluence:65541', 'vpn-setup-on-windows', 'network'],
      ['confluence:65543', 'wi-fi-troubleshooting', 'network'],
      ['confluence:65544', 'printers', 'printers'],
      ['confluence:65545', 'clearing-a-paper-jam', 'printers'],
    ]);
    const show = await runCli(['kb', 'show', 'vpn-setup-on-windows'], { env });
    expect(show.code).toBe(0);
    expect(show.stdout).toContain('Test-NetConnection intranet.example.com -Port 443');
    expect(show.stdout).toMatch(/│ Gateway unreachable +│ Hotel or guest/);
    expect(show.stdout).toContain('Note: MFA required');
    expect(show.stdout).toContain('kb:wi-fi-troubleshooting');
    expect(show.stdout).not.toContain('<');
    const search = await runCli(['kb', 'search', 'paper jam', '--json'], { env });
    expect(JSON.parse(search.stdout).results[0].slug).toBe('clearing-a-paper-jam');
  });

  it('updates the same articles when the export is imported again, a renamed page included', async () => {
    const env = tempEnv();
    const dir = join(env.HOME!, 'export');
    cpSync(SPACE, dir, { recursive: true });
    await runCli(['kb', 'import', '--confluence', dir], { env });
    const before = await articles(env);
    const again = await runCli(['kb', 'import', '--confluence', dir, '--json'], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, updated: 0, unchanged: 6 });
    const page = join(dir, 'VPN-setup-on-Windows_65541.html');
    writeFileSync(page, readFileSync(page, 'utf8').replaceAll('VPN setup on Windows', 'VPN set-up on Windows 11'));
    const renamed = await runCli(['kb', 'import', '--confluence', dir], { env });
    expect(renamed.stdout).toContain('imported 6 page(s): 0 created, 1 updated, 5 unchanged');
    const after = await articles(env);
    const vpn = after.find((a) => a.external_id === 'confluence:65541')!;
    expect(vpn).toMatchObject({ id: before.find((a) => a.external_id === 'confluence:65541')!.id, slug: 'vpn-setup-on-windows' });
    expect(vpn.title).toBe('VPN set-up on Windows 11');
    expect((await runCli(['kb', 'history', 'vpn-setup-on-windows'], { env })).stdout).toMatch(/import/);
  });

  it('gives a page a slug of its own when an article here already has it', async () => {
    const env = tempEnv({});
    const file = join(env.HOME!, 'printers.md');
    writeFileSync(file, '# Printers\nOur own page.\n');
    expect((await runCli(['kb', 'add', file], { env })).code).toBe(0);
    expect((await runCli(['kb', 'import', '--confluence', SPACE], { env })).code).toBe(0);
    const slugs = (await articles(env)).map((a) => a.slug);
    expect(slugs).toContain('printers');
    expect(slugs).toContain('printers-65544');
  });

  it('--dry-run lists what would be imported and writes nothing', async () => {
    const env = tempEnv();
    await runCli(['kb', 'list'], { env });
    const before = snapshot(env.DESKLINE_DB!);
    const dry = await runCli(['kb', 'import', '--confluence', SPACE, '--dry-run'], { env });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('ok  VPN-setup-on-Windows_65541.html  VPN setup on Windows  (network)');
    expect(dry.stderr).toBe('dry run: 6 page(s) convert, 0 do not; nothing written\n');
    expect(snapshot(env.DESKLINE_DB!)).toBe(before);
  });

  it('lists every page it cannot convert, exits 4 and changes nothing; --skip-unconvertible imports the rest', async () => {
    const env = tempEnv();
    await runCli(['kb', 'list'], { env });
    const before = snapshot(env.DESKLINE_DB!);
    const bad = await runCli(['kb', 'import', '--confluence', BROKEN], { env });
    expect(bad.code).toBe(4);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toEqual([
      'cannot convert Cafe_70003.html: it is not valid UTF-8 text',
      'cannot convert Draft_70001.html: it has no page body (#main-content): not a page of a Confluence HTML export',
      'cannot convert Empty_70004.html: the file is empty',
      expect.stringMatching(/^cannot convert Scanned-form_70002\.html: it (is not valid UTF-8 text|is not text)/),
      `deskline: 4 of 5 page(s) in ${BROKEN} could not be converted; nothing imported (--skip-unconvertible imports the rest)`,
    ]);
    expect(snapshot(env.DESKLINE_DB!)).toBe(before);
    const rest = await runCli(['kb', 'import', '--confluence', BROKEN, '--skip-unconvertible'], { env });
    expect(rest.code).toBe(0);
    expect(rest.stdout).toContain('imported 1 page(s): 1 created, 0 updated, 0 unchanged; 4 page(s) not converted (listed above)');
  });

  it('refuses a missing folder, a file, a folder of no pages, and mixed sources, with one line each', async () => {
    const env = tempEnv();
    const cases: Array<[string[], number, RegExp]> = [
      [['--confluence', join(env.HOME!, 'nope')], 2, /no folder .*nope/],
      [['--confluence', join(SPACE, 'index.html')], 4, /is not a folder/],
      [['--confluence', 'fixtures/kb'], 4, /no Confluence pages in fixtures\/kb/],
      [['--confluence', SPACE, '--starter'], 1, /give one of/],
      [['--skip-unconvertible', 'fixtures/kb'], 1, /--skip-unconvertible goes with --confluence/],
    ];
    for (const [args, code, message] of cases) {
      const run = await runCli(['kb', 'import', ...args], { env });
      expect(run.code, args.join(' ')).toBe(code);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(message);
    }
  });

  it('works from the built binary (turndown and its DOM are bundled, loaded only by this command)', async () => {
    const env = tempEnv();
    const run = await runBin(['kb', 'import', '--confluence', SPACE, '--json'], { env });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ space: 'IT Service Desk', created: 6, unconverted: [] });
  });
});
