// Builds dist/ with esbuild: minified ESM, code splitting (the CLI path never loads ink/react),
// better-sqlite3 external (native addon), NODE_ENV fixed, react-devtools-core stubbed.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
rmSync(`${root}dist`, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  external: ['better-sqlite3'],
  alias: { 'react-devtools-core': './scripts/empty-module.mjs' },
  define: { 'process.env.NODE_ENV': '"production"', DESKLINE_VERSION: JSON.stringify(version) },
  banner: {
    js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
  },
  logLevel: 'warning',
});
