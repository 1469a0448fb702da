/** The new-ticket form's fields and state (the reducer is ./form.ts). */
import type { FieldSuggestion } from '../../domain/triage/fields.js';
import type { EditorState } from './editor.js';
import type * as req from './form-request.js';

export const BASE_FIELDS = ['title', 'requester', 'template', 'category', 'priority', 'channel', 'description'] as const;
export type FormField = (typeof BASE_FIELDS)[number] | 'assets' | req.FieldFocus;
export type TextField = 'title' | 'requester' | 'description' | req.FieldFocus;
export type ChoiceField = 'category' | 'priority' | 'channel' | 'template';

export interface FormState extends req.RequestPart {
  title: EditorState;
  requester: EditorState;
  description: EditorState;
  category: string;
  priority: string;
  channel: string;
  categories: readonly string[];
  focus: FormField;
  errors: Partial<Record<FormField, string>>;
  /** Known requesters matching the requester text; `index` −1 when none is highlighted. */
  suggest: { items: string[]; index: number };
  /** The tier taken from a triage suggestion (the form has no field for it; null: the default). */
  tier: string | null;
  /** The triage suggestion for the typed text (./form-triage.ts); null until one is answered. */
  triage: FormTriage | null;
}

export interface FormTriage {
  /** The text the answer was asked for (formTriageText). */
  text: string;
  /** Suggestions that would change the form (valid values only). */
  suggestions: FieldSuggestion[];
}

export const DEFAULTS = { category: 'other', priority: 'normal', channel: 'phone' } as const;
