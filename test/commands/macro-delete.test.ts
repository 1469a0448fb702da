/** `macro delete NAME` as a real process (the built binary): asks unless --yes; an unknown name is exit 2; nothing else changes. */
import { describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { snapshot } from '../helpers/db-snapshot.js';
import { tempEnv } from '../helpers/temp.js';

const names = async (env: Record<string, string>) =>
  (JSON.parse((await runBin(['macro', 'list', '--json'], { env })).stdout) as { macros: { name: string }[] }).macros.map((m) => m.name);

describe('macro delete (built binary)', () => {
  it('deletes with --yes; without it (no terminal to ask on) refuses with exit 1 and changes nothing', async () => {
    const env = tempEnv();
    expect(await names(env)).toContain('known-outage');
    const before = snapshot(env.DESKLINE_DB!);
    const asked = await runBin(['macro', 'delete', 'known-outage'], { env });
    expect([asked.code, asked.stdout, asked.stderr]).toEqual([1, '', 'not confirmed: nothing changed (use --yes in scripts)\n']);
    expect(snapshot(env.DESKLINE_DB!)).toEqual(before);

    const r = await runBin(['macro', 'delete', 'known-outage', '--yes'], { env });
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'deleted macro known-outage\n', '']);
    expect(await names(env)).toEqual(['acknowledge', 'ask-for-details', 'password-reset-done', 'resolved-please-confirm']);
  });

  it('an unknown name is one line naming the known ones, exit 2, database unchanged', async () => {
    const env = tempEnv();
    await runBin(['macro', 'list'], { env });
    const before = snapshot(env.DESKLINE_DB!);
    const r = await runBin(['macro', 'delete', 'nope', '--yes', '--json'], { env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain("no macro 'nope' (acknowledge, ask-for-details");
    expect(snapshot(env.DESKLINE_DB!)).toEqual(before);
  });

  it('--json says what was deleted', async () => {
    const env = tempEnv();
    const r = await runBin(['macro', 'delete', 'acknowledge', '-y', '--json'], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).deleted).toMatchObject({ name: 'acknowledge', title: expect.any(String) });
  });
});
