/**
 * What the convergence property (./convergence.test.ts) has a replica do offline, as fast-check
 * arbitraries, and doing it: field edits, notes, tags, tickets and requests made, links set and
 * removed, parents set, merges, checklist items ticked and unticked, identity checks. A write the desk's rules refuse (a status
 * move, a parent that would break one level, an unlink of no link) writes nothing and is skipped.
 */
import fc from 'fast-check';
import { validateTicketInput } from '../../../src/domain/ticket-input.js';
import { isDesklineError } from '../../../src/errors.js';
import { templateBySlug } from '../../../src/io/template-files.js';
import { recordVerification, setItemDone } from '../../../src/store/checklists.js';
import type { Actor, Executor } from '../../../src/store/executor.js';
import { setParent } from '../../../src/store/incidents.js';
import { addInteraction } from '../../../src/store/interactions.js';
import { createRequest } from '../../../src/store/requests.js';
import { updateTicket } from '../../../src/store/ticket-changes.js';
import { linkTickets, unlinkTickets } from '../../../src/store/ticket-links.js';
import { mergeTickets } from '../../../src/store/ticket-merge.js';
import { createTicket } from '../../../src/store/tickets.js';

export const PEOPLE = [
  { name: 'Sam Ito', email: 'sam@example.com', tier: 'L1' },
  { name: 'Kim Ode', email: 'kim@example.com', tier: 'L1' },
  { name: 'Ana Ruiz', email: 'ana@example.com', tier: 'L1' },
  { name: 'Lou Park', email: 'lou@example.com', tier: 'L1' },
];
const VALUES = {
  priority: ['low', 'normal', 'high', 'urgent'],
  status: ['open', 'pending', 'on_hold'],
  assignee: PEOPLE.map((p) => p.email),
};
type Field = keyof typeof VALUES;
const LINKS = ['relates', 'duplicate-of', 'blocks', null] as const;

const replicaIx = fc.nat(3);
const onTicket = <T extends string>(t: T) => ({ t: fc.constant(t), r: replicaIx, k: fc.nat() });
export const action = fc.oneof(
  {
    arbitrary: fc.record({ ...onTicket('edit'), field: fc.constantFrom<Field>('priority', 'status', 'assignee'), v: fc.nat(3) }),
    weight: 4,
  },
  { arbitrary: fc.record(onTicket('note')), weight: 2 },
  { arbitrary: fc.record({ ...onTicket('tag'), tag: fc.constantFrom('vpn', 'printer', 'vip'), add: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constantFrom('create' as const, 'request' as const), r: replicaIx }), weight: 1 },
  { arbitrary: fc.record({ ...onTicket('link'), other: fc.nat(), kind: fc.constantFrom(...LINKS) }), weight: 2 },
  { arbitrary: fc.record({ ...onTicket('parent'), other: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ ...onTicket('merge'), other: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ ...onTicket('verify'), method: fc.constantFrom('callback', 'video') }), weight: 1 },
  { arbitrary: fc.record({ ...onTicket('check'), position: fc.integer({ min: 1, max: 3 }), done: fc.boolean() }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constantFrom('push' as const, 'pull' as const, 'sync' as const), r: replicaIx }), weight: 3 },
);
export type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

/** The run's tickets on this desk (made on the server this run, or offline), and those with a checklist. */
async function runTickets(db: Executor, first: number) {
  const ids = (
    await db
      .selectFrom('tickets')
      .select('id')
      .where((eb) => eb.or([eb('id', '>=', first), eb('id', '<', 0)]))
      .orderBy('id')
      .execute()
  ).map((t) => t.id);
  const listed = await db
    .selectFrom('ticket_checklist_items')
    .select('ticket_id')
    .distinct()
    .where((eb) => eb.or([eb('ticket_id', '>=', first), eb('ticket_id', '<', 0)]))
    .orderBy('ticket_id')
    .execute();
  return { ids, requests: listed.map((r) => r.ticket_id) };
}

/** Does one offline write on `db` (push, pull and sync are the caller's); `note` numbers the notes of the run. */
export async function perform(db: Executor, a: Action, first: number, actor: Actor, note: () => string): Promise<void> {
  const { ids, requests } = await runTickets(db, first);
  const pick = (list: readonly number[], k: number) => list[k % list.length]!;
  const id = 'k' in a ? pick(a.t === 'check' || a.t === 'verify' ? requests : ids, a.k) : 0;
  const other = 'other' in a ? pick(ids, a.other) : 0;
  try {
    if (a.t === 'edit') await updateTicket(db, id, { [a.field]: VALUES[a.field][a.v % VALUES[a.field].length] }, actor);
    if (a.t === 'note') await addInteraction(db, id, { kind: 'note', body: note() }, actor);
    if (a.t === 'tag') await updateTicket(db, id, a.add ? { addTags: [a.tag] } : { removeTags: [a.tag] }, actor);
    if (a.t === 'create') await createTicket(db, validateTicketInput({ title: `made offline` }), actor);
    if (a.t === 'request') {
      const input = validateTicketInput({ title: 'Reset', requester: 'Ana Silva <ana@example.com>' });
      await createRequest(db, await templateBySlug(db, 'password-reset'), { account: 'ana' }, input, actor);
    }
    if (a.t === 'link' && a.kind) await linkTickets(db, id, other, a.kind, actor);
    if (a.t === 'link' && !a.kind) await unlinkTickets(db, id, other, actor);
    if (a.t === 'parent') await setParent(db, other, [id], actor);
    if (a.t === 'merge') await mergeTickets(db, [id], other, actor);
    if (a.t === 'check' && requests.length) await setItemDone(db, id, a.position, a.done, actor);
    if (a.t === 'verify' && requests.length) await recordVerification(db, id, a.method, actor);
  } catch (error) {
    if (!isDesklineError(error)) throw error; // a write the desk's rules refuse: nothing written
  }
}
