/**
 * Wall-clock timing of whole processes: each command is spawned (spawnSync) and timed with
 * process.hrtime around it. Commands and their baseline run interleaved, round by round, in a
 * rotating order, so drift (thermal, other load, caches) hits all of them alike.
 */
import { spawnSync } from 'node:child_process';

export interface Command {
  label: string;
  /** Program and arguments, e.g. [process.execPath, '-e', '0']. */
  argv: readonly [string, ...string[]];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface TimingOptions {
  /** Timed runs per command. */
  samples: number;
  /** Untimed runs per command first (disk cache, V8 code cache, CPU frequency). */
  warmup?: number;
}

/** Runs the command once; returns wall time in ms. Throws if it fails, so a broken command never looks fast. */
export function timeOnce(command: Command): number {
  const [file, ...args] = command.argv;
  const start = process.hrtime.bigint();
  const r = spawnSync(file, args, { env: command.env, cwd: command.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw new Error(`${command.label}: ${r.error.message}`);
  if (r.status !== 0) {
    const why = r.stderr?.toString().trim().split('\n')[0] ?? '';
    throw new Error(`${command.label}: exit ${r.status ?? r.signal}${why ? `: ${why}` : ''}`);
  }
  return ms;
}

/** Times every command `samples` times, interleaved. Returns samples (ms) by label, in input order. */
export function timeInterleaved(commands: readonly Command[], options: TimingOptions): Map<string, number[]> {
  const labels = new Set(commands.map((c) => c.label));
  if (labels.size !== commands.length) throw new Error('command labels must be unique');
  for (let i = 0; i < (options.warmup ?? 0); i++) for (const c of commands) timeOnce(c);
  const samples = new Map(commands.map((c) => [c.label, [] as number[]]));
  for (let round = 0; round < options.samples; round++) {
    // Rotate who goes first each round (A B C, B C A, C A B …).
    for (let k = 0; k < commands.length; k++) {
      const c = commands[(round + k) % commands.length]!;
      samples.get(c.label)!.push(timeOnce(c));
    }
  }
  return samples;
}
