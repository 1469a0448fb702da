/**
 * People and tags met by an import, found or created once each inside its transaction (prepared
 * statements on the raw connection): requesters by email (else by name), technicians by email
 * (else by name; one without an email gets `name@imported.invalid`), tags by name.
 */
import type Database from 'better-sqlite3';
import type { ImportPersonIn } from './import-types.js';

export interface PeopleCache {
  requester(p: ImportPersonIn): number;
  technician(p: ImportPersonIn): number;
  tag(name: string): number;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '') || 'someone';

export function peopleCache(sqlite: Database.Database, now: number, counts: Record<string, number>): PeopleCache {
  const q = {
    requesterByEmail: sqlite.prepare('SELECT id FROM requesters WHERE email = ?').pluck(),
    requesterByName: sqlite
      .prepare('SELECT id FROM requesters WHERE lower(name) = lower(?) ORDER BY email IS NOT NULL, id LIMIT 1')
      .pluck(),
    addRequester: sqlite.prepare('INSERT INTO requesters (name, email, phone, department, created_at) VALUES (?, ?, ?, ?, ?)'),
    technicianByEmail: sqlite.prepare('SELECT id FROM technicians WHERE email = ?').pluck(),
    technicianByName: sqlite.prepare('SELECT id FROM technicians WHERE lower(name) = lower(?) ORDER BY id LIMIT 1').pluck(),
    addTechnician: sqlite.prepare("INSERT INTO technicians (name, email, tier, active, created_at) VALUES (?, ?, 'L1', 1, ?)"),
    tagByName: sqlite.prepare('SELECT id FROM tags WHERE name = ?').pluck(),
    addTag: sqlite.prepare('INSERT INTO tags (name) VALUES (?)'),
  };
  const requesters = new Map<string, number>();
  const technicians = new Map<string, number>();
  const tags = new Map<string, number>();
  const bump = (what: string) => (counts[what] = (counts[what] ?? 0) + 1);
  const keyOf = (p: ImportPersonIn) => (p.email ? `@${p.email.toLowerCase()}` : `#${p.name.toLowerCase()}`);

  return {
    requester(p) {
      const key = keyOf(p);
      let id = requesters.get(key);
      if (id !== undefined) return id;
      const email = p.email?.toLowerCase() ?? null;
      id = (email ? q.requesterByEmail.get(email) : q.requesterByName.get(p.name)) as number | undefined;
      if (id === undefined) {
        id = Number(q.addRequester.run(p.name, email, p.phone, p.department, now).lastInsertRowid);
        bump('requesters');
      }
      requesters.set(key, id);
      return id;
    },
    technician(p) {
      const key = keyOf(p);
      let id = technicians.get(key);
      if (id !== undefined) return id;
      const email = p.email?.toLowerCase() ?? null;
      id = (email ? q.technicianByEmail.get(email) : q.technicianByName.get(p.name)) as number | undefined;
      // Names that differ but make the same slug ('Kim Agent', 'kim.agent') share the made-up email.
      id ??= email ? undefined : (q.technicianByEmail.get(`${slug(p.name)}@imported.invalid`) as number | undefined);
      if (id === undefined) {
        id = Number(q.addTechnician.run(p.name, email ?? `${slug(p.name)}@imported.invalid`, now).lastInsertRowid);
        bump('technicians');
      }
      technicians.set(key, id);
      return id;
    },
    tag(name) {
      let id = tags.get(name);
      if (id !== undefined) return id;
      id = q.tagByName.get(name) as number | undefined;
      if (id === undefined) {
        id = Number(q.addTag.run(name).lastInsertRowid);
        bump('tags');
      }
      tags.set(name, id);
      return id;
    },
  };
}
