/**
 * Demo text: fills `{placeholders}` in catalog patterns. A value drawn once in a ticket keeps it
 * for the whole ticket (the printer in the title is the printer in the reply). Pure.
 */
import { FIRST_NAMES, LAST_NAMES, PLACES } from './catalog.js';
import { int, pick, type Rng } from './random.js';

/** Placeholder names by slot: a ticket keeps its drawn values in an array indexed by slot. */
const SLOTS = ['first', 'dept', 'fix', 'person', 'case', ...Object.keys(PLACES)];
const SLOT = new Map(SLOTS.map((name, i) => [name, i]));
/** Patterns split once: strings are text, numbers are slots. */
const compiled = new Map<string, readonly (string | number)[]>();

function compile(pattern: string): readonly (string | number)[] {
  return pattern.split(/\{(\w+)\}/).map((part, i) => {
    if (i % 2 === 0) return part;
    const slot = SLOT.get(part);
    if (slot === undefined) throw new Error(`demo catalog: unknown placeholder {${part}}`);
    return slot;
  });
}

/** One ticket's text: `first` and `dept` are given, other placeholders are drawn on first use. */
export class Filler {
  private readonly vars: (string | undefined)[] = [];

  constructor(
    private readonly rng: Rng,
    first: string,
    dept: string,
  ) {
    this.vars[0] = first;
    this.vars[1] = dept;
  }

  /** Gives a placeholder its value for this ticket (`fix`: the resolution, for the closing reply). */
  set(name: 'fix', value: string): void {
    this.vars[SLOT.get(name)!] = value;
  }

  fill(pattern: string): string {
    let parts = compiled.get(pattern);
    if (!parts) compiled.set(pattern, (parts = compile(pattern)));
    if (parts.length === 1) return pattern;
    let out = '';
    for (const part of parts) out += typeof part === 'string' ? part : (this.vars[part] ??= this.draw(part));
    // Catalog values may bring their own article ("the hot-desk docking station"): no "the the".
    return out.replace(/\b([Tt]he) the /g, '$1 ');
  }

  private draw(slot: number): string {
    const key = SLOTS[slot]!;
    if (key === 'person') return `${pick(this.rng, FIRST_NAMES)} ${pick(this.rng, LAST_NAMES)}`;
    if (key === 'case') return String(int(this.rng, 100000, 999999));
    const list = PLACES[key];
    if (!list) throw new Error(`demo catalog: {${key}} has no value here`);
    return pick(this.rng, list);
  }
}
