/** Remote sessions: the client runs as a real process with its arguments as an array, and is logged on the ticket. */
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientArgv, parseClientTemplate, sessionMinutes } from '../../src/domain/remote-client.js';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { connectAsset, type RunClient } from '../../src/io/remote-session.js';
import { linkAsset } from '../../src/store/asset-links.js';
import { addAsset } from '../../src/store/assets.js';
import { timeline } from '../../src/store/interactions.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { createTicket } from '../../src/store/tickets.js';
import { tempDb, tempDir } from '../helpers/temp.js';

const ME = { name: 'Dana Whitfield', email: 'dana@example.com', tier: 'L2' };

/** A stand-in client: a real script that writes each argument on its own line, then exits with `code`. */
function fakeClient(code = 0): { program: string; argsFile: string } {
  const dir = tempDir();
  const program = join(dir, 'fake-client');
  const argsFile = join(dir, 'args');
  writeFileSync(program, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > "${argsFile}"\nexit ${code}\n`);
  chmodSync(program, 0o755);
  return { program, argsFile };
}

const spawnRun: RunClient = (argv) => {
  const ran = spawnSync(argv[0]!, argv.slice(1), { stdio: 'ignore' });
  return { status: ran.status, signal: ran.signal, ...(ran.error ? { error: ran.error.message } : {}) };
};

async function deskWithAsset(hostname: string | null = 'ws-042.corp.example', protocol: 'rdp' | null = 'rdp') {
  const desk = await tempDb();
  const actor = await ensureTechnician(desk.db, ME);
  await addAsset(desk.db, { tag: 'LT-0042', type: 'laptop', hostname, protocol }, actor);
  const { ticket } = await createTicket(desk.db, validateTicketInput({ title: 'Outlook keeps crashing' }), actor);
  await linkAsset(desk.db, ticket.id, 'LT-0042', actor);
  return { desk, actor, ticketId: ticket.id };
}

describe('remote clients', () => {
  it('reads a template as words, checks its placeholders, fills each inside its own argument', () => {
    expect(parseClientTemplate(' xfreerdp  /v:{host} /u:{tag} ', 'remote.rdp')).toEqual(['xfreerdp', '/v:{host}', '/u:{tag}']);
    expect(() => parseClientTemplate('{host}', 'remote.ssh')).toThrow(/must be a name/);
    expect(() => parseClientTemplate('ssh {hots}', 'remote.ssh')).toThrow(/unknown placeholder \{hots\}/);
    expect(() => parseClientTemplate('ssh', 'remote.ssh')).toThrow(/must contain \{host\}/);
    const argv = clientArgv(['ssh', '{host}'], { host: 'a; rm -rf ~', tag: 'x', ticket: '' });
    expect(argv).toEqual(['ssh', 'a; rm -rf ~']);
    expect([sessionMinutes(0, 1), sessionMinutes(0, 60_001), sessionMinutes(0, 3 * 86_400_000)]).toEqual([1, 2, 1440]);
  });
});

describe('connectAsset', () => {
  it('runs the client with the host and logs a remote entry with its minutes on the open ticket about the asset', async () => {
    const { desk, actor, ticketId } = await deskWithAsset();
    const fake = fakeClient();
    let clock = Date.parse('2026-12-02T14:02:00Z');
    const result = await connectAsset(desk.db, {
      tag: 'lt-0042',
      actor,
      clients: { rdp: [fake.program, '/v:{host}', '{ticket}'] },
      path: '',
      run: spawnRun,
      now: () => (clock += 8 * 60_000),
    });
    expect(readFileSync(fake.argsFile, 'utf8')).toBe('/v:ws-042.corp.example\nHD-1\n');
    expect(result).toMatchObject({ minutes: 8, status: 0, ticketRef: 'HD-1' });
    const entry = (await timeline(desk.db, ticketId)).find((e) => e.kind === 'remote')!;
    expect(entry).toMatchObject({ minutes: 8, author_name: 'Dana Whitfield' });
    expect(entry.body).toBe(
      'Remote session (rdp) to LT-0042 (ws-042.corp.example) from 2026-12-02 14:10:00 UTC to 2026-12-02 14:18:00 UTC; the client exited with 0.',
    );
  });

  it('logs a failed client too, with its exit status', async () => {
    const { desk, actor, ticketId } = await deskWithAsset();
    const fake = fakeClient(255);
    const result = await connectAsset(desk.db, {
      tag: 'LT-0042',
      ticketId,
      actor,
      clients: { rdp: [fake.program, '{host}'] },
      path: '',
      run: spawnRun,
    });
    expect(result.status).toBe(255);
    expect((await timeline(desk.db, ticketId)).find((e) => e.kind === 'remote')!.body).toMatch(/exited with 255\.$/);
  });

  it('refuses, before running anything, a missing client, an asset with no hostname or protocol, an unknown ticket', async () => {
    const { desk, actor } = await deskWithAsset();
    let runs = 0;
    const run: RunClient = () => (runs++, { status: 0, signal: null });
    const base = { actor, path: '/nonexistent-bin', run };
    await expect(connectAsset(desk.db, { ...base, tag: 'LT-0042', clients: {} })).rejects.toThrow(
      "rdp client 'xfreerdp' is not installed (not on PATH): install it or set remote.rdp",
    );
    await expect(connectAsset(desk.db, { ...base, tag: 'LT-0042', ticketId: 99, clients: {} })).rejects.toThrow(/HD-99/);
    await expect(connectAsset(desk.db, { ...base, tag: 'PR-1', clients: {} })).rejects.toThrow(/no asset 'PR-1'/);
    const bare = await deskWithAsset(null, null);
    await expect(connectAsset(bare.desk.db, { ...base, actor: bare.actor, tag: 'LT-0042', clients: {} })).rejects.toThrow(
      /has no hostname/,
    );
    expect(runs).toBe(0);
    expect((await timeline(desk.db, 1)).some((e) => e.kind === 'remote')).toBe(false);
  });
});
