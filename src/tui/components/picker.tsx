/** A picker: options with their keys, the highlighted one marked; scrolls to keep it in view. */
import { Text } from 'ink';
import { sanitizeLine } from '../../domain/sanitize.js';
import type { Overlay } from '../state/act/types.js';
import { fit } from '../text/text.js';
import { AskLine, Filler, TitleBar } from './dialog-parts.js';

type Picker = Extract<Overlay, { kind: 'picker' }>;

export function PickerView({ o, width, height }: { o: Picker; width: number; height: number }) {
  const room = Math.max(1, height - 1 - (o.ask ? 1 : 0));
  const top = Math.max(0, Math.min(o.index - room + 1, o.options.length - room));
  const shown = o.options.slice(Math.max(0, top), Math.max(0, top) + room);
  return (
    <>
      <TitleBar title={o.title} width={width} />
      {shown.map((opt, i) => {
        const selected = Math.max(0, top) + i === o.index;
        return (
          <Text key={opt.value} inverse={selected} wrap="truncate-end">
            {fit(`${selected ? '▸' : ' '} ${opt.key ?? ' '}  ${sanitizeLine(opt.label)}`, width)}
          </Text>
        );
      })}
      <Filler lines={room - shown.length} />
      {o.ask && <AskLine question={o.ask.question} width={width} />}
    </>
  );
}
