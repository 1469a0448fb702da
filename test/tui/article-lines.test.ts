/**
 * The console's reader draws an article as `kb show` prints it: on every page of fixtures/markdown
 * (tables, long and nested lists, code, quotes), the console's lines at 80 columns are kb show's
 * body, less the heading the console's title bar already shows; no line is wider than the reader.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/domain/display-width.js';
import { articleLines } from '../../src/tui/text/article-lines.js';
import { runCli } from '../helpers/cli.js';
import { tempEnv } from '../helpers/temp.js';

const DIR = fileURLToPath(new URL('../../fixtures/markdown/', import.meta.url));
const PAGES = readdirSync(DIR).filter((f) => f.endsWith('.md'));

describe('the console reader and kb show', () => {
  it('show the same text for every fixture page', async () => {
    const env = tempEnv();
    for (const page of PAGES) {
      const added = JSON.parse((await runCli(['kb', 'add', `${DIR}${page}`, '--json'], { env })).stdout);
      const { article } = added as { article: { id: number; title: string; body: string } };
      const shown = await runCli(['kb', 'show', String(article.id)], { env });
      expect(shown.code).toBe(0);
      // kb show: two lines of what the article is, a blank line, the body's own `# Title`, the rest.
      const printed = shown.stdout.trimEnd().split('\n');
      expect(printed.slice(2, 5)).toEqual(['', `# ${article.title}`, '']);
      const body = printed.slice(5);
      const console80 = articleLines(article, 80, false);
      expect(console80, page).toEqual(body);
      expect(console80.join('\n')).toMatch(/│|: /);
      for (const width of [40, 78, 100])
        for (const l of articleLines(article, width, true))
          expect(displayWidth(l.replace(/\x1b\[[0-9;]*m/g, ''))).toBeLessThanOrEqual(width);
    }
  });
});
