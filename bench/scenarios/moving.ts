/**
 * Moving in and out (issue 16), each against a baseline in the same run, every process started without
 * NODE_EXTRA_CA_CERTS (DESIGN.md §6):
 * - import-jsonl: `deskline import jsonl` of a 100k-ticket export (10k with --quick) into an empty desk vs
 *   bench/raw/import-jsonl.cjs inserting the same rows with prepared statements. Rows/s; target ≥ 0.5×.
 * - kb-import: `deskline kb import` of 10k Markdown files (2k with --quick) vs bench/raw/kb-import.cjs. Target ≥ 0.5×.
 * - export-jsonl: `deskline export jsonl` of 100k tickets vs 10k: peak memory (MB) flat, ratio ≤ 1.2×; rows/s reported.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BIN, benchDesk, type BenchDesk } from '../lib/env.js';
import type { Scenario } from '../lib/scenario.js';

const RAW = fileURLToPath(new URL('../raw/', import.meta.url));

function run(desk: BenchDesk, argv: string[]): { ms: number; stdout: string } {
  const { NODE_EXTRA_CA_CERTS: _ca, ...env } = { ...process.env, ...desk.env };
  const started = performance.now();
  const r = spawnSync(process.execPath, argv, { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`${argv.slice(1).join(' ')}: exit ${r.status}: ${r.stderr.slice(0, 300)}`);
  return { ms, stdout: r.stdout };
}

const cli = (desk: BenchDesk, ...args: string[]) => run(desk, [BIN, ...args]);

/** A seeded desk exported to JSON Lines: the file and its row count. */
function exported(tickets: number): { desk: BenchDesk; file: string; rows: number; exportMs: number; peakMb: number } {
  const desk = benchDesk('deskline-bench-moving-');
  cli(desk, 'demo', 'seed', '--tickets', String(tickets));
  const file = join(desk.dir, 'desk.jsonl');
  const peak = join(desk.dir, 'peak');
  const { ms } = run(desk, [join(RAW, 'peak-rss.mjs'), peak, BIN, 'export', 'jsonl', '--out', file]);
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('{"table"')).length;
  return { desk, file, rows, exportMs: ms, peakMb: Number(readFileSync(peak, 'utf8')) };
}

/** An empty, migrated desk. */
function emptyDesk(): BenchDesk {
  const desk = benchDesk('deskline-bench-moving-');
  cli(desk, 'ticket', 'list', '-n', '1');
  return desk;
}

export const importJsonl: Scenario = {
  name: 'import-jsonl',
  async run({ quick }) {
    const tickets = quick ? 10_000 : 100_000;
    const source = exported(tickets);
    const ours: number[] = [];
    const raw: number[] = [];
    try {
      for (let i = 0; i < (quick ? 1 : 2); i++) {
        const a = emptyDesk();
        ours.push(source.rows / (cli(a, 'import', 'jsonl', source.file).ms / 1000));
        a.dispose();
        const b = emptyDesk();
        raw.push(source.rows / (run(b, [join(RAW, 'import-jsonl.cjs'), b.env.DESKLINE_DB, source.file]).ms / 1000));
        b.dispose();
      }
    } finally {
      source.desk.dispose();
    }
    return [
      {
        label: `import jsonl, ${tickets.toLocaleString('en-US')} tickets (${source.rows.toLocaleString('en-US')} rows)`,
        unit: 'rows/s',
        samples: ours,
        baseline: { label: 'raw prepared inserts of the same rows', samples: raw },
        target: { op: '>=', value: 0.5 },
      },
    ];
  },
};

function markdownFolder(dir: string, n: number): void {
  const words = 'printer vpn outlook password laptop monitor dock wifi account driver disk backup certificate proxy dns'.split(' ');
  for (let c = 0; c < 10; c++) mkdirSync(join(dir, `cat${c}`), { recursive: true });
  for (let i = 0; i < n; i++) {
    const w = (k: number) => words[(i * 7 + k * 13) % words.length]!;
    const body = `# How to fix ${w(1)} ${w(2)} number ${i}\n\n${Array.from({ length: 40 }, (_, k) => w(k)).join(' ')}.\n\n1. Check the ${w(3)}.\n2. Restart the ${w(4)}.\n`;
    writeFileSync(join(dir, `cat${i % 10}`, `article-${i}.md`), body);
  }
}

export const kbImport: Scenario = {
  name: 'kb-import',
  async run({ quick }) {
    const n = quick ? 2_000 : 10_000;
    const files = benchDesk('deskline-bench-kbfiles-');
    markdownFolder(files.dir, n);
    const ours: number[] = [];
    const raw: number[] = [];
    try {
      for (let i = 0; i < (quick ? 1 : 3); i++) {
        const a = emptyDesk();
        ours.push(n / (cli(a, 'kb', 'import', files.dir).ms / 1000));
        a.dispose();
        const b = emptyDesk();
        raw.push(n / (run(b, [join(RAW, 'kb-import.cjs'), b.env.DESKLINE_DB, files.dir]).ms / 1000));
        b.dispose();
      }
    } finally {
      files.dispose();
    }
    return [
      {
        label: `kb import, ${n.toLocaleString('en-US')} Markdown files`,
        unit: 'rows/s',
        samples: ours,
        baseline: { label: 'raw prepared inserts of the same files', samples: raw },
        target: { op: '>=', value: 0.5 },
      },
    ];
  },
};

export const exportJsonl: Scenario = {
  name: 'export-jsonl',
  async run({ quick }) {
    const [small, large] = quick ? [2_000, 20_000] : [10_000, 100_000];
    const a = exported(small);
    a.desk.dispose();
    const b = exported(large);
    b.desk.dispose();
    const rate = (x: { rows: number; exportMs: number }) => Math.round(x.rows / (x.exportMs / 1000));
    return [
      {
        label: `export jsonl peak memory, ${large.toLocaleString('en-US')} vs ${small.toLocaleString('en-US')} tickets`,
        unit: 'MB',
        samples: [b.peakMb],
        baseline: { label: `${small.toLocaleString('en-US')} tickets`, samples: [a.peakMb] },
        target: { op: '<=', value: 1.2 },
        extra: { [`rows/s ${small}`]: rate(a), [`rows/s ${large}`]: rate(b), [`rows ${large}`]: b.rows },
      },
    ];
  },
};
