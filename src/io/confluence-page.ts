/**
 * One page of a Confluence space HTML export (Space tools → Export → HTML), read into its parts:
 * the page id (the number its file name ends with: `VPN-setup_9568346.html` or `9273380.html`),
 * its title (`#title-text`, without the `Space name : ` prefix the export adds), the titles of the
 * pages above it (`#breadcrumbs`, space home first, the space's index left out), the body
 * (`#main-content`) and the attachments the body refers to (`attachments/<page>/<file>`).
 * Pure apart from the DOM parser: no files, no store. A page that cannot be read throws PageError.
 */
import { createDocument, type DominoElement } from '@mixmark-io/domino';

export class PageError extends Error {}

export interface ConfluencePage {
  id: string;
  title: string;
  /** Titles above this page, the space home first; empty for the home page itself. */
  ancestors: string[];
  /** The file names of the pages above it, in the same order. */
  ancestorFiles: string[];
  /** The page body as the export holds it (HTML of `#main-content`). */
  body: DominoElement;
  /** Attachment paths (relative to the export folder) that the body links to or shows. */
  attachments: string[];
}

/** `Title_9568346.html` → `9568346`; `9273380.html` → `9273380`; null for index.html and other files. */
export function pageIdOf(fileName: string): string | null {
  return /(?:^|_)(\d{1,20})\.html?$/i.exec(fileName)?.[1] ?? null;
}

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Reads one exported page. `spaceName` is the space's own name, which the export puts before each title. */
export function readPage(fileName: string, html: string, spaceName: string | null): ConfluencePage {
  const id = pageIdOf(fileName);
  if (!id) throw new PageError('its file name does not end with a page id (Title_12345.html)');
  if (html.includes('\u0000')) throw new PageError('it is not text (it holds NUL bytes)');
  const doc = createDocument(html);
  const body = doc.querySelector('#main-content');
  if (!body) throw new PageError('it has no page body (#main-content): not a page of a Confluence HTML export');
  const title = pageTitle(squash(doc.querySelector('#title-text')?.textContent) || squash(doc.title), spaceName);
  if (!title) throw new PageError('it has no title (#title-text)');
  const crumbs = [...Array.from(doc.querySelectorAll('#breadcrumbs li a'))].map((a) => ({
    title: squash(a.textContent),
    file: (a.getAttribute('href') ?? '').split(/[?#]/)[0]!,
  }));
  const above = crumbs.filter((c) => c.file !== 'index.html' && c.title !== '');
  return {
    id,
    title,
    ancestors: above.map((c) => c.title),
    ancestorFiles: above.map((c) => c.file),
    body,
    attachments: attachmentsOf(body),
  };
}

/** `Support : VPN set-up` → `VPN set-up` when the space is called Support (titles may hold ` : ` too). */
export function pageTitle(shown: string, spaceName: string | null): string {
  if (spaceName && shown.startsWith(`${spaceName} : `)) return shown.slice(spaceName.length + 3).trim();
  return shown;
}

function attachmentsOf(body: DominoElement): string[] {
  const found = new Set<string>();
  for (const el of Array.from(body.querySelectorAll('a[href], img[src]'))) {
    const ref = decodeURIComponent((el.getAttribute('href') ?? el.getAttribute('src') ?? '').split(/[?#]/)[0]!);
    if (/^attachments\/\d+\/[^/]+$/.test(ref)) found.add(ref);
  }
  return [...found].sort();
}

/** The space's name from the export's index.html (`Space Details` table, row `Name`), if it has one. */
export function spaceNameOf(indexHtml: string): string | null {
  const doc = createDocument(indexHtml);
  for (const row of Array.from(doc.querySelectorAll('#main-content tr'))) {
    const [th, td] = [row.querySelector('th'), row.querySelector('td')];
    if (th && td && squash(th.textContent).toLowerCase() === 'name') return squash(td.textContent) || null;
  }
  return null;
}
