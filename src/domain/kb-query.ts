/**
 * User text → an FTS5 MATCH expression. The text is never passed raw: it is folded into words
 * (src/domain/kb-text.ts), stop words dropped, each word lightly stemmed and expanded through the
 * synonym table into an OR group, and every term quoted (`"word"*`, `"log in"*`). Pure.
 */
import { STOPWORDS, SYNONYM_GROUPS } from './kb-synonyms.js';
import { words } from './kb-text.js';

export interface QueryTerm {
  /** Folded words, space-separated for a phrase. */
  text: string;
  /** Matched as a prefix (`"print"*` finds printer): the user's own words from 3 letters, synonyms from 4. */
  prefix: boolean;
}

export interface QueryGroup {
  /** The word (or phrase) as the user meant it, folded. */
  word: string;
  /** Terms any of which satisfies the group. */
  terms: QueryTerm[];
}

const MAX_GROUPS = 16;
const MAX_PHRASE = 3;

const SYNONYMS: ReadonlyMap<string, readonly string[]> = new Map(
  SYNONYM_GROUPS.flatMap((group) => group.map((member) => [member, group] as const)),
);

/** A light English stemmer for prefix search: printers → printer, syncing → sync, jammed → jam. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return undouble(word.slice(0, -3), word);
  if (word.length > 4 && word.endsWith('ed')) return undouble(word.slice(0, -2), word);
  if (word.length > 3 && word.endsWith('s') && !/(ss|us|is|os|as)$/.test(word)) return word.slice(0, -1);
  return word;
}

function undouble(base: string, word: string): string {
  if (base.length < 4) return word;
  return /([b-df-hj-km-np-rt-vx-z])\1$/.test(base) ? base.slice(0, -1) : base;
}

/** Splits user text into search groups: synonym phrases first (longest wins), then single words. */
export function parseQuery(text: string): QueryGroup[] {
  const tokens = words(text);
  const groups: QueryGroup[] = [];
  for (let i = 0; i < tokens.length;) {
    let taken = 0;
    for (let n = Math.min(MAX_PHRASE, tokens.length - i); n >= 1 && !taken; n--) {
      const phrase = tokens.slice(i, i + n).join(' ');
      const group = SYNONYMS.get(phrase) ?? (n === 1 ? SYNONYMS.get(stem(phrase)) : undefined);
      if (group) {
        groups.push({ word: phrase, terms: compact([termOf(phrase, 3), ...group.map((m) => termOf(m, 4))]) });
        taken = n;
      }
    }
    if (!taken) {
      groups.push({ word: tokens[i]!, terms: [termOf(tokens[i]!, 3)] });
      taken = 1;
    }
    i += taken;
  }
  const meaningful = groups.filter((g) => !STOPWORDS.has(g.word));
  return dedupe(meaningful.length ? meaningful : groups).slice(0, MAX_GROUPS);
}

/** A phrase as a term: its last word stemmed; a prefix when long enough not to match unrelated words. */
function termOf(phrase: string, minPrefix: number): QueryTerm {
  const parts = phrase.split(' ');
  const last = parts[parts.length - 1]!;
  const stemmed = stem(last);
  parts[parts.length - 1] = stemmed;
  return { text: parts.join(' '), prefix: stemmed.length >= minPrefix || stemmed !== last };
}

/** Drops duplicates and terms another single-word prefix term already covers. */
function compact(terms: readonly QueryTerm[]): QueryTerm[] {
  const unique = [...new Map(terms.map((t) => [`${t.text}${t.prefix ? '*' : ''}`, t])).values()];
  const covers = (u: QueryTerm, t: QueryTerm) =>
    u !== t && u.prefix && !u.text.includes(' ') && t.text.startsWith(u.text) && (t.text !== u.text || !t.prefix);
  return unique.filter((t) => !unique.some((u) => covers(u, t)));
}

function dedupe(groups: readonly QueryGroup[]): QueryGroup[] {
  const seen = new Set<string>();
  return groups.filter((g) => {
    const key = g.terms.map((t) => t.text).join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One quoted term; never anything the user typed outside the quotes. */
function quote(term: QueryTerm): string {
  return term.prefix ? `"${term.text}"*` : `"${term.text}"`;
}

function groupExpression(group: QueryGroup): string {
  const terms = group.terms.map(quote);
  return terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`;
}

/** The MATCH expression: every group (`all`) or any group (`any`). Empty string for no groups. */
export function matchExpression(groups: readonly QueryGroup[], mode: 'all' | 'any'): string {
  return groups.map(groupExpression).join(mode === 'all' ? ' AND ' : ' OR ');
}

/** The words to show and to re-rank with: one per group, as typed (folded). */
export function queryWords(groups: readonly QueryGroup[]): string[] {
  return groups.map((g) => g.word);
}
