/**
 * Jira's CSV export and REST search JSON → imported tickets (the samples in fixtures/import/jira), ADF
 * and wiki markup as text, and errors naming the file, line or issue and field.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { DesklineError } from '../../src/errors.js';
import { adfToText } from '../../src/io/adf-text.js';
import { parseJira } from '../../src/io/jira.js';
import { jiraCsvTime } from '../../src/io/jira-map.js';
import { wikiToText } from '../../src/io/wiki-text.js';

const file = (name: string) => ({ name, text: readFileSync(`fixtures/import/jira/${name}`, 'utf8') });

function failure(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    if (error instanceof DesklineError && error.exitCode === 4) return error.message;
    throw error;
  }
  throw new Error('did not fail');
}

describe('Jira CSV export', () => {
  const tickets = parseJira([file('export.csv')]);

  it('reads every issue with its key as external id, status, priority and people', () => {
    expect(tickets.map((t) => [t.where, t.fields.externalId, t.fields.status, t.fields.priority])).toEqual([
      ['export.csv line 2 (HELP-101)', 'jira:HELP-101', 'open', 'high'],
      ['export.csv line 7 (HELP-102)', 'jira:HELP-102', 'resolved', 'normal'],
      ['export.csv line 8 (HELP-103)', 'jira:HELP-103', 'pending', 'low'],
    ]);
    expect(tickets[0]!.fields.requester).toBe('Ana Silva');
    expect(tickets[0]!.assignee).toEqual({ name: 'Kim Agent', email: null });
    expect(tickets[0]!.fields.createdAt).toBe(Date.UTC(2023, 2, 21, 10, 15));
    expect(tickets[0]!.fields.updatedAt).toBe(Date.UTC(2023, 2, 22, 16, 2));
    expect(tickets[2]!.fields.title).toBe('Projector in room 2.14 shows "no signal"');
  });

  it('reads repeated Labels and Comment columns; the reporter’s comments come in, the others are replies', () => {
    expect(tickets[0]!.fields.tags).toEqual(['hardware', 'urgent-user', 'laptops', 'incident']);
    expect(tickets[0]!.timeline.map((e) => [e.kind, e.author.name, e.body])).toEqual([
      ['note', 'Jira import', 'Jira fields:\nAffected site: Lisbon office'],
      ['reply', 'Kim Agent', 'Please hold the power button for 30 s, then try again.'],
      ['email_in', 'Ana Silva', 'Still black; the caps lock light blinks 3 times.'],
      ['reply', 'Kim Agent', 'Replacement ordered; RMA-7781.'],
    ]);
    expect(tickets[1]!.fields.resolution).toBe('Jira resolution: Done');
  });

  it('turns the wiki-markup description into text', () => {
    expect(tickets[0]!.fields.description).toBe(
      'What happened\nThe BIOS update finished, then the screen stayed black.\n- fan spins\n- no beep codes\nSee the vendor note (https://support.example.com/kb/123).',
    );
    for (const t of tickets) expect(() => validateTicketInput(t.fields)).not.toThrow();
  });

  it('names the file, line and column of bad input', () => {
    expect(failure(() => parseJira([{ name: 'j.csv', text: 'Summary,Status\nx,Open\n' }]))).toBe(
      "j.csv line 1: no 'Issue key' column (a Jira CSV export has Summary, Issue key, Status, …)",
    );
    expect(failure(() => parseJira([{ name: 'j.csv', text: 'Summary,Issue key,Created\nx,HD-1,yesterday\n' }]))).toBe(
      "j.csv line 2 (HD-1): Created: is not a time such as 21/Mar/23 10:15 AM (got 'yesterday')",
    );
    expect(failure(() => parseJira([{ name: 'j.csv', text: 'Summary,Issue key\n"x,HD-1\n' }]))).toMatch(
      /^j\.csv line 2: is not a readable CSV file \(Quote Not Closed/,
    );
    expect(failure(() => parseJira([{ name: 'j.csv', text: 'Summary,Issue key\nx,HD-1,extra\n' }]))).toMatch(
      /^j\.csv line 2: is not a readable CSV file/,
    );
    expect(failure(() => parseJira([{ name: 'j.csv', text: 'Summary,Issue key\nx,not a key\n' }]))).toBe(
      "j.csv line 2: Issue key: 'not a key' is not an issue key such as HELP-12",
    );
  });
});

describe('Jira REST search JSON', () => {
  const [mailbox, vpn] = parseJira([file('search.json')]);

  it('reads fields, ADF descriptions and comments, internal comments as notes', () => {
    expect(mailbox!.fields).toMatchObject({
      externalId: 'jira:ITSD-7',
      status: 'open',
      priority: 'high',
      requester: 'Ana Silva <ana.silva@example.com>',
      tags: ['email', 'outlook', 'exchange', 'service-request'],
      createdAt: Date.parse('2024-02-05T08:30:12Z'),
    });
    expect(mailbox!.fields.description).toBe(
      'The Finance shared mailbox is gone since this morning.\n\n- Outlook 365 on Windows 11\n- webmail still shows it\n\nThanks, @Kim Agent 😄',
    );
    expect(mailbox!.timeline.map((e) => [e.kind, e.technician, e.author.name])).toEqual([
      ['note', false, 'Jira import'],
      ['note', true, 'Kim Agent'],
      ['reply', true, 'Kim Agent'],
      ['email_in', false, 'Ana Silva'],
    ]);
    expect(mailbox!.assignee).toEqual({ name: 'Kim Agent', email: 'kim@helpdesk.example.com' });
  });

  it('reads wiki-markup descriptions (REST v2) and closed issues with their resolution', () => {
    expect(vpn!.fields).toMatchObject({ status: 'closed', priority: 'urgent', resolution: 'Jira resolution: Fixed' });
    expect(vpn!.fields.resolvedAt).toBe(Date.parse('2024-02-01T08:45:00Z'));
    expect(vpn!.fields.description).toBe(
      "Symptom\nThe client says certificate expired.\n```\nError 0x80092013\n```\nSee @kim.agent's note.",
    );
    for (const t of [mailbox!, vpn!]) expect(() => validateTicketInput(t.fields)).not.toThrow();
  });

  it('names the issue and field of bad JSON', () => {
    expect(failure(() => parseJira([{ name: 's.json', text: '{"issues":[{"key":"A-1","fields":{"created":"soon"}}]}' }]))).toBe(
      "s.json issue 1 (A-1): created: is not a time (got 'soon')",
    );
    expect(failure(() => parseJira([{ name: 's.json', text: '{"tickets":[]}' }]))).toMatch(/^s\.json: is not Jira search JSON/);
  });
});

describe('text and time helpers', () => {
  it('reads Jira CSV times in both clocks and refuses impossible ones', () => {
    expect(jiraCsvTime('01/Jan/24 12:05 AM')).toBe(Date.UTC(2024, 0, 1, 0, 5));
    expect(jiraCsvTime('01/Jan/2024 13:05')).toBe(Date.UTC(2024, 0, 1, 13, 5));
    expect(jiraCsvTime('2024-01-01 13:05')).toBe(Date.UTC(2024, 0, 1, 13, 5));
    expect(jiraCsvTime('31/Feb/24 10:00 AM')).toBe('bad');
    expect(jiraCsvTime('01/Foo/24 10:00 AM')).toBe('bad');
  });

  it('never throws on random markup or documents, and keeps plain words', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(typeof wikiToText(s)).toBe('string');
      }),
    );
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(typeof adfToText({ type: 'doc', content: [v] })).toBe('string');
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]+( [a-z]+)*$/), (words) => {
        expect(wikiToText(words)).toBe(words);
        expect(adfToText({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] })).toBe(words);
      }),
    );
  });
});
