/** The console's identity check (`V`: method, note) and a forced resolve (a reason when required items are open), typed as a person would. */
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { templateBySlug } from '../../src/io/template-files.js';
import { createRequest } from '../../src/store/requests.js';
import { getTicket } from '../../src/store/ticket-view.js';
import { KEYS, renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement, me } from './seed.js';

const selectedLine = (frame: string) => frame.split('\n').find((l) => l.startsWith('▸')) ?? '';
const CTRL_S = '\x13';

async function passwordReset() {
  const d = await tempDb();
  const input = validateTicketInput({ title: 'Password reset: ana', requester: 'Ana Silva <ana@example.com>' });
  await createRequest(d.db, await templateBySlug(d.db, 'password-reset'), { account: 'ana' }, input, await me(d));
  await addTickets(d, []);
  const tui = renderTui(await consoleElement(d), { columns: 100, rows: 30 });
  await tui.waitForFrame((f) => f.includes('No tickets match this view.'));
  tui.type('2');
  await tui.waitForFrame((f) => selectedLine(f).includes('Password reset: ana'));
  return { d, tui };
}

const audit = (d: Awaited<ReturnType<typeof tempDb>>, action: string) =>
  d.sqlite.prepare('SELECT field, new_value FROM audit_events WHERE action = ? ORDER BY id').all(action);

describe('console: identity check and forced resolve', () => {
  it('an unverified password reset is refused with no offer to force; V records the method and a note; then a reason forces the open item', async () => {
    const { d, tui } = await passwordReset();
    tui.type('R', 'Reset done', CTRL_S);
    let f = await tui.waitForFrame((x) => x.includes('HD-1 cannot be resolved: identity not verified'));
    expect(f).toContain('Resolve HD-1'); // the identity check cannot be forced: the resolution comes back as it was
    tui.type(KEYS.escape);
    await tui.waitForFrame((x) => x.includes('Discard what you typed?'));
    tui.type('y');
    await tui.waitForFrame((x) => !x.includes('Resolve HD-1'));

    tui.type('V');
    f = await tui.waitForFrame((x) => x.includes("How was the identity of HD-1's requester verified?"));
    expect(f).toContain('in_person — photo ID seen at the desk');
    tui.type('1');
    await tui.waitForFrame((x) => x.includes('HD-1: verified by callback — a note (optional), then ^S'));
    tui.type('called back on 555-0134', CTRL_S);
    await tui.waitForFrame((x) => x.includes('HD-1 identity verified (callback)'));
    expect(d.sqlite.prepare('SELECT method, verified_by FROM identity_verifications').all()).toEqual([
      { method: 'callback', verified_by: 'Tess Tester' },
    ]);
    expect(audit(d, 'verify')).toEqual([
      { field: 'identity', new_value: 'callback' },
      { field: 'identity note', new_value: 'called back on 555-0134' },
    ]);

    // Now only the required item is open: the refusal asks for a reason, the resolution is kept.
    tui.type('R', 'Reset done', CTRL_S);
    f = await tui.waitForFrame((x) => x.includes('Resolve HD-1 anyway: why, with required items open?'));
    expect(f).toContain('required item open: 1 Reset the password');
    tui.type(CTRL_S);
    await tui.waitForFrame((x) => x.includes('a reason is required'));
    tui.type('Reset by phone with the user, item ticked later', CTRL_S);
    await tui.waitForFrame((x) => x.includes('HD-1 resolved (forced, reason kept)'));
    const t = await getTicket(d.db, 1);
    expect([t.status, t.resolution]).toEqual(['resolved', 'Reset done']);
    expect(audit(d, 'force')).toEqual([{ field: 'open items', new_value: 'Reset by phone with the user, item ticked later' }]);
  });

  it('Esc on the reason asks first (the resolution is still there), and nothing is written', async () => {
    const { d, tui } = await passwordReset();
    d.sqlite
      .prepare(
        "INSERT INTO identity_verifications (ticket_id, method, verified_by, verifier_id, verified_at) VALUES (1, 'video', 'x', NULL, 0)",
      )
      .run();
    tui.type('R', 'Reset done', CTRL_S);
    await tui.waitForFrame((x) => x.includes('Resolve HD-1 anyway'));
    tui.type(KEYS.escape);
    await tui.waitForFrame((x) => x.includes('Discard what you typed?'));
    tui.type('y');
    await tui.waitForFrame((x) => !x.includes('Resolve HD-1 anyway'));
    expect((await getTicket(d.db, 1)).status).toBe('new');
    expect(audit(d, 'force')).toEqual([]);
  });
});
