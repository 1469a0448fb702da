/** `import csv`: guessed and given mappings, dates, `?` as missing, --key histories, and export csv's formula rule. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { TEST_DIALECT, tempDir } from '../helpers/temp.js';
import { deskEnv, deskRows } from '../helpers/desk-env.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url));

describe('import csv', () => {
  it('guesses the mapping from common headers and shows it with --dry-run', async () => {
    const env = await deskEnv();
    const r = await runCli(['import', 'csv', fixture('tickets.csv'), '--dry-run'], { env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('external_id ← "Ticket ID", title ← "Subject", description ← "Description", status ← "Status"');
    expect(r.stdout).toContain('would create HD-1  Outlook keeps asking for password');
    expect(r.stdout).toContain('dry run, nothing written: 4 created');
    expect(await deskRows(env, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 0 }]);
  });

  it('imports rows as tickets: words translated, ? as missing, dates in their layouts, idempotent', async () => {
    const env = await deskEnv();
    expect((await runCli(['import', 'csv', fixture('tickets.csv')], { env })).code).toBe(0);
    const rows = await deskRows(
      env,
      `SELECT t.external_id, t.title, t.status, t.priority, t.created_at, t.updated_at, r.email,
        (SELECT ${TEST_DIALECT === 'postgres' ? "string_agg(g.name, ',' ORDER BY tt.tag_id)" : 'group_concat(g.name)'}
          FROM ticket_tags tt JOIN tags g ON g.id = tt.tag_id WHERE tt.ticket_id = t.id) AS tags
       FROM tickets t LEFT JOIN requesters r ON r.id = t.requester_id ORDER BY t.id`,
    );
    expect(rows).toEqual([
      {
        external_id: 'INC-1001',
        title: 'Outlook keeps asking for password',
        status: 'open',
        priority: 'high',
        created_at: Date.parse('2026-03-02T09:15:00Z'),
        updated_at: Date.parse('2026-03-02T10:00:00Z'),
        email: 'ana.lima@example.com',
        tags: expect.stringMatching(/^(email,password|password,email)$/),
      },
      {
        external_id: 'INC-1002',
        title: 'Printer on 4th floor jams',
        status: 'open',
        priority: 'normal',
        created_at: Date.parse('2026-03-02T11:20:00Z'),
        updated_at: Date.parse('2026-03-02T11:20:00Z'),
        email: 'ben@example.com',
        tags: 'printer',
      },
      {
        external_id: 'INC-1003',
        title: "=cmd|' /C calc'!A0",
        status: 'resolved',
        priority: 'low',
        created_at: Date.parse('2026-03-03T00:00:00Z'),
        updated_at: Date.parse('2026-03-04T00:00:00Z'),
        email: 'carla@example.com',
        tags: null,
      },
      {
        external_id: 'INC-1004',
        title: 'New laptop for starter',
        status: 'new',
        priority: 'high',
        created_at: Date.parse('2026-03-05T07:00:00Z'),
        updated_at: Date.parse('2026-03-05T07:00:00Z'),
        email: null,
        tags: expect.stringMatching(/hardware/),
      },
    ]);
    const again = await runCli(['import', 'csv', fixture('tickets.csv')], { env });
    expect(again.stdout).toBe('imported: nothing new (4 already there, skipped)\n');
  });

  it('--map names columns the guesses miss; --date-format settles ambiguous dates', async () => {
    const env = await deskEnv();
    const path = join(tempDir(), 'odd.csv');
    writeFileSync(path, 'Thema,Von,Eröffnet\nDrucker streikt,jan@example.com,03/04/2026\n');
    const r = await runCli(['import', 'csv', path, '--map', 'title=Thema,requester=Von,created=Eröffnet', '--date-format', 'DD/MM/YYYY'], {
      env,
    });
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(await deskRows(env, 'SELECT title, created_at FROM tickets')).toEqual([
      { title: 'Drucker streikt', created_at: Date.parse('2026-04-03T00:00:00Z') },
    ]);
    const bad = await runCli(['import', 'csv', path, '--map', 'title=Nope'], { env });
    expect([bad.code, bad.stderr]).toEqual([4, `deskline: --map: ${path} has no column 'Nope' (columns: Thema, Von, Eröffnet)\n`]);
  });

  it('--key: rows sharing a key are one ticket, applied in order as its history', async () => {
    const env = await deskEnv();
    const r = await runCli(['import', 'csv', fixture('history.csv'), '--key', 'Number'], { env });
    expect(r.stdout).toBe('imported: 2 created, 0 updated, 0 skipped (2 requesters, 1 technicians, 3 interactions, 2 tickets)\n');
    expect(await deskRows(env, 'SELECT external_id, status, priority FROM tickets ORDER BY id')).toEqual([
      { external_id: '4711', status: 'resolved', priority: 'high' },
      { external_id: '4712', status: 'new', priority: 'low' },
    ]);
    expect(await deskRows(env, "SELECT field, old_value, new_value FROM audit_events WHERE action = 'update' ORDER BY id")).toEqual([
      { field: 'status', old_value: 'new', new_value: 'open' },
      { field: 'priority', old_value: 'normal', new_value: 'high' },
      { field: 'assignee', old_value: null, new_value: 'Tom Tech' },
      { field: 'status', old_value: 'open', new_value: 'on_hold' },
      { field: 'status', old_value: 'on_hold', new_value: 'resolved' },
    ]);
    expect(await deskRows(env, 'SELECT author_name, body FROM interactions ORDER BY id')).toEqual([
      { author_name: 'Tom Tech', body: 'Checked the concentrator logs' },
      { author_name: 'Tom Tech', body: 'Waiting on the ISP' },
      { author_name: 'Tom Tech', body: 'ISP replaced the line card' },
    ]);
  });
});

describe('export csv', () => {
  it('writes chosen columns with formula cells neutralised, and the timelines', async () => {
    const env = await deskEnv();
    await runCli(['import', 'csv', fixture('tickets.csv')], { env });
    const r = await runCli(['export', 'csv', '--columns', 'ref,title,status,requester_email'], { env });
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      'ref,title,status,requester_email',
      'HD-1,Outlook keeps asking for password,open,ana.lima@example.com',
      'HD-2,Printer on 4th floor jams,open,ben@example.com',
      `HD-3,'=cmd|' /C calc'!A0,resolved,carla@example.com`,
    ]);
    const bad = await runCli(['export', 'csv', '--columns', 'ref,colour'], { env });
    expect(bad.code).toBe(4);
    expect(bad.stderr).toContain("--columns: unknown column 'colour'");
    const hist = await deskEnv();
    await runCli(['import', 'csv', fixture('history.csv'), '--key', 'Number'], { env: hist });
    const timeline = await runCli(['export', 'csv', '--interactions'], { env: hist });
    expect(timeline.stdout.split('\n')[0]).toBe('ref,kind,author,created,minutes,body');
    expect(timeline.stdout).toContain('HD-1,note,Tom Tech,2026-03-02T09:30:00.000Z,0,Checked the concentrator logs');
  });
});
