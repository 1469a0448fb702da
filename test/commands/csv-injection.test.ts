/** Issue 14.5: no CSV the CLI writes carries a live spreadsheet formula. */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { rawDesk, tempEnv } from '../helpers/temp.js';

const FORMULAS = ["=cmd|' /C calc'!A0", '+SUM(1+1)', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'];

describe('CSV output neutralises formulas', () => {
  it('ticket list --csv and report --csv prefix every formula-looking cell with a quote', async () => {
    const env = tempEnv();
    for (const i of FORMULAS.keys()) {
      expect((await runCli(['technician', 'add', `Tech ${i}`, '-e', `t${i}@example.com`], { env })).code).toBe(0);
      expect((await runCli(['ticket', 'create', '-t', `Ticket ${i}`, '-a', `t${i}@example.com`], { env })).code).toBe(0);
    }
    // Stored as another tool (or an older version) may have written it.
    rawDesk(env, (db) => {
      for (const [i, f] of FORMULAS.entries()) {
        db.prepare('UPDATE tickets SET title = ? WHERE id = ?').run(f, i + 1);
        db.prepare('UPDATE technicians SET name = ? WHERE email = ?').run(f, `t${i}@example.com`);
      }
    });
    const list = await runCli(['ticket', 'list', '--csv', '--columns', 'ref,assignee,title'], { env });
    expect(list.code).toBe(0);
    const rows = parse(list.stdout) as string[][];
    expect(rows[0]).toEqual(['ref', 'assignee', 'title']);
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(FORMULAS.map((f) => `'${f}`).sort());
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(FORMULAS.map((f) => `'${f}`).sort());

    const report = await runCli(['report', 'workload', '--csv'], { env });
    expect(report.code).toBe(0);
    const cells = (parse(report.stdout) as string[][]).flat();
    for (const f of FORMULAS) expect(cells).toContain(`'${f}`);
    for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
