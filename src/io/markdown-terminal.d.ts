/** marked-terminal ships no types: the one function Deskline uses. */
declare module 'marked-terminal' {
  import type { MarkedExtension } from 'marked';

  export interface TerminalRendererOptions {
    width?: number;
    reflowText?: boolean;
    emoji?: boolean;
    tab?: number;
    showSectionPrefix?: boolean;
    [style: string]: unknown;
  }

  export function markedTerminal(options?: TerminalRendererOptions, highlightOptions?: Record<string, unknown>): MarkedExtension;
}
