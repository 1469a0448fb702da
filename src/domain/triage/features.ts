/**
 * A ticket's text as classifier features: its folded words (src/domain/kb-text.ts), stop words,
 * numbers and one-letter words left out, each word once, plus each pair of neighbouring words
 * (`disk_full`, `vpn_drop`) and the title's words again under `t:` (a title says more per word than
 * a description). Only the first DESCRIPTION_CHARS of the description count: a pasted log says
 * nothing more at 50 kB than at 2 kB, and training on 100k tickets stays linear. Pure.
 */
import { STOPWORDS } from '../kb-synonyms.js';
import { words } from '../kb-text.js';

export const DESCRIPTION_CHARS = 2_000;
/** At most this many features per ticket (the rarest are not chosen: the first ones in the text are kept). */
export const MAX_FEATURES = 160;

const EXTRA_STOP = new Set(['hi', 'hello', 'thanks', 'thank', 'regards', 'please', 'pls', 'dear', 'best', 'kind', 'cheers']);

/** Folded words that carry meaning: no stop words, numbers or one-letter words. */
export function meaningful(text: string): string[] {
  return words(text).filter((w) => w.length > 1 && !/^\d+$/.test(w) && !STOPWORDS.has(w) && !EXTRA_STOP.has(w));
}

/** The distinct features of a title and description, in order of first appearance. */
export function featuresOf(title: string, description: string): string[] {
  const out = new Set<string>();
  const titleWords = meaningful(title);
  for (const w of titleWords) out.add(`t:${w}`);
  for (const list of [titleWords, meaningful(description.slice(0, DESCRIPTION_CHARS))]) {
    for (let i = 0; i < list.length && out.size < MAX_FEATURES; i++) {
      out.add(list[i]!);
      if (i > 0) out.add(`${list[i - 1]}_${list[i]}`);
    }
  }
  return [...out].slice(0, MAX_FEATURES);
}
