/**
 * The console started by a login role mapped to no technician (issue 21, team mode). It refuses to
 * start, in one line naming the role and the command the desk's owner runs to map it (with the
 * technician settings name, when the desk has them), exit 5, before taking the terminal and before
 * writing anything; once the owner runs that command, the same start opens the queue. A mapping the
 * owner removes while the console runs turns the next write into that line in the status bar, with
 * nothing written and the typed text kept. A login with no grant at all is told the same command.
 * Driven through main.ts's startConsole with test streams, as `deskline` with no command runs it.
 */
import { describe, expect, it } from 'vitest';
import { startConsole } from '../../src/tui/main.js';
import { runCli } from '../helpers/cli.js';
import { asRole, cli, teamDesk } from '../helpers/pg-team.js';
import { TestStdin, TestStdout } from '../helpers/render-tui.js';

const waitFor = (out: TestStdout, test: (all: string) => boolean) =>
  new Promise<void>((resolve) => {
    const check = () => test(out.frames.join('')) && (out.off('frame', check), resolve());
    out.on('frame', check);
    check();
  });

function streams(env: Record<string, string>) {
  const [stdout, stderr, stdin] = [new TestStdout(100, 24), new TestStdout(100, 24), new TestStdin()];
  return { stdout, stderr, stdin, io: { stdout, stderr, stdin, env } as never };
}

describe('console as a login role mapped to no technician', () => {
  it('refuses in one line naming the role and the mapping command, exit 5, nothing written; mapped as told, it opens', async () => {
    const { url, env, owner, logins } = await teamDesk(1);
    const [ana] = logins as [string];
    await owner.query(`GRANT deskline_technician TO ${ana}`); // granted, as `db roles` says, but not mapped yet
    expect((await cli(url, env, 'technician', 'add', 'Ana Silva', '-e', 'ana@example.com')).code).toBe(0);
    expect(
      (await cli(url, env, 'ticket', 'create', '-t', 'VPN drops', '-r', 'Rui <rui@example.com>', '--assignee', 'ana@example.com')).code,
    ).toBe(0);
    expect((await runCli(['config', 'set', 'user.email', 'ana@example.com'], { env })).code).toBe(0);
    const count = async () =>
      (await owner.query('SELECT (SELECT count(*) FROM technicians) + (SELECT count(*) FROM audit_events) AS n')).rows[0].n;
    const before = await count();

    const refused = streams(env);
    expect(await startConsole(refused.io, { db: asRole(url, ana) })).toBe(5);
    const line = refused.stderr.frames.join('');
    expect(line).toBe(
      `deskline: login role ${ana} is not a technician of this desk: the desk's owner runs 'deskline technician role ana@example.com ${ana}'\n`,
    );
    expect(refused.stdout.frames.join('')).toBe(''); // the terminal was never taken
    expect(await count()).toBe(before);

    const told = line.match(/'deskline (technician role [^']+)'/)![1]!.split(' ');
    expect((await cli(url, env, ...told)).code).toBe(0);
    const opened = streams(env);
    const running = startConsole(opened.io, { db: asRole(url, ana) });
    await waitFor(opened.stdout, (all) => all.includes('VPN drops'));
    opened.stdin.write('q');
    expect(await running).toBe(0);
  });

  it('a role settings cannot match to a technician is told both ways to map it', async () => {
    const { url, env, owner, logins } = await teamDesk(1);
    const [stray] = logins as [string];
    await owner.query(`GRANT deskline_technician TO ${stray}`);
    const refused = streams(env);
    expect(await startConsole(refused.io, { db: asRole(url, stray) })).toBe(5);
    expect(refused.stderr.frames.join('')).toBe(
      `deskline: login role ${stray} is not a technician of this desk: the desk's owner runs 'deskline technician role WHO ${stray}' (or 'deskline technician add NAME -e EMAIL --role ${stray}' for someone new)\n`,
    );
  });

  it('a mapping removed while the console runs: the next write says so in the status bar, writes nothing, the console goes on', async () => {
    const { url, env, owner, logins } = await teamDesk(1);
    const [ana] = logins as [string];
    expect((await cli(url, env, 'technician', 'add', 'Ana Silva', '-e', 'ana@example.com', '--role', ana)).code).toBe(0);
    const created = await cli(
      url,
      env,
      'ticket',
      'create',
      '-t',
      'VPN drops',
      '-r',
      'Rui <rui@example.com>',
      '--assignee',
      'ana@example.com',
    );
    expect(created.code).toBe(0);
    const opened = streams(env);
    const running = startConsole(opened.io, { db: asRole(url, ana) });
    await waitFor(opened.stdout, (all) => all.includes('VPN drops'));
    await owner.query('DELETE FROM technician_roles');
    const audit = async () => (await owner.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n;
    const before = await audit();
    opened.stdin.write('i'); // an internal note: a write
    await waitFor(opened.stdout, (all) => all.includes('^S save'));
    opened.stdin.write('rebooted the router');
    opened.stdin.write('\x13');
    await waitFor(opened.stdout, (all) => all.includes('is not a technician of this desk'));
    expect(await audit()).toBe(before);
    expect((await owner.query('SELECT count(*)::int AS n FROM interactions')).rows[0].n).toBe(0);
    const told = [...opened.stdout.frames].reverse().find((frame) => frame.includes('is not a technician of this desk'));
    expect(told).toContain('rebooted the router'); // the box stays open with the text
    opened.stdin.write('\x1b');
    await waitFor(opened.stdout, (all) => all.includes('Discard what you typed?'));
    opened.stdin.write('y');
    opened.stdin.write('q');
    expect(await running).toBe(0);
  });

  it('a login role with no grant on the desk at all is told the mapping command, not only "permission denied"', async () => {
    const { url, env, logins } = await teamDesk(1);
    const [bare] = logins as [string];
    const told = `deskline: login role ${bare} has no access to this desk: the desk's owner runs 'deskline technician role WHO ${bare}' (or 'deskline technician add NAME -e EMAIL --role ${bare}' for someone new), which grants it the technician role\n`;
    for (const args of [
      ['ticket', 'list'],
      ['ticket', 'create', '-t', 'VPN drops', '-r', 'Rui <rui@example.com>'],
    ]) {
      const result = await cli(asRole(url, bare), env, ...args);
      expect([result.code, result.stdout, result.stderr]).toEqual([5, '', told]);
    }
    const refused = streams(env);
    expect(await startConsole(refused.io, { db: asRole(url, bare) })).toBe(5);
    expect(refused.stderr.frames.join('')).toBe(told);
  });
});
