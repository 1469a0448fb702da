/** The triage assistant's pure parts: features, naive Bayes, thresholds, metrics, and the public ticket sample. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/domain/triage/evaluate.js';
import { featuresOf } from '../../src/domain/triage/features.js';
import { MemoryModel } from '../../src/domain/triage/memory-model.js';
import { majorityBaseline, score } from '../../src/domain/triage/metrics.js';
import { classify } from '../../src/domain/triage/naive-bayes.js';
import { coverage, kinship, searchPlan, SIMILAR_RULES, weightedWords } from '../../src/domain/triage/similarity.js';
import { verdict } from '../../src/domain/triage/suggest.js';
import { endavaSample } from '../helpers/endava-sample.js';

const labels = (category: string, priority = 'normal', tier = 'L1') => ({ category, priority, tier });

function trained(n: number): MemoryModel {
  const model = new MemoryModel();
  for (let i = 0; i < n; i++) {
    model.learn({
      features: featuresOf('Printer jams on floor 4', 'Paper stuck in tray 2 again'),
      labels: labels('printer', 'normal', 'L1'),
    });
    model.learn({
      features: featuresOf('VPN drops every hour', 'GlobalProtect disconnects from home'),
      labels: labels('network', 'high', 'L2'),
    });
  }
  return model;
}

describe('triage features', () => {
  it('folds words, drops stop words and numbers, adds word pairs and title words', () => {
    expect(featuresOf("Can't print: printer JAMS", 'The paper is stuck in tray 2')).toEqual([
      't:print',
      't:printer',
      't:jams',
      'print',
      'printer',
      'print_printer',
      'jams',
      'printer_jams',
      'paper',
      'stuck',
      'paper_stuck',
      'tray',
      'stuck_tray',
    ]);
    expect(featuresOf('', '')).toEqual([]);
    expect(featuresOf('x', 'word '.repeat(10_000)).length).toBeLessThanOrEqual(160);
  });
});

describe('naive Bayes and thresholds', () => {
  it('learns from counts and suggests above the threshold only', () => {
    const model = trained(30);
    const [best] = classify(model.slice('category'), featuresOf('Printer jam', 'tray'));
    expect(best).toMatchObject({ label: 'printer' });
    expect(best!.confidence).toBeGreaterThan(0.9);
    expect(verdict('tier', model.slice('tier'), featuresOf('vpn keeps dropping', '')).suggestion).toMatchObject({
      value: 'L2',
      learned: 60,
    });
    // Words the model never saw: nothing to go on.
    expect(verdict('category', model.slice('category'), featuresOf('Monitor flickers', '')).reason).toBe('no words known');
    // A ticket that says both: far less sure, and silent under a stricter threshold.
    const both = classify(model.slice('category'), featuresOf('printer vpn', ''))[0]!.confidence;
    expect(both).toBeLessThan(0.75);
    const strict = { minConfidence: 0.8, minTickets: 50, minLabelTickets: 5 };
    expect(verdict('category', model.slice('category'), featuresOf('printer vpn', ''), strict).reason).toBe('below threshold');
    // Too few resolved tickets: silence, however sure.
    expect(verdict('category', trained(10).slice('category'), featuresOf('printer jam', '')).reason).toBe('too few tickets');
  });

  it('never suggests a label learned from too few tickets', () => {
    const model = trained(30);
    for (let i = 0; i < 4; i++) model.learn({ features: featuresOf('Toner low', 'toner cartridge empty'), labels: labels('supplies') });
    expect(verdict('category', model.slice('category'), featuresOf('toner low', '')).suggestion?.value).not.toBe('supplies');
  });
});

describe('metrics', () => {
  it('computes accuracy and macro-F1 by hand', () => {
    // a: tp 1, fp 1, fn 1 → F1 0.5; b: tp 1, fp 0, fn 1 → 0.667; c: tp 0, fp 1, fn 0 → 0.
    const s = score(
      ['a', 'a', 'b', 'b'],
      ['a', 'b', 'b', 'c'].map((x, i) => (i === 1 ? 'c' : i === 3 ? 'a' : x)),
    );
    expect(s.accuracy).toBe(0.5);
    expect(s.macroF1).toBeCloseTo((0.5 + 2 / 3 + 0) / 3, 6);
    expect(majorityBaseline(['x', 'y', 'y'], ['y', 'x'])).toMatchObject({ label: 'y', accuracy: 0.5 });
  });
});

describe('the public ticket sample (fixtures/triage, Endava, MIT)', () => {
  it('beats the majority-class baseline on every field', () => {
    const e = evaluate(endavaSample());
    expect(e).toMatchObject({ learned: 1600, tested: 400 });
    for (const f of e.fields) {
      expect(f.model.macroF1, f.field).toBeGreaterThan(f.baseline.macroF1 + 0.1);
      expect(f.model.accuracy, f.field).toBeGreaterThan(f.baseline.accuracy);
      // What is suggested (above the threshold) is right more often than the model as a whole.
      expect(f.suggestedAccuracy, f.field).toBeGreaterThanOrEqual(f.model.accuracy);
    }
  });
});

describe('similarity', () => {
  it('weighs rare words, keeps a candidate by the share it covers, and sorts duplicates from solved', () => {
    const docs = new Map([
      ['printer', 50],
      ['jams', 5],
      ['floor', 400],
      ['toner', 900],
    ]);
    const weights = weightedWords(['printer', 'jams', 'floor', 'toner', 'unseen'], docs, 1000);
    expect([...weights.keys()]).toEqual(['jams', 'printer', 'floor', 'toner']);
    expect(weights.get('jams')!).toBeGreaterThan(5 * weights.get('toner')!);
    expect(coverage(weights, 'The PRINTER jams on every floor: toner')).toBe(1);
    const total = [...weights.values()].reduce((a, b) => a + b, 0);
    expect(coverage(weights, 'printer offline')).toBeCloseTo(weights.get('printer')! / total, 6);
    const now = Date.UTC(2026, 0, 20);
    const c = { id: 2, status: 'open', requester_id: 7, created_at: now - 86_400_000, similarity: 0.3 };
    expect(kinship(c, 7, now)).toBe('duplicate');
    expect(kinship(c, 8, now)).toBe(null);
    expect(kinship({ ...c, similarity: 0.8, created_at: now - 30 * 86_400_000 }, 8, now)).toBe(null);
    expect(kinship({ ...c, status: 'resolved', similarity: 0.8 }, 8, now)).toBe('solved');
  });

  it('plans the lookup within the postings budget: rarest words first, then only the newest tickets', () => {
    const budget = SIMILAR_RULES.postings;
    const plan = (counts: [string, number][], total = 100_000) => {
      const docs = new Map(counts);
      return searchPlan(weightedWords([...docs.keys()], docs, total), docs, total);
    };
    // Rare words: all of them (up to queryWords), the whole desk.
    expect(
      plan([
        ['jams', 5],
        ['toner', 300],
        ['tray', budget - 400],
      ]),
    ).toEqual({ words: ['jams', 'toner', 'tray'], afterId: 0 });
    // A common word past the budget is left out once two rarer ones are in.
    expect(
      plan([
        ['jams', 5],
        ['toner', 300],
        ['printer', budget],
      ]),
    ).toEqual({ words: ['jams', 'toner'], afterId: 0 });
    // Only common words: the two rarest, over the newest ids, as many as keep to the budget.
    const common = plan([
      ['laptop', 18_000],
      ['printer', 6_000],
      ['slow', 4_000],
    ]);
    expect(common.words).toEqual(['slow', 'printer']);
    expect(common.afterId).toBe(100_000 - (100_000 * budget) / 10_000);
    const words = Array.from({ length: 20 }, (_, i) => [`w${i}`, 1 + i] as [string, number]);
    expect(plan(words).words).toHaveLength(SIMILAR_RULES.queryWords);
  });
});
