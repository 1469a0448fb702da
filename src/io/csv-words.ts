/** What other tools call statuses and priorities, as Deskline's words (lower-case, spaces for `_`, `-`). */
export const STATUS_WORDS: Readonly<Record<string, string>> = {
  new: 'new',
  unassigned: 'new',
  open: 'open',
  'in progress': 'open',
  active: 'open',
  assigned: 'open',
  'work in progress': 'open',
  pending: 'pending',
  waiting: 'pending',
  'waiting on customer': 'pending',
  'awaiting user': 'pending',
  'on hold': 'on_hold',
  hold: 'on_hold',
  'waiting on third party': 'on_hold',
  blocked: 'on_hold',
  resolved: 'resolved',
  solved: 'resolved',
  fixed: 'resolved',
  done: 'resolved',
  closed: 'closed',
  cancelled: 'closed',
  canceled: 'closed',
};

export const PRIORITY_WORDS: Readonly<Record<string, string>> = {
  urgent: 'urgent',
  critical: 'urgent',
  highest: 'urgent',
  blocker: 'urgent',
  p1: 'urgent',
  '1': 'urgent',
  high: 'high',
  major: 'high',
  p2: 'high',
  '2': 'high',
  normal: 'normal',
  medium: 'normal',
  moderate: 'normal',
  p3: 'normal',
  '3': 'normal',
  low: 'low',
  minor: 'low',
  lowest: 'low',
  trivial: 'low',
  p4: 'low',
  '4': 'low',
};

/** The Deskline word for a vendor's, or the text as given (the check then names what is allowed). */
export function translate(words: Readonly<Record<string, string>>, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  return words[text.trim().toLowerCase().replace(/[_-]+/g, ' ')] ?? text;
}
