/**
 * Chat notifications from the console: `a` (take a ticket) goes through the same store function as
 * `ticket assign`, so with an `assigned.me` rule the console's desk handle queues the notification,
 * and the console's outbox worker posts it to a webhook server on loopback started by the test.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chatRules } from '../../src/domain/chat/rules.js';
import { renderTui } from '../helpers/render-tui.js';
import { tempDir, testDesk } from '../helpers/temp.js';
import { startWebhook } from '../helpers/webhook.js';
import { addTickets, consoleElement, ME } from './seed.js';

describe('console: chat notifications', () => {
  it('takes a ticket with a, queues "assigned to you" for the channel and sends it from the worker', async () => {
    const hook = await startWebhook();
    const dir = tempDir();
    const urlFile = join(dir, 'hook.url');
    writeFileSync(urlFile, `${hook.url}\n`, { mode: 0o600 });
    const rules = chatRules(
      { 'chat.on.assigned.me': 'desk', 'chat.channel.desk.kind': 'teams', 'chat.channel.desk.url_file': urlFile },
      ME.email,
    )!;
    const desk = await testDesk(join(dir, 'desk.db'), { chat: rules });
    await addTickets(desk, [{ title: 'Badge reader <at>Olga</at> dead' }]);
    const tui = renderTui(await consoleElement(desk, { chat: { rules, timeoutMs: 5_000 } }), { columns: 120, rows: 24 });
    await tui.waitForFrame((f) => f.includes('2 Unassigned 1'));
    tui.type('2');
    await tui.waitForFrame((f) => f.includes('Badge reader'));
    tui.type('a');
    await expect.poll(() => hook.received.length, { timeout: 15_000 }).toBe(1);
    const card = hook.received[0]!.body as { attachments: { content: { body: { text?: string; inlines?: { text: string }[] }[] } }[] };
    const body = card.attachments[0]!.content.body;
    expect(body[0]!.text).toBe('Assigned to you · HD-1');
    expect(body[1]!.inlines![0]!.text).toBe('Badge reader <\u2060at>Olga<\u2060/at> dead');
    await expect
      .poll(() => desk.sqlite.prepare('SELECT kind, to_address, status FROM outbox').all())
      .toEqual([{ kind: 'chat', to_address: 'desk', status: 'sent' }]);
  });
});
