/**
 * Console at scale: keypress → next frame while moving through the All open queue (j ×150 then
 * k ×150, repeated) and peak resident memory, over a 100k-ticket desk (20k with --quick) against a
 * 1k desk, sessions interleaved. Latency is measured from the key written to the pseudo-terminal to
 * the first byte of the frame the console writes back (the frame write, as the terminal sees it);
 * each key waits for the output to go quiet first, so the detail pane's follow-up frame is not
 * counted as the next key's. Targets: latency ≤ 1.2×, peak RSS ≤ 1.5× the 1k desk.
 */
import { BIN } from '../lib/env.js';
import type { Measurement, Scenario } from '../lib/scenario.js';
import { median, percentile } from '../lib/stats.js';
import { bigDeskSize, PtySession, residentMb, ROWS_ON_SCREEN, seededDesk } from './console-startup.js';

const SPAN = 150;
/** Quiet time before the next key: longer than the detail pane's fetch delay (40 ms) plus a frame. */
const QUIET_MS = 90;

interface SessionResult {
  latencies: number[];
  peakMb: number;
  rssMb: number;
}

async function session(env: NodeJS.ProcessEnv, keys: number): Promise<SessionResult> {
  const s = PtySession.start([process.execPath, BIN], env, 80, 24);
  try {
    await s.waitFor((out) => ROWS_ON_SCREEN.test(out));
    s.type('4');
    await s.idle(300);
    const latencies: number[] = [];
    for (let i = 0; i < keys; i++) {
      const key = Math.floor(i / SPAN) % 2 === 0 ? 'j' : 'k';
      const mark = s.mark();
      const sent = performance.now();
      s.type(key);
      latencies.push((await s.waitFor(() => true, mark, 5000)) - sent);
      await s.idle(QUIET_MS);
    }
    // Jump to the far end (reversed keyset) and back before reading memory.
    s.type('G');
    await s.idle(300);
    s.type('g');
    await s.idle(300);
    const pid = s.programPid();
    if (pid === null) throw new Error('console process not found');
    const { rss, peak } = residentMb(pid);
    return { latencies, peakMb: peak, rssMb: rss };
  } finally {
    const code = await s.quit();
    // eslint-disable-next-line no-unsafe-finally -- a console that did not exit cleanly voids the measurement
    if (code !== 0) throw new Error(`console exited with ${code}: ${JSON.stringify(s.output.slice(-300))}`);
  }
}

const round = (n: number) => Math.round(n * 10) / 10;

const consoleKeys: Scenario = {
  name: 'console-keys',
  async run({ quick }) {
    const size = bigDeskSize(quick);
    const [big, small] = await Promise.all([seededDesk(size), seededDesk(1_000)]);
    const sessions = quick ? 2 : 3;
    const keys = quick ? 100 : SPAN * 2;
    const results = { big: [] as SessionResult[], small: [] as SessionResult[] };
    await session(small.env, 10);
    await session(big.env, 10);
    for (let i = 0; i < sessions; i++) {
      // Alternate which desk goes first so drift hits both alike.
      for (const which of i % 2 ? (['big', 'small'] as const) : (['small', 'big'] as const)) {
        results[which].push(await session(which === 'big' ? big.env : small.env, keys));
      }
    }
    const lat = { big: results.big.flatMap((r) => r.latencies), small: results.small.flatMap((r) => r.latencies) };
    const bigLabel = size.toLocaleString('en-US');
    const latency: Measurement = {
      label: `keypress → frame write, j/k in All open, ${bigLabel} tickets`,
      unit: 'ms',
      samples: lat.big,
      baseline: { label: 'same, 1,000 tickets', samples: lat.small },
      target: { op: '<=', value: 1.2 },
      extra: {
        [`p50 ms (${bigLabel})`]: round(median(lat.big)),
        [`p95 ms (${bigLabel})`]: round(percentile(lat.big, 95)),
        'p50 ms (1,000)': round(median(lat.small)),
        'p95 ms (1,000)': round(percentile(lat.small, 95)),
        measured: 'key written to the pty → first byte of the next frame read back from it',
      },
    };
    const memory: Measurement = {
      label: `peak RSS (VmHWM) after moving, G and g, ${bigLabel} tickets`,
      unit: 'MB',
      samples: results.big.map((r) => r.peakMb),
      baseline: { label: 'same, 1,000 tickets', samples: results.small.map((r) => r.peakMb) },
      target: { op: '<=', value: 1.5 },
      extra: {
        [`RSS at the end MB (${bigLabel})`]: round(median(results.big.map((r) => r.rssMb))),
        'RSS at the end MB (1,000)': round(median(results.small.map((r) => r.rssMb))),
      },
    };
    return [latency, memory];
  },
};

export default consoleKeys;
