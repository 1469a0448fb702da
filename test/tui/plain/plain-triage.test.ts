/**
 * Plain mode through a pipe (no terminal): the README's triage, its plain-mode column replayed
 * command by command, ends with the ticket taken, high, replied to and resolved, in as many commands
 * as the README states; nothing printed is an escape sequence or a box-drawing character.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { timeline } from '../../../src/store/interactions.js';
import { getTicket } from '../../../src/store/ticket-view.js';
import { tempEnv, testDesk } from '../../helpers/temp.js';
import { addTickets } from '../seed.js';
import { runPlain, settings } from './plain-run.js';

/** The plain-mode column of the README's triage table: one command per row, *text* where text is typed. */
function readmePlainTriage(): { commands: string[]; stated: number } {
  const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('| step | keys |');
  const rows = readme.slice(start, readme.indexOf('\n\n', start)).split('\n').slice(2);
  const texts = ['Cleared the cached credentials; please sign in again.', 'Stale credentials in the Windows vault.'];
  const commands = rows.map((r) => {
    const cell = r.split('|')[4]!.trim();
    const command = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]).join(' ');
    return cell.includes('*text*') ? `${command} ${texts.shift()}` : command;
  });
  // A row with no plain-mode command (the console's macro reply, an alternative) is no step there.
  commands.splice(0, commands.length, ...commands.filter(Boolean));
  const stated = Number(/in plain mode \(below\) \*\*(\d+) commands\*\*/.exec(readme)?.[1]);
  return { commands, stated };
}

const ESCAPES = /[\x1b\x9b\x07]|[\u2500-\u257f]/;

describe('plain mode through a pipe', () => {
  it('does the README triage in the commands it states, saying each change, with no escape sequence', async () => {
    const env = tempEnv();
    settings(env);
    const desk = await testDesk(env.DESKLINE_DB!);
    await addTickets(desk, [
      { title: 'Outlook keeps asking for the password', requester: 'Ana Silva <ana@example.com>' },
      { title: 'Already mine', assignee: 'me' },
    ]);
    const { commands, stated } = readmePlainTriage();
    expect(commands.map((c) => c.split(' ')[0])).toEqual(['view', 'show', 'take', 'priority', 'reply', 'resolve']);
    expect(commands.length).toBe(stated);

    const { code, out, err } = await runPlain(env, [...commands, 'quit']);
    expect([code, err]).toEqual([0, '']);
    expect(out).not.toMatch(ESCAPES);
    const lines = out.split('\n');
    for (const said of [
      'My queue: 1 ticket. Say next to hear the first, help for the commands, quit to leave.',
      'Unassigned: 1 ticket.',
      'HD-1: Outlook keeps asking for the password.',
      'Requester: Ana Silva, ana@example.com.',
      'HD-1 assigned to you.',
      'HD-1 priority high.',
      'HD-1 reply sent.',
      'HD-1 resolved.',
      'Goodbye.',
    ])
      expect(lines).toContain(said);
    expect(lines.find((l) => l.startsWith('1. HD-1'))).toMatch(
      /^1\. HD-1, normal priority, new, unassigned, due in \d+[mhd], (ok|risk): Outlook/,
    );

    const t = await getTicket(desk.db, 1);
    expect([t.assignee?.name, t.priority, t.status, t.resolution]).toEqual([
      'Tess Tester',
      'high',
      'resolved',
      'Stale credentials in the Windows vault.',
    ]);
    expect((await timeline(desk.db, 1)).map((e) => [e.kind, e.body])).toEqual([
      ['reply', 'Cleared the cached credentials; please sign in again.'],
      ['system', expect.any(String)],
    ]);
  });

  it('reads hostile ticket text as plain words, and says what it cannot do in a sentence', async () => {
    const env = tempEnv();
    settings(env);
    const desk = await testDesk(env.DESKLINE_DB!);
    await addTickets(desk, [{ title: 'Evil \x1b]52;c;aGk=\x07 title \x1b[31mred', description: 'line one\n\x1b[2Jline two' }]);
    const { code, out } = await runPlain(env, ['view 4', 'next', 'show', 'escalate L9 no', 'show HD-99', 'frobnicate', 'reopen']);
    expect(code).toBe(0);
    expect(out).not.toMatch(ESCAPES);
    const lines = out.split('\n');
    expect(lines.find((l) => l.startsWith('1 of 1 ticket.'))).toMatch(
      /^1 of 1 ticket\. HD-1, normal priority, new, unassigned, due in \d+[mhd], (ok|risk): Evil {2}title red\.$/,
    );
    expect(lines).toContain('line two');
    expect(lines).toContain('Say the tier: L2 or L3, then the reason.');
    expect(lines).toContain('There is no ticket HD-99.');
    expect(lines).toContain('Unknown command frobnicate. Say help for the list.');
    expect(lines).toContain('HD-1 is new: nothing to reopen.');
    // the end of input leaves as quit does
    expect(lines.at(-2)).toBe('Goodbye.');
  });
});
