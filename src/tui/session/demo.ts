/**
 * The welcome screen's demo data, loaded lazily (the generator and the starter articles stay out of
 * the console's start-up path): demo tickets, and the starter KB articles when the knowledge base is
 * still empty. Articles a desk already holds (imported, written) are never touched.
 */
import { DEFAULT_DEMO_TICKETS } from '../../demo/size.js';
import type { Identity } from '../../settings.js';
import type { Desk } from '../../store/desk.js';
import { countArticles } from '../../store/kb.js';
import type { DemoLoader } from '../props.js';

export function demoLoader(me: Identity, tickets = DEFAULT_DEMO_TICKETS): DemoLoader {
  return {
    tickets,
    load: async (desk: Desk, progress: (text: string) => void) => {
      const [{ seedDemo }, { starterArticles }] = await Promise.all([import('../../demo/seed.js'), import('../../io/kb-import.js')]);
      const keepKb = (await countArticles(desk.db)) > 0;
      await seedDemo(desk, {
        tickets,
        me,
        ...(keepKb ? {} : { articles: starterArticles() }),
        onProgress: (done, total) => progress(`loading demo data… ${Math.round((done / total) * 100)}%`),
      });
    },
  };
}
