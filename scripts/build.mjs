// Builds dist/ with esbuild: minified ESM, code splitting (the CLI path never loads ink/react),
// better-sqlite3 external (native addon), NODE_ENV fixed, react-devtools-core stubbed.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { version } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
// Build beside dist/ and swap it in, so a test running the binary never sees a half-written dist.
const staging = `dist.tmp-${process.pid}`;

await build({
  absWorkingDir: root,
  // The dashboard's worker thread is an entry of its own: the console starts it from dist/ by URL.
  entryPoints: { cli: 'src/cli.ts', 'dashboard-worker': 'src/tui/dashboard-worker.ts' },
  outdir: staging,
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

const retired = `${root}dist.old-${process.pid}`;
try {
  renameSync(`${root}dist`, retired);
} catch {
  // no previous build
}
renameSync(`${root}${staging}`, `${root}dist`);
rmSync(retired, { recursive: true, force: true });
