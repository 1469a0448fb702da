/** The remote-session settings `config set` knows: the client each protocol runs (`asset connect`). */
import { DEFAULT_CLIENTS, PLACEHOLDERS, parseClientTemplate, type RemoteProtocol } from '../domain/remote-client.js';
import { InputError } from '../domain/text-rules.js';
import { EXIT, fail } from '../errors.js';
import type { Settings } from '../settings.js';

type KeySpec = { help: string; parse(v: string): unknown };

const template = (key: string) => (v: string) => {
  try {
    return parseClientTemplate(v, key);
  } catch (error) {
    if (error instanceof InputError) fail(EXIT.invalid, error.message);
    throw error;
  }
};

const PROTOCOLS = Object.keys(DEFAULT_CLIENTS) as RemoteProtocol[];
const shown = PLACEHOLDERS.map((p) => `{${p}}`).join(' ');

export const REMOTE_KEYS: Record<string, KeySpec> = Object.fromEntries(
  PROTOCOLS.map((p) => [
    `remote.${p}`,
    {
      help: `the ${p} client and its arguments, with ${shown} (default "${DEFAULT_CLIENTS[p].join(' ')}")`,
      parse: template(`remote.${p}`),
    },
  ]),
);

/** The client templates settings hold (each checked again: the file may have been edited by hand). */
export function remoteClients(settings: Settings): Partial<Record<RemoteProtocol, string[]>> {
  const out: Partial<Record<RemoteProtocol, string[]>> = {};
  for (const p of PROTOCOLS) {
    const value = settings[`remote.${p}`];
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    out[p] = template(`remote.${p} in the settings file`)(text);
  }
  return out;
}
