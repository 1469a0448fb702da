/**
 * A webhook URL checked without ever repeating it: it is a secret (whoever holds it can post to the
 * channel), so problems name where it came from, never its text. https only, except http to this
 * machine's loopback (a local relay, or a test's server).
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The URL, or a reason (without the URL) it cannot be a webhook. */
export function checkWebhookUrl(raw: string): { ok: true; url: URL } | { ok: false; reason: string } {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'is empty' };
  if (/\s/.test(text)) return { ok: false, reason: 'is not one URL (it has spaces or line breaks)' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'is not a URL' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
    return { ok: false, reason: 'is not an https URL' };
  if (url.username || url.password) return { ok: false, reason: 'must not carry a user name or password' };
  if (!url.hostname) return { ok: false, reason: 'has no host' };
  return { ok: true, url };
}

/** A message from the network with any copy of the URL (or its path, which holds the token) blotted out. */
export function withoutUrl(message: string, url: URL | null): string {
  if (!url) return message;
  let out = message.split(url.href).join('<webhook>');
  if (url.pathname.length > 1) out = out.split(url.pathname).join('/…');
  return out;
}
