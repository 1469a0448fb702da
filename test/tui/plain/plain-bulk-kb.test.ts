/** Plain mode's marks (bulk after a yes), filter, KB search and link, through a pipe. */
import { describe, expect, it } from 'vitest';
import { linkedArticles } from '../../../src/store/kb-links.js';
import { createArticle } from '../../../src/store/kb.js';
import { getTicket } from '../../../src/store/ticket-view.js';
import { tempEnv, testDesk } from '../../helpers/temp.js';
import { addTickets, me } from '../seed.js';
import { runPlain, settings } from './plain-run.js';

describe('plain mode: marks, filter, KB', () => {
  it('marks two tickets and takes both after a yes; no leaves a third untouched', async () => {
    const env = tempEnv();
    settings(env);
    const desk = await testDesk(env.DESKLINE_DB!);
    await addTickets(desk, [{ title: 'One' }, { title: 'Two' }, { title: 'Three' }]);
    const { out } = await runPlain(env, [
      'view 2',
      'next',
      'mark',
      'next',
      'mark',
      'take',
      'yes',
      'next',
      'mark',
      'priority low',
      'no',
      'quit',
    ]);
    const lines = out.split('\n');
    expect(lines).toContain('HD-2 marked; 2 tickets marked.');
    expect(lines).toContain('Assign to you 2 tickets: HD-1, HD-2? Type yes or no.');
    expect(lines).toContain('2 of 2 tickets assigned to you.');
    expect(lines).toContain('Nothing was changed.');
    expect((await Promise.all([1, 2, 3].map((id) => getTicket(desk.db, id)))).map((t) => [t.assignee?.name ?? null, t.priority])).toEqual([
      ['Tess Tester', 'normal'],
      ['Tess Tester', 'normal'],
      [null, 'normal'],
    ]);
  });

  it('filters with the query language, finds a KB article despite a typo, and links it', async () => {
    const env = tempEnv();
    settings(env);
    const desk = await testDesk(env.DESKLINE_DB!);
    await addTickets(desk, [
      { title: 'VPN drops every hour', priority: 'high' },
      { title: 'Mouse is slow', priority: 'low' },
    ]);
    const body = 'Reinstall the VPN profile, then reconnect.';
    await createArticle(
      desk.db,
      { slug: 'vpn', title: 'VPN keeps dropping', body, category: 'network', tags: ['vpn'], audience: 'internal', status: 'published' },
      await me(desk),
    );
    const { out } = await runPlain(env, ['view 4', 'filter prio:high', 'next', 'kb vnp', 'article 1', 'link 1', 'filter', 'quit']);
    const lines = out.split('\n');
    expect(lines).toContain('All open, filter prio:high: 1 ticket.');
    expect(lines).toContain('1. KB-1: VPN keeps dropping.');
    expect(lines).toContain(body);
    expect(lines).toContain('KB-1 VPN keeps dropping linked to HD-1.');
    expect(lines).toContain('All open: 2 tickets.');
    expect((await linkedArticles(desk.db, 1)).map((a) => a.title)).toEqual(['VPN keeps dropping']);
  });
});
