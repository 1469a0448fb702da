/**
 * `deskline kb …` in-process: what a technician sees on stdout/stderr, the exit codes, and the rows
 * left in the database (import all-or-nothing, re-import updates, export round-trips).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { dbRows, tempDir, tempDeskEnv } from '../helpers/temp.js';

const STARTER = fileURLToPath(new URL('../../fixtures/kb/', import.meta.url));

const rows = dbRows;

const ARTICLE_COLUMNS = 'SELECT slug, title, body, category, tags, audience, status FROM kb_articles ORDER BY slug';

describe('kb import / export', () => {
  it('imports a folder, and importing it again updates instead of duplicating', async () => {
    const env = await tempDeskEnv();
    const first = await runCli(['kb', 'import', STARTER], { env });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/imported 34 file\(s\): 34 created, 0 updated, 0 unchanged\n$/);
    const again = await runCli(['kb', 'import', STARTER, '--json'], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ schema: 1, created: 0, updated: 0, unchanged: 34 });
    expect(await rows(env, 'SELECT count(*) AS n FROM kb_articles')).toEqual([{ n: 34 }]);
    expect((await runCli(['kb', 'import', '--starter'], { env })).stdout).toMatch(/0 created, 0 updated, 34 unchanged/);
    expect((await runCli(['kb', 'import'], { env })).code).toBe(1);
  });

  it('keeps fuse.js, marked and the search modules off the CLI start-up path (loaded inside actions)', () => {
    const dir = fileURLToPath(new URL('../../src/commands/', import.meta.url));
    const heavy = /^import (?!type ).*from '(fuse\.js|marked|\.\.\/store\/kb-(search|links|fuzzy)\.js|\.\.\/io\/markdown-render\.js)';$/m;
    for (const file of readdirSync(dir).filter((f) => /^kb.*\.ts$/.test(f))) {
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(heavy);
    }
  });

  it('imports nothing when one file is bad, naming the file and line in one line (exit 4)', async () => {
    const env = await tempDeskEnv();
    const dir = tempDir();
    mkdirSync(join(dir, 'network'));
    writeFileSync(join(dir, 'network', 'good.md'), '# Good article\n\nFine.');
    writeFileSync(join(dir, 'network', 'zz-bad.md'), '---\ntitle: Bad\ntags: [vpn]\nstatus: live\n---\nBody');
    const r = await runCli(['kb', 'import', dir], { env });
    expect(r.code).toBe(4);
    expect(r.stderr).toBe("deskline: network/zz-bad.md:4: status: must be one of draft, published (got 'live')\n");
    expect(r.stdout).toBe('');
    expect(await rows(env, 'SELECT count(*) AS n FROM kb_articles')).toEqual([{ n: 0 }]);
    expect((await runCli(['kb', 'import', join(dir, 'nope')], { env })).code).toBe(2);
  });

  it('exports every article so that importing the export into a new desk gives the same articles', async () => {
    const env = await tempDeskEnv();
    await runCli(['kb', 'import', STARTER], { env });
    await runCli(
      ['kb', 'add', '-t', 'Draft: Teams cache', '--status', 'draft', '-c', 'software', '--tag', 'teams', '-b', 'Clear it.\n\n* step'],
      { env },
    );
    const out = tempDir();
    const exported = await runCli(['kb', 'export', out], { env });
    expect(exported.stdout).toBe(`exported 35 article(s) to ${out}\n`);
    expect(readFileSync(join(out, 'software', 'draft-teams-cache.md'), 'utf8')).toBe(
      '---\ntitle: "Draft: Teams cache"\ncategory: software\ntags:\n  - teams\naudience: internal\nstatus: draft\n---\n\nClear it.\n\n* step\n',
    );
    const other = await tempDeskEnv();
    expect((await runCli(['kb', 'import', out], { env: other })).code).toBe(0);
    expect(await rows(other, ARTICLE_COLUMNS)).toEqual(await rows(env, ARTICLE_COLUMNS));
    expect((await runCli(['kb', 'import', out], { env })).stdout).toMatch(/0 created, 0 updated, 35 unchanged/);
  });
});

describe('kb add / edit / show / search', () => {
  it('adds from flags, a file and stdin; refuses to guess without input', async () => {
    const env = await tempDeskEnv();
    const flags = await runCli(
      ['kb', 'add', '-t', 'Map a network drive', '-c', 'access', '--tag', 'drives,access', '-b', 'Use **net use**.'],
      { env },
    );
    expect(flags.stdout).toBe('created KB-1  map-a-network-drive  Map a network drive\n');
    const file = join(tempDir(), 'vpn-split-tunnel.md');
    writeFileSync(file, '---\ntitle: Split tunnel\naudience: public\n---\n# Split tunnel\n\nOnly office traffic uses the VPN.');
    expect((await runCli(['kb', 'add', file, '--json'], { env })).stdout).toContain('"slug": "vpn-split-tunnel"');
    const piped = await runCli(['kb', 'add', '-', '--status', 'draft'], { env, stdin: '# Reset the Teams cache\n\nQuit Teams first.' });
    expect(piped.stdout).toBe('created KB-3  reset-the-teams-cache  Reset the Teams cache  (draft)\n');
    const none = await runCli(['kb', 'add', '-t', 'x'], { env });
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('deskline: no article given: pass a FILE, - for stdin, --body, or --editor\n');
    expect(await rows(env, 'SELECT slug, audience, status, author_name FROM kb_articles ORDER BY id')).toEqual([
      { slug: 'map-a-network-drive', audience: 'internal', status: 'published', author_name: 'tester' },
      { slug: 'vpn-split-tunnel', audience: 'public', status: 'published', author_name: 'tester' },
      { slug: 'reset-the-teams-cache', audience: 'internal', status: 'draft', author_name: 'tester' },
    ]);
  });

  it('searches with JSON (schema 1), typos and snippets; an empty result is a note, not an error', async () => {
    const env = await tempDeskEnv();
    await runCli(['kb', 'import', STARTER], { env });
    const r = await runCli(['kb', 'search', 'pritner', 'jam', '--json', '--limit', '2'], { env });
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schema: 1, query: 'pritner jam', searched: ['printer', 'jam'] });
    expect(doc.results).toHaveLength(2);
    expect(doc.results[0]).toMatchObject({ slug: 'printer-jams', title: 'Clear a paper jam', category: 'printer' });
    expect(doc.results[0].snippet).toMatch(/«/);
    const text = await runCli(['kb', 'search', "can't", 'print', '-n', '1'], { env });
    expect(text.stdout).toMatch(/^ 1\. .*\n {4}KB-\d+ {2}[a-z-]+ .*\n {4}.*\[print/);
    const none = await runCli(['kb', 'search', 'zzzqqq'], { env });
    expect([none.code, none.stdout, none.stderr]).toEqual([0, '', "no articles match 'zzzqqq'\n"]);
    expect((await runCli(['kb', 'search', 'x', '--limit', '0'], { env })).code).toBe(4);
  });

  it('shows an article rendered, or raw, without letting escape sequences through', async () => {
    const env = await tempDeskEnv();
    await runCli(
      ['kb', 'add', '-t', 'Evil', '-b', '# Evil\n\n\u001b]0;owned\u0007Bold **step** \u001b[31mred\u001b[0m\n\n1. **first** item'],
      { env },
    );
    const shown = await runCli(['kb', 'show', 'evil'], { env });
    expect(shown.code).toBe(0);
    expect(shown.stdout).not.toMatch(/[\u001b\u0007]/);
    expect(shown.stdout).toContain('Bold step red');
    expect(shown.stdout).toMatch(/1\. first item/);
    const raw = await runCli(['kb', 'show', 'KB-1', '--raw'], { env });
    expect(raw.stdout).toBe(
      '---\ntitle: Evil\ncategory: general\ntags: []\naudience: internal\nstatus: published\n---\n\n# Evil\n\nBold **step** red\n\n1. **first** item\n',
    );
    expect(await rows(env, 'SELECT view_count FROM kb_articles')).toEqual([{ view_count: 2 }]);
    const missing = await runCli(['kb', 'show', 'nope'], { env });
    expect([missing.code, missing.stderr]).toEqual([2, "deskline: no KB article 'nope' (see 'deskline kb search')\n"]);
  });

  it('edits in $EDITOR, with flags or from a file, keeping each old body as a revision', async () => {
    const env = await tempDeskEnv({ EDITOR: "sed -i -e 's/Quit Teams/Quit Microsoft Teams/'" });
    await runCli(['kb', 'add', '-t', 'Teams cache', '-b', 'Quit Teams first.', '--status', 'draft'], { env });
    expect((await runCli(['kb', 'edit', 'teams-cache'], { env })).stdout).toBe('updated KB-1  teams-cache  (version 2)\n');
    expect((await runCli(['kb', 'edit', '1', '--publish', '--tag', 'teams'], { env })).stdout).toBe(
      'updated KB-1  teams-cache  (version 3)\n',
    );
    expect((await runCli(['kb', 'edit', '1', '-'], { env, stdin: 'Quit Microsoft Teams first.' })).stdout).toBe(
      'unchanged KB-1  teams-cache\n',
    );
    const history = JSON.parse((await runCli(['kb', 'history', 'teams-cache', '--json'], { env })).stdout);
    expect(
      history.revisions.map((r: { version: number; action: string; old_body: string | null; note: string | null }) => [
        r.version,
        r.action,
        r.old_body,
        r.note,
      ]),
    ).toEqual([
      [1, 'create', null, null],
      [2, 'edit', 'Quit Teams first.', 'body'],
      [3, 'edit', 'Quit Microsoft Teams first.', 'tags — → teams; status draft → published'],
    ]);
    expect(await rows(env, 'SELECT body, status, tags, version FROM kb_articles')).toEqual([
      { body: 'Quit Microsoft Teams first.', status: 'published', tags: 'teams', version: 3 },
    ]);
  });
});

describe('kb and tickets', () => {
  it('links, suggests and drafts from a ticket, with audit on the ticket', async () => {
    const env = await tempDeskEnv();
    await runCli(['kb', 'import', STARTER], { env });
    await runCli(['ticket', 'create', '-t', 'Printer jams on 4th floor', '-c', 'printer', '--tag', 'printer'], { env });
    const suggested = JSON.parse((await runCli(['kb', 'suggest', 'HD-1', '--json'], { env })).stdout);
    expect(suggested.suggestions[0]).toMatchObject({ slug: 'printer-jams', linked: false });
    expect((await runCli(['kb', 'link', 'HD-1', 'printer-jams'], { env })).stdout).toMatch(/^linked HD-1 → KB-\d+ {2}Clear a paper jam\n$/);
    expect((await runCli(['kb', 'link', 'hd-1', 'printer-jams'], { env })).stdout).toMatch(/^already linked HD-1/);
    expect((await runCli(['kb', 'suggest', 'HD-1'], { env })).stdout).toMatch(/Clear a paper jam \(linked\)/);
    const drafted = await runCli(['kb', 'draft', 'HD-1'], { env });
    expect(drafted.stdout).toMatch(/^drafted KB-35 {2}printer-jams-on-4th-floor {2}from HD-1/);
    expect(await rows(env, "SELECT action, field, new_value FROM audit_events WHERE action LIKE 'kb%' ORDER BY id")).toEqual([
      { action: 'kb_link', field: 'kb', new_value: 'printer-jams' },
      { action: 'kb_draft', field: 'kb', new_value: 'printer-jams-on-4th-floor' },
    ]);
    expect((await runCli(['kb', 'link', 'HD-9', 'printer-jams'], { env })).code).toBe(2);
    expect((await runCli(['kb', 'suggest', 'nonsense'], { env })).code).toBe(4);
  });
});
