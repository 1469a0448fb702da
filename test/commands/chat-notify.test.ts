/**
 * Chat notifications from the command line, as real processes of the built binary: set a channel
 * and a rule with `config set`, create an urgent ticket with a hostile title, see the message in
 * `outbox list` under its channel's name, and `outbox send` it to a webhook server on loopback.
 * The webhook URL never shows in settings, output, --json or the database; a malformed one is one
 * line, exit 4, with its message left queued.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsFile } from '../../src/paths.js';
import { runBin, runCli } from '../helpers/cli.js';
import { dbRows, tempEnv } from '../helpers/temp.js';
import { startWebhook } from '../helpers/webhook.js';

const SECRET = 'T0/B0/very-secret-token';
const TITLE = 'Outage <!channel> & @everyone <@U42> \u202e';

async function configured(url: string) {
  const env = tempEnv({ ONCALL_HOOK: url });
  for (const [k, v] of [
    ['chat.channel.oncall.kind', 'slack'],
    ['chat.channel.oncall.url_env', 'ONCALL_HOOK'],
    ['chat.on.ticket.created.urgent', 'oncall'],
  ])
    expect(await runCli(['config', 'set', k!, v!], { env })).toMatchObject({ code: 0 });
  return env;
}

const leaks = (text: string) => text.includes(SECRET) || text.includes('127.0.0.1');

describe('chat notifications from the CLI', () => {
  it('queues an urgent ticket for its channel and sends it (built binary)', { timeout: 90_000 }, async () => {
    const hook = await startWebhook(`/services/${SECRET}`);
    const env = await configured(hook.url);
    const created = await runBin(['ticket', 'create', '-t', TITLE, '-p', 'urgent'], { env });
    expect(created.code).toBe(0);
    const list = await runBin(['outbox', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/1\s+HD-1\s+oncall\s+queued\s+0\s+Urgent ticket: HD-1 Outage <!channel> & @everyone <@U42>/);
    const json = await runBin(['outbox', 'list', '--json'], { env });
    expect(JSON.parse(json.stdout).messages[0]).toMatchObject({ kind: 'chat', ticket: 'HD-1', to: { address: 'oncall' } });
    const show = await runCli(['outbox', 'show', '1'], { env });
    expect(show.stdout).toContain('outbox message 1 (chat)\n  ticket      HD-1\n  to          oncall\n');
    expect(show.stdout).toContain('"event": "ticket.created.urgent"');
    expect(show.stdout).not.toContain('\u202e');
    const send = await runBin(['outbox', 'send'], { env });
    expect(send).toMatchObject({ code: 0, stdout: '1 sent\n', stderr: '' });
    expect(hook.received).toHaveLength(1);
    const body = hook.received[0]!.body as { text: string; blocks: { text?: { text: string } }[] };
    expect(body.blocks[1]!.text!.text).toBe('*HD-1* Outage &lt;!channel&gt; &amp; @\u2060everyone &lt;@U42&gt;');
    const all = [created, list, json, show, send].map((r) => r.stdout + r.stderr).join('') + readFileSync(settingsFile(env), 'utf8');
    expect(leaks(all)).toBe(false);
    const rows = await dbRows(env, 'SELECT * FROM outbox');
    expect(leaks(JSON.stringify(rows))).toBe(false);
    expect(rows).toMatchObject([{ status: 'sent', to_address: 'oncall', attempts: 1 }]);
  });

  it('refuses a malformed or stored webhook URL in one line with exit 4', async () => {
    const env = tempEnv({ BAD_HOOK: `http://hooks.example.com/${SECRET}` });
    const bad = await runCli(['config', 'set', 'chat.channel.x.url_env', 'BAD_HOOK'], { env });
    expect(bad).toMatchObject({ code: 4, stdout: '' });
    expect(bad.stderr).toBe('deskline: chat.channel.x.url_env: the webhook URL in $BAD_HOOK is not an https URL\n');
    const file = join(env.HOME!, 'hook.txt');
    writeFileSync(file, `not a url ${SECRET}\n`, { mode: 0o600 });
    const fromFile = await runCli(['config', 'set', 'chat.channel.x.url_file', file], { env });
    expect(fromFile.code).toBe(4);
    expect(fromFile.stderr).toMatch(
      /^deskline: chat\.channel\.x\.url_file: the webhook URL in .*hook\.txt is not one URL \(it has spaces or line breaks\)\n$/,
    );
    const stored = await runCli(['config', 'set', 'chat.channel.x.url', `https://hooks.slack.com/services/${SECRET}`], { env });
    expect(stored.code).toBe(4);
    expect(stored.stderr.split('\n')).toHaveLength(2);
    expect(await runCli(['config', 'set', 'chat.on.escalated', 'ok,not ok'], { env })).toMatchObject({ code: 4 });
    expect(await runCli(['config', 'set', 'chat.channel.x.kind', 'irc'], { env })).toMatchObject({ code: 4 });
    for (const r of [bad, fromFile, stored]) expect(leaks(r.stdout + r.stderr)).toBe(false);
    expect((await runCli(['config', 'list'], { env })).stdout).toBe('');
  });

  it('keeps a message queued when its channel URL turns out malformed at send time (exit 4)', async () => {
    const hook = await startWebhook(`/services/${SECRET}`);
    const env = await configured(hook.url);
    await runCli(['ticket', 'create', '-t', 'Mail down', '-p', 'urgent'], { env });
    const send = await runCli(['outbox', 'send', '--json'], { env: { ...env, ONCALL_HOOK: `ftp://x/${SECRET}` } });
    expect(send.code).toBe(4);
    expect(send.stderr).toBe(
      "deskline: chat channel 'oncall': the webhook URL in $ONCALL_HOOK (chat.channel.oncall.url_env) is not an https URL\n",
    );
    expect(leaks(send.stdout + send.stderr)).toBe(false);
    expect(await dbRows(env, 'SELECT status, attempts FROM outbox')).toEqual([{ status: 'queued', attempts: 0 }]);
    expect(hook.received).toHaveLength(0);
    expect(await runCli(['outbox', 'send'], { env })).toMatchObject({ code: 0, stdout: '1 sent\n' });
  });

  it('sends chat without mail settings, and still says mail is not configured when mail waits', async () => {
    const hook = await startWebhook(`/services/${SECRET}`);
    const env = await configured(hook.url);
    await runCli(['requester', 'add', 'Ana Silva', '-e', 'ana@example.com'], { env });
    await runCli(['ticket', 'create', '-t', 'Printer offline', '-r', 'ana@example.com', '-p', 'urgent'], { env });
    await runCli(['ticket', 'comment', 'HD-1', '--reply', 'On it'], { env });
    const send = await runCli(['outbox', 'send'], { env });
    expect(send.stdout).toBe('1 sent\n');
    expect(send.code).toBe(6);
    expect(send.stderr).toMatch(/^deskline: delivery is not configured .*\n$/);
    expect(await dbRows(env, 'SELECT kind, status FROM outbox ORDER BY id')).toEqual([
      { kind: 'chat', status: 'sent' },
      { kind: 'reply', status: 'queued' },
    ]);
  });
});
