/** Plain mode is a face of its own: everything it loads (bundled as the build bundles it) holds no ink or react. */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('plain mode bundle', () => {
  it('reaches no ink, react or @inkjs/ui module from src/tui/plain/main.ts', async () => {
    const result = await build({
      absWorkingDir: root,
      entryPoints: ['src/tui/plain/main.ts'],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      external: ['bindings', 'better-sqlite3'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.startsWith('src/tui/plain/'))).toBe(true);
    expect(inputs.filter((i) => /node_modules\/(ink|react|react-reconciler|@inkjs)\//.test(i))).toEqual([]);
    expect(inputs.filter((i) => i.endsWith('.tsx'))).toEqual([]);
  });
});
