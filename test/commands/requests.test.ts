/** Service requests through the CLI: templates, checklists, the resolve guard and identity checks. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { snapshot } from '../helpers/db-snapshot.js';
import { dbRows, tempDir, tempEnv } from '../helpers/temp.js';

const newHire = ['ticket', 'create', '--template', 'new-hire', '--field', 'name=Ana Silva', '--field', 'start=2027-01-04'];

describe('templates', () => {
  it('ships six templates and shows one with its fields and checklist', async () => {
    const env = tempEnv();
    const list = await runCli(['template', 'list', '--json'], { env });
    expect(JSON.parse(list.stdout).templates.map((t: { slug: string }) => t.slug)).toEqual([
      'leaver',
      'new-hire',
      'password-reset',
      'patch-rollout',
      'printer-setup',
      'software-install',
    ]);
    const show = await runCli(['template', 'show', 'leaver'], { env });
    expect(show.stdout).toContain('  --field last_day=…  Last working day (date, required)');
    expect(show.stdout).toContain('  3. Recover assets');
  });

  it('adds a template from a file, and refuses a bad one naming the file and field (exit 4, nothing written)', async () => {
    const env = tempEnv();
    const dir = tempDir();
    const good = join(dir, 'laptop.json');
    writeFileSync(
      good,
      JSON.stringify({
        slug: 'laptop-swap',
        name: 'Laptop swap',
        title: 'Swap {{tag}}',
        fields: [{ name: 'tag', required: true }],
        items: [{ text: 'Image' }, { text: 'Swap' }],
      }),
    );
    const added = await runCli(['template', 'add', good], { env });
    expect([added.code, added.stdout]).toEqual([0, 'added template laptop-swap  Laptop swap (2 items)\n']);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ slug: 'bad', name: 'Bad', title: 'x', items: [{ text: 'a', required: 'yes' }] }));
    const before = snapshot(env.DESKLINE_DB!);
    const r = await runCli(['template', 'add', bad], { env });
    expect([r.code, r.stderr]).toEqual([4, `deskline: ${bad}: items[0].required: must be true or false\n`]);
    writeFileSync(bad, '{\n  "slug": "bad",\n  oops\n}');
    const broken = await runCli(['template', 'add', bad], { env });
    // The line when the JSON parser names a position (its messages differ between Node versions).
    expect(broken.code).toBe(4);
    expect(broken.stderr).toMatch(new RegExp(`^deskline: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:3)?: not valid JSON\n$`));
    expect(snapshot(env.DESKLINE_DB!)).toBe(before);
  });
});

describe('ticket create --template', () => {
  it('creates the ticket with its checklist, title from the fields', async () => {
    const env = tempEnv();
    const r = await runCli([...newHire, '-r', 'Ana Silva <ana@example.com>'], { env });
    expect([r.code, r.stdout]).toEqual([0, 'created HD-1  New hire: Ana Silva starts 2027-01-04  (checklist: 6 items)\n']);
    expect(await dbRows(env, 'SELECT position, required, done_at FROM ticket_checklist_items ORDER BY position')).toHaveLength(6);
    expect(await dbRows(env, 'SELECT template, fields FROM ticket_requests')).toEqual([
      { template: 'new-hire', fields: '{"name":"Ana Silva","start":"2027-01-04"}' },
    ]);
  });

  it.each([
    [['--field', 'name=Ana'], 'deskline: field start: is required (Start date)\n'],
    [['--field', 'name=Ana', '--field', 'start=2027-13-01'], "deskline: field start: is not a calendar date ('2027-13-01')\n"],
    [
      ['--field', 'name=Ana', '--field', 'start=2027-01-04', '--field', 'shoe=42'],
      'deskline: field shoe: is not a field of this template (name, start, department, manager)\n',
    ],
    [['--field', 'nameAna'], "deskline: --field: 'nameAna' is not name=value\n"],
  ])('refuses bad fields %j with one line, exit 4, no ticket', async (fields, message) => {
    const env = tempEnv();
    const r = await runCli(['ticket', 'create', '--template', 'new-hire', ...fields], { env });
    expect([r.code, r.stderr, r.stdout]).toEqual([4, message, '']);
    expect(await dbRows(env, 'SELECT id FROM tickets')).toEqual([]);
  });

  it('an unknown template is not found (exit 2) and lists the known ones', async () => {
    const r = await runCli(['ticket', 'create', '--template', 'onboard'], { env: tempEnv() });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "deskline: no template 'onboard' (leaver, new-hire, password-reset, patch-rollout, printer-setup, software-install)\n",
    );
  });
});

describe('checklist and resolve', () => {
  it('ticks items (audited), refuses a resolve naming the open items, and resolves when done', async () => {
    const env = tempEnv();
    await runCli(newHire, { env });
    const tick = await runCli(['ticket', 'check', 'HD-1', '1', '2'], { env });
    expect(tick.stdout).toBe('HD-1 item 1 done: Create the account\nHD-1 item 2 done: Create the mailbox\nHD-1 checklist 2/6\n');
    const before = snapshot(env.DESKLINE_DB!);
    const refused = await runCli(['ticket', 'resolve', 'HD-1', '--resolution', 'Done'], { env });
    expect([refused.code, refused.stderr]).toEqual([
      3,
      "deskline: HD-1 cannot be resolved: required items open: 3 Add to the department's groups; 4 Issue a laptop from stock; 5 Enrol MFA (--force REASON resolves anyway)\n",
    ]);
    expect(snapshot(env.DESKLINE_DB!)).toBe(before);
    const viaUpdate = await runCli(['ticket', 'update', 'HD-1', '--status', 'closed'], { env });
    expect(viaUpdate.code).toBe(3);
    await runCli(['ticket', 'uncheck', 'HD-1', '2'], { env });
    await runCli(['ticket', 'check', 'HD-1', '2', '3', '4', '5'], { env });
    const ok = await runCli(['ticket', 'resolve', 'HD-1', '--resolution', 'Set up'], { env });
    expect([ok.code, ok.stdout]).toEqual([0, 'HD-1 resolved\n']);
    const events = (await dbRows(
      env,
      "SELECT action, field, old_value, new_value FROM audit_events WHERE action IN ('check', 'uncheck')",
    )) as unknown[];
    expect(events).toHaveLength(7);
    expect(events[2]).toEqual({ action: 'uncheck', field: 'item 2', old_value: 'done', new_value: 'open' });
  });

  it('a forced resolve needs a reason and records it with the open items', async () => {
    const env = tempEnv();
    await runCli(newHire, { env });
    const r = await runCli(['ticket', 'resolve', 'HD-1', '--resolution', 'Cancelled', '--force', 'the hire was withdrawn'], { env });
    expect([r.code, r.stdout]).toEqual([0, 'HD-1 resolved\n']);
    expect(await dbRows(env, "SELECT field, old_value, new_value FROM audit_events WHERE action = 'force'")).toEqual([
      { field: 'open items', old_value: '1,2,3,4,5', new_value: 'the hire was withdrawn' },
    ]);
  });

  it('a password reset cannot be resolved, even forced, until the identity is verified by a listed method', async () => {
    const env = tempEnv();
    await runCli(['ticket', 'create', '--template', 'password-reset', '--field', 'account=bob'], { env });
    await runCli(['ticket', 'check', 'HD-1', '1'], { env });
    const forced = await runCli(['ticket', 'resolve', 'HD-1', '--resolution', 'Reset', '--force', 'urgent'], { env });
    expect([forced.code, forced.stderr]).toEqual([
      3,
      'deskline: HD-1 cannot be resolved: identity not verified (ticket verify HD-1 --method …)\n',
    ]);
    const bad = await runCli(['ticket', 'verify', 'HD-1', '--method', 'he sounded right'], { env });
    expect([bad.code, bad.stderr]).toEqual([
      4,
      "deskline: --method: must be one of callback, in_person, manager, video (got 'he sounded right')\n",
    ]);
    const ok = await runCli(['ticket', 'verify', 'HD-1', '--method', 'callback', '--note', 'called 555-0134 (HR record)'], { env });
    expect(ok.stdout).toBe('HD-1 identity verified by tester (callback)\n');
    expect(await dbRows(env, "SELECT field, new_value FROM audit_events WHERE action = 'verify' ORDER BY id")).toEqual([
      { field: 'identity', new_value: 'callback' },
      { field: 'identity note', new_value: 'called 555-0134 (HR record)' },
    ]);
    expect((await runCli(['ticket', 'resolve', 'HD-1', '--resolution', 'Reset'], { env })).code).toBe(0);
    const show = await runCli(['ticket', 'show', 'HD-1', '--json'], { env });
    expect(JSON.parse(show.stdout).request.identity).toMatchObject([{ method: 'callback', verified_by: 'tester' }]);
  });

  it('an item that does not exist is not found; a ticket without a checklist says so', async () => {
    const env = tempEnv();
    await runCli(newHire, { env });
    await runCli(['ticket', 'create', '-t', 'Plain'], { env });
    expect((await runCli(['ticket', 'check', 'HD-1', '9'], { env })).stderr).toBe('deskline: HD-1 has no checklist item 9 (1–6)\n');
    const plain = await runCli(['ticket', 'check', 'HD-2', '1'], { env });
    expect([plain.code, plain.stderr]).toEqual([2, 'deskline: HD-2 has no checklist\n']);
  });
});
