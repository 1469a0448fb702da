/** fast-check cases of the sanitiser: nothing unsafe comes out, and a second pass changes nothing. */
import fc from 'fast-check';
import { sanitizeLine, sanitizeText } from '../../src/domain/sanitize.js';
import { hostileText, unsafeIn } from '../../test/helpers/hostile-text.js';

export interface SanitiserFigures {
  cases: number;
  failures: number;
}

export function sanitiserCases(runs: number): SanitiserFigures {
  let failures = 0;
  for (const [fn, multiLine] of [
    [sanitizeLine, false],
    [sanitizeText, true],
  ] as const) {
    const result = fc.check(
      fc.property(hostileText, (s) => {
        const out = fn(s);
        return unsafeIn(out, multiLine) === null && fn(out) === out;
      }),
      { numRuns: Math.ceil(runs / 2), endOnFailure: true },
    );
    if (result.failed) failures++;
  }
  return { cases: 2 * Math.ceil(runs / 2), failures };
}
