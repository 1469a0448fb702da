/** STARTTLS and TLS to a real server with its own certificate, trusted through mail.smtp.ca_file. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { pointAtSmtp, selfSigned, startSmtp } from '../helpers/smtp.js';
import { dbRows, tempDir, tempEnv } from '../helpers/temp.js';

async function queuedReply(env: Record<string, string>) {
  await runCli(['requester', 'add', 'Ana Silva', '-e', 'ana@example.com'], { env });
  await runCli(['ticket', 'create', '-t', 'Wi-Fi drops', '-r', 'ana@example.com'], { env });
  await runCli(['ticket', 'comment', 'HD-1', '--reply', 'Updated the driver'], { env });
}

describe('outbox send over TLS', () => {
  it('upgrades with STARTTLS, and refuses a certificate it was not told to trust', async () => {
    const tls = selfSigned(tempDir());
    const smtp = await startSmtp('accept', { disabledCommands: [], key: tls.key, cert: tls.cert });
    const env = tempEnv();
    await queuedReply(env);
    pointAtSmtp(env, smtp.port, { security: 'starttls' });
    const untrusted = await runCli(['outbox', 'send'], { env });
    expect(untrusted.code).toBe(6);
    expect(untrusted.stderr).toMatch(/^deskline: HD-1 \(message 1\) to ana@example.com: .*(self[- ]signed|certificate).*; next try .*\n$/i);
    expect(smtp.received).toHaveLength(0);
    expect(await dbRows(env, 'SELECT status FROM outbox')).toEqual([{ status: 'queued' }]);

    pointAtSmtp(env, smtp.port, { security: 'starttls', ca_file: tls.certFile });
    expect(await runCli(['outbox', 'send', '--all'], { env })).toMatchObject({ code: 0, stdout: '1 sent\n' });
    await smtp.arrived(1);
    expect(smtp.received[0]!.secure).toBe(true);
  });

  it('speaks TLS from the first byte with security tls', async () => {
    const tls = selfSigned(tempDir());
    const smtp = await startSmtp('accept', { secure: true, key: tls.key, cert: tls.cert });
    const env = tempEnv();
    await queuedReply(env);
    pointAtSmtp(env, smtp.port, { security: 'tls', ca_file: tls.certFile });
    expect(await runCli(['outbox', 'send'], { env })).toMatchObject({ code: 0, stdout: '1 sent\n' });
    await smtp.arrived(1);
    expect(smtp.received[0]!.secure).toBe(true);
    expect(smtp.received[0]!.mail.subject).toBe('[HD-1] Wi-Fi drops');
  });
});
