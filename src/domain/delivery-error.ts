/**
 * A failed SMTP try as one line, and whether trying again can help. Pure: it reads the fields
 * nodemailer puts on its errors (code, responseCode, command, response).
 *
 * Permanent: the server refused this message itself (5xx to RCPT TO or DATA: no such mailbox,
 * rejected content) or its address is malformed. Everything else (no connection, a dropped or slow
 * one, 4xx, a refused login or sender: the desk's settings, not the message) waits and tries again.
 */
export interface SmtpFailure {
  code?: unknown;
  responseCode?: unknown;
  command?: unknown;
  response?: unknown;
  message?: unknown;
}

const MESSAGE_COMMANDS = ['RCPT TO', 'DATA'];

const CODE_WORDS: Record<string, string> = {
  ETIMEDOUT: 'timed out',
  EAUTH: 'login refused',
  EENVELOPE: 'recipient refused',
  EDNS: 'host not found',
  ETLS: 'TLS failed',
};

const oneLine = (v: unknown) =>
  String(v ?? '')
    .replace(/\s+/g, ' ')
    .trim();

export function describeDelivery(error: unknown): { permanent: boolean; message: string } {
  const e = (error ?? {}) as SmtpFailure;
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : 0;
  const command = oneLine(e.command).toUpperCase();
  const permanent = responseCode >= 500 && MESSAGE_COMMANDS.some((c) => command.startsWith(c));
  const response = oneLine(e.response);
  const word = CODE_WORDS[oneLine(e.code)];
  const detail = response ? `${response}${command ? ` (after ${command})` : ''}` : oneLine(String(e.message ?? '').split('\n')[0]) || 'unknown error';
  const message = word && !detail.toLowerCase().includes(word) ? `${word}: ${detail}` : detail;
  return { permanent, message: message.slice(0, 300) };
}
