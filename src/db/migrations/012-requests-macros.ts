/**
 * 012: service requests and macros. Frozen once landed.
 *
 * - request_templates: a template as data (fixtures/templates/*.json, `template add FILE`): the fields
 *   it asks for and the checklist it gives, both JSON checked by domain/request-template.ts.
 * - ticket_requests: which template a ticket was made from, with the field values given.
 * - ticket_checklist_items: a request's steps, numbered from 1; done_at/done_by when ticked.
 * - identity_verifications: who checked the requester's identity, by which method (a fixed list,
 *   domain/identity.ts), and when: never free text.
 * - macros: a reply with placeholders plus field changes (JSON); the starter set is written here.
 */
import { sql, type Kysely } from 'kysely';

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

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE request_templates (
      id INTEGER PRIMARY KEY,
      slug TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL,
      title TEXT NOT NULL,
      category TEXT NOT NULL,
      priority TEXT NOT NULL,
      verify_identity INTEGER NOT NULL DEFAULT 0,
      fields TEXT NOT NULL,
      items TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE ticket_requests (
      ticket_id INTEGER PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
      template TEXT NOT NULL,
      fields TEXT NOT NULL,
      verify_identity INTEGER NOT NULL DEFAULT 0
    )`.execute(db);
  await sql`
    CREATE TABLE ticket_checklist_items (
      ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      text TEXT NOT NULL,
      required INTEGER NOT NULL DEFAULT 1,
      action TEXT,
      done_at INTEGER,
      done_by TEXT,
      PRIMARY KEY (ticket_id, position)
    ) WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TABLE identity_verifications (
      id INTEGER PRIMARY KEY,
      ticket_id INTEGER NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
      method TEXT NOT NULL,
      verified_by TEXT NOT NULL,
      verifier_id INTEGER REFERENCES technicians(id),
      verified_at INTEGER NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX identity_verifications_ticket ON identity_verifications (ticket_id)`.execute(db);
  await sql`
    CREATE TABLE macros (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      changes TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    )`.execute(db);
  const now = Date.now();
  for (const [name, title, body, changes] of STARTER_MACROS)
    await sql`INSERT INTO macros (name, title, body, changes, created_at, updated_at)
      VALUES (${name}, ${title}, ${body}, ${JSON.stringify(changes)}, ${now}, ${now})`.execute(db);
}
