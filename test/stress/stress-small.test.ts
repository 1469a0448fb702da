/**
 * `npm run stress` in small (issue 14): the same scenarios at counts `npm test` can afford. Every
 * figure that must be zero is zero: lost updates and writes under concurrency, writes lost to SIGKILL
 * during writes and migrations, bad inputs that got the wrong code, more than one line or changed the
 * desk, and sanitiser properties that fail. Runs the built binary (npm test builds it first).
 * About 17 s of CPU; the generous timeouts are for a loaded machine, not a measure.
 */
import { describe, expect, it } from 'vitest';
import { CORPUS } from '../../fixtures/bad/corpus.js';
import { badInputs } from '../../scripts/stress/bad-inputs.js';
import { BIN, bundleWorker } from '../../scripts/stress/bundle.js';
import { concurrency } from '../../scripts/stress/concurrency.js';
import { killsDuringMigrations, killsDuringWrites } from '../../scripts/stress/kills.js';
import { sanitiserCases } from '../../scripts/stress/sanitiser.js';

describe('stress, small', () => {
  it('4 processes × 60 mixed operations on a new desk: nothing lost, no BUSY surfaced', { timeout: 300_000 }, async () => {
    const figures = await concurrency(await bundleWorker(), 4, 60);
    expect(figures).toEqual({ processes: 4, operations: 240, lostUpdates: 0, lostWrites: 0, busy: 0, busyWhere: [], otherErrors: [] });
  });

  it('SIGKILL during writes and during a migration loses no acknowledged write', { timeout: 300_000 }, async () => {
    const writes = await killsDuringWrites(await bundleWorker(), 5);
    expect(writes.acknowledged).toBeGreaterThan(0);
    expect({ lost: writes.lost, damaged: writes.damaged }).toEqual({ lost: 0, damaged: 0 });
    const migrations = await killsDuringMigrations(BIN, 3);
    expect({ lost: migrations.lost, damaged: migrations.damaged }).toEqual({ lost: 0, damaged: 0 });
  });

  it('a sample of the bad-input corpus: the right code, one line, the desk unchanged', { timeout: 300_000 }, () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(300);
    const sample = CORPUS.filter((_, i) => i % 12 === 0);
    const figures = badInputs(BIN, sample);
    expect(figures.cases).toBeGreaterThanOrEqual(30);
    expect({ wrongCode: figures.wrongCode, notOneLine: figures.notOneLine, changedDesk: figures.changedDesk }).toEqual({
      wrongCode: [],
      notOneLine: [],
      changedDesk: [],
    });
  });

  it('2,000 fast-check cases of the sanitiser hold', { timeout: 300_000 }, () => {
    expect(sanitiserCases(2000)).toEqual({ cases: 2000, failures: 0 });
  });
});
