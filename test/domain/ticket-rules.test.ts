import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeClocks } from '../../src/domain/sla/clocks.js';
import { DEFAULT_CALENDAR } from '../../src/domain/sla/calendar.js';
import { DEFAULT_POLICY } from '../../src/domain/sla/policy.js';
import {
  AUTO_MOVES,
  initialState,
  moveTo,
  ON_ENTER,
  onInteraction,
  react,
  type TicketState,
  type Trigger,
} from '../../src/domain/ticket-rules.js';
import { INTERACTION_KINDS, OPEN_STATUSES, STATUSES, TRANSITIONS, type Status } from '../../src/domain/ticket.js';

/** What must hold after any sequence of allowed moves. */
function expectInvariants(s: TicketState, now: number): void {
  const done = s.status === 'resolved' || s.status === 'closed';
  expect(s.resolved_at !== null).toBe(done);
  expect(s.closed_at !== null).toBe(s.status === 'closed');
  if (s.status === 'resolved') expect(s.resolution?.trim()).toBeTruthy();
  if (OPEN_STATUSES.includes(s.status)) expect(s.resolution).toBeNull();
  if (s.closed_at !== null) expect(s.closed_at).toBeGreaterThanOrEqual(s.resolved_at!);
  for (const t of [s.resolved_at, s.closed_at, s.first_response_at]) if (t !== null) expect(t).toBeLessThanOrEqual(now);
}

type Step =
  | { kind: 'move'; to: Status; resolution: string | undefined; after: number }
  | { kind: 'interaction'; interaction: (typeof INTERACTION_KINDS)[number]; byTechnician: boolean; after: number }
  | { kind: 'assigned'; after: number };

const after = fc.integer({ min: 0, max: 3 * 86_400_000 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('move' as const),
    to: fc.constantFrom(...STATUSES),
    resolution: fc.option(fc.constantFrom('Fixed', '  ', 'Replaced the toner'), { nil: undefined }),
    after,
  }),
  fc.record({
    kind: fc.constant('interaction' as const),
    interaction: fc.constantFrom(...INTERACTION_KINDS),
    byTechnician: fc.boolean(),
    after,
  }),
  fc.record({ kind: fc.constant('assigned' as const), after }),
);

describe('ticket rules', () => {
  it('any sequence of moves, interactions and assignments keeps the invariants; moves outside TRANSITIONS are refused', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STATUSES), fc.boolean(), fc.array(step, { maxLength: 25 }), (status, assigned, steps) => {
        let now = Date.UTC(2026, 0, 5, 9);
        const start = initialState(status, now, status === 'resolved' ? 'Fixed at the desk' : null, assigned ? ['assigned'] : []);
        expect(start.ok).toBe(true);
        if (!start.ok) return;
        let state = start.set as TicketState;
        const history = [{ at: now, status: state.status }];
        expectInvariants(state, now);
        for (const s of steps) {
          now += s.after;
          const before = state;
          if (s.kind === 'move') {
            const d = moveTo(state, s.to, now, s.resolution);
            const allowed = s.to === state.status || TRANSITIONS[state.status].includes(s.to);
            if (!allowed) expect(d).toMatchObject({ ok: false, field: 'status' });
            if (d.ok) state = { ...state, ...d.set };
          } else if (s.kind === 'interaction') {
            state = { ...state, ...onInteraction(state, s.interaction, s.byTechnician, now) };
            if (before.first_response_at !== null) expect(state.first_response_at).toBe(before.first_response_at);
          } else {
            state = { ...state, ...react(state, 'assigned', now) };
          }
          // Every move, asked for or automatic, is one TRANSITIONS allows.
          if (state.status !== before.status) {
            expect(TRANSITIONS[before.status]).toContain(state.status);
            history.push({ at: now, status: state.status });
          }
          expectInvariants(state, now);
        }
        // The SLA clocks follow the same table: a stopped ticket has both clocks stopped.
        const clocks = computeClocks(
          { createdAt: history[0]!.at, statuses: history, firstResponseAt: state.first_response_at },
          DEFAULT_POLICY.normal,
          DEFAULT_CALENDAR,
        );
        expect(clocks.resolution.phase).toBe(ON_ENTER[state.status].clocks);
      }),
      { numRuns: 2000 },
    );
  });

  it('every automatic move is an allowed transition into a status that needs no resolution', () => {
    for (const m of AUTO_MOVES) {
      for (const from of m.from) expect(TRANSITIONS[from]).toContain(m.to);
      expect(ON_ENTER[m.to].resolution).not.toBe('required');
    }
  });

  it('resolving needs a resolution, at creation as for a change; reopening clears it with the stamps', () => {
    expect(initialState('resolved', 1, null)).toEqual({ ok: false, field: 'resolution', error: 'is required to mark a ticket resolved' });
    expect(initialState('resolved', 1, '   ')).toMatchObject({ ok: false, field: 'resolution' });
    expect(initialState('new', 1, 'Fixed')).toMatchObject({ ok: false, field: 'resolution' });
    expect(initialState('closed', 7, null)).toMatchObject({ ok: true, set: { status: 'closed', resolved_at: 7, closed_at: 7 } });
    expect(initialState('new', 7, null, ['assigned'])).toMatchObject({ ok: true, set: { status: 'open', resolved_at: null } });
    const resolved = initialState('resolved', 5, ' Swapped the cable ');
    expect(resolved).toMatchObject({ ok: true, set: { status: 'resolved', resolved_at: 5, resolution: 'Swapped the cable' } });
    const state = (resolved as { set: TicketState }).set;
    expect(moveTo(state, 'closed', 9)).toEqual({
      ok: true,
      set: { status: 'closed', resolved_at: 5, closed_at: 9, resolution: 'Swapped the cable' },
    });
    expect(moveTo(state, 'open', 9)).toEqual({ ok: true, set: { status: 'open', resolved_at: null, closed_at: null, resolution: null } });
    expect(moveTo(state, 'pending', 9)).toMatchObject({
      ok: false,
      field: 'status',
      error: 'cannot go from resolved to pending (allowed: open, closed)',
    });
  });

  it('a requester writing back moves pending and resolved to open; a technician’s first public entry stamps first response once', () => {
    const base: TicketState = { status: 'pending', resolved_at: null, closed_at: null, resolution: null, first_response_at: null };
    expect(onInteraction(base, 'email_in', false, 3)).toEqual({ status: 'open', resolved_at: null, closed_at: null, resolution: null });
    const resolved = { ...base, status: 'resolved' as const, resolved_at: 2, resolution: 'Fixed' };
    expect(onInteraction(resolved, 'email_in', false, 3)).toMatchObject({ status: 'open', resolution: null, resolved_at: null });
    expect(onInteraction({ ...base, status: 'closed', resolved_at: 1, closed_at: 2 }, 'email_in', false, 3)).toEqual({});
    expect(onInteraction(base, 'reply', true, 3)).toEqual({ first_response_at: 3 });
    expect(onInteraction(base, 'note', true, 3)).toEqual({});
    expect(onInteraction(base, 'reply', false, 3)).toEqual({});
    expect(onInteraction({ ...base, first_response_at: 1 }, 'call', true, 3)).toEqual({});
    const triggers: Trigger[] = ['assigned', 'interaction:email_in'];
    for (const on of triggers) expect(react({ ...base, status: 'on_hold' }, on, 3)).toEqual({});
  });
});
