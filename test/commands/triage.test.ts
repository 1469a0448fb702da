/** The triage CLI on a demo desk: train, eval, ticket suggest/similar, ticket create --auto, ticket show. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { dbRows, tempEnv } from '../helpers/temp.js';

async function demoDesk() {
  const env = tempEnv();
  const seeded = await runCli(['demo', 'seed', '-n', '800', '--seed', '3'], { env });
  expect(seeded.code, seeded.stderr).toBe(0);
  return env;
}

describe('triage on the command line', () => {
  it('trains, evaluates against the majority baseline, suggests without changing, and applies with --auto', async () => {
    const env = await demoDesk();
    const train = await runCli(['triage', 'train', '--json'], { env });
    expect(train.code, train.stderr).toBe(0);
    const learned = JSON.parse(train.stdout).learned as number;
    expect(learned).toBeGreaterThan(300);

    const evaluation = await runCli(['triage', 'eval', '--json'], { env });
    const e = JSON.parse(evaluation.stdout) as {
      tested: number;
      fields: { field: string; accuracy: number; macro_f1: number; baseline: { accuracy: number; macro_f1: number } }[];
    };
    expect(e.tested).toBe(learned - Math.floor(learned * 0.8));
    const category = e.fields.find((f) => f.field === 'category')!;
    expect(category.accuracy).toBeGreaterThan(category.baseline.accuracy + 0.3);
    expect(category.macro_f1).toBeGreaterThan(category.baseline.macro_f1);
    const table = await runCli(['triage', 'eval'], { env });
    expect(table.stdout).toMatch(/field\s+accuracy\s+macro-F1\s+majority acc\./);

    const created = await runCli(
      ['ticket', 'create', '-t', 'Printer on 3rd floor shows paper jam', '-d', 'Paper is stuck in tray 2 again', '--auto', '-q'],
      { env },
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toMatch(/^auto: category printer \(\d+ %\)/);
    const ref = created.stdout.trim();
    const [row] = await dbRows(env, `SELECT category, version FROM tickets WHERE id = ${Number(ref.slice(3))}`);
    expect(row).toEqual({ category: 'printer', version: 1 });
    // A flag wins over a suggestion.
    const flagged = await runCli(['ticket', 'create', '-t', 'Printer jam in tray 2', '-c', 'hardware', '--auto', '-q'], { env });
    expect(flagged.stderr).not.toMatch(/category/);

    const suggest = await runCli(['ticket', 'suggest', ref, '--json'], { env });
    const s = JSON.parse(suggest.stdout) as {
      ref: string;
      suggestions: { field: string; value: string | null; confidence: number | null; reason: string }[];
    };
    expect(s.ref).toBe(ref);
    expect(s.suggestions.map((x) => x.field)).toEqual(['category', 'priority', 'tier']);
    expect(s.suggestions[0]).toMatchObject({ value: 'printer', reason: 'ok' });
    expect(await dbRows(env, `SELECT version FROM tickets WHERE id = ${Number(ref.slice(3))}`)).toEqual([{ version: 1 }]);

    const similar = await runCli(['ticket', 'similar', ref, '--json'], { env });
    const sim = JSON.parse(similar.stdout) as { solved_before: { ref: string; resolution: string; similarity: number }[] };
    expect(sim.solved_before.length).toBeGreaterThan(0);
    for (const t of sim.solved_before) expect(t.similarity).toBeGreaterThanOrEqual(0.5);
    const show = await runCli(['ticket', 'show', ref], { env });
    expect(show.stdout).toMatch(/Suggested\n {2}category {4}printer \(\d+ %\) \(as set\)/);
    expect(show.stdout).toContain(`Solved before (${sim.solved_before.length})`);
    expect(show.stdout).toContain(sim.solved_before[0]!.ref);
  }, 120_000);

  it('refuses bad input with one line and the mapped exit code', async () => {
    const env = tempEnv();
    const missing = await runCli(['ticket', 'suggest', 'HD-404'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const bad = await runCli(['ticket', 'similar', 'nope'], { env });
    expect(bad.code).toBe(4);
    const both = await runCli(['ticket', 'create', '--from-json', '-', '--auto'], { env, stdin: '{"title":"x"}' });
    expect(both.code).toBe(1);
    expect(both.stderr).toBe('deskline: --auto: applies to a ticket created from flags, not --from-json\n');
    expect(await dbRows(env, 'SELECT count(*) AS n FROM tickets')).toEqual([{ n: 0 }]);
    // An empty desk: nothing learned, so nothing suggested, and it says why.
    const created = await runCli(['ticket', 'create', '-t', 'Printer jam', '--auto', '-q'], { env });
    expect(created.stderr).toBe('auto: no suggestion above the threshold; fields left as given\n');
  });
});
