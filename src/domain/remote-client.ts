/**
 * Remote-session clients as data: which program a protocol runs and with which arguments. The
 * command line is an array (never a shell), and its placeholders are filled with values checked
 * elsewhere (hostnames by domain/asset.ts, refs by the store), one whole argument at a time. Pure.
 */
import { InputError } from './text-rules.js';

export type RemoteProtocol = 'ssh' | 'rdp' | 'vnc';

/** What `{name}` in an argument stands for. */
export const PLACEHOLDERS = ['host', 'tag', 'ticket'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];

/** The clients used unless settings (`remote.<protocol>`) name others. */
export const DEFAULT_CLIENTS: Readonly<Record<RemoteProtocol, readonly string[]>> = {
  ssh: ['ssh', '{host}'],
  rdp: ['xfreerdp', '/v:{host}'],
  vnc: ['vncviewer', '{host}'],
};

/** A template typed on the command line (`xfreerdp /v:{host} /dynamic-resolution`) as arguments, checked. */
export function parseClientTemplate(text: string, field: string): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) throw new InputError(field, 'must name a program, e.g. "ssh {host}"');
  if (words[0]!.includes('{')) throw new InputError(field, `the program must be a name, not a placeholder (got '${words[0]}')`);
  for (const word of words) {
    for (const [, name] of word.matchAll(/\{([^}]*)\}/g)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(name!))
        throw new InputError(field, `unknown placeholder {${name}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`);
    }
  }
  if (!words.some((w) => w.includes('{host}'))) throw new InputError(field, 'must contain {host}');
  return words;
}

/** The arguments with their placeholders filled in; each value stays inside its own argument. */
export function clientArgv(template: readonly string[], values: Readonly<Record<Placeholder, string>>): string[] {
  return template.map((arg) => arg.replace(/\{(host|tag|ticket)\}/g, (_, name: Placeholder) => values[name]));
}

/** Whole minutes a session took, at least 1 (a session was held), at most a day (the timeline's limit). */
export function sessionMinutes(startedAt: number, endedAt: number): number {
  return Math.min(24 * 60, Math.max(1, Math.ceil((endedAt - startedAt) / 60_000)));
}
