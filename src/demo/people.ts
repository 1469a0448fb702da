/** Demo people: the desk's technicians (plus the user at the keyboard) and the requesters. Pure. */
import { DEPARTMENTS, EMAIL_DOMAIN, FIRST_NAMES, LAST_NAMES, TECHNICIANS } from './catalog.js';
import { DAY, int, pick, weighted, type Rng } from './random.js';
import { TIERS, isOneOf, type Tier } from '../domain/ticket.js';

export interface DemoPerson {
  name: string;
  email: string;
  tier: string;
}

export interface DemoTechnician {
  name: string;
  email: string;
  tier: Tier;
  created_at: number;
}

export interface DemoRequester {
  name: string;
  email: string;
  phone: string;
  department: string;
  created_at: number;
}

export interface DemoPeople {
  technicians: DemoTechnician[];
  /** Index of the user at the keyboard in `technicians`, when given. */
  me: number | null;
  requesters: DemoRequester[];
  /** Requester indexes per department. */
  byDepartment: Map<string, number[]>;
}

export const pickDepartment = weighted(Object.entries(DEPARTMENTS));

/** "João O'Brien" → "joao.obrien": ASCII, lower case, one dot between names. */
export function emailLocal(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/\s+/)
    .map((part) => part.replace(/[^a-z0-9-]/g, ''))
    .filter(Boolean)
    .join('.');
}

/** About one requester per 20 tickets, at least 30. */
export function requesterCount(tickets: number): number {
  return Math.max(30, Math.round(tickets / 20));
}

export function demoPeople(rng: Rng, tickets: number, now: number, me?: DemoPerson | null): DemoPeople {
  const start = now - 730 * DAY;
  const technicians: DemoTechnician[] = TECHNICIANS.map((t) => ({
    name: t.name,
    email: `${emailLocal(t.name)}@${EMAIL_DOMAIN}`,
    tier: t.tier,
    created_at: start - int(rng, 30, 900) * DAY,
  }));
  let meIndex: number | null = null;
  if (me) {
    const email = me.email.trim().toLowerCase();
    meIndex = technicians.findIndex((t) => t.email === email);
    if (meIndex < 0) {
      meIndex = technicians.length;
      technicians.push({ name: me.name, email, tier: isOneOf(TIERS, me.tier) ? me.tier : 'L1', created_at: start - 30 * DAY });
    }
  }

  const used = new Set(technicians.map((t) => t.email));
  const requesters: DemoRequester[] = [];
  const byDepartment = new Map<string, number[]>();
  const count = requesterCount(tickets);
  for (let i = 0; i < count; i++) {
    const name = `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
    const local = emailLocal(name);
    let email = `${local}@${EMAIL_DOMAIN}`;
    for (let n = 2; used.has(email); n++) email = `${local}${n}@${EMAIL_DOMAIN}`;
    used.add(email);
    const department = pickDepartment(rng);
    // Ofcom's drama ranges: numbers reserved for fiction.
    const phone =
      rng() < 0.7
        ? `+44 20 7946 0${String(int(rng, 0, 999)).padStart(3, '0')}`
        : `+44 7700 900${String(int(rng, 0, 999)).padStart(3, '0')}`;
    requesters.push({ name, email, phone, department, created_at: start - int(rng, 0, 365) * DAY });
    const list = byDepartment.get(department) ?? [];
    list.push(i);
    byDepartment.set(department, list);
  }
  return { technicians, me: meIndex, requesters, byDepartment };
}
