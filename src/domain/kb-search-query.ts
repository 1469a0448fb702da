/**
 * The KB search box's operators: `"a phrase"` (those words, in that order, exactly), `-word` and
 * `NOT word` (or `-"a phrase"`, `NOT "a phrase"`: articles holding it are left out). Everything
 * else is plain words (src/domain/kb-query.ts: stop words, stems, synonyms). Only upper-case `NOT`
 * is an operator (`not working` is two words), and `-` only at the start of a word (`wi-fi` stays
 * one term). An unclosed quote runs to the end of the text. The MATCH expression quotes every term
 * as before: nothing the user typed reaches FTS5 outside quotes. Pure.
 */
import { matchExpression, parseQuery, stem, type QueryGroup } from './kb-query.js';
import { words } from './kb-text.js';

export interface SearchQuery {
  /** Groups every article found must match (or any of them, when the search relaxes). */
  include: QueryGroup[];
  /** Groups no article found may match. */
  exclude: QueryGroup[];
}

/** `"phrase"`, `-"phrase"`, `-word`, `NOT`, or a run of plain text; `"` unclosed runs to the end. */
const CLAUSE = /(-?)"([^"]*)"?|(?<=^|\s)-(\S+)|(?<=^|\s)NOT(?=\s|$)|[^"\s][^\s"]*/gu;

/** Splits search-box text into included and excluded groups. */
export function parseSearch(text: string): SearchQuery {
  const include: QueryGroup[] = [];
  const exclude: QueryGroup[] = [];
  let plain: string[] = [];
  let negateNext = false;
  const flushPlain = () => {
    if (plain.length) include.push(...parseQuery(plain.join(' ')));
    plain = [];
  };
  for (const m of text.matchAll(CLAUSE)) {
    const [whole, minus, phrase, dashed] = m;
    if (whole === 'NOT') {
      negateNext = true;
      continue;
    }
    const negated = negateNext || minus === '-' || dashed !== undefined;
    negateNext = false;
    if (phrase !== undefined || negated) {
      flushPlain();
      const group = exactGroup(phrase ?? dashed ?? whole, phrase !== undefined);
      if (group) (negated ? exclude : include).push(group);
    } else {
      plain.push(whole);
    }
  }
  flushPlain();
  return { include: include.slice(0, 16), exclude: exclude.slice(0, 8) };
}

/**
 * A quoted phrase matches its words exactly; a single excluded word also its inflections
 * (`-printer` leaves out printers), but not its synonyms: `-vpn` is about the word the user typed.
 */
function exactGroup(text: string, quoted: boolean): QueryGroup | null {
  const folded = words(text);
  if (folded.length === 0) return null;
  const phrase = folded.join(' ');
  if (quoted && folded.length > 1) return { word: phrase, terms: [{ text: phrase, prefix: false }] };
  const stemmed = stem(folded[0]!);
  const prefix = !quoted && stemmed.length >= 3;
  return { word: phrase, terms: [{ text: prefix ? stemmed : folded[0]!, prefix }] };
}

/**
 * The MATCH expression: the included groups (all or any) without the excluded ones. FTS5's NOT
 * binds tighter than AND and OR, hence the parentheses. Empty when nothing is included: FTS5 has
 * no "everything but".
 */
export function searchExpression(query: SearchQuery, mode: 'all' | 'any'): string {
  if (query.include.length === 0) return '';
  const included = matchExpression(query.include, mode);
  if (query.exclude.length === 0) return included;
  return `(${included}) NOT (${matchExpression(query.exclude, 'any')})`;
}
