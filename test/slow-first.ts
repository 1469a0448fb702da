/**
 * The order `vitest run` starts files in: the files known to run longest first, so on a clean clone
 * (no vitest cache, where vitest falls back to the largest file first: readme-examples is among the
 * smallest) the suite does not end with one long file running alone. Then vitest's own order.
 * Update the list from `npx vitest run --reporter=json` when a file joins or leaves the top.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Longest first, as measured on a full run (paths from the repository's root; 2026-12-03, 2 workers). */
export const SLOW_FILES = [
  'test/readme-examples.test.ts', // 194 s
  'test/commands/demo-busy.test.ts', // 103 s
  'test/stress/stress-small.test.ts', // 70 s
  'test/db/race.test.ts', // 42 s
  'test/e2e/console.test.ts', // 40 s
  'test/e2e/console-actions.test.ts', // 40 s
  'test/demo/seed.test.ts', // 35 s
  'test/commands/db-postgres.test.ts', // 35 s
  'test/commands/mail-fetch.test.ts', // 32 s
  'test/e2e/tour.test.ts', // 28 s
  'test/db/audit-chain.test.ts', // 24 s
  'test/io/import-bad.test.ts', // 24 s
];

export class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (spec: TestSpecification) => {
      const i = SLOW_FILES.findIndex((f) => spec.moduleId.endsWith(`/${f}`));
      return i < 0 ? SLOW_FILES.length : i;
    };
    const sorted = await super.sort(files);
    return sorted
      .map((spec, order) => ({ spec, order }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.order - b.order)
      .map((x) => x.spec);
  }
}
