/**
 * The chat settings `config set` knows: which events go to which channels, and each channel's kind
 * and where its webhook URL is (an environment variable or a file: never the URL itself). A URL
 * that can be read now is checked now: a malformed one is one line, exit 4, without the URL.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHANNEL_NAME, CHAT_EVENT_HELP, CHAT_EVENTS, CHAT_KINDS } from '../domain/chat/rules.js';
import { checkWebhookUrl } from '../domain/chat/webhook-url.js';
import { EXIT, fail } from '../errors.js';

type Env = Record<string, string | undefined>;
type KeySpec = { help: string; parse(v: string): unknown };

const channels = (key: string) => (v: string) => {
  const names = v
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const bad = names.find((n) => !CHANNEL_NAME.test(n));
  if (bad !== undefined || names.length === 0)
    fail(EXIT.invalid, `${key}: '${bad ?? v}' is not a channel name (letters, digits, - and _; comma-separated)`);
  return [...new Set(names)].join(',');
};

export const CHAT_KEYS: Record<string, KeySpec> = {
  ...Object.fromEntries(
    CHAT_EVENTS.map((e) => [`chat.on.${e}`, { help: `chat channels told when ${CHAT_EVENT_HELP[e]}`, parse: channels(`chat.on.${e}`) }]),
  ),
  'chat.timeout': {
    help: 'seconds to wait for a webhook to answer (default 10)',
    parse: (v) =>
      /^\d{1,2}$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 60
        ? Number(v)
        : fail(EXIT.invalid, `chat.timeout: '${v}' must be a whole number of seconds from 1 to 60`),
  },
};

export const CHAT_PATTERN_HELP: Record<string, string> = {
  'chat.channel.<name>.kind': `${CHAT_KINDS.join(' | ')}`,
  'chat.channel.<name>.url_env': 'the environment variable holding its webhook URL',
  'chat.channel.<name>.url_file': 'or a file holding it (keep it 0600)',
};

const checkUrl = (key: string, raw: string, source: string) => {
  const checked = checkWebhookUrl(raw);
  if (!checked.ok) fail(EXIT.invalid, `${key}: the webhook URL in ${source} ${checked.reason}`);
};

/** The spec of a `chat.channel.<name>.<field>` key, or null when `key` is none. */
export function chatChannelKey(key: string, env: Env): KeySpec | null {
  const m = /^chat\.channel\.([^.]*)\.(kind|url_env|url_file|url|webhook)$/.exec(key);
  if (!m) return null;
  const [, name, field] = m;
  if (!CHANNEL_NAME.test(name!)) fail(EXIT.invalid, `${key}: '${name}' is not a channel name (letters, digits, - and _)`);
  if (field === 'url' || field === 'webhook')
    fail(EXIT.invalid, `${key}: a webhook URL is a secret and never stored in settings: set chat.channel.${name}.url_env or .url_file`);
  if (field === 'kind')
    return {
      help: CHAT_PATTERN_HELP['chat.channel.<name>.kind']!,
      parse: (v) =>
        (CHAT_KINDS as readonly string[]).includes(v.trim().toLowerCase())
          ? v.trim().toLowerCase()
          : fail(EXIT.invalid, `${key}: must be one of ${CHAT_KINDS.join(', ')} (got '${v}')`),
    };
  if (field === 'url_env')
    return {
      help: CHAT_PATTERN_HELP['chat.channel.<name>.url_env']!,
      parse: (v) => {
        const name = v.trim();
        if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name)) fail(EXIT.invalid, `${key}: '${v}' is not an environment variable name`);
        if (env[name] !== undefined) checkUrl(key, env[name]!, `$${name}`);
        return name;
      },
    };
  return {
    help: CHAT_PATTERN_HELP['chat.channel.<name>.url_file']!,
    parse: (v) => {
      const path = resolve(v.trim());
      if (existsSync(path)) {
        let text = '';
        try {
          text = readFileSync(path, 'utf8');
        } catch (error) {
          fail(EXIT.invalid, `${key}: cannot read ${path}: ${(error as { code?: string }).code ?? 'error'}`);
        }
        checkUrl(key, text, path);
      }
      return path;
    },
  };
}
