/** Plain mode's merge, parent and followup: the console's M, P and F as sentences, through a pipe. */
import { describe, expect, it } from 'vitest';
import { getTicket } from '../../../src/store/ticket-view.js';
import { tempEnv, testDesk } from '../../helpers/temp.js';
import { addTickets } from '../seed.js';
import { runPlain, settings } from './plain-run.js';

describe('plain mode: merge, parent, followup', () => {
  it('merges a marked ticket after a yes, makes a parent of another, sets a follow-up and refuses a bad time', async () => {
    const env = tempEnv();
    settings(env);
    const desk = await testDesk(env.DESKLINE_DB!);
    await addTickets(desk, [{ title: 'VPN outage' }, { title: 'VPN down too' }, { title: 'VPN slow' }]);
    const { out } = await runPlain(env, [
      'view 2',
      'next',
      'merge',
      'next',
      'mark',
      'previous',
      'merge',
      'yes',
      'next',
      'next',
      'mark',
      'previous',
      'previous',
      'parent',
      'yes',
      'followup someday',
      'followup 3h',
      'quit',
    ]);
    const lines = out.split('\n');
    expect(lines).toContain('Mark tickets first (mark), then merge on HD-1.');
    expect(lines).toContain('Merge into HD-1 1 ticket: HD-2? Type yes or no.');
    expect(lines.some((l) => l.startsWith('HD-2 merged into HD-1'))).toBe(true);
    expect(lines.some((l) => l.startsWith('HD-1 now the parent of HD-3'))).toBe(true);
    expect(lines).toContain("when: cannot read 'someday' as a day (e.g. thu, tomorrow, 2026-12-03).");
    expect(lines.some((l) => /^HD-1 follow-up \d{4}-\d\d-\d\d \d\d:\d\d\.$/.test(l))).toBe(true);
    const [one, two, three] = await Promise.all([1, 2, 3].map((id) => getTicket(desk.db, id)));
    expect([two!.status, three!.parent_id, one!.followup_at! > Date.now() + 2.9 * 3_600_000]).toEqual(['closed', 1, true]);
  });
});
