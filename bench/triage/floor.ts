/**
 * The floor of a timed call's wall-clock tail on a busy machine: the p95 wall time of a busy loop
 * that burns `cpuMs` of CPU, sampled as often as the call was. Whatever the code does, a call that
 * needs that much CPU waits for a core this long on one sample in twenty at this load.
 */
import { percentile } from '../lib/stats.js';

function burn(cpuMs: number): void {
  const from = process.cpuUsage();
  for (;;) {
    const d = process.cpuUsage(from);
    if ((d.user + d.system) / 1000 >= cpuMs) return;
  }
}

export async function busyLoopP95(cpuMs: number, samples: number): Promise<number> {
  const wall: number[] = [];
  for (let i = 0; i < samples; i++) {
    const at = performance.now();
    burn(cpuMs);
    wall.push(performance.now() - at);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return Number(percentile(wall, 95).toFixed(2));
}
