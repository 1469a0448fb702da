/** `asset connect` as a technician runs it: the built binary, a real client process, the session on the ticket. */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli } from '../helpers/cli.js';
import { snapshot } from '../helpers/db-snapshot.js';
import { tempEnv } from '../helpers/temp.js';

/** A client that records its arguments (one per line) and exits with `code`. */
function client(env: Record<string, string>, code: number): { program: string; args: string } {
  const program = join(env.HOME!, `client-${code}`);
  const args = join(env.HOME!, `args-${code}`);
  writeFileSync(program, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > "${args}"\nexit ${code}\n`);
  chmodSync(program, 0o755);
  return { program, args };
}

async function desk() {
  const env = tempEnv();
  const steps = [
    ['asset', 'add', 'LT-0042', '--type', 'laptop', '--hostname', 'lt-0042.corp.example', '--protocol', 'ssh'],
    ['ticket', 'create', '-t', 'Laptop fan loud'],
    ['ticket', 'asset', 'HD-1', 'LT-0042'],
  ];
  for (const args of steps) expect((await runCli(args, { env })).code, args.join(' ')).toBe(0);
  return env;
}

describe('asset connect', () => {
  it('runs the configured client with the host as one argument and logs the session on the open ticket', async () => {
    const env = await desk();
    const ok = client(env, 0);
    expect((await runCli(['config', 'set', 'remote.ssh', `${ok.program} -o BatchMode=yes {host}`], { env })).code).toBe(0);
    const run = await runBin(['asset', 'connect', 'LT-0042'], { env });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/^session to LT-0042 ended after 1 min: logged on HD-1\n$/);
    expect(readFileSync(ok.args, 'utf8')).toBe('-o\nBatchMode=yes\nlt-0042.corp.example\n');
    const show = await runCli(['ticket', 'show', 'HD-1', '--json'], { env });
    const entry = JSON.parse(show.stdout).timeline.find((e: { kind: string }) => e.kind === 'remote');
    expect(entry).toMatchObject({ minutes: 1 });
    expect(entry.body).toMatch(
      /^Remote session \(ssh\) to LT-0042 \(lt-0042\.corp\.example\) from .* UTC to .* UTC; the client exited with 0\.$/,
    );
  });

  it('logs a client that fails and exits 6; refuses a missing client (2) and a bad template (4) without changing anything', async () => {
    const env = await desk();
    const bad = client(env, 255);
    await runCli(['config', 'set', 'remote.ssh', `${bad.program} {host}`], { env });
    const failed = await runCli(['asset', 'connect', 'LT-0042', '--ticket', 'HD-1', '--json'], { env });
    expect(failed.code).toBe(6);
    expect(failed.stderr).toBe(`deskline: ${bad.program} exited with 255\n`);
    expect(JSON.parse(failed.stdout)).toMatchObject({ asset: 'LT-0042', exit_status: 255, ticket: 'HD-1' });

    await runCli(['config', 'set', 'remote.ssh', 'no-such-ssh-client {host}'], { env });
    const before = snapshot(env.DESKLINE_DB!);
    const missing = await runCli(['asset', 'connect', 'LT-0042'], { env });
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toBe("deskline: ssh client 'no-such-ssh-client' is not installed (not on PATH): install it or set remote.ssh\n");
    const template = await runCli(['config', 'set', 'remote.ssh', 'ssh {hostname}'], { env });
    expect(template.code).toBe(4);
    expect(template.stderr).toMatch(/remote\.ssh: unknown placeholder \{hostname\}/);
    expect(snapshot(env.DESKLINE_DB!)).toBe(before);
  });
});
