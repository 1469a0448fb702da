/**
 * Parsed search words → a PostgreSQL tsquery string for `to_tsquery('deskline', …)`, the twin of the
 * FTS5 MATCH expressions (./ticket-text.ts matchOf, ./kb-query.ts, ./kb-search-query.ts). User text
 * never reaches it raw: it takes words already folded and split by ./kb-text.ts words(), and quotes
 * every lexeme (`'printer':*`), so `&`, `|`, `!`, `:` or a quote in the input is only ever text.
 * Pure.
 */
import type { QueryGroup, QueryTerm } from './kb-query.js';
import type { SearchQuery } from './kb-search-query.js';

/** Which weights a lexeme may match: every one, the title and tags (A, B), the title alone or the tags alone. */
export type TsScope = 'all' | 'titles' | 'title' | 'tags';
const WEIGHTS: Record<TsScope, string> = { all: '', titles: 'AB', title: 'A', tags: 'B' };

/** One quoted lexeme: quotes and backslashes inside it escaped. */
export function lexeme(word: string, prefix: boolean, scope: TsScope = 'all'): string {
  const flags = `${prefix ? '*' : ''}${WEIGHTS[scope]}`;
  return `'${word.replace(/['\\]/g, '\\$&')}'${flags ? `:${flags}` : ''}`;
}

/** Words this short match whole words only (as ./ticket-text.ts PREFIX_FROM). */
const PREFIX_FROM = 3;

/** The ticket query's free-text words: every word, each from its start when 3 letters or more. */
export function ticketTsQuery(words: readonly string[]): string | null {
  return words.length ? words.map((w) => lexeme(w, w.length >= PREFIX_FROM)).join(' & ') : null;
}

/** A KB term: a word or a phrase (`log <-> in`), the last word a prefix when the term is. */
function term(t: QueryTerm, scope: TsScope): string {
  const parts = t.text.split(' ').filter(Boolean);
  const last = parts.length - 1;
  const quoted = parts.map((w, i) => lexeme(w, i === last && t.prefix, scope));
  return quoted.length === 1 ? quoted[0]! : `(${quoted.join(' <-> ')})`;
}

function group(g: QueryGroup, scope: TsScope): string {
  const terms = g.terms.map((t) => term(t, scope));
  return terms.length === 1 ? terms[0]! : `(${terms.join(' | ')})`;
}

/** Every group (`all`) or any group (`any`); empty string for none (as matchExpression). */
export function groupsTsQuery(groups: readonly QueryGroup[], mode: 'all' | 'any', scope: TsScope = 'all'): string {
  return groups.map((g) => group(g, scope)).join(mode === 'all' ? ' & ' : ' | ');
}

/** The included groups without the excluded ones (anywhere in the article); empty when nothing is included. */
export function searchTsQuery(query: SearchQuery, mode: 'all' | 'any', scope: TsScope = 'all'): string {
  if (query.include.length === 0) return '';
  const included = groupsTsQuery(query.include, mode, scope);
  if (query.exclude.length === 0) return included;
  return `(${included}) & !(${groupsTsQuery(query.exclude, 'any')})`;
}
