/**
 * The order `vitest run` starts files in: the files known to run longest first, so on a clean clone
 * (no vitest cache, where vitest falls back to the largest file first: readme-examples is among the
 * smallest) the suite does not end with one long file running alone. Then vitest's own order.
 * Update the list from `npx vitest run --reporter=json` when a file joins or leaves the top.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Longest first, as measured on a full run (paths from the repository's root). */
export const SLOW_FILES = [
  'test/readme-examples.test.ts',
  'test/stress/stress-small.test.ts',
  'test/commands/demo-busy.test.ts',
  'test/db/race.test.ts',
  'test/e2e/bad-input.test.ts',
  'test/db/paths.test.ts',
  'test/store/ticket-feed.test.ts',
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
