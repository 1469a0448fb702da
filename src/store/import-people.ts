/**
 * People and tags met by an import, found or created once each inside its transaction (prepared
 * statements of its write session, ./write-session.ts): requesters by email (else by name), technicians by email
 * (else by name; one without an email gets `name@imported.invalid`), tags by name.
 */
import type { ImportPersonIn } from './import-types.js';
import type { WriteSession } from './write-session.js';

export interface PeopleCache {
  requester(p: ImportPersonIn): Promise<number>;
  technician(p: ImportPersonIn): Promise<number>;
  tag(name: string): Promise<number>;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '') || 'someone';

export function peopleCache(session: WriteSession, now: number, counts: Record<string, number>): PeopleCache {
  const q = {
    requesterByEmail: 'SELECT id FROM requesters WHERE email = ?',
    requesterByName: 'SELECT id FROM requesters WHERE lower(name) = lower(?) ORDER BY email IS NOT NULL, id LIMIT 1',
    addRequester: 'INSERT INTO requesters (name, email, phone, department, created_at) VALUES (?, ?, ?, ?, ?)',
    technicianByEmail: 'SELECT id FROM technicians WHERE email = ?',
    technicianByName: 'SELECT id FROM technicians WHERE lower(name) = lower(?) ORDER BY id LIMIT 1',
    addTechnician: "INSERT INTO technicians (name, email, tier, active, created_at) VALUES (?, ?, 'L1', 1, ?)",
    tagByName: 'SELECT id FROM tags WHERE name = ?',
    addTag: 'INSERT INTO tags (name) VALUES (?)',
  };
  const requesters = new Map<string, number>();
  const technicians = new Map<string, number>();
  const tags = new Map<string, number>();
  const bump = (what: string) => (counts[what] = (counts[what] ?? 0) + 1);
  const keyOf = (p: ImportPersonIn) => (p.email ? `@${p.email.toLowerCase()}` : `#${p.name.toLowerCase()}`);
  const idOf = (text: string, ...params: unknown[]) => session.value<number>(text, ...params);

  return {
    async requester(p) {
      const key = keyOf(p);
      let id = requesters.get(key);
      if (id !== undefined) return id;
      const email = p.email?.toLowerCase() ?? null;
      id = email ? await idOf(q.requesterByEmail, email) : await idOf(q.requesterByName, p.name);
      if (id === undefined) {
        id = await session.insert(q.addRequester, p.name, email, p.phone, p.department, now);
        bump('requesters');
      }
      requesters.set(key, id);
      return id;
    },
    async technician(p) {
      const key = keyOf(p);
      let id = technicians.get(key);
      if (id !== undefined) return id;
      const email = p.email?.toLowerCase() ?? null;
      id = email ? await idOf(q.technicianByEmail, email) : await idOf(q.technicianByName, p.name);
      // Names that differ but make the same slug ('Kim Agent', 'kim.agent') share the made-up email.
      if (id === undefined && !email) id = await idOf(q.technicianByEmail, `${slug(p.name)}@imported.invalid`);
      if (id === undefined) {
        id = await session.insert(q.addTechnician, p.name, email ?? `${slug(p.name)}@imported.invalid`, now);
        bump('technicians');
      }
      technicians.set(key, id);
      return id;
    },
    async tag(name) {
      let id = tags.get(name);
      if (id !== undefined) return id;
      id = await idOf(q.tagByName, name);
      if (id === undefined) {
        id = await session.insert(q.addTag, name);
        bump('tags');
      }
      tags.set(name, id);
      return id;
    },
  };
}
