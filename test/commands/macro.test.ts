/** Macros through the CLI: the starter set, adding one, applying to several tickets all or nothing. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { snapshot } from '../helpers/db-snapshot.js';
import { dbRows, tempEnv } from '../helpers/temp.js';

async function desk() {
  const env = tempEnv();
  await runCli(['config', 'set', 'user.name', 'Sam Okafor'], { env });
  for (const who of ['Ana Silva <ana@example.com>', 'Bo Lind <bo@example.com>'])
    await runCli(['ticket', 'create', '-t', `VPN drops for ${who.split(' ')[0]}`, '-r', who], { env });
  await runCli(['ticket', 'create', '-t', 'From monitoring'], { env });
  return env;
}

describe('macro', () => {
  it('ships the starter five', async () => {
    const r = await runCli(['macro', 'list', '--json'], { env: tempEnv() });
    expect(JSON.parse(r.stdout).macros.map((m: { name: string }) => m.name)).toEqual([
      'acknowledge',
      'ask-for-details',
      'known-outage',
      'password-reset-done',
      'resolved-please-confirm',
    ]);
  });

  it('applies to several tickets: each gets its own reply, then the field changes', async () => {
    const env = await desk();
    const r = await runCli(['macro', 'apply', 'HD-1', 'HD-2', 'ask-for-details'], { env });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      'HD-1 ask-for-details applied: reply sent; status pending\nHD-2 ask-for-details applied: reply sent; status pending\n',
    );
    const replies = (await dbRows(env, "SELECT ticket_id, body FROM interactions WHERE kind = 'reply' ORDER BY ticket_id")) as {
      body: string;
    }[];
    expect(replies.map((x) => x.body.split('\n')[0])).toEqual(['Hi Ana,', 'Hi Bo,']);
    expect(replies[0]!.body).toContain('To move HD-1 on');
    expect(replies[0]!.body.endsWith('Sam Okafor')).toBe(true);
    expect(await dbRows(env, "SELECT new_value FROM audit_events WHERE action = 'macro' AND field = 'macro'")).toEqual([
      { new_value: 'ask-for-details' },
      { new_value: 'ask-for-details' },
    ]);
  });

  it('a placeholder with no value on any ticket is an error naming it, and nothing changes on any', async () => {
    const env = await desk();
    const before = snapshot(env.DESKLINE_DB!);
    const r = await runCli(['macro', 'apply', 'HD-1', 'HD-3', 'acknowledge'], { env });
    expect([r.code, r.stdout, r.stderr]).toEqual([
      4,
      '',
      "deskline: {{requester.first_name}}: has no value on HD-3: macro 'acknowledge' changed nothing\n",
    ]);
    expect(snapshot(env.DESKLINE_DB!)).toBe(before);
  });

  it('adds a macro with field changes; refuses an unknown placeholder or status (exit 4, nothing written)', async () => {
    const env = await desk();
    const add = await runCli(
      [
        'macro',
        'add',
        'vpn-steps',
        '--title',
        'VPN first steps',
        '--priority',
        'high',
        '--tag',
        'vpn',
        '-b',
        'Hi {{requester.name}}, see {{ticket.ref}}.',
      ],
      { env },
    );
    expect([add.code, add.stdout]).toEqual([0, 'added macro vpn-steps\n']);
    const show = await runCli(['macro', 'show', 'vpn-steps'], { env });
    expect(show.stdout).toBe(
      'vpn-steps  VPN first steps\n  priority → high\n  tags + vpn\n    Hi {{requester.name}}, see {{ticket.ref}}.\n',
    );
    const applied = await runCli(['macro', 'apply', 'HD-2', 'vpn-steps'], { env });
    expect(applied.stdout).toBe('HD-2 vpn-steps applied: reply sent; priority high, tags vpn\n');
    const before = snapshot(env.DESKLINE_DB!);
    const bad = await runCli(['macro', 'add', 'x', '-b', 'Hi {{requester.shoe_size}}'], { env });
    expect([bad.code, bad.stderr]).toEqual([
      4,
      expect.stringMatching(/^deskline: body: \{\{requester\.shoe_size\}\} is not a placeholder \(/),
    ]);
    const badStatus = await runCli(['macro', 'add', 'x', '--status', 'done', '-b', 'hi'], { env });
    expect(badStatus.code).toBe(4);
    expect(snapshot(env.DESKLINE_DB!)).toBe(before);
  });

  it('a macro can hand the ticket to a group; an unknown group changes nothing', async () => {
    const env = await desk();
    expect((await runCli(['group', 'add', 'Desktop Support'], { env })).code).toBe(0);
    await runCli(
      [
        'macro',
        'add',
        'to-desktop',
        '--group',
        'Desktop Support',
        '--priority',
        'high',
        '-b',
        'Passing {{ticket.ref}} to Desktop Support.',
      ],
      { env },
    );
    const r = await runCli(['macro', 'apply', 'HD-2', 'to-desktop', '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tickets[0]).toMatchObject({ ref: 'HD-2', group: 'Desktop Support', priority: 'high' });
    await runCli(['macro', 'add', 'to-nowhere', '--group', 'Nowhere', '-b', 'x'], { env });
    const before = snapshot(env.DESKLINE_DB!);
    const bad = await runCli(['macro', 'apply', 'HD-1', 'to-nowhere'], { env });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(snapshot(env.DESKLINE_DB!)).toBe(before);
  });

  it('usage and not found', async () => {
    const env = await desk();
    expect((await runCli(['macro', 'apply', 'HD-1'], { env })).stderr).toBe('deskline: give the macro name after the refs\n');
    const none = await runCli(['macro', 'apply', 'HD-1', 'nope'], { env });
    expect(none.code).toBe(2);
    expect((await runCli(['macro', 'apply', 'HD-99', 'acknowledge'], { env })).code).toBe(2);
  });
});
