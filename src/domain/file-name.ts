/**
 * A file name from outside (an upload, a mail part, an import) made safe to show and to save under:
 * its last path segment only, no control or format characters, no leading dots, no `..`, at most
 * 120 characters; empty becomes the fallback. It can never name another folder.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff<>:"|?*]/g;
const MAX = 120;

export function safeFileName(name: string, fallback = 'attachment'): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  let clean = last
    .replace(UNSAFE, '')
    .replace(/^[.\s]+/, '')
    .trim();
  if (clean === '' || /^\.+$/.test(clean)) return fallback;
  if (clean.length > MAX) {
    const dot = clean.lastIndexOf('.');
    const ext = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
    clean = clean.slice(0, MAX - ext.length) + ext;
  }
  return clean;
}
