/**
 * The header line laid out for a width, pure: view tabs with counts, then the marked count and the
 * SLA warning (always kept), then the database and the technician. Preferences, first that fits:
 * full names with the database and technician; with the technician alone (the database goes first;
 * the technician is shown whole or not at all, never as `r…`); full names alone; names shortened
 * evenly (the longest first, to no fewer than 6 cells) beside the technician; then without it (down
 * to 4 cells); then the views' numbers with their counts (the help lists which number is which
 * view). The result is never wider than the terminal: at the narrowest sizes the tabs are cut.
 */
import { truncate, width } from './text.js';

export interface HeaderInput {
  /** Names already sanitised. */
  views: readonly { key: string; name: string }[];
  counts: Record<string, number>;
  dbName: string;
  technician: string;
  columns: number;
  marked: number;
  alert: { full: string; short: string } | null;
}

export interface HeaderLayout {
  tabs: string[];
  mark: string;
  alert: string;
  gap: number;
  right: string;
}

/** 987, 1.5k, 15k, 100k, 1.2M: tab counts stay short. */
export function compactCount(n: number): string {
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(Math.floor(n / 100) / 10).toFixed(1).replace(/\.0$/, '')}k`;
  if (n < 1_000_000) return `${Math.floor(n / 1000)}k`;
  return `${(Math.floor(n / 100_000) / 10).toFixed(1).replace(/\.0$/, '')}M`;
}

/** Names cut to at most `cells` (null: in full; 0: numbers only). */
type Names = number | null;

function tabsFor(input: HeaderInput, names: Names): string[] {
  return input.views.map((v) => {
    const c = input.counts[v.key];
    const n = c === undefined ? '' : ` ${compactCount(c)}`;
    if (names === 0) return ` ${v.key}${n} `;
    return ` ${v.key} ${names === null ? v.name : truncate(v.name, names)}${n} `;
  });
}

const tabsWidth = (tabs: readonly string[]) => tabs.reduce((n, t) => n + width(t) + 1, 0);

/** What the tabs take for each choice of names, from the widths alone (a cut name is at most its cells). */
function measure(input: HeaderInput): (names: Names) => number {
  const numbers = tabsWidth(tabsFor(input, 0));
  const nameWidths = input.views.map((v) => width(v.name));
  // A named tab is its numbered tab plus the name and a space.
  return (names) => (names === 0 ? numbers : nameWidths.reduce((n, w) => n + 1 + Math.min(w, names ?? w), numbers));
}

/** Name widths to try, longest first, down to `min` cells. */
function cuts(input: HeaderInput, min: number): number[] {
  const longest = Math.max(0, ...input.views.map((v) => width(v.name)));
  const out: number[] = [];
  for (let cells = longest - 1; cells >= min; cells--) out.push(cells);
  return out;
}

export function headerLayout(input: HeaderInput): HeaderLayout {
  const { columns } = input;
  const mark = input.marked ? `*${input.marked} marked ` : '';
  const alertShort = input.alert ? `${input.alert.short} ` : '';
  const both = ` ${input.dbName} · ${input.technician}`;
  const tech = ` ${input.technician}`;
  const ladder: [Names, string][] = [
    [null, both],
    [null, tech],
    [null, ''],
    ...cuts(input, 6).map((c): [Names, string] => [c, tech]),
    ...cuts(input, 4).map((c): [Names, string] => [c, '']),
    [0, tech],
    [0, ''],
  ];
  const fixed = width(mark) + width(alertShort);
  const tabsTake = measure(input);
  const rightTakes = new Map([both, tech, ''].map((r) => [r, width(r)]));
  const [names, chosen] = ladder.find(([n, r]) => tabsTake(n) + fixed + rightTakes.get(r)! <= columns) ?? [0, ''];
  const tabs = tabsFor(input, names);
  let right = chosen;
  // The SLA warning in full when there is room for it, before the database and the technician.
  const spare = columns - tabsWidth(tabs) - width(mark);
  const alertFull = input.alert ? `${input.alert.full} ` : '';
  const alert = input.alert && width(alertFull) <= spare ? alertFull : alertShort;
  if (alert !== alertShort) right = [both, tech, ''].find((r) => width(alert) + rightTakes.get(r)! <= spare) ?? '';
  return clip({ tabs, mark, alert, right, gap: 0 }, columns);
}

/** Cuts what does not fit (the narrowest terminals), then fills the gap before the right side. */
function clip(l: HeaderLayout, columns: number): HeaderLayout {
  let room = columns;
  const tabs: string[] = [];
  for (const t of l.tabs) {
    if (width(t) + 1 > room) {
      if (room > 1) tabs.push(truncate(t, room - 1));
      room = tabs.length ? 0 : room;
      break;
    }
    tabs.push(t);
    room -= width(t) + 1;
  }
  const mark = truncate(l.mark, room);
  room -= width(mark);
  const alert = truncate(l.alert, room);
  room -= width(alert);
  const right = width(l.right) <= room ? l.right : '';
  room -= width(right);
  return { tabs, mark, alert, right, gap: Math.max(0, room) };
}
