/** 001: the first schema. Frozen: never edit once landed; add a new migration instead. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('technicians')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('tier', 'text', (c) => c.notNull().defaultTo('L1'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('requesters')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.unique())
    .addColumn('phone', 'text')
    .addColumn('department', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tickets')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'text', (c) => c.notNull())
    .addColumn('priority_rank', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'integer', (c) => c.references('requesters.id'))
    .addColumn('assignee_id', 'integer', (c) => c.references('technicians.id'))
    .addColumn('tier', 'text', (c) => c.notNull().defaultTo('L1'))
    .addColumn('external_id', 'text', (c) => c.unique())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('first_response_at', 'integer')
    .addColumn('resolved_at', 'integer')
    .addColumn('closed_at', 'integer')
    .addColumn('first_response_due_at', 'integer')
    .addColumn('resolution_due_at', 'integer')
    .addColumn('next_due_at', 'integer')
    .addColumn('resolution', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  // The queue's sort keys: urgency (next due, priority rank, id), status, created, updated.
  await sql`CREATE INDEX tickets_status_rank ON tickets (status, priority_rank, id)`.execute(db);
  await sql`CREATE INDEX tickets_status_priority ON tickets (status, priority, id)`.execute(db);
  // Urgency: tickets with no running clock (NULL due) sort after every due time; the expression is indexed.
  await sql`CREATE INDEX tickets_urgency ON tickets (ifnull(next_due_at, 8640000000000000), priority_rank, id)`.execute(db);
  await sql`CREATE INDEX tickets_assignee_status ON tickets (assignee_id, status, id)`.execute(db);
  await sql`CREATE INDEX tickets_created ON tickets (created_at, id)`.execute(db);
  await sql`CREATE INDEX tickets_updated ON tickets (updated_at, id)`.execute(db);
  await sql`CREATE INDEX tickets_requester ON tickets (requester_id)`.execute(db);

  await db.schema
    .createTable('interactions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', (c) => c.references('technicians.id'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await sql`CREATE INDEX interactions_ticket ON interactions (ticket_id, created_at, id)`.execute(db);

  await db.schema
    .createTable('tags')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable('ticket_tags')
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
    .addPrimaryKeyConstraint('ticket_tags_pk', ['ticket_id', 'tag_id'])
    .execute();
  await sql`CREATE INDEX ticket_tags_tag ON ticket_tags (tag_id, ticket_id)`.execute(db);

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('cascade'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('field', 'text')
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .execute();
  await sql`CREATE INDEX audit_ticket ON audit_events (ticket_id, at, id)`.execute(db);
}
