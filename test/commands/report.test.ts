/** `deskline report …` through the real CLI (in-process) against a temp desk with fixed tickets. */
import { describe, expect, it } from 'vitest';
import { openDesk } from '../../src/store/desk.js';
import type { NewTicket } from '../../src/db/schema.js';
import { PRIORITY_RANK, type Priority } from '../../src/domain/ticket.js';
import { runCli } from '../helpers/cli.js';
import { tempDeskEnv } from '../helpers/temp.js';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);

type T = Partial<NewTicket> & { id: number; created_at: number; status: string; priority: Priority };
const ticket = (t: T): NewTicket => ({
  title: `Ticket ${t.id}`,
  description: '',
  category: 'network',
  channel: 'email',
  tier: 'L1',
  requester_id: null,
  assignee_id: null,
  updated_at: t.created_at,
  first_response_at: null,
  resolved_at: null,
  closed_at: null,
  first_response_due_at: null,
  resolution_due_at: null,
  next_due_at: null,
  resolution: null,
  priority_rank: PRIORITY_RANK[t.priority],
  ...t,
});

/** Ana=1, Bo=2; HD-1..HD-3 in March 2026 (business hours Mon–Fri 09–17 UTC), HD-4 created two hours ago. */
async function desk(): Promise<Record<string, string>> {
  const env = await tempDeskEnv();
  const { db, close } = await openDesk(env.DESKLINE_DB!);
  try {
    await db
      .insertInto('technicians')
      .values([
        { id: 1, name: 'Ana', email: 'ana@example.com', tier: 'L1', active: 1, created_at: 0 },
        { id: 2, name: 'Bo', email: 'bo@example.com', tier: 'L2', active: 1, created_at: 0 },
      ])
      .execute();
    await db
      .insertInto('tickets')
      .values([
        // Mon 10:00: FR 1 h (met); resolved Tue 10:00 = 8 business h, after its due (breached)
        ticket({
          id: 1,
          created_at: at('2026-03-02T10:00Z'),
          status: 'resolved',
          priority: 'high',
          assignee_id: 1,
          first_response_at: at('2026-03-02T11:00Z'),
          first_response_due_at: at('2026-03-02T14:00Z'),
          resolved_at: at('2026-03-03T10:00Z'),
          resolution_due_at: at('2026-03-02T18:00Z'),
        }),
        // Thu 09:00: FR 4 h (met); still open long past its resolution due (breached)
        ticket({
          id: 2,
          created_at: at('2026-03-12T09:00Z'),
          status: 'open',
          priority: 'normal',
          category: 'printer',
          assignee_id: 2,
          first_response_at: at('2026-03-12T13:00Z'),
          first_response_due_at: at('2026-03-12T17:00Z'),
          resolution_due_at: at('2026-03-13T17:00Z'),
        }),
        // Thu 15:00: resolved 16:30 without a reply = 1.5 business h (met; FR not counted)
        ticket({
          id: 3,
          created_at: at('2026-03-12T15:00Z'),
          status: 'resolved',
          priority: 'low',
          category: 'hardware',
          assignee_id: 2,
          resolved_at: at('2026-03-12T16:30Z'),
          resolution_due_at: at('2026-03-20T17:00Z'),
        }),
        ticket({ id: 4, created_at: Date.now() - 2 * H, status: 'new', priority: 'urgent', first_response_due_at: Date.now() + H }),
      ])
      .execute();
    const log = (ticket_id: number, author_id: number, minutes: number, created_at: string) => ({
      ticket_id,
      author_id,
      author_name: author_id === 1 ? 'Ana' : 'Bo',
      kind: 'note',
      body: 'worked on it',
      minutes,
      created_at: at(created_at),
    });
    await db
      .insertInto('interactions')
      .values([log(1, 1, 30, '2026-03-02T11:00Z'), log(2, 2, 45, '2026-03-12T13:00Z'), log(2, 2, 15, '2026-04-02T09:00Z')])
      .execute();
  } finally {
    await close();
  }
  return env;
}

const MARCH = ['--since', '2026-03-01', '--until', '2026-03-14'];

