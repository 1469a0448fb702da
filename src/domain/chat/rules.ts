/**
 * Chat notification rules as data, read from settings (never the webhook URLs themselves):
 *
 *   chat.channel.<name>.kind      slack | teams
 *   chat.channel.<name>.url_env   the environment variable holding its webhook URL
 *   chat.channel.<name>.url_file  or a file holding it (keep it 0600)
 *   chat.on.<event>               channel names, comma-separated
 *
 * An event may name a channel that is not described: it is still queued under that name, and
 * `outbox send` leaves it queued and says what is missing (exit 4), so a typo is seen, not lost.
 */
export const CHAT_EVENTS = ['ticket.created.urgent', 'sla.risk', 'sla.breach', 'assigned.me', 'assigned.group', 'escalated'] as const;
export type ChatEventName = (typeof CHAT_EVENTS)[number];

export const CHAT_KINDS = ['slack', 'teams'] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

/** What each event means, for `config set --help` and the README. */
export const CHAT_EVENT_HELP: Readonly<Record<ChatEventName, string>> = {
  'ticket.created.urgent': 'a ticket is created with priority urgent',
  'sla.risk': 'a running SLA target has under 25 % of its time left (deskline maintain; once per ticket and target)',
  'sla.breach': 'a running SLA target is past due (deskline maintain; once per ticket and target)',
  'assigned.me': 'a ticket is assigned to you (user.email)',
  'assigned.group': 'a ticket is put in a group you belong to',
  escalated: 'a ticket is escalated to a higher tier',
};

export interface ChatChannel {
  name: string;
  kind: ChatKind | null;
  urlEnv: string | null;
  urlFile: string | null;
}

export interface ChatRules {
  /** Channel names per event (only events with at least one). */
  on: Partial<Record<ChatEventName, readonly string[]>>;
  channels: Readonly<Record<string, ChatChannel>>;
  /** Whose "me" assigned.me and assigned.group mean (lower case). */
  me: string;
}

/** A channel name: a word of letters, digits, `-` and `_` (it becomes part of a settings key). */
export const CHANNEL_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

export const channelList = (value: unknown): string[] =>
  (Array.isArray(value) ? value.map(String) : String(value ?? '').split(',')).map((c) => c.trim()).filter((c) => CHANNEL_NAME.test(c));

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The rules in flattened settings (`chat.on.sla.breach`: 'oncall'); null when no event has a channel. */
export function chatRules(settings: Readonly<Record<string, unknown>>, me: string): ChatRules | null {
  const on: ChatRules['on'] = {};
  for (const event of CHAT_EVENTS) {
    const names = channelList(settings[`chat.on.${event}`]);
    if (names.length) on[event] = [...new Set(names)];
  }
  if (Object.keys(on).length === 0) return null;
  const channels: Record<string, ChatChannel> = {};
  for (const key of Object.keys(settings)) {
    const m = /^chat\.channel\.([^.]+)\.(kind|url_env|url_file)$/.exec(key);
    if (!m || !CHANNEL_NAME.test(m[1]!)) continue;
    const c = (channels[m[1]!] ??= { name: m[1]!, kind: null, urlEnv: null, urlFile: null });
    const v = text(settings[key]);
    if (m[2] === 'kind') c.kind = (CHAT_KINDS as readonly string[]).includes(v ?? '') ? (v as ChatKind) : null;
    else if (m[2] === 'url_env') c.urlEnv = v;
    else c.urlFile = v;
  }
  return { on, channels, me: me.trim().toLowerCase() };
}
