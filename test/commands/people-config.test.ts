import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';

describe('requesters and technicians', () => {
  it('adds, lists and shows requesters with their tickets', async () => {
    const env = tempEnv();
    expect((await runCli(['requester', 'add', 'Ana Silva', '-e', 'Ana@Example.com', '--department', 'Finance'], { env })).stdout).toBe(
      'added requester 1  Ana Silva <ana@example.com>\n',
    );
    const dup = await runCli(['requester', 'add', 'Ana Again', '-e', 'ana@example.com'], { env });
    expect(dup).toMatchObject({ code: 3, stderr: 'deskline: a requester with email ana@example.com already exists (Ana Silva)\n' });
    await runCli(['ticket', 'create', '-t', 'Excel crashes', '-r', 'ana@example.com'], { env });
    const show = await runCli(['requester', 'show', 'ana@example.com'], { env });
    expect(show.stdout).toContain('department  Finance');
    expect(show.stdout).toContain('HD-1  new      normal  Excel crashes');
    const list = await runCli(['requester', 'list', 'silva', '--json'], { env });
    expect(JSON.parse(list.stdout).requesters).toHaveLength(1);
  });

  it('adds technicians and assigns by name', async () => {
    const env = tempEnv();
    expect((await runCli(['technician', 'add', 'Sam Okafor', '-e', 'sam@example.com', '--tier', 'l2'], { env })).code).toBe(0);
    expect((await runCli(['technician', 'add', 'Bad', '-e', 'x@y.z', '--tier', 'L9'], { env })).code).toBe(4);
    await runCli(['ticket', 'create', '-t', 'Outlook offline', '-a', 'sam okafor'], { env });
    const list = await runCli(['technician', 'list'], { env });
    expect(list.stdout).toMatch(/Sam Okafor\s+sam@example.com\s+L2\s+1/);
  });
});

describe('config', () => {
  it('sets identity that "me" then means', async () => {
    const env = tempEnv();
    expect((await runCli(['config', 'set', 'user.email', 'Lee@Example.com'], { env })).stdout).toBe('user.email = lee@example.com\n');
    await runCli(['config', 'set', 'user.name', 'Lee Chen'], { env });
    expect((await runCli(['config', 'get', 'user.name'], { env })).stdout).toBe('Lee Chen\n');
    await runCli(['ticket', 'create', '-t', 'Badge reader', '-a', 'me'], { env });
    const show = JSON.parse((await runCli(['ticket', 'show', 'HD-1', '--json'], { env })).stdout);
    expect(show.ticket.assignee).toMatchObject({ name: 'Lee Chen', email: 'lee@example.com' });
    expect(show.ticket.status).toBe('open');
  });

  it('refuses unknown keys and bad values', async () => {
    const env = tempEnv();
    expect((await runCli(['config', 'set', 'user.mail', 'x'], { env })).code).toBe(4);
    expect((await runCli(['config', 'set', 'user.email', 'not-an-email'], { env })).code).toBe(4);
    expect((await runCli(['config', 'get', 'user.name'], { env })).code).toBe(2);
  });
});

describe('completion', () => {
  it('generates scripts from the command tree', async () => {
    const env = tempEnv();
    const bash = await runCli(['completion', 'bash'], { env });
    expect(bash.stdout).toContain('complete -F _deskline deskline desk');
    expect(bash.stdout).toMatch(/"ticket"\) subs="create list ls show/);
    expect((await runCli(['completion', 'fish'], { env })).stdout).toContain("complete -c deskline -f -n '__deskline_at \\'\\'' -a ticket");
    expect((await runCli(['completion', 'tcsh'], { env })).code).toBe(4);
  });
});
