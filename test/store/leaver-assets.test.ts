/** A leaver's "recover assets" step: ticking it puts the leaver's deployed assets back in stock, once, audited. */
import { describe, expect, it } from 'vitest';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { ensureStarterTemplates } from '../../src/io/template-files.js';
import { addAsset, getAsset } from '../../src/store/assets.js';
import { ticketHistory } from '../../src/store/audit.js';
import { setItemDone } from '../../src/store/checklists.js';
import { addRequester } from '../../src/store/requesters.js';
import { getTemplate } from '../../src/store/request-templates.js';
import { createRequest } from '../../src/store/requests.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { tempDb } from '../helpers/temp.js';

describe('leaver: recover assets', () => {
  it("sets the leaver's deployed and in-repair assets back in stock; retired ones and other people's stay", async () => {
    const desk = await tempDb();
    const actor = await ensureTechnician(desk.db, { name: 'Sam Okafor', email: 'sam@example.com', tier: 'L1' });
    await addRequester(desk.db, { name: 'Bo Lind', email: 'bo@example.com' });
    await addRequester(desk.db, { name: 'Ana Silva', email: 'ana@example.com' });
    await addAsset(desk.db, { tag: 'LT-1', type: 'laptop', owner: 'bo@example.com' }, actor);
    await addAsset(desk.db, { tag: 'PH-1', type: 'phone', owner: 'bo@example.com', status: 'in_repair' }, actor);
    await addAsset(desk.db, { tag: 'LT-OLD', type: 'laptop', owner: 'bo@example.com', status: 'retired' }, actor);
    await addAsset(desk.db, { tag: 'LT-2', type: 'laptop', owner: 'ana@example.com' }, actor);
    await ensureStarterTemplates(desk.db);
    const leaver = await getTemplate(desk.db, 'leaver');
    const input = validateTicketInput({ title: 'Leaver: Bo Lind', requester: 'bo@example.com', category: 'account' });
    const { ticket } = await createRequest(desk.db, leaver, { name: 'Bo Lind', last_day: '2027-01-29' }, input, actor);
    const status = async () => Promise.all(['LT-1', 'PH-1', 'LT-OLD', 'LT-2'].map(async (t) => (await getAsset(desk.db, t)).status));
    expect(await status()).toEqual(['deployed', 'in_repair', 'retired', 'deployed']);

    const first = await setItemDone(desk.db, ticket.id, 3, true, actor);
    expect(first.item.text).toBe('Recover assets');
    expect(first.did).toEqual(["LT-1 back in stock (was Bo Lind's)", "PH-1 back in stock (was Bo Lind's)"]);
    expect(await status()).toEqual(['in_stock', 'in_stock', 'retired', 'deployed']);
    expect((await getAsset(desk.db, 'LT-1')).owner_id).toBeNull();
    const events = (await ticketHistory(desk.db, ticket.id)).filter((e) => e.action === 'recover_asset');
    expect(events.map((e) => [e.field, e.old_value, e.new_value])).toEqual([
      ['asset LT-1', 'Bo Lind', 'in stock'],
      ['asset PH-1', 'Bo Lind', 'in stock'],
    ]);

    // Unticked and ticked again: nothing left to recover, nothing written twice.
    await setItemDone(desk.db, ticket.id, 3, false, actor);
    const again = await setItemDone(desk.db, ticket.id, 3, true, actor);
    expect(again.did).toEqual(['no deployed asset to recover (link them with ticket asset, or the requester holds none)']);
    expect((await ticketHistory(desk.db, ticket.id)).filter((e) => e.action === 'recover_asset')).toHaveLength(2);
  });
});
