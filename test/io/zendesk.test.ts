/**
 * Zendesk Support API v2 JSON → imported tickets: the samples in fixtures/import/zendesk (a ticket list
 * with side-loaded users, a comments file named by its ticket, a JSON Lines export), every record
 * validating as ticket input, errors naming the record and field, and random documents never throwing
 * anything but a one-line DesklineError.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { DesklineError } from '../../src/errors.js';
import { parseZendesk } from '../../src/io/zendesk.js';

const dir = 'fixtures/import/zendesk';
const file = (name: string) => ({ name, text: readFileSync(`${dir}/${name}`, 'utf8') });

function failure(f: () => unknown): { code: number; message: string } {
  try {
    f();
  } catch (error) {
    if (error instanceof DesklineError) return { code: error.exitCode, message: error.message };
    throw error;
  }
  throw new Error('did not fail');
}

describe('parseZendesk', () => {
  const tickets = parseZendesk([file('tickets.json'), file('35436.json')]);

  it('maps ticket fields, people, statuses and priorities', () => {
    expect(tickets.map((t) => [t.fields.externalId, t.fields.status, t.fields.priority, t.fields.channel])).toEqual([
      ['zendesk:35436', 'open', 'high', 'email'],
      ['zendesk:35437', 'resolved', 'normal', 'web'],
      ['zendesk:35438', 'on_hold', 'low', 'phone'],
    ]);
    const [vpn] = tickets;
    expect(vpn!.fields.title).toBe('VPN drops every ten minutes');
    expect(vpn!.fields.requester).toBe('Ana Silva <ana.silva@example.com>');
    expect(vpn!.assignee).toEqual({ name: 'Kim Agent', email: 'kim@helpdesk.example.com' });
    expect(vpn!.fields.createdAt).toBe(Date.parse('2025-07-20T22:55:29Z'));
  });

  it('keeps tags, the type and one-word custom fields as tags, other fields as a note', () => {
    const [vpn] = tickets;
    expect(vpn!.fields.tags).toEqual(['vpn', 'remote_access', 'incident', 'laptop', 'field-27650']);
    expect(vpn!.timeline[0]).toMatchObject({
      kind: 'note',
      body: 'Zendesk custom fields:\nfield 27648: Dell Latitude 7440, asset tag 0042',
    });
  });

  it('tells public replies from internal notes and leaves out the comment that is the description', () => {
    const entries = tickets[0]!.timeline.slice(1).map((e) => [e.kind, e.technician, e.author.name, e.body.slice(0, 20)]);
    expect(entries).toEqual([
      ['note', true, 'Kim Agent', 'Checked the concentr'],
      ['reply', true, 'Kim Agent', 'Hi Ana, please updat'],
      ['email_in', false, 'Ana Silva', 'Updated, it still dr'],
    ]);
    expect(tickets[0]!.fields.firstResponseAt).toBe(Date.parse('2025-07-21T08:45:00Z'));
  });

  it('gives a solved ticket a resolution and validates every record as ticket input', () => {
    expect(tickets[1]!.fields.resolution).toBe('Solved in Zendesk');
    for (const t of tickets) expect(() => validateTicketInput(t.fields)).not.toThrow();
  });

  it('reads a JSON Lines export with comments inside and users on their own lines', () => {
    const [outlook] = parseZendesk([file('export.ndjson')]);
    expect(outlook!.fields).toMatchObject({ status: 'closed', channel: 'chat', requester: 'Dee Jones <dee@example.com>' });
    expect(outlook!.fields.resolution).toBe('Reset the cached credentials in Credential Manager; fixed.');
    expect(outlook!.timeline.map((e) => e.kind)).toEqual(['reply']);
    expect(() => validateTicketInput(outlook!.fields)).not.toThrow();
  });

  it('names the record and field of a bad value', () => {
    const bad = JSON.stringify({
      tickets: [
        { id: 1, subject: 'a', status: 'open' },
        { id: 7, subject: 'b', status: 'frozen' },
      ],
    });
    expect(failure(() => parseZendesk([{ name: 't.json', text: bad }]))).toEqual({
      code: 4,
      message: "t.json record 2 (ticket 7): status: must be one of new, open, pending, hold, solved, closed (got 'frozen')",
    });
    const badTime = JSON.stringify({ tickets: [{ id: 3, subject: 'a', created_at: 'yesterday' }] });
    expect(failure(() => parseZendesk([{ name: 't.json', text: badTime }])).message).toBe(
      "t.json record 1 (ticket 3): created_at: is not a time (got 'yesterday')",
    );
    expect(failure(() => parseZendesk([{ name: 'x.json', text: '{"tickets": [' }])).message).toMatch(/^x\.json line 1: is not JSON/);
    expect(failure(() => parseZendesk([{ name: 'e.json', text: '' }])).message).toBe('e.json: is empty (no JSON in it)');
    expect(failure(() => parseZendesk([{ name: 'c.json', text: '{"comments":[{"body":"x"}]}' }])).message).toMatch(/no ticket_id/);
  });

  it('never throws anything but a one-line exit-4 error on random documents', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    const doc = fc.oneof(
      value,
      fc.record({
        tickets: fc.array(
          fc.dictionary(
            fc.constantFrom('id', 'subject', 'status', 'priority', 'tags', 'created_at', 'comments', 'custom_fields', 'requester_id'),
            value,
          ),
        ),
      }),
    );
    fc.assert(
      fc.property(doc, (d) => {
        try {
          for (const t of parseZendesk([{ name: 'r.json', text: JSON.stringify(d) }])) validateTicketInput(t.fields);
        } catch (error) {
          expect(error).toBeInstanceOf(DesklineError);
          expect((error as DesklineError).exitCode).toBe(4);
          expect((error as Error).message).not.toContain('\n');
        }
      }),
      { numRuns: 150 },
    );
  });
});
