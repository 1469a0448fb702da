/**
 * The SQL an administrator runs once per team desk: a group role `deskline_technician` that may
 * read and write the desk but only read and append the audit trail (no UPDATE, DELETE or TRUNCATE on
 * audit_events), so a technician's client cannot rewrite history; may read but not change who is who
 * (technician_roles: the login role → technician map the database takes the actor from, migration
 * 018) and may add technicians but not rename or remove them (a renamed technician would sign the
 * trail with another's name); then one login role per technician, mapped with
 * `deskline technician add … --role`. `deskline db roles` prints it; nothing here runs it.
 */
export const TECHNICIAN_ROLE = 'deskline_technician';

/** Tables a technician may only read and append to: the audit trail, the technicians, and the sync log replicas pull (issue 22). */
const APPEND_ONLY = ['audit_events', 'technicians', 'sync_ops'] as const;
/** Tables a technician may only read. */
const READ_ONLY = ['technician_roles'] as const;

export function technicianRoleSql(database: string): string {
  const db = ident(database);
  const appendOnly = APPEND_ONLY.map(ident).join(', ');
  const readOnly = READ_ONLY.map(ident).join(', ');
  return [
    `-- Run as the desk's owner (the role that ran 'deskline db init') on database ${database}.`,
    `DO $$ BEGIN CREATE ROLE ${TECHNICIAN_ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$;`,
    `GRANT CONNECT ON DATABASE ${db} TO ${TECHNICIAN_ROLE};`,
    `GRANT USAGE ON SCHEMA public TO ${TECHNICIAN_ROLE};`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${TECHNICIAN_ROLE};`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${appendOnly} FROM ${TECHNICIAN_ROLE};`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${readOnly} FROM ${TECHNICIAN_ROLE};`,
    `REVOKE UPDATE, DELETE ON deskline_schema FROM ${TECHNICIAN_ROLE};`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${TECHNICIAN_ROLE};`,
    `GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${TECHNICIAN_ROLE};`,
    `-- One login role per technician (password set by them with \\password, or via ~/.pgpass), mapped by the owner:`,
    `-- CREATE ROLE ana LOGIN;  then: deskline technician add 'Ana Silva' -e ana@example.com --role ana`,
    `-- (that maps ana to the technician, whom the database then records for every change ana makes, and grants ${TECHNICIAN_ROLE}).`,
    `-- Re-run this after 'deskline db init' upgrades the schema (new tables get no grants by themselves).`,
  ].join('\n');
}

const ident = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`);
