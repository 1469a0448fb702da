/**
 * The new-ticket form: one line per field, the focused one marked, errors beside their field,
 * requester completions under the requester, a template's fields under the template, the
 * requester's assets to tick, the triage suggestion above the choices once one is answered, the
 * description's editor taking the rest.
 */
import { Text } from 'ink';
import { sanitizeLine } from '../../domain/sanitize.js';
import { useColor } from '../hooks/console-context.js';
import type { Overlay } from '../state/act/types.js';
import { editorOf, formStops, isText, type FormField, type FormState } from '../state/form.js';
import { fieldName, isFieldFocus, templateOf } from '../state/form-request.js';
import { describeSuggestions, pendingSuggestions } from '../state/form-triage.js';
import { fit, truncate, width as cells } from '../text/text.js';
import { AskLine, Filler, TitleBar } from './dialog-parts.js';
import { Editor } from './editor.js';

type Form = Extract<Overlay, { kind: 'form' }>;

const LABELS: Record<string, string> = {
  title: 'Title',
  requester: 'Requester',
  template: 'Template',
  assets: 'Assets',
  category: 'Category',
  priority: 'Priority',
  channel: 'Channel',
  description: 'Description',
};
/** `▸ Description` and a space before what follows it; a template's longer labels widen it (up to a third of the width). */
const MIN_LABEL = 14;

/** The triage suggestion for what is typed (Ctrl+T takes it), or the tier it set (the form has no tier field). */
function triageLine(f: FormState): string | null {
  const pending = pendingSuggestions(f);
  if (pending.length) return `${describeSuggestions(pending)} · ^T takes ${pending.length > 1 ? 'them' : 'it'}`;
  return f.tier ? `tier ${f.tier} (taken)` : null;
}

export function FormView({ o, width, height }: { o: Form; width: number; height: number }) {
  const f = o.form;
  const color = useColor();
  const ask = o.ask ? 1 : 0;
  const suggestions = f.focus === 'requester' ? f.suggest.items.slice(0, 3) : [];
  const stops = formStops(f);
  const template = templateOf(f);
  const labelOf = (field: FormField) =>
    isFieldFocus(field) ? (template?.fields.find((x) => x.name === fieldName(field))?.label ?? fieldName(field)) : LABELS[field]!;
  const LABEL = Math.max(
    MIN_LABEL,
    Math.min(Math.floor(width / 3), Math.max(0, ...(template?.fields ?? []).map((x) => cells(sanitizeLine(x.label)) + 4))),
  );
  const requiredMark = (field: FormField) =>
    isFieldFocus(field) && template?.fields.find((x) => x.name === fieldName(field))?.required ? '*' : '';
  // Completions come with a line saying how to take one.
  const triage = triageLine(f);
  const fixed = 1 + stops.length + suggestions.length + (suggestions.length ? 1 : 0) + (triage ? 1 : 0) + ask;
  const descRows = Math.max(1, height - fixed);
  const label = (field: FormField) => {
    const on = f.focus === field && !o.ask;
    return <Text bold={on}>{fit(`${on ? '▸' : ' '} ${sanitizeLine(labelOf(field))}${requiredMark(field)}`, LABEL)}</Text>;
  };
  const error = (field: FormField) => (f.errors[field] ? `  ✗ ${f.errors[field]}` : '');
  const line = (field: FormField) => {
    const err = truncate(error(field), Math.max(0, Math.floor(width / 2)));
    const room = Math.max(4, width - LABEL - cells(err));
    const on = f.focus === field && !o.ask;
    return (
      <Text key={field} wrap="truncate-end">
        {label(field)}
        {isText(field) && field !== 'description' ? (
          <Editor
            state={editorOf(f, field)}
            width={room}
            height={1}
            focused={on}
            placeholder={field === 'requester' ? 'name, email or Name <email>' : field === 'title' && template ? '(from the template)' : ''}
          />
        ) : field === 'assets' ? (
          <Text>
            {f.assets.items
              .map((a, i) => (
                <Text key={a.tag} inverse={on && i === f.assets.index}>
                  {`${f.assets.chosen.includes(a.tag) ? '[x]' : '[ ]'} ${sanitizeLine(a.label)}`}
                </Text>
              ))
              .flatMap((el, i) => (i ? [<Text key={`gap${i}`}>{'  '}</Text>, el] : [el]))}
            <Text dimColor>{on ? '  ←/→ · Space links' : ''}</Text>
          </Text>
        ) : field === 'template' ? (
          <Text>
            {fit(`‹ ${f.template || 'none (a plain ticket)'} ›`, Math.min(room, 30))}
            <Text dimColor>{on ? ' ←/→ or type a letter: its fields come below' : ''}</Text>
          </Text>
        ) : field === 'description' ? (
          <Text dimColor>{on ? '(↑ at the top goes back; ⏎ new line)' : ''}</Text>
        ) : (
          <Text>
            {fit(`‹ ${f[field as 'category' | 'priority' | 'channel']} ›`, Math.min(room, 24))}
            <Text dimColor>{on ? ' ←/→ or type a letter' : ''}</Text>
          </Text>
        )}
        <Text color={color('red')}>{err}</Text>
      </Text>
    );
  };
  return (
    <>
      <TitleBar title="New ticket" width={width} right="^S save · Esc cancel " />
      {stops.slice(0, 2).map(line)}
      {suggestions.map((s, i) => (
        <Text key={`s${i}`} inverse={i === f.suggest.index} wrap="truncate-end">
          {fit(`${' '.repeat(LABEL)}${i === f.suggest.index ? '▸' : '·'} ${sanitizeLine(s)}`, width)}
        </Text>
      ))}
      {suggestions.length > 0 && (
        <Text dimColor wrap="truncate-end">
          {fit(`${' '.repeat(LABEL)}↓/↑ picks a known requester · Tab or ⏎ takes it`, width)}
        </Text>
      )}
      {triage && (
        <Text wrap="truncate-end">
          <Text>{fit('  Suggested', LABEL)}</Text>
          <Text dimColor>{fit(sanitizeLine(triage), Math.max(0, width - LABEL))}</Text>
        </Text>
      )}
      {stops.slice(2).map(line)}
      <Editor
        state={f.description}
        width={width}
        height={descRows}
        focused={f.focus === 'description' && !o.ask}
        indent="  "
        placeholder="what happened, since when, what was tried"
      />
      <Filler lines={height - fixed - descRows} />
      {o.ask && <AskLine question={o.ask.question} width={width} />}
    </>
  );
}
