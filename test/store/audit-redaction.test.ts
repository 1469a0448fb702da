/**
 * Redaction reaches the audit trail (issue 18): events whose old or new value held the removed text
 * carry the marker, the text is in no byte of the file or its -wal, and `db check` still passes because
 * a chained statement vouches for each rewritten event. Editing a redacted event by hand afterwards, or
 * forging a statement, still fails the check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { rawDesk, tempEnv } from '../helpers/temp.js';

const SECRET = 'Quaggly4419Passport';
const bytesHold = (path: string, text: string) => existsSync(path) && readFileSync(path).includes(Buffer.from(text, 'utf8'));

function trailHolding(env: Record<string, string>, text: string): number {
  return rawDesk(env, (raw) =>
    raw.prepare('SELECT count(*) FROM audit_events WHERE instr(old_value, ?) > 0 OR instr(new_value, ?) > 0').pluck().get(text, text),
  ) as number;
}

describe('redaction in the audit trail', () => {
  it('ticket redact: the resolution the entry carried leaves the ticket and the trail; db check passes, a later edit fails it', async () => {
    const env = tempEnv();
    const run = async (...args: string[]) => runCli(args, { env });
    await run('ticket', 'create', '-t', 'Locked out', '-r', 'Ana Silva <ana@example.com>');
    await run('ticket', 'comment', 'HD-1', '--note', 'Checked the account');
    await run('ticket', 'resolve', 'HD-1', '--resolution', `Unlocked after checking passport ${SECRET}`);
    expect(trailHolding(env, SECRET)).toBeGreaterThan(0);
    const entries = JSON.parse((await run('ticket', 'show', 'HD-1', '--json')).stdout).timeline as { body: string }[];
    const position = entries.findIndex((e) => e.body.includes(SECRET)) + 1;
    expect(position).toBeGreaterThan(1);

    const r = await run('ticket', 'redact', 'HD-1', '--interaction', String(position), '--reason', 'personal data');
    expect(r.code).toBe(0);
    expect(trailHolding(env, SECRET)).toBe(0);
    expect(bytesHold(env.DESKLINE_DB!, SECRET) || bytesHold(`${env.DESKLINE_DB}-wal`, SECRET)).toBe(false);
    const redacted = rawDesk(env, (raw) => ({
      resolution: raw.prepare('SELECT resolution FROM tickets WHERE id = 1').pluck().get(),
      events: raw.prepare("SELECT id, field, new_value FROM audit_events WHERE new_value = '[redacted]'").all() as { id: number }[],
      statements: raw.prepare("SELECT old_value FROM audit_events WHERE action = 'redact' AND field = 'audit_event'").pluck().all(),
    }));
    expect(redacted.resolution).toBe('[redacted]');
    expect(redacted.events.length).toBeGreaterThan(0);
    // One statement per rewritten event, naming it and the digest it had.
    expect(redacted.statements.map((s) => Number(/^#(\d+) [0-9a-f]{32}$/.exec(s as string)?.[1]))).toEqual(
      redacted.events.map((e) => e.id),
    );
    expect(await run('db', 'check')).toMatchObject({ code: 0 });

    // The statement vouches for the redacted content only: an edit made by hand afterwards still shows.
    rawDesk(env, (raw) => raw.prepare("UPDATE audit_events SET new_value = 'something else' WHERE id = ?").run(redacted.events[0]!.id));
    const broken = await run('db', 'check');
    expect(broken.code).toBe(5);
    expect(broken.stderr).toMatch(new RegExp(`audit event #${redacted.events[0]!.id} of HD-1 was edited`));
  });

  it('requester forget: the name leaves the title edits in the trail; a forged statement does not excuse an edit', async () => {
    const env = tempEnv();
    const run = async (...args: string[]) => runCli(args, { env });
    await run('requester', 'add', 'Ana Quaggly', '-e', 'ana.quaggly@example.com');
    await run('ticket', 'create', '-t', 'VPN down', '-r', 'ana.quaggly@example.com');
    await run('ticket', 'update', 'HD-1', '--title', 'VPN down for Ana Quaggly');
    await run('ticket', 'update', 'HD-1', '--title', 'VPN down for Ana Quaggly at home');
    await run('ticket', 'create', '-t', 'Printer jams', '-r', 'Bo Other <bo@example.com>');
    await run('ticket', 'update', 'HD-2', '--title', 'Printer jams on floor 2');
    expect(trailHolding(env, 'Quaggly')).toBe(2);

    expect((await run('requester', 'forget', 'ana.quaggly@example.com', '--reason', 'erasure request')).code).toBe(0);
    expect(trailHolding(env, 'Quaggly')).toBe(0);
    expect(bytesHold(env.DESKLINE_DB!, 'Quaggly') || bytesHold(`${env.DESKLINE_DB}-wal`, 'Quaggly')).toBe(false);
    const titles = rawDesk(env, (raw) =>
      raw.prepare("SELECT old_value, new_value FROM audit_events WHERE field = 'title' ORDER BY id").all(),
    );
    expect(titles).toEqual([
      { old_value: 'VPN down', new_value: 'VPN down for [redacted]' },
      { old_value: 'VPN down for [redacted]', new_value: 'VPN down for [redacted] at home' },
      { old_value: 'Printer jams', new_value: 'Printer jams on floor 2' },
    ]);
    expect(await run('db', 'check')).toMatchObject({ code: 0 });

    // Someone edits HD-2's event by hand and inserts a statement for it: the statement is not in the chain.
    rawDesk(env, (raw) => {
      const e = raw.prepare("SELECT id, digest FROM audit_events WHERE field = 'title' AND ticket_id = 2").get() as {
        id: number;
        digest: string;
      };
      raw.prepare("UPDATE audit_events SET new_value = 'Printer fine' WHERE id = ?").run(e.id);
      raw
        .prepare(
          "INSERT INTO audit_events (ticket_id, actor, at, action, field, old_value, new_value) VALUES (2, 'x', 0, 'redact', 'audit_event', ?, 'ffff')",
        )
        .run(`#${e.id} ${e.digest}`);
    });
    const broken = await run('db', 'check');
    expect(broken.code).toBe(5);
    expect(broken.stderr).toMatch(/was edited|inserted by hand/);
  });
});
