/**
 * Free text in the ticket query, as the ticket index reads it (src/db/migrations/006-ticket-fts.ts):
 * words folded like KB words (case, accents, apostrophes: `Can't` → `cant`), each matched from its
 * start (`print` finds `printer`; words of one or two letters match whole), every word required.
 * Text that is more than one bare word (`"printer jam"`, `wi-fi`) must also appear as written.
 * Pure.
 */
import { oneEditAway } from './edit-distance.js';
import { APOSTROPHES, fold, words } from './kb-text.js';

export interface TextTerm {
  /** Folded words, in order. */
  words: string[];
  /** An FTS5 MATCH expression (every word quoted), or null when the text has no words. */
  match: string | null;
  /** Text the ticket must also contain as written (apostrophes dropped), or null for one bare word. */
  phrase: string | null;
}

/** Words this short match whole words only (a one-letter prefix would read most of the index). */
const PREFIX_FROM = 3;

export function matchOf(list: readonly string[]): string | null {
  return list.length ? list.map((w) => (w.length >= PREFIX_FROM ? `"${w}"*` : `"${w}"`)).join(' ') : null;
}

export function textTerm(text: string): TextTerm {
  const list = words(text);
  const bare = list.length === 1 && fold(text).trim() === list[0];
  return { words: list, match: matchOf(list), phrase: bare ? null : text.replace(APOSTROPHES, '') };
}

/** How far a typo may be from the word meant: one edit up to 7 letters, two from 8. */
export function typoDistance(word: string): number {
  return word.length >= 8 ? 2 : 1;
}

/** Longer words are not corrected: two edits of a word of n letters are ~73·n² candidates (24: 42k). */
export const MAX_TYPO_WORD = 24;

/**
 * Words that may be what `word` was meant to be: one edit away, and for words of 8 letters or more
 * also one edit away from a deletion (two missing letters, a missing and a wrong one …). Words under
 * four letters, over MAX_TYPO_WORD, or of digits only have none.
 */
export function typoCandidates(word: string): string[] {
  if (word.length < 4 || word.length > MAX_TYPO_WORD || /^\d+$/.test(word)) return [];
  const out = oneEditAway(word);
  if (typoDistance(word) === 2) {
    for (let i = 0; i < word.length; i++) for (const w of oneEditAway(word.slice(0, i) + word.slice(i + 1))) out.add(w);
  }
  out.delete(word);
  return [...out].filter((w) => w.length >= 3);
}
