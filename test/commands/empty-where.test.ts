/** Issue 14.2: an empty `--where` (an unset shell variable) must not change every ticket; `ticket list ""` is `ticket list`. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { dbRows, tempEnv } from '../helpers/temp.js';

async function deskOfThree(): Promise<Record<string, string>> {
  const env = tempEnv();
  for (const t of ['Printer jam', 'VPN down', 'New laptop']) expect((await runCli(['ticket', 'create', '-t', t], { env })).code).toBe(0);
  return env;
}

describe('ticket update --where with no filter', () => {
  it.each([[''], ['   '], ['sort:-created'], ['" "']])('--where %j exits 4 with one line and changes nothing', async (where) => {
    const env = await deskOfThree();
    const before = await dbRows(env, 'SELECT id, status, version FROM tickets ORDER BY id');
    const r = await runCli(['ticket', 'update', '--where', where, '--status', 'closed', '--yes'], { env });
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('--where: ');
    expect(r.stderr).toContain('would match every ticket');
    expect(await dbRows(env, 'SELECT id, status, version FROM tickets ORDER BY id')).toEqual(before);
  });

  it('a --where with a filter still changes what it matches', async () => {
    const env = await deskOfThree();
    const r = await runCli(['ticket', 'update', '--where', 'VPN', '--priority', 'high', '--yes'], { env });
    expect(r.code).toBe(0);
    expect(await dbRows(env, "SELECT title FROM tickets WHERE priority = 'high'")).toEqual([{ title: 'VPN down' }]);
  });
});

describe('ticket list with empty words', () => {
  it('`ticket list ""` prints what `ticket list` prints', async () => {
    const env = await deskOfThree();
    await runCli(['ticket', 'update', 'HD-2', '--status', 'closed'], { env });
    const bare = await runCli(['ticket', 'list', '--columns', 'ref,title'], { env });
    const empty = await runCli(['ticket', 'list', '', '  ', '--columns', 'ref,title'], { env });
    expect(bare.code).toBe(0);
    expect(empty).toEqual(bare);
    expect(bare.stdout).not.toContain('HD-2');
  });
});
