/**
 * The help overlay's content, generated from the keymap (so remapped keys show as remapped), grouped
 * by the pane or dialog the keys work in; bindings of one action with one text merge into one line.
 * Each group is one place a key works, so a key never appears twice in a group with two meanings
 * (the article reader's `Esc/q` and the KB search's have headings of their own).
 */
import { DUE_LOOK } from '../../domain/sla-badge.js';
import { keyLabel, type Binding, type Mode } from '../keys/keymap.js';

export interface HelpLine {
  text: string;
  bold?: boolean;
  /** Where a wrapped continuation starts (under the description). */
  indent?: number;
}

/** A binding goes to the first group whose modes it works in. */
const GROUPS: readonly { title: string; test: (when: readonly Mode[]) => boolean }[] = [
  { title: 'Queue and detail', test: (w) => w.includes('queue') && w.includes('detail') },
  { title: 'Queue', test: (w) => w.includes('queue') },
  { title: 'Detail', test: (w) => w.includes('detail') },
  { title: 'Filter box (/)', test: (w) => w.includes('filter') },
  { title: 'Knowledge base (K)', test: (w) => w.includes('kbSearch') },
  { title: 'Knowledge base results (Tab from the search box)', test: (w) => w.includes('kbList') },
  { title: 'Article reader (⏎ on a KB result)', test: (w) => w.includes('kbArticle') },
  { title: 'Draft-an-article question (after R)', test: (w) => w.includes('kbOffer') },
  { title: 'Pickers, macros (m), checklists (c)', test: (w) => w.includes('picker') || w.includes('macro') || w.includes('checklist') },
  { title: 'Text boxes and the new-ticket form', test: (w) => w.includes('compose') || w.includes('form') },
  { title: 'Questions', test: (w) => w.includes('confirm') },
  { title: 'Welcome screen', test: (w) => w.includes('welcome') || w.includes('welcomeAsk') },
  { title: 'Help', test: (w) => w.includes('help') },
];

const TEXT_KEYS = '←/→/↑/↓ Home/End move · Backspace deletes · ⏎ new line · paste works';

/** The keys' column: as wide as the widest keys of the keymap (so descriptions keep the room), at most 13. */
const MAX_KEYS = 13;

const entry = (keys: string, help: string, size: number): HelpLine => ({ text: `  ${keys.padEnd(size)} ${help}`, indent: size + 3 });

/** The due signs in words (the detail pane spells priority and status out beside their signs). */
function signLines(size: number): HelpLine[] {
  const due = Object.values(DUE_LOOK).map((l) => `${l.glyph} ${l.word}`);
  return [entry('Due signs', `${due.join(' · ')}: on time · under 25 % of the SLA target left · breached`, size)];
}

export function helpLines(keymap: readonly Binding[]): HelpLine[] {
  // Modes no group names (a newer screen) get a group of their own, titled by the mode.
  const all = [...GROUPS];
  for (const b of keymap) {
    if (b.when.length && !all.some((x) => x.test(b.when))) {
      const mode = b.when[0]!;
      all.push({ title: mode[0]!.toUpperCase() + mode.slice(1), test: (w) => w.includes(mode) });
    }
  }
  const groups = all.map(() => new Map<string, { keys: string[]; help: string }>());
  for (const b of keymap) {
    const g = all.findIndex((x) => x.test(b.when));
    if (g < 0) continue;
    const id = `${b.action}\u0000${b.help}`;
    const e = groups[g]!.get(id) ?? { keys: [], help: b.help };
    const label = keyLabel(b.key);
    if (!e.keys.includes(label)) e.keys.push(label);
    groups[g]!.set(id, e);
  }
  const size = Math.min(MAX_KEYS, Math.max(7, ...groups.flatMap((g) => [...g.values()].map((e) => e.keys.join('/').length))));
  const out: HelpLine[] = [];
  all.forEach((group, i) => {
    const entries = [...groups[i]!.values()];
    if (entries.length === 0) return;
    if (out.length) out.push({ text: '' });
    out.push({ text: group.title, bold: true });
    for (const e of entries) out.push(entry(e.keys.join('/'), e.help, size));
    if (group.title.startsWith('Text')) out.push(entry('in text', TEXT_KEYS, size));
  });
  return [...out, ...signLines(size)];
}
