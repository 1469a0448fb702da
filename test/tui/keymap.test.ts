import { describe, expect, it } from 'vitest';
import { decodeAll } from '../../src/tui/keys/decode.js';
import { applyRemaps, DEFAULT_KEYMAP, hints, lookup, viewBindings } from '../../src/tui/keys/keymap.js';
import { allViews, BUILTIN_VIEWS } from '../../src/tui/state/views.js';

/** The key name the decoder gives one terminal read (keys/decode.ts), or the text. */
const keyName = (read: string) => {
  const [e] = decodeAll(read);
  return e?.kind === 'key' ? (e.alt ? `meta+${e.name}` : e.name) : e?.kind === 'text' && [...e.text].length === 1 ? e.text : null;
};
const keymap = [...viewBindings(BUILTIN_VIEWS), ...DEFAULT_KEYMAP];

describe('keymap', () => {
  it('names terminal keys', () => {
    expect(keyName('j')).toBe('j');
    expect(keyName('G')).toBe('G');
    expect(keyName('\x1b[B')).toBe('down');
    expect(keyName('\x1b[6~')).toBe('pagedown');
    expect(keyName('\r')).toBe('enter');
    expect(keyName('\x1b')).toBe('escape');
    expect(keyName('\x1b[Z')).toBe('shift+tab');
    expect(keyName('\x03')).toBe('ctrl+c');
    expect(keyName('paste')).toBeNull();
  });

  it('resolves a key per mode: the same key does different things in different panes', () => {
    expect(lookup(keymap, 'queue', 'enter')?.action).toBe('focusDetail');
    expect(lookup(keymap, 'filter', 'enter')?.action).toBe('filterKeep');
    expect(lookup(keymap, 'detail', 'escape')?.action).toBe('back');
    expect(lookup(keymap, 'queue', '4')).toMatchObject({ action: 'view', arg: '4' });
    expect(lookup(keymap, 'filter', 'j')).toBeUndefined();
    expect(lookup(keymap, 'welcome', 'd')?.action).toBe('loadDemo');
  });

  it('generates the status-bar hints from the bindings', () => {
    const queue = hints(keymap, 'queue').map((h) => `${h.keys} ${h.label}`);
    expect(queue.slice(0, 4)).toEqual(['1-6 views', 'j/k move', 'g/G top/end', 'PgDn/PgUp page']);
    expect(queue).toContain('/ filter');
    expect(queue).toContain('q quit');
    expect(hints(keymap, 'filter').map((h) => `${h.keys} ${h.label}`)).toEqual(['⏎ keep', 'Esc clear']);
  });

  it('remaps an action from the settings, in the modes it worked in, and ignores unknown actions', () => {
    const remapped = applyRemaps(keymap, { down: 'n', quit: 'x ctrl+q', nonsense: 'z' });
    expect(lookup(remapped, 'queue', 'n')?.action).toBe('down');
    expect(lookup(remapped, 'detail', 'n')?.action).toBe('down');
    expect(lookup(remapped, 'queue', 'j')).toBeUndefined();
    expect(lookup(remapped, 'queue', 'x')?.action).toBe('quit');
    expect(lookup(remapped, 'filter', 'ctrl+q')?.action).toBe('quit');
    expect(lookup(remapped, 'queue', 'q')).toBeUndefined();
    expect(lookup(remapped, 'queue', 'z')).toBeUndefined();
    expect(hints(remapped, 'queue').map((h) => h.keys)).toContain('n/k');
  });

  it('appends saved views after the built-in ones with free keys', () => {
    const views = allViews({ 'vpn issues': 'tag:vpn', 'L2 urgent': 'tier:L2 prio:urgent' });
    expect(views.map((v) => `${v.key} ${v.name}`)).toEqual([
      '1 My queue',
      '2 Unassigned',
      '3 Breaching soon',
      '4 All open',
      '5 Resolved',
      '6 Follow-up',
      '7 L2 urgent',
      '8 vpn issues',
    ]);
    expect(lookup(viewBindings(views), 'queue', '8')).toMatchObject({ action: 'view', arg: '8' });
  });
});
