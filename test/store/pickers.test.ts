/** The requester and asset pickers: what a typed prefix finds, in which order, and nothing twice. */
import { describe, expect, it } from 'vitest';
import { addAsset } from '../../src/store/assets.js';
import { pickAssets, pickRequesters } from '../../src/store/pickers.js';
import { addRequester } from '../../src/store/requesters.js';
import { ensureTechnician } from '../../src/store/technicians.js';
import { tempDb } from '../helpers/temp.js';

async function desk() {
  const d = await tempDb();
  const actor = await ensureTechnician(d.db, { name: 'Sam Okafor', email: 'sam@example.com', tier: 'L1' });
  await addRequester(d.db, { name: 'Ana Silva', email: 'ana@example.com' });
  await addRequester(d.db, { name: 'Silvio Berg', email: 'sb@example.com' });
  await addRequester(d.db, { name: 'Bo Lind', email: 'silva.fan@example.com' });
  await addRequester(d.db, { name: 'Lt Dan', email: 'dan@example.com' });
  await addAsset(
    d.db,
    { tag: 'LT-0042', type: 'laptop', owner: 'ana@example.com', hostname: 'lt0042.corp', model: 'Latitude 5440' },
    actor,
  );
  await addAsset(d.db, { tag: 'LT-0043', type: 'laptop', owner: 'dan@example.com', hostname: 'lt-0042b.corp', model: 'ThinkPad' }, actor);
  await addAsset(d.db, { tag: 'PR-7', type: 'printer', model: 'LaserJet', serial: 'LTX99' }, actor);
  await addAsset(d.db, { tag: 'PH-1', type: 'phone', owner: 'ana@example.com', model: 'iPhone' }, actor);
  return d;
}

const tags = (rows: { tag: string }[]) => rows.map((r) => r.tag);
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('pickers', () => {
  it('finds a requester by the start of the name, then of an address, then of a later word; once each', async () => {
    const d = await desk();
    expect(names(await pickRequesters(d.db, 'silv'))).toEqual(['Silvio Berg', 'Bo Lind', 'Ana Silva']);
    expect(names(await pickRequesters(d.db, '  ANA  '))).toEqual(['Ana Silva']);
    expect(names(await pickRequesters(d.db, 'silv', 2))).toEqual(['Silvio Berg', 'Bo Lind']);
    expect(names(await pickRequesters(d.db, ''))).toEqual(['Ana Silva', 'Bo Lind', 'Lt Dan', 'Silvio Berg']);
    expect(await pickRequesters(d.db, 'zz')).toEqual([]);
  });

  it('finds an asset by tag, hostname, serial, model, then owner name, in that order and once each', async () => {
    const d = await desk();
    // LT-0042 matches by tag and hostname: listed once, as a tag. LTX99 is a serial; Lt Dan owns LT-0043 (a tag match already).
    expect(tags(await pickAssets(d.db, 'lt'))).toEqual(['LT-0042', 'LT-0043', 'PR-7']);
    expect(tags(await pickAssets(d.db, 'lt-0042'))).toEqual(['LT-0042', 'LT-0043']);
    expect(tags(await pickAssets(d.db, 'la'))).toEqual(['PR-7', 'LT-0042']); // LaserJet, Latitude
    expect(tags(await pickAssets(d.db, 'ana s'))).toEqual(['LT-0042', 'PH-1']);
    expect((await pickAssets(d.db, 'ana'))[0]).toMatchObject({ tag: 'LT-0042', owner_name: 'Ana Silva', status: 'deployed' });
    expect(tags(await pickAssets(d.db, 'lt', 1))).toEqual(['LT-0042']);
    expect(tags(await pickAssets(d.db, ''))).toEqual(['LT-0042', 'LT-0043', 'PH-1', 'PR-7']);
    expect(await pickAssets(d.db, 'zz')).toEqual([]);
  });

  it("lists one requester's assets when nothing is typed", async () => {
    const d = await desk();
    const ana = (await pickRequesters(d.db, 'ana'))[0]!;
    expect(tags(await pickAssets(d.db, '', 8, ana.id))).toEqual(['LT-0042', 'PH-1']);
  });
});
