/**
 * The bindings for acting on tickets and for the dialogs, as data (appended to DEFAULT_KEYMAP):
 * the help overlay and the status bar are generated from them, and `keymap.<action>` remaps them.
 */
import type { Binding, Mode } from './actions.js';

const LIST: readonly Mode[] = ['queue', 'detail'];
const TEXT: readonly Mode[] = ['compose', 'form'];

export const ACT_KEYMAP: readonly Binding[] = [
  { key: 'a', action: 'assignMe', help: 'assign to me (take it)', hint: 'take', when: LIST },
  { key: 'p', action: 'priority', help: 'set the priority', hint: 'prio', when: LIST },
  { key: 'r', action: 'reply', help: 'public reply', hint: 'reply', when: LIST },
  { key: 'i', action: 'note', help: 'internal note', hint: 'note', when: LIST },
  { key: 'R', action: 'resolve', help: 'resolve with a resolution', hint: 'resolve', when: LIST },
  { key: 'A', action: 'assignTo', help: 'assign to… (pick a technician)', when: LIST },
  { key: 't', action: 'status', help: 'change the status (allowed moves only)', when: LIST },
  { key: 'l', action: 'call', help: 'log a phone call with minutes spent', when: LIST },
  { key: 'e', action: 'escalate', help: 'escalate to a higher tier, with a reason', when: LIST },
  { key: 'o', action: 'reopen', help: 'reopen a resolved or closed ticket', when: LIST },
  { key: '#', action: 'tags', help: 'add tags (-tag removes one)', when: LIST },
  { key: 'y', action: 'copyRef', help: 'copy the ref to the clipboard (OSC 52)', when: LIST },
  { key: 'E', action: 'replyInEditor', help: 'write a reply in $EDITOR', when: LIST },
  { key: 'C', action: 'remote', help: "remote session to the ticket's asset (logged)", when: LIST },
  { key: 'x', action: 'mark', help: 'mark / unmark for bulk changes (a A p t # R)', hint: 'mark', when: LIST },
  { key: 'X', action: 'clearMarks', help: 'clear all marks', when: LIST },
  { key: 'M', action: 'mergeMarked', help: 'merge marked into this one', when: LIST },
  { key: 'P', action: 'parentOfMarked', help: 'make this parent of marked', when: LIST },
  { key: 'F', action: 'followup', help: 'set a follow-up time', when: LIST },
  { key: 'm', action: 'macro', help: 'apply a macro (find, preview, ⏎)', hint: 'macro', when: LIST },
  { key: 'c', action: 'checklist', help: 'checklist of a request', when: LIST },
  { key: 'V', action: 'verifyIdentity', help: 'record how identity was verified', when: LIST },
  { key: 'S', action: 'acceptTriage', help: 'accept the triage suggestion', hint: 'accept', when: LIST },
  { key: 'Y', action: 'syncConflicts', help: 'sync conflicts: keep or take the lost value', when: LIST },
  { key: 'n', action: 'newTicket', help: 'new ticket', hint: 'new', when: ['queue', 'detail', 'welcome'] },
  { key: '?', action: 'help', help: 'this help', hint: 'help', when: ['queue', 'detail', 'welcome', 'help'] },

  { key: 'j', action: 'nextOption', help: 'next option / scroll down', hint: 'move', when: ['picker', 'help', 'checklist'] },
  { key: 'k', action: 'prevOption', help: 'previous option / scroll up', hint: 'move', when: ['picker', 'help', 'checklist'] },
  { key: 'down', action: 'nextOption', help: 'next option / scroll down', when: ['picker', 'help', 'macro', 'checklist'] },
  { key: 'up', action: 'prevOption', help: 'previous option / scroll up', when: ['picker', 'help', 'macro', 'checklist'] },
  { key: 'ctrl+n', action: 'nextOption', help: 'next option / scroll down', hint: 'move', when: ['macro'] },
  { key: 'ctrl+p', action: 'prevOption', help: 'previous option / scroll up', hint: 'move', when: ['macro'] },
  { key: 'enter', action: 'choose', help: 'choose (or type its key; m: type to find)', hint: 'choose', when: ['picker', 'macro'] },
  { key: ' ', action: 'toggleItem', help: 'tick / untick', hint: 'tick', when: ['checklist'] },

  { key: 'ctrl+s', action: 'save', help: 'save', hint: 'save', when: TEXT },
  { key: 'tab', action: 'nextField', help: 'next field', hint: 'field', when: TEXT },
  { key: 'shift+tab', action: 'prevField', help: 'previous field', hint: 'field', when: TEXT },
  { key: 'ctrl+e', action: 'externalEditor', help: 'write the text in $EDITOR', hint: '$EDITOR', when: TEXT },
  { key: 'ctrl+t', action: 'takeSuggestion', help: 'take the suggested fields', hint: 'suggestion', when: ['form'] },
  {
    key: 'escape',
    action: 'cancel',
    help: 'cancel (asks first when text was typed)',
    hint: 'cancel',
    when: ['picker', 'compose', 'form', 'help', 'macro', 'checklist'],
  },
  { key: 'q', action: 'cancel', help: 'close', when: ['help'] },
  { key: 'ctrl+c', action: 'howToLeave', help: 'how to leave (Esc cancels, ^S saves)', when: TEXT },

  { key: 'y', action: 'confirmYes', help: 'yes', hint: 'yes', when: ['confirm'] },
  { key: 'enter', action: 'confirmYes', help: 'yes', hint: 'yes', when: ['confirm'] },
  { key: 'n', action: 'confirmNo', help: 'no', hint: 'no', when: ['confirm'] },
  { key: 'escape', action: 'confirmNo', help: 'no', hint: 'no', when: ['confirm'] },
];
