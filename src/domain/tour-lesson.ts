/**
 * Tour lessons as data (fixtures/tour/*.json, and a desk's own through `deskline tour add FILE`): a
 * lesson is a title and steps; a step says what to press and names what must become true — of the
 * console's state or of the desk's rows, never of the keys — for the tour to move on.
 */
import { DesklineError, EXIT } from '../errors.js';

/** Bad lesson input: exit 4, the message names the file and the field. */
const bad = (message: string) => new DesklineError(EXIT.invalid, message);

/** Fields of the selected ticket (as the store has it) a step can wait for. */
export const TICKET_FIELDS = ['assignee', 'priority', 'status', 'tier'] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];

/** What a step waits for: exactly one of these keys. */
export interface Check {
  /** The view with this key is shown (`2`: Unassigned). */
  view?: string;
  /** The pane with the focus: `detail` or `queue`. */
  focus?: 'detail' | 'queue';
  /** The selection moved off the ticket it was on when the step began. */
  moved?: true;
  /** A filter in effect (the `/` box closed) containing this text; `""`: no filter. */
  filter?: string;
  /** The selected ticket's fields in the store (`me` for the assignee: you). */
  ticket?: Partial<Record<TicketField, string>>;
  /** The selected ticket's tier rose since the step began. */
  escalated?: true;
  /** An entry of this kind (reply, note, call) was added to the selected ticket since the step began. */
  timeline?: string;
  /** The KB screen is open (true) or closed again (false). */
  kb?: boolean;
  /** At least this many KB articles are linked to the selected ticket. */
  links?: number;
  /** At least this many tickets are marked. */
  marks?: number;
  /** Every ticket marked when the step began has these fields in the store. */
  marked?: Partial<Record<TicketField, string>>;
  /** The dashboard is shown (true) or closed again (false). */
  dashboard?: boolean;
}

export const CHECK_KINDS = [
  'view',
  'focus',
  'moved',
  'filter',
  'ticket',
  'escalated',
  'timeline',
  'kb',
  'links',
  'marks',
  'marked',
  'dashboard',
] as const;

export interface TourStep {
  /** What to press, in a sentence. */
  say: string;
  done: Check;
}

export interface Lesson {
  id: string;
  title: string;
  steps: TourStep[];
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '' && !/[\x00-\x1f\x7f]/.test(v);

function fields(v: unknown, where: string): Partial<Record<TicketField, string>> {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw bad(`${where}: must be an object of ${TICKET_FIELDS.join(', ')}`);
  for (const [k, x] of Object.entries(v)) {
    if (!(TICKET_FIELDS as readonly string[]).includes(k)) throw bad(`${where}.${k}: not a ticket field (${TICKET_FIELDS.join(', ')})`);
    if (!isText(x)) throw bad(`${where}.${k}: must be text`);
  }
  return v as Partial<Record<TicketField, string>>;
}

const VALUE: Record<(typeof CHECK_KINDS)[number], (v: unknown, where: string) => boolean> = {
  view: isText,
  focus: (v) => v === 'detail' || v === 'queue',
  moved: (v) => v === true,
  filter: (v) => typeof v === 'string' && !/[\x00-\x1f\x7f]/.test(v),
  ticket: (v, where) => Boolean(fields(v, where)),
  escalated: (v) => v === true,
  timeline: (v) => v === 'reply' || v === 'note' || v === 'call',
  kb: (v) => typeof v === 'boolean',
  links: (v) => Number.isInteger(v) && (v as number) > 0,
  marks: (v) => Number.isInteger(v) && (v as number) > 0,
  marked: (v, where) => Boolean(fields(v, where)),
  dashboard: (v) => typeof v === 'boolean',
};

function check(v: unknown, where: string): Check {
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw bad(`${where}: must be an object with one of ${CHECK_KINDS.join(', ')}`);
  const keys = Object.keys(v);
  if (keys.length !== 1 || !(CHECK_KINDS as readonly string[]).includes(keys[0]!))
    throw bad(`${where}: must have exactly one of ${CHECK_KINDS.join(', ')}`);
  const kind = keys[0] as (typeof CHECK_KINDS)[number];
  if (!VALUE[kind]((v as Record<string, unknown>)[kind], `${where}.${kind}`)) throw bad(`${where}.${kind}: not a valid value`);
  return v as Check;
}

/** A lesson from JSON text; errors name the source and the field (`steps[2].done`). */
export function parseLesson(text: string, source: string): Lesson {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw bad(`${source}: not JSON (${(error as Error).message})`);
  }
  const at = (field: string) => `${source}: ${field}`;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad(at('must be an object with id, title and steps'));
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,63}$/.test(r.id)) throw bad(at('id: lower-case letters, digits and -'));
  if (!isText(r.title)) throw bad(at('title: must be text on one line'));
  if (!Array.isArray(r.steps) || r.steps.length === 0) throw bad(at('steps: must be a non-empty list'));
  const steps = r.steps.map((s: unknown, i): TourStep => {
    const where = at(`steps[${i}]`);
    if (!s || typeof s !== 'object') throw bad(`${where}: must be an object with say and done`);
    const step = s as Record<string, unknown>;
    if (!isText(step.say)) throw bad(`${where}.say: must be text on one line`);
    return { say: step.say, done: check(step.done, `${where}.done`) };
  });
  return { id: r.id, title: r.title, steps };
}
