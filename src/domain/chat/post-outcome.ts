/**
 * What a webhook's answer means for the outbox, as data: 2xx delivered; 429 (slow down), 408 and 5xx
 * (the service's trouble) wait and try again; any other 4xx is the message or the hook refused for
 * good (a bad payload, a revoked or archived hook) and is given up with the answer as its error, as
 * is a redirect (the URL is not the hook's: redirects are not followed).
 * A network failure or a timeout waits and tries again.
 */
export type PostOutcome = { delivered: true } | { delivered: false; permanent: boolean; message: string };

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 200);

export function outcomeOfStatus(status: number, body: string): PostOutcome {
  if (status >= 200 && status < 300) return { delivered: true };
  const said = oneLine(body);
  const message = `HTTP ${status}${said ? `: ${said}` : ''}`;
  const permanent = status < 500 && status !== 429 && status !== 408;
  return { delivered: false, permanent, message };
}

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS)',
  ETIMEDOUT: 'timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connect timed out',
  UND_ERR_SOCKET: 'connection closed',
};

/** A failed fetch (no answer at all): always worth another try. */
export function outcomeOfError(error: unknown): PostOutcome {
  const e = error as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return { delivered: false, permanent: false, message: 'timed out' };
  const code = e?.code ?? e?.cause?.code ?? '';
  const words = NETWORK_WORDS[code] ?? oneLine(e?.cause?.message || e?.message || 'network error');
  return { delivered: false, permanent: false, message: code && !NETWORK_WORDS[code] ? `${words} (${code})` : words };
}
