/**
 * The README's console section shows a full triage with its keystroke count. This replays that
 * table key by key on a real desk, checks the ticket afterwards, and keeps the count from growing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { timeline } from '../../src/store/interactions.js';
import { listArticles } from '../../src/store/kb.js';
import { getTicket } from '../../src/store/ticket-view.js';
import { renderTui } from '../helpers/render-tui.js';
import { tempDb } from '../helpers/temp.js';
import { addTickets, consoleElement } from './seed.js';

/** The most keystrokes the triage may take; lower it when the flow gets shorter, never raise it. */
const TRIAGE_BUDGET = 9;

const KEY_BYTES: Record<string, string> = { '⏎': '\r', Enter: '\r', 'Ctrl+S': '\x13', Tab: '\t', Esc: '\x1b' };

interface Step {
  name: string;
  /** Keystrokes (as written in the README) and `null` where text is typed. */
  tokens: (string | null)[];
}

function readmeTriage(): { steps: Step[]; stated: number } {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const section = readme.slice(readme.indexOf('## The console'), readme.indexOf('\n## ', readme.indexOf('## The console') + 5));
  const start = section.indexOf('| step | keys |');
  const table = section.slice(start, section.indexOf('\n\n', start));
  const rows = table
    .split('\n')
    .slice(2)
    .filter((l) => l.startsWith('|'));
  const steps = rows.map((r) => {
    const [name, keys] = r
      .split('|')
      .slice(1, 3)
      .map((c) => c.trim()) as [string, string];
    const tokens = [...keys.matchAll(/`([^`]+)`|\*text\*/g)].map((m) => m[1] ?? null);
    return { name, tokens };
  });
  const stated = Number(/\*\*(\d+) keystrokes\*\*/.exec(section)?.[1]);
  return { steps, stated };
}

/** The two ways through the table: a typed public reply, or the reply from a macro instead. */
const MACRO_STEP = 'reply from a macro (instead)';
const flows = (steps: Step[]) => ({
  typed: steps.filter((s) => s.name !== MACRO_STEP),
  macro: steps.filter((s) => s.name !== 'public reply'),
});
const keyCount = (steps: Step[]) => steps.flatMap((s) => s.tokens).filter((t) => t !== null).length;

describe('README: the triage flow', () => {
  it('states the count of the keys it shows, within the budget, with either reply', () => {
    const { steps, stated } = readmeTriage();
    expect(steps.map((s) => s.name)).toEqual([
      'the Unassigned view',
      'read the ticket',
      'take it',
      'priority high',
      'public reply',
      MACRO_STEP,
      'resolve',
    ]);
    const { typed, macro } = flows(steps);
    expect(keyCount(typed)).toBe(stated);
    expect(keyCount(macro)).toBe(stated);
    expect(keyCount(typed)).toBeLessThanOrEqual(TRIAGE_BUDGET);
    expect(keyCount(macro)).toBeLessThanOrEqual(TRIAGE_BUDGET);
  });

  it.each(['typed', 'macro'] as const)(
    'works as written on the console (%s reply): the ticket ends taken, high, replied to and resolved',
    async (flow) => {
      const desk = await tempDb();
      await addTickets(desk, [
        { title: 'Outlook keeps asking for the password', requester: 'Ana Silva <ana@example.com>' },
        { title: 'Already mine', assignee: 'me' },
      ]);
      const tui = renderTui(await consoleElement(desk), { columns: 80, rows: 24 });
      await tui.waitForFrame((f) => f.includes('Already mine'));
      const reply = flow === 'typed' ? 'Cleared the cached credentials; please sign in again.' : 'ack';
      const texts = [reply, 'Stale credentials in the Windows vault.'];
      for (const step of flows(readmeTriage().steps)[flow]) {
        for (const token of step.tokens) tui.type(token === null ? texts.shift()! : (KEY_BYTES[token] ?? token));
        // Each step shows on screen before the next begins, as a person would see it.
        await tui.waitForFrame((f) => {
          switch (step.name) {
            case 'the Unassigned view':
              return f.split('\n').some((l) => l.startsWith('▸') && l.includes('Outlook keeps asking'));
            case 'read the ticket':
              return f.includes('Esc back');
            case 'take it':
              return f.includes('HD-1 assigned to you');
            case 'priority high':
              return f.includes('HD-1 priority high');
            case 'public reply':
              return f.includes('HD-1 reply sent');
            case MACRO_STEP:
              return f.includes('HD-1 acknowledge applied: reply sent');
            default:
              return f.includes('HD-1 resolved');
          }
        });
      }
      // The draft-an-article offer after the resolve costs no keystroke: the next key acts as usual.
      await tui.waitForFrame((f) => f.includes('draft a KB article from it? y (any other key goes on)'));
      tui.type('1');
      await tui.waitForFrame(
        (f) => !f.includes('draft a KB article') && f.split('\n').some((l) => l.startsWith('▸') && l.includes('Already mine')),
      );
      expect(await listArticles(desk.db)).toEqual([]);
      const t = await getTicket(desk.db, 1);
      expect([t.assignee?.name, t.priority, t.status, t.resolution]).toEqual([
        'Tess Tester',
        'high',
        'resolved',
        'Stale credentials in the Windows vault.',
      ]);
      expect((await timeline(desk.db, 1)).map((e) => e.kind)).toEqual(['reply', 'system']);
    },
  );
});
