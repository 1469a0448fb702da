/**
 * `import eml` and the triage assistant: the tickets mail opens get their suggestions shown and
 * never applied, unless `--auto`, which applies those above the threshold (audited as `triage`) and
 * says so ticket by ticket. `--auto` is refused for imports that are not mail.
 */
import { describe, expect, it } from 'vitest';
import { openDesk } from '../../src/store/desk.js';
import { SYSTEM_ACTOR } from '../../src/store/executor.js';
import { createTickets } from '../../src/store/tickets.js';
import { trainModel } from '../../src/store/triage-train.js';
import { validateTicketInput } from '../../src/domain/ticket-input.js';
import { runCli } from '../helpers/cli.js';
import { deskEnv, deskRows } from '../helpers/desk-env.js';

const VPN_MAIL = 'fixtures/import/mail/plain.eml'; // "VPN não liga — drops every ten minutes"
const PRINTER_MAIL = 'fixtures/import/mail/latin1.eml'; // "Drucker im Büro 3 druckt nicht"

const KINDS = [
  {
    title: 'VPN drops every few minutes',
    description: 'The VPN tunnel drops from home.',
    category: 'network',
    priority: 'high',
    tier: 'L2',
  },
  { title: 'Printer jams on floor 2', description: 'Paper stuck in the tray again.', category: 'hardware', priority: 'normal', tier: 'L1' },
  { title: 'Account locked out', description: 'Too many password attempts.', category: 'access', priority: 'normal', tier: 'L1' },
];

/** A desk that learned 60 resolved tickets, at env's DESKLINE_DB. */
async function trainedEnv(): Promise<Record<string, string>> {
  const env = await deskEnv();
  const desk = await openDesk(env.DESKLINE_DB!);
  try {
    const inputs = KINDS.flatMap((k) =>
      Array.from({ length: 20 }, (_, n) =>
        validateTicketInput({ ...k, title: `${k.title} ${n}`, status: 'resolved', resolution: 'Fixed.' }),
      ),
    );
    await createTickets(desk.db, inputs, SYSTEM_ACTOR);
    await trainModel(desk.db);
  } finally {
    await desk.close();
  }
  return env;
}

const fieldsOf = (env: Record<string, string>, id: number) =>
  deskRows(env, `SELECT category, priority, tier FROM tickets WHERE id = ${id}`).then((r) => r[0]);

describe('import eml: triage suggestions', () => {
  it('shows the suggestion for each ticket mail opened and changes none of them', async () => {
    const env = await trainedEnv();
    const r = await runCli(['import', 'eml', VPN_MAIL, PRINTER_MAIL], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^HD-61 suggested \(not applied\): category network \(\d+ %\), priority high \(\d+ %\), tier L2 \(\d+ %\)$/m);
    expect(r.stdout).toContain('ticket(s) from mail: no suggestion above the threshold');
    expect(r.stdout).toContain('apply them with --auto');
    expect(await fieldsOf(env, 61)).toEqual({ category: 'other', priority: 'normal', tier: 'L1' });
    const json = await runCli(['import', 'eml', VPN_MAIL, '--json'], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({ created: 0, skipped: 1 });
  });

  it('--auto applies them above the threshold, audited, and says so; --json lists them', async () => {
    const env = await trainedEnv();
    const r = await runCli(['import', 'eml', VPN_MAIL, PRINTER_MAIL, '--auto', '--json'], { env });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { triage: { ref: string; applied: boolean; suggestions: { field: string; value: string }[] }[] };
    expect(out.triage).toEqual([
      {
        ref: 'HD-61',
        applied: true,
        suggestions: [
          { field: 'category', value: 'network', confidence: expect.any(Number) },
          { field: 'priority', value: 'high', confidence: expect.any(Number) },
          { field: 'tier', value: 'L2', confidence: expect.any(Number) },
        ],
      },
    ]);
    expect(await fieldsOf(env, 61)).toEqual({ category: 'network', priority: 'high', tier: 'L2' });
    expect(await fieldsOf(env, 62)).toEqual({ category: 'other', priority: 'normal', tier: 'L1' });
    expect(
      await deskRows(env, "SELECT field, new_value FROM audit_events WHERE ticket_id = 61 AND action = 'triage' ORDER BY field"),
    ).toEqual([
      { field: 'category', new_value: 'network' },
      { field: 'priority', new_value: 'high' },
      { field: 'tier', new_value: 'L2' },
    ]);
  });

  it('--auto in text says what it applied; refused for an import that is not mail (exit 1, nothing written)', async () => {
    const env = await trainedEnv();
    const r = await runCli(['import', 'eml', VPN_MAIL, '--auto'], { env });
    expect(r.stdout).toMatch(/^HD-61 auto: applied: category network \(\d+ %\), priority high \(\d+ %\), tier L2 \(\d+ %\)$/m);
    const bad = await runCli(['import', 'jsonl', 'fixtures/import/small.jsonl', '--auto'], { env });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toEqual(['deskline: --auto: only for mail imports (eml, mbox, maildir)']);
    expect(await deskRows(env, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 61 }]);
  });
});
