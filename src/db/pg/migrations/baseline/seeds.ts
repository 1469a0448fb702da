/**
 * The rows SQLite's migrations seed, written out again (a migration never imports live code, and
 * 003/012 are frozen): the default calendar and SLA policies (003), the starter macros (012), the
 * change counter (013, at 0: a new database has no tickets) and the triage state (014).
 */
import { sql, type Kysely } from 'kysely';

const WEEK = JSON.stringify({
  mon: ['09:00-17:00'],
  tue: ['09:00-17:00'],
  wed: ['09:00-17:00'],
  thu: ['09:00-17:00'],
  fri: ['09:00-17:00'],
  sat: [],
  sun: [],
});

const POLICIES: ReadonlyArray<[string, number, number, number]> = [
  ['urgent', 60, 240, 1],
  ['high', 240, 480, 0],
  ['normal', 480, 1440, 0],
  ['low', 960, 4800, 0],
];

const STARTER_MACROS: readonly [name: string, title: string, body: string, changes: Record<string, unknown>][] = [
  [
    'acknowledge',
    'Acknowledge',
    'Hi {{requester.first_name}},\n\nThanks for getting in touch: {{ticket.ref}} is with me and I am looking into it.\n\n{{me.name}}',
    { status: 'open', assignee: 'me' },
  ],
  [
    'ask-for-details',
    'Ask for details',
    'Hi {{requester.first_name}},\n\nTo move {{ticket.ref}} on I need a few details: what you see on screen (a screenshot helps), when it started, and whether anyone near you has the same problem.\n\n{{me.name}}',
    { status: 'pending' },
  ],
  [
    'password-reset-done',
    'Password reset done',
    'Hi {{requester.first_name}},\n\nYour password has been reset. You will be asked to choose a new one at your next sign-in; please do it from a company device.\n\n{{me.name}}',
    { status: 'resolved', addTags: ['password'] },
  ],
  [
    'known-outage',
    'Known outage',
    'Hi {{requester.first_name}},\n\nThis is part of an outage we already know about and are working on. {{ticket.ref}} is linked to it: we will update you as soon as it is fixed.\n\n{{me.name}}',
    { status: 'on_hold', addTags: ['outage'] },
  ],
  [
    'resolved-please-confirm',
    'Resolved – please confirm',
    'Hi {{requester.first_name}},\n\nI believe {{ticket.ref}} is fixed. Please reply if anything still does not work and the ticket will reopen.\n\n{{me.name}}',
    { status: 'resolved' },
  ],
];

export async function seed(db: Kysely<unknown>): Promise<void> {
  const now = Date.now();
  const { rows } = await sql<{ id: number }>`
    INSERT INTO sla_calendars (name, tz, week, updated_at) VALUES ('default', 'UTC', ${WEEK}, ${now}) RETURNING id`.execute(db);
  const calendar = rows[0]!.id;
  for (const [priority, first, resolution, allDay] of POLICIES) {
    await sql`INSERT INTO sla_policies (priority, first_response_minutes, resolution_minutes, is_24x7, calendar_id, updated_at)
      VALUES (${priority}, ${first}, ${resolution}, ${allDay}, ${calendar}, ${now})`.execute(db);
  }
  for (const [name, title, body, changes] of STARTER_MACROS) {
    await sql`INSERT INTO macros (name, title, body, changes, created_at, updated_at)
      VALUES (${name}, ${title}, ${body}, ${JSON.stringify(changes)}, ${now}, ${now})`.execute(db);
  }
  await sql`INSERT INTO change_counter (id, seq) VALUES (1, 0)`.execute(db);
  await sql`INSERT INTO triage_state (id, vocabulary, learned, trained_at) VALUES (1, 0, 0, NULL)`.execute(db);
}
