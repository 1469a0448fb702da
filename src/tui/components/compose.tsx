/** A text box for a reply, note, call, resolution, escalation reason or tags: the small editor. */
import { Text } from 'ink';
import type { Overlay } from '../state/act/types.js';
import { AskLine, Filler, TitleBar } from './dialog-parts.js';
import { Editor } from './editor.js';

type Compose = Extract<Overlay, { kind: 'compose' }>;

const PLACEHOLDER: Record<Compose['purpose'], string> = {
  reply: 'the reply the requester will read',
  note: 'a note only technicians see',
  call: 'what was said (optional)',
  resolve: 'what fixed it',
  escalate: 'why it needs the next tier',
  tags: 'vpn printer -old-tag',
  followup: 'thu 10:00 · tomorrow · 2026-12-03 14:30 · 2h · none',
  verify: 'what was checked, e.g. called back on the number in the HR record (optional)',
  force: 'why it is resolved with required items open',
};

export function ComposeView({ o, width, height }: { o: Compose; width: number; height: number }) {
  const minutes = o.minutes ? 1 : 0;
  const ask = o.ask ? 1 : 0;
  const body = Math.max(1, height - 1 - minutes - ask);
  const rows = o.text.single ? 1 : body;
  return (
    <>
      <TitleBar title={o.title + (o.target?.title ? ` · ${o.target.title}` : '')} width={width} />
      {o.minutes && (
        <Text wrap="truncate-end">
          <Text bold={o.field === 'minutes'}>{o.field === 'minutes' ? '▸' : ' '}Minutes </Text>
          <Editor state={o.minutes} width={8} height={1} focused={o.field === 'minutes' && !o.ask} placeholder="0" />
        </Text>
      )}
      <Editor
        state={o.text}
        width={width}
        height={rows}
        focused={o.field === 'text' && !o.ask}
        placeholder={PLACEHOLDER[o.purpose]}
        indent=" "
      />
      <Filler lines={body - rows} />
      {o.ask && <AskLine question={o.ask.question} width={width} />}
    </>
  );
}
