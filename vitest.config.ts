import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // CI: Ink reads it when it loads and then draws no frames; the built console aliases that check
    // away (src/tui/session/not-in-ci.ts), tests of the sources turn it off here.
    env: { TZ: 'UTC', NO_COLOR: '1', CI: 'false' },
  },
});
