/**
 * The knowledge-base bindings as data (appended to DEFAULT_KEYMAP): `K` opens the KB screen, `L`
 * links a suggested article to the ticket, Ctrl+K puts the top suggestion into a reply. The status
 * bar, the help overlay and `keymap.<action>` remaps read them like any other binding.
 */
import type { Binding, Mode } from './actions.js';

const LIST: readonly Mode[] = ['queue', 'detail'];
const SCREEN: readonly Mode[] = ['kbSearch', 'kbList'];

export const KB_KEYMAP: readonly Binding[] = [
  { key: 'K', action: 'kbOpen', help: 'knowledge base: search articles as you type', hint: 'KB', when: [...LIST, 'welcome'] },
  { key: 'L', action: 'kbLink', help: 'link a suggested KB article to the ticket', when: LIST },
  { key: 'B', action: 'kbDraft', help: 'draft a KB article from the ticket', when: LIST },

  { key: 'down', action: 'kbNext', help: 'next result', hint: 'move', when: SCREEN },
  { key: 'up', action: 'kbPrev', help: 'previous result', hint: 'move', when: SCREEN },
  { key: 'ctrl+n', action: 'kbNext', help: 'next result', when: ['kbSearch'] },
  { key: 'ctrl+p', action: 'kbPrev', help: 'previous result', when: ['kbSearch'] },
  { key: 'j', action: 'kbNext', help: 'next result', when: ['kbList'] },
  { key: 'k', action: 'kbPrev', help: 'previous result', when: ['kbList'] },
  { key: 'enter', action: 'kbRead', help: 'read the article full screen', hint: 'read', when: SCREEN },
  { key: 'tab', action: 'kbFocusList', help: 'from the search box to the results (j/k)', hint: 'results', when: ['kbSearch'] },
  { key: 'tab', action: 'kbFocusBox', help: 'back to the search box', hint: 'search', when: ['kbList'] },
  { key: '/', action: 'kbFocusBox', help: 'back to the search box', when: ['kbList'] },
  { key: 'backspace', action: 'kbBackspace', help: 'delete a character', when: ['kbSearch'] },
  { key: 'delete', action: 'kbBackspace', help: 'delete a character', when: ['kbSearch'] },
  { key: 'ctrl+u', action: 'kbErase', help: 'erase the search text', when: ['kbSearch'] },
  { key: 'L', action: 'kbLinkShown', help: 'link this article to the selected ticket', hint: 'link', when: ['kbList', 'kbArticle'] },
  { key: 'escape', action: 'kbClose', help: 'back to where you were', hint: 'back', when: SCREEN },
  { key: 'q', action: 'kbClose', help: 'back to where you were', when: ['kbList'] },
  { key: 'ctrl+c', action: 'quit', help: 'quit', when: ['kbSearch', 'kbList', 'kbArticle'] },

  { key: 'j', action: 'kbScrollDown', help: 'scroll down', hint: 'scroll', when: ['kbArticle'] },
  { key: 'k', action: 'kbScrollUp', help: 'scroll up', hint: 'scroll', when: ['kbArticle'] },
  { key: 'down', action: 'kbScrollDown', help: 'scroll down', when: ['kbArticle'] },
  { key: 'up', action: 'kbScrollUp', help: 'scroll up', when: ['kbArticle'] },
  { key: ' ', action: 'kbPageDown', help: 'page down', hint: 'page', when: ['kbArticle'] },
  { key: 'pagedown', action: 'kbPageDown', help: 'page down', hint: 'page', when: ['kbArticle'] },
  { key: 'pageup', action: 'kbPageUp', help: 'page up', hint: 'page', when: ['kbArticle'] },
  { key: 'g', action: 'kbTop', help: 'top', hint: 'top/end', when: ['kbArticle'] },
  { key: 'G', action: 'kbBottom', help: 'end', hint: 'top/end', when: ['kbArticle'] },
  { key: 'home', action: 'kbTop', help: 'top', when: ['kbArticle'] },
  { key: 'end', action: 'kbBottom', help: 'end', when: ['kbArticle'] },
  { key: 'escape', action: 'kbBack', help: 'back to the results (or the queue)', hint: 'back', when: ['kbArticle'] },
  { key: 'q', action: 'kbBack', help: 'back to the results (or the queue)', when: ['kbArticle'] },

  { key: 'ctrl+k', action: 'kbInsertRef', help: 'insert the top suggested KB article ("See KB-12: …")', hint: 'KB ref', when: ['compose'] },

  { key: 'y', action: 'kbOfferYes', help: 'yes: draft a KB article from the resolved ticket', hint: 'draft article', when: ['kbOffer'] },
  { key: 'n', action: 'kbOfferNo', help: 'no', hint: 'no', when: ['kbOffer'] },
  { key: 'escape', action: 'kbOfferNo', help: 'no', when: ['kbOffer'] },
];
