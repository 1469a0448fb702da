/** The audit hash chain as pure functions: chaining, and naming each kind of tampering once. */
import { describe, expect, it } from 'vitest';
import {
  chainEvents,
  describeChainProblem,
  eventDigest,
  linkDigest,
  readStatement,
  verifyChain,
  type AuditContent,
  type StoredEvent,
} from '../../src/domain/audit-chain.js';

const event = (i: number): AuditContent => ({
  ticket_id: 100 + i,
  actor: `tech ${i % 3}`,
  at: 1_700_000_000_000 + i * 60_000,
  action: i % 2 ? 'update' : 'create',
  field: i % 2 ? 'status' : null,
  old_value: i % 2 ? 'new' : null,
  new_value: i % 2 ? 'open' : null,
});

/** Ten events as Deskline stores them: ids 1…10, chained. */
function trail(n = 10): StoredEvent[] {
  return chainEvents(
    null,
    Array.from({ length: n }, (_, i) => event(i + 1)),
  ).map((e, i) => ({ ...e, id: i + 1 }));
}

describe('chainEvents', () => {
  it('links each event to the one before, across separate appends', () => {
    const all = trail(6);
    const first = chainEvents(null, [event(1), event(2), event(3)]);
    const rest = chainEvents(first[2]!.chain, [event(4), event(5), event(6)]);
    expect([...first, ...rest].map((e) => e.chain)).toEqual(all.map((e) => e.chain));
    expect(all[0]!.chain).toMatch(/^[0-9a-f]{32}$/);
    expect(all[1]!.chain).toEqual(linkDigest(all[0]!.chain!, eventDigest(event(2))));
  });

  it('digests content as SQLite stores it (a lone surrogate reads back as U+FFFD)', () => {
    expect(eventDigest({ ...event(1), actor: 'a\ud800b' })).toEqual(eventDigest({ ...event(1), actor: 'a\ufffdb' }));
    expect(eventDigest({ ...event(1), actor: 'a😀b' })).not.toEqual(eventDigest({ ...event(1), actor: 'a\ufffdb' }));
  });

  it('changes the digest with any field, null and empty text apart', () => {
    const base = eventDigest(event(1));
    for (const change of [
      { ticket_id: 7 },
      { actor: 'x' },
      { at: 1 },
      { action: 'x' },
      { field: 'x' },
      { old_value: '' },
      { new_value: '' },
    ]) {
      expect(eventDigest({ ...event(1), ...change })).not.toEqual(base);
    }
  });
});

describe('verifyChain', () => {
  const problems = (events: StoredEvent[]) => verifyChain(events).map(describeChainProblem);

  it('finds nothing wrong in an untouched trail, or an empty one', () => {
    expect(verifyChain(trail())).toEqual([]);
    expect(verifyChain([])).toEqual([]);
  });

  it('names an event whose content was edited', () => {
    const events = trail();
    events[3] = { ...events[3]!, actor: 'mallory' };
    expect(problems(events)).toEqual(['audit event #4 of HD-104 was edited (its content no longer matches its digest)']);
  });

  it('names an event edited with its digest recomputed, or with its chain rewritten, once', () => {
    const digestRewritten = trail();
    const edited = { ...digestRewritten[4]!, new_value: 'closed' };
    digestRewritten[4] = { ...edited, digest: eventDigest(edited) };
    expect(verifyChain(digestRewritten)).toEqual([{ kind: 'edited', id: 5, ticketId: 105 }]);

    const chainRewritten = trail();
    chainRewritten[4] = { ...chainRewritten[4]!, chain: 'f'.repeat(32) };
    expect(verifyChain(chainRewritten)).toEqual([{ kind: 'edited', id: 5, ticketId: 105 }]);
  });

  it('names an event inserted by hand, with no hashes or with made-up ones, and the rest still holds', () => {
    const plain = trail();
    plain.splice(5, 0, { ...event(99), id: 50, digest: null, chain: null });
    expect(verifyChain(plain)).toEqual([{ kind: 'inserted', id: 50, ticketId: 199 }]);

    const forged = trail();
    forged.splice(5, 0, { ...event(99), id: 50, digest: eventDigest(event(99)), chain: '1'.repeat(32) });
    expect(problems(forged)).toEqual(['audit event #50 of HD-199 was inserted by hand (it is not in the chain)']);
  });

  it('names the gap where events were deleted: in the middle, at the start', () => {
    const middle = trail();
    middle.splice(3, 2);
    expect(problems(middle)).toEqual(['audit events are missing after #3: event #6 of HD-106 does not follow the one before it']);

    const start = trail().slice(2);
    expect(verifyChain(start)).toEqual([{ kind: 'missing', afterId: null, beforeId: 3, ticketId: 103 }]);
  });

  it('reports several problems in one trail, each once', () => {
    const events = trail(20);
    events[2] = { ...events[2]!, old_value: 'tampered' };
    events.splice(10, 1);
    events.push({ ...event(50), id: 21, digest: null, chain: null });
    expect(verifyChain(events)).toEqual([
      { kind: 'edited', id: 3, ticketId: 103 },
      { kind: 'missing', afterId: 10, beforeId: 12, ticketId: 112 },
      { kind: 'inserted', id: 21, ticketId: 150 },
    ]);
  });

  it('accepts events appended after a hand-made one (they chain to the last chained event)', () => {
    const events = trail(5);
    const intruder: StoredEvent = { ...event(77), id: 6, digest: null, chain: null };
    const later = chainEvents(events[4]!.chain, [event(6), event(7)]).map((e, i) => ({ ...e, id: 7 + i }));
    expect(verifyChain([...events, intruder, ...later])).toEqual([{ kind: 'inserted', id: 6, ticketId: 177 }]);
  });
});

describe('verifyChain with redactions', () => {
  it('accepts a redacted event only with a statement naming its original digest and the digest of what it holds now', () => {
    const all = trail(5);
    const redacted = { ...all[2]!, old_value: '[redacted]' };
    const events = [...all.slice(0, 2), redacted, ...all.slice(3)];
    const statement = { original: all[2]!.digest!, redacted: eventDigest(redacted) };
    expect(verifyChain(events, new Map([[3, statement]]))).toEqual([]);
    expect(verifyChain(events)).toEqual([{ kind: 'edited', id: 3, ticketId: 103 }]);
    // A statement for other content, or with another original digest, excuses nothing.
    expect(verifyChain(events, new Map([[3, { ...statement, redacted: eventDigest(all[2]!) }]]))).toHaveLength(1);
    expect(verifyChain(events, new Map([[3, { ...statement, original: all[1]!.digest! }]]))).toHaveLength(1);
    expect(readStatement(`#3 ${statement.original}`, statement.redacted)).toEqual({ id: 3, ...statement });
    expect(readStatement('timeline entry 2: personal data', null)).toBeNull();
  });
});