describe('report sla', () => {
  it('prints compliance by priority as JSON with the period', async () => {
    const env = await desk();
    const r = await runCli(['report', 'sla', ...MARCH, '--by', 'priority', '--json'], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      schema: 1,
      report: 'sla',
      since: '2026-03-01T00:00:00.000Z',
      until: '2026-03-15T00:00:00.000Z',
      tz: 'UTC',
      by: 'priority',
    });
    expect(doc.rows).toEqual([
      {
        priority: 'high',
        tickets: 1,
        first_response_met: 1,
        first_response_breached: 0,
        first_response_pct: 100,
        resolution_met: 0,
        resolution_breached: 1,
        resolution_pct: 0,
      },
      {
        priority: 'normal',
        tickets: 1,
        first_response_met: 1,
        first_response_breached: 0,
        first_response_pct: 100,
        resolution_met: 0,
        resolution_breached: 1,
        resolution_pct: 0,
      },
      {
        priority: 'low',
        tickets: 1,
        first_response_met: 0,
        first_response_breached: 0,
        first_response_pct: null,
        resolution_met: 1,
        resolution_breached: 0,
        resolution_pct: 100,
      },
    ]);
    expect(doc.total).toMatchObject({
      tickets: 3,
      first_response_pct: 100,
      resolution_met: 1,
      resolution_breached: 2,
      resolution_pct: 33.3,
    });
  });

  it('prints an aligned table with a total line', async () => {
    const env = await desk();
    const r = await runCli(['report', 'sla', ...MARCH, '--by', 'assignee'], { env });
    expect(r.stdout).toBe(
      [
        'ASSIGNEE  TICKETS  FR MET  FR BREACHED    FR %  RES MET  RES BREACHED  RES %',
        'Ana             1       1            0  100.0%        0             1   0.0%',
        'Bo              2       1            0  100.0%        1             1  50.0%',
        'all             3       2            0  100.0%        1             2  33.3%',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('sla: 2026-03-01 00:00 → 2026-03-15 00:00 (UTC)\n');
  });
});

describe('report times', () => {
  it('gives business-hour medians and p90s as spans and as hours', async () => {
    const env = await desk();
    const human = await runCli(['report', 'times', ...MARCH], { env });
    expect(human.stdout).toBe(
      [
        'RESPONDED  FR MEDIAN  FR P90  RESOLVED  RES MEDIAN  RES P90',
        '        2     2h 30m  3h 42m         2      4h 45m   7h 21m',
        '',
      ].join('\n'),
    );
    const json = JSON.parse((await runCli(['report', 'times', ...MARCH, '--json'], { env })).stdout);
    expect(json.rows).toEqual([
      {
        responded: 2,
        first_response_median_hours: 2.5,
        first_response_p90_hours: 3.7,
        resolved: 2,
        resolution_median_hours: 4.75,
        resolution_p90_hours: 7.35,
      },
    ]);
  });

  it('counts in the stored SLA calendar, holidays included', async () => {
    const env = await desk();
    expect((await runCli(['sla', 'holiday', 'add', '2026-03-02', 'Founders day'], { env })).code).toBe(0);
    // HD-1 was created on the holiday: its reply took 0 business h and its resolution 1 h (Tue 09–10).
    const r = await runCli(['report', 'times', ...MARCH, '--json'], { env });
    const doc = JSON.parse(r.stdout);
    expect(doc.calendar).toEqual({ name: 'default', tz: 'UTC' });
    expect(doc.rows).toEqual([
      {
        responded: 2,
        first_response_median_hours: 2,
        first_response_p90_hours: 3.6,
        resolved: 2,
        resolution_median_hours: 1.25,
        resolution_p90_hours: 1.45,
      },
    ]);
    const human = await runCli(['report', 'times', ...MARCH], { env });
    expect(human.stderr).toBe(
      'times: 2026-03-01 00:00 → 2026-03-15 00:00 (UTC); business hours of calendar default: Mon–Fri 09:00-17:00, UTC\n',
    );
    const unknown = await runCli(['report', 'times', '--calendar', 'nights'], { env });
    expect([unknown.code, unknown.stderr]).toEqual([2, "deskline: no sla calendar named 'nights'\n"]);
  });
});

describe('report volume', () => {
  it('prints one CSV row per day, zero days included; a date --until includes its day', async () => {
    const env = await desk();
    const r = await runCli(['report', 'volume', '--since', '2026-03-11', '--until', '2026-03-13', '--csv'], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('date,created,resolved,net\n2026-03-11,0,0,0\n2026-03-12,2,1,1\n2026-03-13,0,0,0\n');
  });

  it('reads days in $TZ', async () => {
    const env = await desk();
    // In Tokyo (UTC+9) HD-3, created 15:00Z on the 12th, arrived on the 13th.
    const r = await runCli(['report', 'volume', '--since', '2026-03-12', '--until', '2026-03-13', '--json'], {
      env: { ...env, TZ: 'Asia/Tokyo' },
    });
    expect(JSON.parse(r.stdout).rows).toEqual([
      { date: '2026-03-12', created: 1, resolved: 0, net: 1 },
      { date: '2026-03-13', created: 1, resolved: 1, net: 0 },
    ]);
  });
});

describe('report workload and backlog', () => {
  it('lists technicians with open, resolved and time logged', async () => {
    const env = await desk();
    const r = await runCli(['report', 'workload', '--since', '2026-03-01', '--until', '2026-03-31'], { env });
    expect(r.stdout).toBe(
      [
        'TECHNICIAN  TIER  OPEN  RESOLVED  LOGGED',
        'Ana         L1       0         1     30m',
        'Bo          L2       1         1     45m',
        'unassigned  —        1         0      0m',
        'total       —        2         2  1h 15m',
        '',
      ].join('\n'),
    );
  });

  it('counts every open ticket by status, priority and age by default', async () => {
    const env = await desk();
    const r = await runCli(['report', 'backlog'], { env });
    expect(r.stdout).toBe(
      [
        'STATUS   URGENT  HIGH  NORMAL  LOW  TOTAL  <1d  1–3d  3–7d  1–4w  >4w',
        'new           1     0       0    0      1    1     0     0     0    0',
        'open          0     0       1    0      1    0     0     0     0    1',
        'pending       0     0       0    0      0    0     0     0     0    0',
        'on_hold       0     0       0    0      0    0     0     0     0    0',
        'total         1     0       1    0      2    1     0     0     0    1',
        '',
      ].join('\n'),
    );
    const doc = JSON.parse((await runCli(['report', 'backlog', '--by', 'category', '--json'], { env })).stdout);
    expect(doc).toMatchObject({ schema: 1, report: 'backlog', since: null, by: 'category' });
    expect(doc.rows.map((x: Record<string, unknown>) => [x.category, x.status, x.total, x.age_lt_1d, x.age_gt_4w])).toEqual([
      ['network', 'new', 1, 1, 0],
      ['printer', 'open', 1, 0, 1],
    ]);
  });
});

describe('bad input', () => {
  it.each([
    [['report', 'sla', '--since', '7x'], /^deskline: --since: '7x' is not a span like 12h/],
    [['report', 'times', '--until', '2026-02-30'], /^deskline: --until: '2026-02-30' is not/],
    [['report', 'volume', '--since', '2026-03-10', '--until', '2026-03-01'], /^deskline: --since \(.*\) must be before --until/],
    [['report', 'sla', '--by', 'requester'], /^deskline: --by: 'requester' is not one of category, priority, assignee, tier$/],
    [['report', 'backlog', '--by', 'priority'], /^deskline: --by: 'priority' is not one of category, assignee, tier$/],
  ])('%j exits 4 with one line', async (args, message) => {
    const env = await desk();
    const r = await runCli(args, { env });
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
  });

  it('refuses --json with --csv, and --by where a report has no groups', async () => {
    const env = await tempDeskEnv();
    expect((await runCli(['report', 'sla', '--json', '--csv'], { env })).code).toBe(1);
    expect((await runCli(['report', 'volume', '--by', 'category'], { env })).code).toBe(1);
  });

  it('shows examples in every report help', async () => {
    const env = await tempDeskEnv();
    for (const name of ['backlog', 'sla', 'times', 'volume', 'workload']) {
      const r = await runCli(['report', name, '--help'], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Examples:\n  deskline report ${name}`);
    }
  });
});
