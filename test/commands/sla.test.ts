import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDesk } from '../../src/store/desk.js';
import { runCli } from '../helpers/cli.js';
import { dbRows, tempDeskEnv } from '../helpers/temp.js';

const rows = dbRows;

describe('sla policy', () => {
  it('lists the seeded defaults and changes one priority, recomputing due times', async () => {
    const env = await tempDeskEnv();
    const list = await runCli(['sla', 'policy', 'list'], { env });
    expect(list.stdout).toBe(
      [
        'PRIORITY  FIRST RESPONSE  RESOLUTION  COUNTED         CALENDAR',
        'urgent    1h              4h          24x7            default',
        'high      4h              8h          business hours  default',
        'normal    8h              24h         business hours  default',
        'low       16h             80h         business hours  default',
        '',
      ].join('\n'),
    );
    await runCli(['ticket', 'create', '-t', 'VPN down', '-p', 'high'], { env });
    const set = await runCli(['sla', 'policy', 'set', 'high', '--first', '30m', '--24x7'], { env });
    expect(set).toMatchObject({
      code: 0,
      stdout: 'high: first response 30m, resolution 8h, 24x7\n',
      stderr: 'recomputed due times of 1 tickets (1 changed)\n',
    });
    const [t] = (await rows(env, 'SELECT created_at, first_response_due_at FROM tickets')) as Array<{
      created_at: number;
      first_response_due_at: number;
    }>;
    expect(t!.first_response_due_at - t!.created_at).toBe(30 * 60_000);
    const json = JSON.parse((await runCli(['sla', 'policy', 'list', '--json'], { env })).stdout);
    expect(json.schema).toBe(1);
    expect(json.policies[1]).toEqual({
      priority: 'high',
      first_response_minutes: 30,
      resolution_minutes: 480,
      is_24x7: true,
      calendar: 'default',
    });
  });

  it('refuses bad input with one line and changes nothing', async () => {
    const env = await tempDeskEnv();
    const cases: Array<[string[], number, string]> = [
      [['sla', 'policy', 'set', 'p9', '--first', '1h'], 4, "deskline: priority: must be one of urgent, high, normal, low (got 'p9')\n"],
      [['sla', 'policy', 'set', 'high', '--first', 'soon'], 4, "deskline: --first: 'soon' is not a duration like 4h, 90m or 1h30m\n"],
      [['sla', 'policy', 'set', 'high', '--24x7', '--business-hours'], 4, 'deskline: --24x7 and --business-hours: choose one\n'],
      [
        ['sla', 'calendar', 'set', '--tz', 'Moon/Base'],
        4,
        "deskline: time zone 'Moon/Base' is unknown: use an IANA name such as Europe/London or UTC\n",
      ],
      [
        ['sla', 'calendar', 'set', '--hours', 'mon=17:00-09:00'],
        4,
        "deskline: --hours 'mon=17:00-09:00': '17:00-09:00' ends before it starts (split overnight shifts across two days: 22:00-24:00 and 00:00-06:00)\n",
      ],
      [['sla', 'calendar', 'show', 'nope'], 2, "deskline: no sla calendar named 'nope'\n"],
      [['sla', 'holiday', 'add', '2026-02-30', 'Nope'], 4, "deskline: date: '2026-02-30' is not a date like 2026-12-25\n"],
      [['sla', 'holiday', 'remove', '2026-12-25'], 2, 'deskline: 2026-12-25 is not a holiday in default\n'],
      [['sla', 'breaches', '--since', 'last week'], 4, "deskline: --since: 'last week' is not like 7d, 24h or 2026-01-31\n"],
    ];
    for (const [args, code, stderr] of cases)
      expect(await runCli(args, { env }), args.join(' ')).toMatchObject({ code, stderr, stdout: '' });
    expect(await rows(env, "SELECT priority, first_response_minutes FROM sla_policies WHERE priority = 'high'")).toEqual([
      { priority: 'high', first_response_minutes: 240 },
    ]);
  });
});

describe('sla calendar and holidays', () => {
  it('sets zone and hours, shows them, and manages holidays', async () => {
    const env = await tempDeskEnv();
    const set = await runCli(
      ['sla', 'calendar', 'set', '--tz', 'Europe/London', '--hours', 'mon-thu=08:30-12:30,13:30-17:00', '--hours', 'fri=08:30-16:00'],
      { env },
    );
    expect(set.stdout).toBe(
      'calendar  default\nzone      Europe/London\nhours     Mon–Thu 08:30-12:30, 13:30-17:00; Fri 08:30-16:00\nholidays  0\n',
    );
    expect((await runCli(['sla', 'holiday', 'add', '2026-12-25', 'Christmas', 'Day'], { env })).stdout).toBe(
      'added holiday 2026-12-25 Christmas Day to default\n',
    );
    expect((await runCli(['sla', 'holiday', 'add', '2026-12-25', 'Again'], { env })).code).toBe(3);
    expect((await runCli(['sla', 'holiday', 'list'], { env })).stdout).toBe('DATE        NAME\n2026-12-25  Christmas Day\n');
    const shown = JSON.parse((await runCli(['sla', 'calendar', 'show', '--json'], { env })).stdout);
    expect(shown).toEqual({
      schema: 1,
      calendar: {
        name: 'default',
        tz: 'Europe/London',
        week: {
          mon: ['08:30-12:30', '13:30-17:00'],
          tue: ['08:30-12:30', '13:30-17:00'],
          wed: ['08:30-12:30', '13:30-17:00'],
          thu: ['08:30-12:30', '13:30-17:00'],
          fri: ['08:30-16:00'],
          sat: [],
          sun: [],
        },
        holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
      },
    });
    expect((await runCli(['sla', 'holiday', 'remove', '2026-12-25'], { env })).stdout).toBe('removed holiday 2026-12-25 from default\n');
    expect((await runCli(['sla', 'holiday', 'list'], { env })).stdout).toBe('no holidays in default\n');
  });
});

describe('sla breaches', () => {
  it('sweeps overdue clocks into the audit trail and lists them', async () => {
    const env = await tempDeskEnv();
    await runCli(['ticket', 'create', '-t', 'Server room too hot', '-p', 'urgent'], { env });
    // Move the ticket two hours into the past so its 1 h 24×7 first response is overdue.
    const desk = await openDesk(env.DESKLINE_DB!);
    await sql`UPDATE tickets SET created_at = created_at - 7200000`.execute(desk.db);
    await sql`UPDATE audit_events SET at = at - 7200000`.execute(desk.db);
    await desk.close();
    expect((await runCli(['sla', 'recompute'], { env })).stdout).toMatch(/^1 tickets in \d+ ms \([\d,]+\/s\), 1 new breaches\n$/);
    const list = await runCli(['sla', 'breaches'], { env });
    expect(list.stdout).toMatch(
      /^DUE\s+TICKET\s+CLOCK\s+PRIORITY\s+STATUS\s+ASSIGNEE\s+TITLE\n.*HD-1\s+first response\s+urgent\s+new\s+—\s+Server room too hot\n$/,
    );
    const json = JSON.parse((await runCli(['sla', 'breaches', '--since', '1d', '--json'], { env })).stdout);
    expect(json.breaches).toEqual([
      expect.objectContaining({ ticket: 'HD-1', clock: 'first_response', priority: 'urgent', status: 'new' }),
    ]);
    expect(await rows(env, "SELECT count(*) AS n FROM audit_events WHERE action = 'sla_breach'")).toEqual([{ n: 1 }]);
    expect((await runCli(['sla', 'breaches', '--since', '2000-01-01'], { env })).stdout).toContain('HD-1');
  });
});
