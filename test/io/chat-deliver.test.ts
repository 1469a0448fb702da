/**
 * Chat notifications end to end below the CLI: the store queues them in the change's transaction
 * (rules carried by the desk handle), and deliverChat POSTs them to a webhook server on loopback
 * started by the test: Slack and Teams payloads with a hostile title, a retry after a 500, a 400
 * given up, a channel whose URL is malformed left queued, the SLA sweep telling once, and the
 * webhook URL nowhere in the database.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chatRules } from '../../src/domain/chat/rules.js';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { deliverChat } from '../../src/io/chat-deliver.js';
import { notifySla } from '../../src/store/chat-sla.js';
import { addGroup, changeMembers } from '../../src/store/groups.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { updateTicket, updateTickets } from '../../src/store/ticket-changes.js';
import { escalate } from '../../src/store/ticket-workflows.js';
import { createTicket } from '../../src/store/tickets.js';
import { tempDir, testDesk } from '../helpers/temp.js';
import { startWebhook } from '../helpers/webhook.js';
import { closedPort } from '../helpers/smtp.js';

const HOSTILE = 'VPN <!channel> down & @here <@U123> *now* {{DATE(2017-02-14T06:08:39Z)}} \x1b[31mred\u202e';

async function setup(extra: Record<string, string> = {}) {
  const slack = await startWebhook('/services/T0/B0/slack-secret-token');
  const teams = await startWebhook('/workflows/abc/triggers/manual/paths/invoke?sig=teams-secret-sig');
  const dir = tempDir();
  const settings = {
    'chat.on.ticket.created.urgent': 'oncall,desk',
    'chat.on.escalated': 'desk',
    'chat.on.assigned.me': 'oncall',
    'chat.on.assigned.group': 'oncall',
    'chat.on.sla.risk': 'oncall',
    'chat.on.sla.breach': 'oncall,desk',
    'chat.channel.oncall.kind': 'slack',
    'chat.channel.oncall.url_env': 'ONCALL_HOOK',
    'chat.channel.desk.kind': 'teams',
    'chat.channel.desk.url_env': 'DESK_HOOK',
    ...extra,
  };
  const rules = chatRules(settings, 'ana@example.com');
  const desk = await testDesk(`${dir}/desk.db`, { chat: rules });
  const env = { ONCALL_HOOK: slack.url, DESK_HOOK: teams.url };
  const sam = await ensureTechnician(desk.db, { name: 'Sam Okafor', email: 'sam@example.com', tier: 'L1' });
  const ana = await ensureTechnician(desk.db, { name: 'Ana Diaz', email: 'ana@example.com', tier: 'L2' });
  return { slack, teams, desk, rules, env, sam, ana, path: `${dir}/desk.db` };
}

const outbox = (desk: Awaited<ReturnType<typeof setup>>['desk']) =>
  desk.sqlite.prepare('SELECT kind, ticket_id, to_address, status, attempts, last_error FROM outbox ORDER BY id').all();

describe('chat notifications', () => {
  it('queues an urgent ticket to each channel in its own transaction and posts Slack and Teams payloads', async () => {
    const s = await setup();
    await createTicket(s.desk.db, validateTicketInput({ title: 'Printer jam', priority: 'normal' }), s.sam);
    await createTicket(s.desk.db, validateTicketInput({ title: HOSTILE, priority: 'urgent' }), s.sam);
    expect(outbox(s.desk)).toEqual([
      { kind: 'chat', ticket_id: 2, to_address: 'oncall', status: 'queued', attempts: 0, last_error: null },
      { kind: 'chat', ticket_id: 2, to_address: 'desk', status: 'queued', attempts: 0, last_error: null },
    ]);
    const report = await deliverChat(s.desk.db, s.rules, s.env);
    expect(report).toEqual({ sent: 2, failures: [], problems: [] });
    expect(s.slack.received).toHaveLength(1);
    const [post] = s.slack.received;
    expect(post!.path).toBe('/services/T0/B0/slack-secret-token');
    expect(post!.contentType).toBe('application/json');
    const blocks = (post!.body as { blocks: { type: string; text?: { text: string } }[] }).blocks;
    expect(blocks[0]!.text!.text).toBe('Urgent ticket · HD-2');
    expect(blocks[1]!.text!.text).toBe(
      '*HD-2* VPN &lt;!channel&gt; down &amp; @\u2060here &lt;@U123&gt; *now* {{DATE(2017-02-14T06:08:39Z)}} red',
    );
    const card = s.teams.received[0]!.body as { type: string; attachments: { contentType: string; content: { body: unknown[] } }[] };
    expect(card.type).toBe('message');
    expect(card.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(card.attachments[0]!.content.body[1]).toEqual({
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text: 'VPN <!channel> down & @here <@U123> *now* {\u2060{DATE(2017-02-14T06:08:39Z)}} red' }],
    });
    expect(outbox(s.desk).map((r) => (r as { status: string }).status)).toEqual(['sent', 'sent']);
    // The URLs are in no row and nowhere in the file (nor its WAL).
    s.desk.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(s.path).toString('latin1');
    for (const secret of ['slack-secret-token', 'teams-secret-sig', '127.0.0.1']) expect(bytes).not.toContain(secret);
  });

  it('tries again after a 500 with the same message, and gives a 400 up with its answer', async () => {
    const s = await setup({ 'chat.on.ticket.created.urgent': 'oncall' });
    await createTicket(s.desk.db, validateTicketInput({ title: 'Mail down', priority: 'urgent' }), s.sam);
    s.slack.answer(500);
    const now = Date.now();
    const first = await deliverChat(s.desk.db, s.rules, s.env, { clock: () => now });
    expect(first.sent).toBe(0);
    expect(first.failures).toMatchObject([
      { to: 'oncall', status: 'queued', message: 'HTTP 500: server_error', nextAttemptAt: now + 30_000 },
    ]);
    expect(await deliverChat(s.desk.db, s.rules, s.env, { clock: () => now + 29_999 })).toEqual({ sent: 0, failures: [], problems: [] });
    expect(await deliverChat(s.desk.db, s.rules, s.env, { clock: () => now + 30_000 })).toMatchObject({ sent: 1 });
    expect(s.slack.received).toHaveLength(2);
    expect(s.slack.received[1]!.body).toEqual(s.slack.received[0]!.body);
    expect(outbox(s.desk)).toMatchObject([{ status: 'sent', attempts: 2 }]);

    await createTicket(s.desk.db, validateTicketInput({ title: 'Phones down', priority: 'urgent' }), s.sam);
    s.slack.answer(400);
    const refused = await deliverChat(s.desk.db, s.rules, s.env);
    expect(refused.failures).toMatchObject([{ ticketId: 2, status: 'failed', message: 'HTTP 400: invalid_payload' }]);
    expect(await deliverChat(s.desk.db, s.rules, s.env, { all: true })).toEqual({ sent: 0, failures: [], problems: [] });
    expect(outbox(s.desk)[1]).toMatchObject({ status: 'failed', attempts: 1, last_error: 'HTTP 400: invalid_payload' });
    expect(s.slack.received).toHaveLength(3);
  });

  it('waits and tries again when the hook does not answer in time or is not there', async () => {
    const s = await setup({ 'chat.on.ticket.created.urgent': 'oncall' });
    await createTicket(s.desk.db, validateTicketInput({ title: 'Mail down', priority: 'urgent' }), s.sam);
    s.slack.answer(0);
    const slow = await deliverChat(s.desk.db, s.rules, s.env, { timeoutMs: 300 });
    expect(slow.failures).toMatchObject([{ status: 'queued', message: 'timed out' }]);
    const port = await closedPort();
    const gone = await deliverChat(s.desk.db, s.rules, { ONCALL_HOOK: `http://127.0.0.1:${port}/hook` }, { all: true });
    expect(gone.failures).toMatchObject([{ status: 'queued', message: 'connection refused' }]);
    expect(outbox(s.desk)).toMatchObject([{ status: 'queued', attempts: 2, last_error: 'connection refused' }]);
    expect(await deliverChat(s.desk.db, s.rules, s.env, { all: true })).toMatchObject({ sent: 1 });
  });

  it('leaves a channel with a malformed URL queued, untried, and says so without the URL', async () => {
    const s = await setup();
    await createTicket(s.desk.db, validateTicketInput({ title: 'Mail down', priority: 'urgent' }), s.sam);
    const report = await deliverChat(s.desk.db, s.rules, { ...s.env, DESK_HOOK: 'htps:/not a url secret-bit' });
    expect(report.sent).toBe(1);
    expect(report.problems).toEqual([
      "chat channel 'desk': the webhook URL in $DESK_HOOK (chat.channel.desk.url_env) is not one URL (it has spaces or line breaks)",
    ]);
    expect(outbox(s.desk)).toMatchObject([
      { to_address: 'oncall', status: 'sent' },
      { to_address: 'desk', status: 'queued', attempts: 0 },
    ]);
  });

  it('tells of an assignment to me, to my group, and an escalation, inside the transaction of the change', async () => {
    const s = await setup();
    await createTicket(s.desk.db, validateTicketInput({ title: 'Laptop slow' }), s.sam);
    await addGroup(s.desk.db, 'Network');
    await changeMembers(s.desk.db, 'Network', ['ana@example.com'], []);
    await updateTicket(s.desk.db, 1, { assignee: 'sam@example.com' }, s.sam);
    expect(outbox(s.desk)).toEqual([]);
    // In the change's own transaction: a batch that fails on its second ticket leaves no notification for the first.
    await createTicket(s.desk.db, validateTicketInput({ title: 'Dock dead' }), s.sam);
    await expect(updateTickets(s.desk.db, [1, 2], { assignee: 'ana@example.com' }, s.sam, { ifVersions: { 2: 99 } })).rejects.toThrow(
      /HD-2 was changed since version 99/,
    );
    expect(outbox(s.desk)).toEqual([]);
    await updateTicket(s.desk.db, 1, { assignee: 'ana@example.com' }, s.sam);
    await escalate(s.desk.db, 1, 'L2', 'needs <!here> the network team', s.sam, {}, 'Network');
    const rows = s.desk.sqlite.prepare('SELECT to_address, subject, body FROM outbox ORDER BY id').all() as {
      to_address: string;
      subject: string;
      body: string;
    }[];
    expect(rows.map((r) => [r.to_address, r.subject])).toEqual([
      ['oncall', 'Assigned to you: HD-1 Laptop slow'],
      ['desk', 'Escalated: HD-1 Laptop slow'],
      ['oncall', 'Assigned to your group: HD-1 Laptop slow'],
    ]);
    await createTicket(s.desk.db, validateTicketInput({ title: 'New starter kit', assignee: 'ana@example.com' }), s.sam);
    expect(s.desk.sqlite.prepare('SELECT to_address, subject FROM outbox WHERE ticket_id = 3').all() as unknown[]).toEqual([
      { to_address: 'oncall', subject: 'Assigned to you: HD-3 New starter kit' },
    ]);
    expect(JSON.parse(rows[1]!.body)).toMatchObject({
      event: 'escalated',
      tier: 'L2',
      group: 'Network',
      detail: 'L1 → L2: needs <!here> the network team',
    });
    await deliverChat(s.desk.db, s.rules, s.env);
    expect(JSON.stringify(s.teams.received[0]!.body)).toContain('L1 → L2: needs <!here> the network team');
    expect(JSON.stringify(s.slack.received)).not.toMatch(/<!here>/);
  });

  it('tells of SLA risk, then breach, once per ticket and target', async () => {
    const s = await setup();
    const t0 = Date.now() - 50 * 60_000;
    await createTicket(s.desk.db, validateTicketInput({ title: 'Server room hot', priority: 'urgent' }), s.sam, t0);
    s.desk.sqlite.prepare('DELETE FROM outbox').run();
    const now = t0 + 50 * 60_000;
    expect(await notifySla(s.desk.db, now)).toBe(1);
    expect(await notifySla(s.desk.db, now + 1000)).toBe(0);
    expect(await notifySla(s.desk.db, t0 + 61 * 60_000)).toBe(2);
    expect(await notifySla(s.desk.db, t0 + 62 * 60_000)).toBe(0);
    const rows = s.desk.sqlite.prepare('SELECT to_address, body FROM outbox ORDER BY id').all() as { to_address: string; body: string }[];
    expect(rows.map((r) => [r.to_address, JSON.parse(r.body).event, JSON.parse(r.body).detail])).toEqual([
      ['oncall', 'sla.risk', `first response due ${new Date(t0 + 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} UTC`],
      ['oncall', 'sla.breach', `first response was due ${new Date(t0 + 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} UTC`],
      ['desk', 'sla.breach', `first response was due ${new Date(t0 + 3_600_000).toISOString().slice(0, 16).replace('T', ' ')} UTC`],
    ]);
  });
});
