/** Typo candidates stay few: a word longer than MAX_TYPO_WORD gets none (a 50,000-letter word hung the query at 100 % CPU). */
import { describe, expect, it } from 'vitest';
import { MAX_TYPO_WORD, typoCandidates } from '../../src/domain/ticket-text.js';

describe('typo candidates', () => {
  it('offer the word meant for short and long typos', () => {
    expect(typoCandidates('prnter')).toContain('printer');
    expect(typoCandidates('keybaord')).toContain('keyboard');
  });

  it('none for words too short, all digits, or longer than MAX_TYPO_WORD', () => {
    expect(typoCandidates('vpn')).toEqual([]);
    expect(typoCandidates('12345')).toEqual([]);
    expect(typoCandidates('a'.repeat(MAX_TYPO_WORD + 1))).toEqual([]);
    expect(typoCandidates('a'.repeat(50_000))).toEqual([]);
  });

  it('at most ~73·n² for the longest word corrected', () => {
    expect(typoCandidates('x'.repeat(MAX_TYPO_WORD)).length).toBeLessThan(73 * MAX_TYPO_WORD ** 2);
  });
});
