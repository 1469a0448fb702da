/**
 * 003: SLA policies, business calendars and holidays, seeded with the defaults. Frozen once landed.
 *
 * - The seeded calendar `default` is Mon–Fri 09:00–17:00 in UTC: a migration must not depend on the
 *   machine it runs on, so the zone is never guessed from the process; set it with
 *   `deskline sla calendar set --tz Europe/London`.
 * - Status history for pauses is read from audit_events (field = 'status'), which every status change
 *   already writes; a partial index makes that read cheap. No second log to keep in step.
 * - Breaches are audit_events with action = 'sla_breach' (field = the clock), indexed for the sweep.
 * - Seed values are written out here, not imported from the domain: later default changes must not
 *   rewrite this migration.
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

export async function up(db: Kysely<unknown>): Promise<void> {
  const now = Date.now();
  await db.schema
    .createTable('sla_calendars')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('tz', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('week', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sla_holidays')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('calendar_id', 'integer', (c) => c.notNull().references('sla_calendars.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addUniqueConstraint('sla_holidays_calendar_date', ['calendar_id', 'date'])
    .execute();

  await db.schema
    .createTable('sla_policies')
    .addColumn('priority', 'text', (c) => c.primaryKey())
    .addColumn('first_response_minutes', 'integer', (c) => c.notNull())
    .addColumn('resolution_minutes', 'integer', (c) => c.notNull())
    .addColumn('is_24x7', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('calendar_id', 'integer', (c) => c.notNull().references('sla_calendars.id'))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await sql`INSERT INTO sla_calendars (id, name, tz, week, updated_at) VALUES (1, 'default', 'UTC', ${WEEK}, ${now})`.execute(db);
  for (const [priority, first, resolution, allDay] of POLICIES) {
    await sql`INSERT INTO sla_policies (priority, first_response_minutes, resolution_minutes, is_24x7, calendar_id, updated_at)
      VALUES (${priority}, ${first}, ${resolution}, ${allDay}, 1, ${now})`.execute(db);
  }

  await sql`CREATE INDEX audit_status_changes ON audit_events (ticket_id, at, id) WHERE field = 'status'`.execute(db);
  await sql`CREATE INDEX audit_sla_breach_ticket ON audit_events (ticket_id, field) WHERE action = 'sla_breach'`.execute(db);
  await sql`CREATE INDEX audit_sla_breach_at ON audit_events (at) WHERE action = 'sla_breach'`.execute(db);
}
