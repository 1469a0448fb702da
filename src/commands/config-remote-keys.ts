/** The remote-session settings `config set` knows: the client each protocol runs (`asset connect`). */
import { DEFAULT_CLIENTS, PLACEHOLDERS, parseClientTemplate, type RemoteProtocol } from '../domain/remote-client.js';
import { InputError } from '../domain/text-rules.js';
import { EXIT, fail } from '../errors.js';

type KeySpec = { help: string; parse(v: string): unknown };

/** A typed template, checked; a bad one exits 4 naming the key. */
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
