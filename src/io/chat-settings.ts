/**
 * A chat channel as the sender needs it: its kind and its webhook URL, read when sending from the
 * environment variable or the file its settings name (the URL is a secret: never in settings, the
 * database or any output). Problems are one line naming the channel and the source, never the URL.
 */
import { readFileSync } from 'node:fs';
import type { ChatKind, ChatRules } from '../domain/chat/rules.js';
import { checkWebhookUrl } from '../domain/chat/webhook-url.js';

type Env = Record<string, string | undefined>;

export type ChannelTarget = { ok: true; kind: ChatKind; url: URL } | { ok: false; problem: string };

/** How long to wait for a webhook's answer (chat.timeout, 1–60 s; a claim's lease is 2 min). */
export function chatTimeoutMs(settings: Readonly<Record<string, unknown>>): number {
  const s = Number(settings['chat.timeout']);
  return Number.isInteger(s) && s >= 1 && s <= 60 ? s * 1000 : 10_000;
}

export function channelTarget(rules: ChatRules | null, name: string, env: Env): ChannelTarget {
  const key = `chat.channel.${name}`;
  const channel = rules?.channels[name];
  if (!channel) return { ok: false, problem: `chat channel '${name}' is not set up (deskline config set ${key}.kind slack|teams)` };
  if (!channel.kind) return { ok: false, problem: `${key}.kind: must be slack or teams` };
  let raw: string;
  let source: string;
  if (channel.urlEnv) {
    source = `$${channel.urlEnv} (${key}.url_env)`;
    const value = env[channel.urlEnv];
    if (value === undefined) return { ok: false, problem: `chat channel '${name}': ${source} is not set` };
    raw = value;
  } else if (channel.urlFile) {
    source = `${channel.urlFile} (${key}.url_file)`;
    try {
      raw = readFileSync(channel.urlFile, 'utf8');
    } catch (error) {
      return { ok: false, problem: `chat channel '${name}': cannot read ${source}: ${(error as { code?: string }).code ?? 'error'}` };
    }
  } else {
    return { ok: false, problem: `chat channel '${name}' has no webhook URL (set ${key}.url_env or ${key}.url_file)` };
  }
  const checked = checkWebhookUrl(raw);
  if (!checked.ok) return { ok: false, problem: `chat channel '${name}': the webhook URL in ${source} ${checked.reason}` };
  return { ok: true, kind: channel.kind, url: checked.url };
}
