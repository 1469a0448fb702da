/** Types for @mixmark-io/domino (turndown's DOM for Node): its own declaration names the module 'domino'. */
declare module '@mixmark-io/domino' {
  /** A DOM document parsed from HTML as a browser would (never throws on broken markup). */
  export function createDocument(html?: string, force?: boolean): DominoDocument;

  export interface DominoNode {
    nodeName: string;
    nodeType: number;
    textContent: string | null;
    parentNode: DominoElement | null;
    childNodes: ArrayLike<DominoNode>;
  }

  export interface DominoElement extends DominoNode {
    id: string;
    className: string;
    innerHTML: string;
    outerHTML: string;
    getAttribute(name: string): string | null;
    setAttribute(name: string, value: string): void;
    querySelector(selector: string): DominoElement | null;
    querySelectorAll(selector: string): ArrayLike<DominoElement>;
    remove(): void;
  }

  export interface DominoDocument extends DominoElement {
    title: string;
    body: DominoElement | null;
  }
}
