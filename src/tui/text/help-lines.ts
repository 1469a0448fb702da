/**
 * The help overlay's content, generated from the keymap (so remapped keys show as remapped), grouped
 * by the pane or dialog the keys work in; bindings of one action with one text merge into one line.
 */
import { keyLabel, type Binding, type Mode } from '../keys/keymap.js';

export interface HelpLine {
  text: string;
  bold?: boolean;
}

const GROUPS: readonly { title: string; test: (when: readonly Mode[]) => boolean }[] = [
  { title: 'Queue and detail', test: (w) => w.includes('queue') && w.includes('detail') },
  { title: 'Queue', test: (w) => w.includes('queue') },
  { title: 'Detail', test: (w) => w.includes('detail') },
  { title: 'Filter box (/)', test: (w) => w.includes('filter') },
  { title: 'Knowledge base (K)', test: (w) => w.some((m) => m.startsWith('kb')) },
  { title: 'Pickers', test: (w) => w.includes('picker') },
  { title: 'Text boxes and the new-ticket form', test: (w) => w.includes('compose') || w.includes('form') },
  { title: 'Questions', test: (w) => w.includes('confirm') },
  { title: 'Welcome screen', test: (w) => w.includes('welcome') || w.includes('welcomeAsk') },
  { title: 'Help', test: (w) => w.includes('help') },
];

const TEXT_KEYS = '←/→/↑/↓ Home/End move · Backspace deletes · ⏎ new line · paste works';

const KEY_WIDTH = 13;

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
    const entry = groups[g]!.get(id) ?? { keys: [], help: b.help };
    const label = keyLabel(b.key);
    if (!entry.keys.includes(label)) entry.keys.push(label);
    groups[g]!.set(id, entry);
  }
  const out: HelpLine[] = [];
  all.forEach((group, i) => {
    const entries = [...groups[i]!.values()];
    if (entries.length === 0) return;
    if (out.length) out.push({ text: '' });
    out.push({ text: group.title, bold: true });
    for (const e of entries) out.push({ text: `  ${e.keys.join('/').padEnd(KEY_WIDTH)} ${e.help}` });
    if (group.title.startsWith('Text')) out.push({ text: `  ${'in text'.padEnd(KEY_WIDTH)} ${TEXT_KEYS}` });
  });
  return out;
}
