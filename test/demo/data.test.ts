import { describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '../../src/demo/catalog.js';
import { demoData, Filler, type DemoTicket } from '../../src/demo/data.js';
import { mulberry32, WorkClock } from '../../src/demo/random.js';
import { TEMPLATES } from '../../src/demo/templates.js';
import {
  CHANNELS,
  DEFAULT_CATEGORIES,
  INTERACTION_KINDS,
  OPEN_STATUSES,
  PRIORITIES,
  PRIORITY_RANK,
  PUBLIC_KINDS,
  STATUSES,
  TIERS,
} from '../../src/domain/ticket.js';

const NOW = Date.UTC(2026, 2, 18, 14, 30); // a Wednesday afternoon
const DAY = 86_400_000;
const ME = { name: 'Lee Chen', email: 'Lee@Example.com', tier: 'L2' };

function generate(tickets: number, seed = 1) {
  const data = demoData({ tickets, seed, now: NOW, me: ME });
  return { ...data, list: [...data.tickets()] };
}

const share = (list: DemoTicket[], test: (t: DemoTicket) => boolean) => list.filter(test).length / list.length;

describe('demo data', () => {
  const big = generate(5_000);

  it('is deterministic: the same seed gives the same desk, another seed another', () => {
    const a = generate(400, 42);
    const b = generate(400, 42);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify([...a.tickets()])).toBe(JSON.stringify(a.list)); // each iteration starts over
    const c = generate(400, 43);
    expect(c.list.map((t) => t.title)).not.toEqual(a.list.map((t) => t.title));
  });

  it('makes people: ~1 requester per 20 tickets (at least 30), unique emails, real departments', () => {
    expect(generate(10).requesters).toHaveLength(30);
    expect(big.requesters).toHaveLength(250);
    const emails = [...big.requesters, ...big.technicians].map((p) => p.email);
    expect(new Set(emails).size).toBe(emails.length);
    for (const r of big.requesters) {
      expect(r.email).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+\d*@example\.com$/);
      expect(Object.keys(DEPARTMENTS)).toContain(r.department);
      expect(r.phone).toMatch(/^\+44 (20 7946 0|7700 900)\d{3}$/);
    }
    expect(big.technicians).toHaveLength(21);
    expect(big.technicians[big.me!]).toMatchObject({ name: 'Lee Chen', email: 'lee@example.com', tier: 'L2' });
    expect(new Set(big.technicians.map((t) => t.tier))).toEqual(new Set(TIERS));
  });

  it('uses only valid enum values, ranks and tags', () => {
    const bad = big.list.filter(
      (t) =>
        !STATUSES.includes(t.status) ||
        !PRIORITIES.includes(t.priority) ||
        t.priority_rank !== PRIORITY_RANK[t.priority] ||
        !(DEFAULT_CATEGORIES as readonly string[]).includes(t.category) ||
        !CHANNELS.includes(t.channel) ||
        !TIERS.includes(t.tier) ||
        t.version !== 1 ||
        t.tags.length === 0 ||
        t.tags.some((tag) => !big.tagNames.includes(tag)) ||
        t.interactions.some((x) => !INTERACTION_KINDS.includes(x.kind)) ||
        /[{}]/.test(`${t.title} ${t.description} ${t.interactions.map((x) => x.body).join(' ')}`),
    );
    expect(bad).toEqual([]);
  });

  it('keeps times consistent: SLA due times, ordered events, nothing after now', () => {
    const problems: string[] = [];
    const check = (ok: boolean, i: number, what: string) => void (ok || problems.push(`#${i}: ${what}`));
    big.list.forEach((t, i) => {
      check(i === 0 || t.created_at >= big.list[i - 1]!.created_at, i, 'ids follow time');
      check(t.created_at > NOW - 731 * DAY, i, 'within two years');
      const finished = t.status === 'resolved' || t.status === 'closed';
      // A clock paused (pending / on hold) before it ran out has no due instant: null.
      const paused = t.status === 'pending' || t.status === 'on_hold';
      check(t.resolution_due_at === null ? paused : t.resolution_due_at > t.created_at, i, 'resolution due after creation');
      check(t.first_response_due_at === null ? paused : t.first_response_due_at > t.created_at, i, 'first response due after creation');
      check(
        finished ? t.next_due_at === null : (t.status !== 'new' && t.status !== 'open') || t.next_due_at !== null,
        i,
        'next due runs while open',
      );
      check(t.interactions.length >= 1 && t.interactions.length <= 4, i, '1–4 interactions');
      let at = t.created_at;
      for (const x of t.interactions) {
        check(x.created_at >= at, i, 'interactions in order');
        check(Number.isInteger(x.minutes) && x.minutes >= 0 && x.minutes <= 1440, i, 'minutes');
        at = x.created_at;
      }
      check(t.updated_at >= at && t.updated_at <= NOW, i, 'updated_at');
      const firstPublic = t.interactions.find((x) => x.author !== null && PUBLIC_KINDS.includes(x.kind));
      check(t.first_response_at === (firstPublic?.created_at ?? null), i, 'first response = first public answer');
      const done = t.status === 'resolved' || t.status === 'closed';
      check((t.resolved_at !== null) === done && (t.resolution !== null) === done, i, 'resolved_at and resolution when done');
      check((t.closed_at !== null) === (t.status === 'closed') && (t.closed_at ?? 0) <= NOW, i, 'closed_at');
      check(!done || t.resolved_at! >= t.first_response_at!, i, 'resolved after first response');
      check(!done || t.interactions.at(-1)!.body.includes(t.resolution!), i, 'the closing reply carries the resolution');
      check(t.status === 'new' ? t.first_response_at === null : t.assignee !== null, i, 'new unanswered, others assigned');
    });
    expect(problems.slice(0, 10)).toEqual([]);
  });

  it('creates tickets in office hours (Mon–Fri 08:00–18:00 at the given offset)', () => {
    const outside = big.list.filter((t) => {
      const d = new Date(t.created_at);
      const minute = d.getUTCHours() * 60 + d.getUTCMinutes();
      return d.getUTCDay() < 1 || d.getUTCDay() > 5 || minute < 8 * 60 || minute > 18 * 60;
    });
    expect(outside).toEqual([]);
    const clock = new WorkClock(-300 * 60_000); // UTC−5
    const wed = Date.UTC(2026, 2, 18, 14, 30);
    expect(clock.fromWork(clock.toWork(wed))).toBe(wed);
    expect(clock.toWork(Date.UTC(2026, 2, 21, 12))).toBe(clock.toWork(Date.UTC(2026, 2, 22, 12))); // Sat = Sun
  });

  it('looks like a real desk: priority, status, tier and age mix', () => {
    const list = big.list;
    const open = (t: DemoTicket) => OPEN_STATUSES.includes(t.status);
    expect(share(list, open)).toBeGreaterThan(0.15);
    expect(share(list, open)).toBeLessThan(0.25);
    const prio = (p: string) => share(list, (t) => t.priority === p);
    expect(prio('urgent')).toBeGreaterThan(0.03);
    expect(prio('urgent')).toBeLessThan(0.07);
    expect(prio('high')).toBeGreaterThan(0.15);
    expect(prio('high')).toBeLessThan(0.25);
    expect(prio('normal')).toBeGreaterThan(0.48);
    expect(prio('normal')).toBeLessThan(0.62);
    expect(prio('low')).toBeGreaterThan(0.15);
    expect(prio('low')).toBeLessThan(0.25);
    expect(share(list, (t) => t.tier === 'L1')).toBeGreaterThan(0.7);
    expect(new Set(list.map((t) => t.channel))).toEqual(new Set(CHANNELS));
    // Denser towards now; old tickets are done, the newest are mostly open.
    expect(list.filter((t) => t.created_at > NOW - 365 * DAY).length).toBeGreaterThan(list.length * 0.6);
    const old = list.filter((t) => t.created_at < NOW - 365 * DAY);
    expect(share(old, open)).toBeLessThan(0.05);
    const recent = list.filter((t) => t.created_at > NOW - 2 * DAY);
    expect(share(recent, open)).toBeGreaterThan(0.8);
    const fresh = list.filter((t) => t.status === 'new');
    expect(share(fresh, (t) => t.assignee === null)).toBeGreaterThan(0.75);
  });

  it('gives the user about a tenth of the open tickets', () => {
    const open = big.list.filter((t) => OPEN_STATUSES.includes(t.status));
    const mine = share(open, (t) => t.assignee === big.me);
    expect(mine).toBeGreaterThan(0.06);
    expect(mine).toBeLessThan(0.15);
    for (const tickets of [30, 60, 300]) {
      const small = generate(tickets);
      expect(small.list.some((t) => OPEN_STATUSES.includes(t.status) && t.assignee === small.me)).toBe(true); // "My queue" never empty
    }
    expect(demoData({ tickets: 50, now: NOW }).me).toBeNull();
  });

  it("leaves urgent and high tickets unassigned, so the README's triage from the Unassigned view works on it", () => {
    for (const tickets of [30, 2_000]) {
      const waiting = generate(tickets).list.filter((t) => t.status === 'new' && t.assignee === null);
      expect(waiting.some((t) => t.priority === 'urgent')).toBe(true);
      expect(waiting.some((t) => t.priority === 'high')).toBe(true);
    }
  });

  it('has templates whose every pattern fills', () => {
    const text = new Filler(mulberry32(7), 'Ana', 'Finance');
    for (const t of TEMPLATES) {
      expect(DEFAULT_CATEGORIES).toContain(t.category);
      for (const pattern of [...t.cases.flat(), ...t.fixes]) expect(text.fill(pattern)).not.toMatch(/[{}]/);
    }
    expect(() => text.fill('{nonsense}')).toThrow(/unknown placeholder \{nonsense\}/);
    expect(text.fill('Hi {first} in {dept}')).toBe('Hi Ana in Finance');
  });
});
