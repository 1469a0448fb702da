import { defineConfig } from 'vitest/config';
import { SlowFirst } from './test/slow-first.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Room for two files at once on 2 busy cores: a timeout is no measure here (speed goes in bench/).
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // vitest's default for `run` is one worker fewer than the cores: on CI's 2 cores that is one file at
    // a time, while most files spend their time waiting on the processes, terminals and servers they
    // start. Two at once keeps both cores busy.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirst },
    // CI: Ink reads it when it loads and then draws no frames; the built console aliases that check
    // away (src/tui/session/not-in-ci.ts), tests of the sources turn it off here.
    env: { TZ: 'UTC', NO_COLOR: '1', CI: 'false' },
  },
});
