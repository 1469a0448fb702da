/** Plain mode's knowledge base: search (numbered results), read an article, link one to the ticket. */
import { sanitizeLine, sanitizeText } from '../../domain/sanitize.js';
import { findArticle } from '../../store/kb.js';
import { linkArticle } from '../../store/kb-links.js';
import { searchKb } from '../../store/kb-search.js';
import type { PlainCommand } from './command.js';
import type { PlainSession } from './session.js';

/** `2` (the second result of the last search), `KB-12` or a slug → what findArticle takes. */
function articleRef(s: PlainSession, word: string): number | string | null {
  const w = word.trim();
  if (!w) return null;
  if (/^\d+$/.test(w) && s.kbResults[Number(w) - 1]) return s.kbResults[Number(w) - 1]!.id;
  const kb = /^kb-(\d+)$/i.exec(w);
  return kb ? Number(kb[1]) : w;
}

export const KB_COMMANDS: readonly PlainCommand[] = [
  {
    words: ['kb'],
    action: 'kbOpen',
    usage: 'kb WORDS',
    help: 'search the knowledge base (typos forgiven)',
    run: async (s, arg) => {
      if (!arg.trim()) return s.say('Say what to look for: kb and some words, such as kb vpn.');
      const results = await searchKb(s.desk.db, arg, { limit: 5 });
      s.kbResults = results.map((r) => ({ id: r.id, title: r.title }));
      if (!results.length) return s.say(`No article matches ${sanitizeLine(arg)}.`);
      s.say(`${results.length} article${results.length === 1 ? '' : 's'} for ${sanitizeLine(results[0]!.searched.join(' '))}:`);
      results.forEach((r, i) => s.say(`${i + 1}. KB-${r.id}: ${sanitizeLine(r.title)}.${r.status === 'draft' ? ' A draft.' : ''}`));
      s.say('Say article and a number to read one, or link and a number to link it to the ticket.');
    },
  },
  {
    words: ['article'],
    action: 'kbRead',
    usage: 'article NUMBER',
    help: 'read an article of the last search (or KB-12)',
    run: async (s, arg) => {
      const ref = articleRef(s, arg);
      const article = ref === null ? null : await findArticle(s.desk.db, ref);
      if (!article) return s.say('Say article and a number from the last search, or a ref such as KB-12.');
      s.say(`KB-${article.id}: ${sanitizeLine(article.title)}. Category ${sanitizeLine(article.category)}.`);
      for (const line of sanitizeText(article.body).split('\n')) if (line.trim()) s.say(line.replace(/^#+\s*/, ''));
    },
  },
  {
    words: ['link'],
    action: 'kbLink',
    usage: 'link NUMBER',
    help: 'link an article of the last search (or KB-12) to the ticket',
    run: async (s, arg) => {
      if (!s.current) return s.say('No ticket selected.');
      const ref = articleRef(s, arg);
      if (ref === null) return s.say('Say link and a number from the last search, or a ref such as KB-12.');
      const linked = await linkArticle(s.desk.db, s.current.id, ref, s.me);
      const title = sanitizeLine(linked.article.title);
      s.say(
        linked.created
          ? `KB-${linked.article.id} ${title} linked to ${linked.ticketRef}.`
          : `KB-${linked.article.id} was already linked to ${linked.ticketRef}.`,
      );
    },
  },
];
